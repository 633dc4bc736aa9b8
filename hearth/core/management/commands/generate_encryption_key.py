from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Print a new encryption key. Put it first in HEARTH_ENCRYPTION_KEYS "
        "(comma-separated, newest first), then run rotate_encryption_keys."
    )

    def handle(self, *args, **options):
        self.stdout.write(Fernet.generate_key().decode())
