"""Arbitrary text never breaks the coach, and every span it reports is a real slice."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.coach import CATEGORIES, analyse
from hearth.coach.text import Normalised

# Pieces the rules care about, mixed with arbitrary Unicode, so the fuzzing reaches the
# interesting code paths (quotes, negation, emoji, expanded spellings) and not only noise.
PIECES = [
    "you always ",
    "never ",
    "u ",
    "ur ",
    "I feel ",
    "hurt ",
    "whatever",
    "fine.",
    "\u2019",
    "\u2018",
    "“",
    "”",
    "'",
    '"',
    "🙄",
    "\u200d",
    "\u0301",
    "İ",
    "ß",
    "ﬁ",
    "﷽",
    "\n",
    "\t",
    "  ",
    "sooooo ",
    "frustated ",
    "can you ",
    "thank you ",
    "but you ",
    "*rolls eyes*",
    "'tried' ",
    "not ",
    "don't think ",
    "…",
    "—",
    "(",
    ")",
    "I'm done",
    "could we ",
    "you should ",
]
mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=120).map(
    lambda parts: "".join(parts)[:2000]
)
anything = st.one_of(st.text(max_size=2000), mixed)


def check(text: str, context: str) -> None:
    result = analyse(text, context=context)
    for finding in result.findings + result.strengths:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.excerpt
        assert finding.category in CATEGORIES
        assert finding.explanation
    assert result.categories == {f.category for f in result.findings + result.strengths}
    assert (result.suggestion is None) == (result.explanation is None)
    if result.findings:
        assert result.suggestion


@settings(max_examples=300)
@given(text=anything, context=st.sampled_from(["message", "paraphrase"]))
def test_never_raises_and_spans_are_valid(text, context):
    check(text, context)


@settings(max_examples=50)
@given(
    text=st.text(min_size=1500, max_size=2000), context=st.sampled_from(["message", "paraphrase"])
)
def test_long_text(text, context):
    check(text, context)


@settings(max_examples=100)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=()), max_size=300
    )  # surrogates and control characters too
)
def test_any_code_point(text):
    check(text, "message")


def test_long_repetitive_inputs_stay_quick():
    for text in ("🙄" * 2000, "you always " * 200, "but you " * 250, "'" * 2000, '"a' * 1000):
        check(text[:2000], "message")
        check(text[:2000], "paraphrase")


def test_original_span_is_clamped():
    norm = Normalised("abc", "abc")
    assert norm.original_span(-5, 99) == (0, 3)
    assert Normalised("", "").original_span(0, 1) == (0, 0)
