import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]
START = (
    "import django; django.setup(); "
    "from django.conf import settings; print('started', settings.DEBUG)"
)


def run_django(tmp_path, **env):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DATABASE_URL", "SECRET_KEY", "HEARTH_ENCRYPTION_KEYS", "DJANGO_SETTINGS_MODULE"}
    }
    environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "hearth.settings",
            "DEBUG": "0",
            "HEARTH_DATA_DIR": str(tmp_path),
        }
    )
    environ.update(env)
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", START],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def key():
    return Fernet.generate_key().decode()


class TestProductionSettings:
    def test_it_refuses_to_start_without_any_secret(self, tmp_path):
        result = run_django(tmp_path)
        assert result.returncode != 0
        assert "started" not in result.stdout
        assert "ImproperlyConfigured" in result.stderr
        assert "SECRET_KEY is not set" in result.stderr
        assert not (tmp_path / "secret_key").exists()

    def test_it_refuses_to_start_without_encryption_keys(self, tmp_path):
        result = run_django(tmp_path, SECRET_KEY="a-production-secret-key-" + "x" * 40)
        assert result.returncode != 0
        assert "HEARTH_ENCRYPTION_KEYS is not set" in result.stderr
        assert not (tmp_path / "encryption_keys").exists()

    def test_it_refuses_to_start_without_a_secret_key(self, tmp_path, key):
        result = run_django(tmp_path, HEARTH_ENCRYPTION_KEYS=key)
        assert result.returncode != 0
        assert "SECRET_KEY is not set" in result.stderr

    def test_it_starts_with_both_set(self, tmp_path, key):
        result = run_django(
            tmp_path,
            SECRET_KEY="a-production-secret-key-" + "x" * 40,
            HEARTH_ENCRYPTION_KEYS=key,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "started False"
        assert "generated" not in result.stderr
        assert not (tmp_path / "secret_key").exists()
        assert not (tmp_path / "encryption_keys").exists()

    def test_it_rejects_a_misspelt_debug_flag(self, tmp_path):
        result = run_django(tmp_path, DEBUG="sometimes")
        assert result.returncode != 0
        assert "DEBUG must be one of" in result.stderr
