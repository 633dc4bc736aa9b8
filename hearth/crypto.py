"""Authenticated encryption for free text people write.

Fernet (AES-128-CBC with HMAC-SHA256) from `cryptography`, wrapped in MultiFernet
so several keys can be configured: the first key encrypts, every key decrypts,
and `manage.py rotate_encryption_keys` re-encrypts old rows with the first key.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["InvalidToken", "decrypt", "encrypt", "fernet", "is_current", "rotate"]


@lru_cache(maxsize=4)
def _build(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    if not keys:
        raise ImproperlyConfigured("HEARTH_ENCRYPTION_KEYS holds no key.")
    try:
        fernets = [Fernet(key.encode()) for key in keys]
    except ValueError as exc:
        raise ImproperlyConfigured(
            "HEARTH_ENCRYPTION_KEYS must hold url-safe base64 Fernet keys of 32 bytes, "
            "comma-separated, newest first (manage.py generate_encryption_key makes one)."
        ) from exc
    return MultiFernet(fernets), fernets[0]


def fernet() -> MultiFernet:
    return _build(tuple(settings.HEARTH_ENCRYPTION_KEYS))[0]


def encrypt(plaintext: str) -> str:
    return fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode("ascii")).decode("utf-8")


def is_current(token: str) -> bool:
    """True when the token was made with the newest key (nothing to rotate)."""
    newest = _build(tuple(settings.HEARTH_ENCRYPTION_KEYS))[1]
    try:
        newest.decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


def rotate(token: str) -> str:
    return fernet().rotate(token.encode("ascii")).decode("ascii")
