import importlib

from django.conf import settings
from django.test import SimpleTestCase


class PasswordHashersTests(SimpleTestCase):
    def test_argon2_is_the_production_hasher(self):
        production = importlib.import_module("hearth.settings")
        self.assertEqual(
            production.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.Argon2PasswordHasher"
        )
        # Older hashes stay readable so existing passwords keep working.
        self.assertGreater(len(production.PASSWORD_HASHERS), 1)

    def test_argon2_is_installed(self):
        from django.contrib.auth.hashers import Argon2PasswordHasher

        hasher = Argon2PasswordHasher()
        encoded = hasher.encode("a passphrase", hasher.salt())
        self.assertTrue(encoded.startswith("argon2$"))
        self.assertTrue(hasher.verify("a passphrase", encoded))
        self.assertFalse(hasher.verify("another", encoded))

    def test_tests_use_a_fast_hasher(self):
        self.assertEqual(
            settings.PASSWORD_HASHERS, ["django.contrib.auth.hashers.MD5PasswordHasher"]
        )
