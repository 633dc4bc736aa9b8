"""Test settings: the real settings, with fixed keys and a fast password hash.

DATABASE_URL picks the database as usual (SQLite by default; `make test` runs
the suite a second time on PostgreSQL).
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-that-is-long-enough-for-django-checks")
# A fixed Fernet key for tests only (never used outside the test suite).
os.environ.setdefault("HEARTH_ENCRYPTION_KEYS", "6XL3mocCg2hLBTEVnsgsTMNlMvZXv6o_vDveeAgNB-0=")
os.environ.setdefault("HEARTH_DATA_DIR", os.path.join(tempfile.gettempdir(), "hearth-test-data"))
os.environ.setdefault("HEARTH_SECURE_COOKIES", "0")

from hearth.settings import *  # noqa: F403
from hearth.settings import STORAGES

# Argon2 is the real hasher (checked by a test of hearth.settings); tests use a
# fast one so creating people in fixtures costs nothing.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
