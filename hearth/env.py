"""Small helpers that read settings from the environment.

Kept apart from settings.py so the key-generation rules (development only) can be
tested without reloading Django settings.
"""

import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def _read_or_create(path: Path, make: Callable[[], str], what: str) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = make()
    # Create with owner-only permissions: these are secrets.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    print(f"Hearth: generated a development {what} in {path}", file=sys.stderr)
    return value


def secret_key(*, debug: bool, data_dir: Path) -> str:
    value = env_str("SECRET_KEY")
    if value:
        return value
    if not debug:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. A production run (DEBUG off) needs a long random "
            "SECRET_KEY in the environment. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return _read_or_create(data_dir / "secret_key", lambda: secrets.token_urlsafe(50), "secret key")


def encryption_keys(*, debug: bool, data_dir: Path) -> list[str]:
    """Fernet keys, newest first. The first key encrypts; every key decrypts."""
    keys = env_list("HEARTH_ENCRYPTION_KEYS")
    if keys:
        return keys
    if not debug:
        raise ImproperlyConfigured(
            "HEARTH_ENCRYPTION_KEYS is not set. A production run (DEBUG off) needs at "
            "least one encryption key (comma-separated, newest first). Generate one with: "
            "python manage.py generate_encryption_key"
        )
    from cryptography.fernet import Fernet

    raw = _read_or_create(
        data_dir / "encryption_keys",
        lambda: Fernet.generate_key().decode(),
        "encryption key",
    )
    return [line.strip() for line in raw.splitlines() if line.strip()]
