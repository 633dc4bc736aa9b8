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

# SQLite's in-memory test database runs in shared-cache mode, where a read in one
# thread and a write in another fail at once with "database table is locked"; the busy
# timeout does not apply. The browser tests' live server serves several requests at a
# time (a page polling while a form posts), as a real server does, so tests use a file
# in WAL mode, like production. The process id keeps two test runs on one machine (or two
# pytest-xdist workers) from ever sharing a file; Django deletes it when the run ends.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(os.environ["HEARTH_DATA_DIR"], f"test-{os.getpid()}.sqlite3")
    }
