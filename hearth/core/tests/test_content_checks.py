import shutil

import pytest
from django.core import checks

from hearth.content import Catalog, loader
from hearth.core import checks as core_checks


@pytest.fixture
def fresh_catalog(monkeypatch):
    """The check reads a catalog that has not loaded anything yet."""
    catalog = Catalog()
    monkeypatch.setattr(core_checks, "catalog", catalog)
    return catalog


@pytest.fixture
def broken_questions(tmp_path, monkeypatch):
    for path in loader.CONTENT_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    path = tmp_path / "questions.toml"
    path.write_text(path.read_text().replace('depth = "light"', 'depth = "shallow"', 1))
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    return path


class TestContentChecks:
    def test_it_passes_with_the_real_files(self, fresh_catalog):
        assert core_checks.content_files_are_valid(None) == []
        assert len(fresh_catalog.questions) > 0

    def test_it_reports_a_broken_file(self, fresh_catalog, broken_questions):
        errors = core_checks.content_files_are_valid(None)
        assert len(errors) == 1
        error = errors[0]
        assert isinstance(error, checks.Error)
        assert error.id == "hearth.E001"
        assert "questions.toml question #1 (oc-l-01)" in error.msg
        assert "depth must be one of light, deeper, vulnerable" in error.msg

    def test_it_reports_a_missing_file(self, fresh_catalog, broken_questions):
        (broken_questions.parent / "reactions.toml").unlink()
        broken_questions.write_text(
            broken_questions.read_text().replace('depth = "shallow"', 'depth = "light"')
        )
        errors = core_checks.content_files_are_valid(None)
        assert [e.id for e in errors] == ["hearth.E001"]
        assert "reactions.toml: file is missing" in errors[0].msg

    def test_it_runs_with_the_system_checks(self, fresh_catalog, broken_questions):
        found = [e for e in checks.run_checks() if e.id == "hearth.E001"]
        assert len(found) == 1
        assert "questions.toml" in found[0].msg
        assert found[0].is_serious()
