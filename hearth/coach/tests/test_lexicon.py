"""The lexicon file is checked when it loads: mistakes stop it with a clear message."""

import copy
import re
import tomllib

import pytest

from hearth.coach import LexiconError
from hearth.coach.lexicon import (
    CATEGORIES,
    LEXICON_PATH,
    _catalog_feelings,
    get_lexicon,
    parse_lexicon,
    read_lexicon,
)


@pytest.fixture(scope="module")
def data():
    with LEXICON_PATH.open("rb") as handle:
        return tomllib.load(handle)


def parse(data):
    return parse_lexicon(data, _catalog_feelings())


def broken(data, change):
    copied = copy.deepcopy(data)
    change(copied)
    return copied


def test_the_real_lexicon_loads(data):
    lexicon = parse(data)
    assert {rule.category for rule in lexicon.rules} | {
        c for rule in lexicon.rules for c in rule.also
    } == set(CATEGORIES)
    assert get_lexicon().rules  # and the cached copy too


def test_hearth_feelings_are_reused():
    lexicon = get_lexicon()
    labels, _ = _catalog_feelings()
    for label in ("overwhelmed", "lonely", "disappointed", "fed up", "on edge"):
        assert label in labels
        assert label in lexicon.feeling_frame
    for perception in ("left out", "ignored", "invisible", "forgotten"):
        assert perception not in lexicon.feeling_frame


def test_every_rule_matches_its_examples_and_the_quick_check_lets_them_through():
    lexicon = get_lexicon()
    for rule in lexicon.rules:
        for example in rule.examples:
            text = lexicon.normalise(example).text
            assert any(p.search(text) for p in rule.patterns), (rule.id, example)
            for pattern, needed in zip(rule.patterns, rule.gates, strict=True):
                if needed is not None and pattern.search(text):
                    assert any(word in text for word in needed), (rule.id, example)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "version must be 1"),
        (lambda d: d.update(surprise=1), "unknown top-level fields"),
        (lambda d: d["categories"].pop("contempt"), "misses ['contempt']"),
        (lambda d: d["categories"].update(sulking={"explanation": "x" * 30}), "unknown categ"),
        (lambda d: d["categories"]["advice"].update(explanation="short"), "20 to 400"),
        (lambda d: d["rule"][0].update(category="sulking"), "unknown category"),
        (lambda d: d["rule"][0].update(id="contempt.always"), "must start with 'criticism.'"),
        (lambda d: d["rule"][1].update(id=d["rule"][0]["id"]), "used twice"),
        (lambda d: d["rule"][0].update(colour="red"), "unknown fields ['colour']"),
        (lambda d: d["rule"][0].update(pattern="(unclosed"), "does not compile"),
        (lambda d: d["rule"][0].update(pattern=r"\b{nonsense}\b"), "unknown word list"),
        (lambda d: d["rule"][0].update(examples=["nothing to see here"]), "does not match"),
        (lambda d: d["rule"][0].pop("examples"), "needs a list of examples"),
        (lambda d: d["rule"][0].update(contexts=["email"]), "contexts must be"),
        (lambda d: d["rule"][0].update(negation="maybe"), "negation must be"),
        (lambda d: d["rule"][0].update(also=["sulking"]), "also must list"),
        (lambda d: d["rule"][0].update(unless_after="(x"), "does not compile"),
        (lambda d: d["spelling"].update(Hello="hi"), "lower-case word"),
        (lambda d: d["feelings"].update(frame_only=["sad"], exclude=["sad"]), "both frame_only"),
        (lambda d: d["feelings"].update(colour=["red"]), "unknown fields"),
        (lambda d: d["macros"].update(feeling=["x"]), "built-in list"),
        (lambda d: d["macros"].update(empty=[]), "non-empty list"),
        (lambda d: d["curt"].update(single=["banana"]), "subset"),
        (lambda d: d["frames"].update(negation=["(x"]), "does not compile"),
        (lambda d: d.update(rule=[]), "at least one"),
    ],
)
def test_mistakes_are_caught(data, change, message):
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse(broken(data, change))


def test_paraphrase_only_categories_must_say_so(data):
    def change(d):
        rule = next(r for r in d["rule"] if r["category"] == "advice")
        rule["contexts"] = ["message", "paraphrase"]

    with pytest.raises(LexiconError, match="paraphrases only"):
        parse(broken(data, change))


def test_a_category_without_rules_is_caught(data):
    def change(d):
        d["rule"] = [r for r in d["rule"] if r["category"] != "validation"]

    with pytest.raises(LexiconError, match="no rule for"):
        parse(broken(data, change))


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(LexiconError, match="missing"):
        read_lexicon(tmp_path / "lexicon.toml")
    bad = tmp_path / "lexicon.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(LexiconError, match=r"lexicon\.toml: not valid TOML"):
        read_lexicon(bad)


def test_the_quick_check_never_skips_a_pattern_that_would_match():
    from hearth.coach.evaluation import load_set

    lexicon = get_lexicon()
    texts = [lexicon.normalise(m.text).text for name in ("dev", "test") for m in load_set(name)]
    texts += ["", "ab", "you", "whatever 🙄", "u never listen", "I'm so done. Bye."]
    for text in texts:
        chosen = {id(pattern) for _, pattern in lexicon.candidates(text)}
        for rule, pattern in lexicon.patterns:
            if pattern.search(text):
                assert id(pattern) in chosen, (rule.id, text)


def test_a_cover_gate_is_sound():
    from hearth.coach.prefilter import MAX_ALTERNATIVES, _cover, gate

    strings = {f"you{sep}{word}" for sep in ("'re ", " are ", " were ") for word in "abcdefg"}
    cover = _cover(strings)
    assert cover is not None and len(cover) <= MAX_ALTERNATIVES
    assert all(any(piece in s for piece in cover) for s in strings)
    needed = gate(re.compile(r"\b(?:you're|you are|you were|you've been|you seem) (?:a|b|c|d)\b"))
    assert needed is not None and all(len(piece) >= 3 for piece in needed)
