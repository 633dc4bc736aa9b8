from io import StringIO

from cryptography.fernet import Fernet
from django.core.management import call_command
from django.test import SimpleTestCase


def generate() -> str:
    out = StringIO()
    call_command("generate_encryption_key", stdout=out)
    return out.getvalue().strip()


class GenerateEncryptionKeyTests(SimpleTestCase):
    def test_it_prints_a_valid_fernet_key(self):
        key = generate()
        self.assertEqual(len(key.splitlines()), 1)
        fernet = Fernet(key.encode())
        self.assertEqual(fernet.decrypt(fernet.encrypt(b"hello")), b"hello")

    def test_it_prints_a_new_key_each_time(self):
        self.assertNotEqual(generate(), generate())
