import stat

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from hearth.env import encryption_keys, env_bool, env_int, env_list, secret_key


@pytest.fixture
def clean_env(monkeypatch):
    """No secrets in the environment: the test settings set both."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("HEARTH_ENCRYPTION_KEYS", raising=False)
    return monkeypatch


class TestEnv:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("1", True),
            ("true", True),
            ("True", True),
            ("yes", True),
            ("on", True),
            (" ON ", True),
            ("0", False),
            ("false", False),
            ("FALSE", False),
            ("no", False),
            ("off", False),
        ],
    )
    def test_env_bool_reads_the_usual_words(self, monkeypatch, raw, expected):
        monkeypatch.setenv("HEARTH_FLAG", raw)
        assert env_bool("HEARTH_FLAG", not expected) is expected

    def test_env_bool_uses_the_default_when_unset(self, monkeypatch):
        monkeypatch.delenv("HEARTH_FLAG", raising=False)
        assert env_bool("HEARTH_FLAG", True) is True
        assert env_bool("HEARTH_FLAG", False) is False

    @pytest.mark.parametrize("raw", ["maybe", "2", "enabled", "y e s"])
    def test_env_bool_rejects_other_words(self, monkeypatch, raw):
        monkeypatch.setenv("HEARTH_FLAG", raw)
        with pytest.raises(ImproperlyConfigured, match="HEARTH_FLAG"):
            env_bool("HEARTH_FLAG", False)

    def test_env_int_reads_a_number(self, monkeypatch):
        monkeypatch.setenv("HEARTH_NUMBER", "42")
        assert env_int("HEARTH_NUMBER", 7) == 42

    def test_env_int_uses_the_default_when_unset_or_blank(self, monkeypatch):
        monkeypatch.delenv("HEARTH_NUMBER", raising=False)
        assert env_int("HEARTH_NUMBER", 7) == 7
        monkeypatch.setenv("HEARTH_NUMBER", "  ")
        assert env_int("HEARTH_NUMBER", 7) == 7

    def test_env_int_rejects_words(self, monkeypatch):
        monkeypatch.setenv("HEARTH_NUMBER", "seven")
        with pytest.raises(ImproperlyConfigured, match="HEARTH_NUMBER must be a whole number"):
            env_int("HEARTH_NUMBER", 7)

    def test_env_list_splits_on_commas_and_drops_blanks(self, monkeypatch):
        monkeypatch.setenv("HEARTH_HOSTS", " a.example , b.example,, ")
        assert env_list("HEARTH_HOSTS") == ["a.example", "b.example"]

    def test_env_list_uses_a_copy_of_the_default(self, monkeypatch):
        monkeypatch.delenv("HEARTH_HOSTS", raising=False)
        default = ["localhost"]
        value = env_list("HEARTH_HOSTS", default)
        assert value == ["localhost"]
        value.append("changed")
        assert default == ["localhost"]
        assert env_list("HEARTH_HOSTS") == []

    def test_production_refuses_to_run_without_a_secret_key(self, clean_env, tmp_path):
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
            secret_key(debug=False, data_dir=tmp_path)
        assert list(tmp_path.iterdir()) == []

    def test_production_refuses_to_run_without_encryption_keys(self, clean_env, tmp_path):
        with pytest.raises(ImproperlyConfigured, match="HEARTH_ENCRYPTION_KEYS is not set"):
            encryption_keys(debug=False, data_dir=tmp_path)
        assert list(tmp_path.iterdir()) == []

    def test_production_does_not_fall_back_to_a_key_file(self, clean_env, tmp_path):
        (tmp_path / "secret_key").write_text("left-over-development-key\n")
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
            secret_key(debug=False, data_dir=tmp_path)

    def test_development_generates_a_secret_key_file(self, clean_env, tmp_path, capsys):
        data_dir = tmp_path / "data"
        first = secret_key(debug=True, data_dir=data_dir)
        path = data_dir / "secret_key"
        assert path.read_text().strip() == first
        assert len(first) >= 50
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        err = capsys.readouterr().err
        assert "generated a development secret key" in err
        assert str(path) in err

        again = secret_key(debug=True, data_dir=data_dir)
        assert again == first
        assert capsys.readouterr().err == ""

    def test_development_generates_an_encryption_key_file(self, clean_env, tmp_path, capsys):
        keys = encryption_keys(debug=True, data_dir=tmp_path)
        path = tmp_path / "encryption_keys"
        assert len(keys) == 1
        assert path.read_text().strip() == keys[0]
        Fernet(keys[0].encode())  # a valid key, or this raises
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        err = capsys.readouterr().err
        assert "generated a development encryption key" in err
        assert str(path) in err

        assert encryption_keys(debug=True, data_dir=tmp_path) == keys
        assert capsys.readouterr().err == ""

    def test_environment_values_win_over_files(self, clean_env, tmp_path):
        secret_key(debug=True, data_dir=tmp_path)
        encryption_keys(debug=True, data_dir=tmp_path)
        new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
        clean_env.setenv("SECRET_KEY", "from-the-environment")
        clean_env.setenv("HEARTH_ENCRYPTION_KEYS", f"{new}, {old}")
        assert secret_key(debug=True, data_dir=tmp_path) == "from-the-environment"
        assert encryption_keys(debug=True, data_dir=tmp_path) == [new, old]
        assert secret_key(debug=False, data_dir=tmp_path) == "from-the-environment"
        assert encryption_keys(debug=False, data_dir=tmp_path) == [new, old]
