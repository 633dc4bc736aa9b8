import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from hearth import crypto

NEW_KEY = Fernet.generate_key().decode()
OLD_KEY = Fernet.generate_key().decode()


class CryptoTests(SimpleTestCase):
    def test_it_round_trips_text(self):
        for text in ("a note", "Grüße, ça va? 😊 — 心", " leading and trailing "):
            token = crypto.encrypt(text)
            self.assertNotIn(text, token)
            self.assertEqual(crypto.decrypt(token), text)

    def test_tokens_differ_each_time(self):
        first, second = crypto.encrypt("same text"), crypto.encrypt("same text")
        self.assertNotEqual(first, second)
        self.assertEqual(crypto.decrypt(first), crypto.decrypt(second))

    def test_a_tampered_token_fails(self):
        token = crypto.encrypt("do not touch")
        middle = len(token) // 2
        flipped = "A" if token[middle] != "A" else "B"
        tampered = token[:middle] + flipped + token[middle + 1 :]
        with self.assertRaises(crypto.InvalidToken):
            crypto.decrypt(tampered)

    def test_a_token_from_another_key_fails(self):
        foreign = Fernet(Fernet.generate_key()).encrypt(b"secret").decode()
        with self.assertRaises(crypto.InvalidToken):
            crypto.decrypt(foreign)

    def test_every_configured_key_decrypts_and_the_first_encrypts(self):
        with override_settings(HEARTH_ENCRYPTION_KEYS=[OLD_KEY]):
            old_token = crypto.encrypt("written long ago")
            self.assertTrue(crypto.is_current(old_token))
        with override_settings(HEARTH_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
            self.assertEqual(crypto.decrypt(old_token), "written long ago")
            self.assertFalse(crypto.is_current(old_token))
            new_token = crypto.encrypt("written today")
            self.assertTrue(crypto.is_current(new_token))
            rotated = crypto.rotate(old_token)
            self.assertTrue(crypto.is_current(rotated))
        self.assertEqual(Fernet(NEW_KEY.encode()).decrypt(new_token.encode()), b"written today")
        self.assertEqual(Fernet(NEW_KEY.encode()).decrypt(rotated.encode()), b"written long ago")
        with self.assertRaises(crypto.InvalidToken):
            Fernet(OLD_KEY.encode()).decrypt(new_token.encode())

    def test_it_refuses_a_malformed_key(self):
        with (
            override_settings(HEARTH_ENCRYPTION_KEYS=["not-a-fernet-key"]),
            pytest.raises(ImproperlyConfigured, match="HEARTH_ENCRYPTION_KEYS"),
        ):
            crypto.encrypt("anything")

    def test_it_refuses_an_empty_key_list(self):
        with (
            override_settings(HEARTH_ENCRYPTION_KEYS=[]),
            pytest.raises(ImproperlyConfigured, match="holds no key"),
        ):
            crypto.encrypt("anything")
