"""The coach meets its targets on the dev set, and the evaluation tooling works."""

import textwrap
from io import StringIO

import pytest

from hearth.coach import CATEGORIES
from hearth.coach.evaluation import Example, Score, evaluate, format_report, load_set, run
from hearth.coach.management.commands.coach_evaluate import Command

PRECISION, RECALL = 0.9, 0.8


@pytest.fixture(scope="module")
def dev_report():
    return evaluate(load_set("dev"), "dev")


def test_dev_set_meets_the_targets_for_every_category(dev_report):
    assert dev_report.messages >= 250
    misses = {
        category: (round(score.precision, 2), round(score.recall, 2))
        for category, score in dev_report.scores.items()
        if score.precision < PRECISION or score.recall < RECALL
    }
    assert not misses
    for category in CATEGORIES:
        assert dev_report.scores[category].support > 0


def test_scores():
    score = Score("criticism", tp=8, fp=2, fn=2)
    assert (score.support, score.precision, score.recall) == (10, 0.8, 0.8)
    assert score.f1 == pytest.approx(0.8)
    assert Score("advice").precision == 1.0  # nothing expected, nothing found
    assert Score("advice", fn=3).precision == 0.0


def test_evaluate_counts_per_message():
    examples = [
        Example("You never listen.", "message", frozenset({"criticism"})),
        Example("Thank you for dinner.", "message", frozenset({"appreciation"})),
        Example("The bus is late.", "message", frozenset({"criticism"})),  # a miss on purpose
    ]
    report = evaluate(examples, "mini")
    assert report.messages == 3
    assert (report.scores["criticism"].tp, report.scores["criticism"].fn) == (1, 1)
    assert report.scores["appreciation"].tp == 1
    assert len(report.errors) == 1
    text = format_report(report, show_errors=True)
    assert "The bus is late." in text and "missed: criticism" in text


def test_load_set_checks_entries(tmp_path):
    (tmp_path / "dev.toml").write_text(
        textwrap.dedent(
            """
            [[message]]
            text = "Just ignore him."
            context = "message"
            labels = ["advice"]
            """
        )
    )
    with pytest.raises(ValueError, match="paraphrases only"):
        load_set("dev", tmp_path)
    with pytest.raises(ValueError, match="unknown evaluation set"):
        load_set("no-such-set", tmp_path)


def test_run_prints_a_table():
    text = run("dev")
    assert text.startswith("Coach evaluation: dev set")
    for category in CATEGORIES:
        assert category in text


def test_the_management_command_calls_the_same_function():
    out = StringIO()
    Command(stdout=out).handle(set_name="dev", show_errors=True)
    assert "Coach evaluation: dev set" in out.getvalue()
    assert "Misclassified messages" in out.getvalue()
