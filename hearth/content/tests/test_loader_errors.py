import shutil
import textwrap

import pytest

from hearth.content import Catalog, ContentError, loader

GOOD_QUESTION = """
[[question]]
key = "oc-l-99"
practice = "open_communication"
depth = "light"
tags = ["everyday"]
text = "What is a small thing you noticed on the way home today?"
"""


@pytest.fixture
def content_dir(tmp_path, monkeypatch):
    """A copy of the real content files that a test may break."""
    for path in loader.CONTENT_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    return tmp_path


def append(content_dir, name: str, text: str) -> None:
    with (content_dir / name).open("a") as handle:
        handle.write(textwrap.dedent(text))


def load_questions():
    return Catalog().questions


class TestLoaderErrors:
    def test_the_copy_loads(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION)
        catalog = Catalog()
        catalog.load_all()
        assert catalog.questions[-1].key == "oc-l-99"

    def test_a_missing_field_names_the_file_and_the_entry(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION.replace('text = "What', 'txt = "What'))
        with pytest.raises(ContentError) as caught:
            load_questions()
        message = str(caught.value)
        assert message.startswith("questions.toml question #")
        assert "(oc-l-99)" in message
        assert "'text' must be text" in message

    def test_a_bad_depth_is_refused(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION.replace('"light"', '"shallow"'))
        with pytest.raises(ContentError, match=r"questions\.toml question #\d+ \(oc-l-99\): depth"):
            load_questions()

    def test_a_depth_letter_that_does_not_match_is_refused(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION.replace('"light"', '"deeper"'))
        with pytest.raises(ContentError, match=r"\(oc-l-99\): the key's depth letter"):
            load_questions()

    def test_a_duplicate_key_is_refused(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION.replace("oc-l-99", "oc-l-01"))
        with pytest.raises(ContentError) as caught:
            load_questions()
        assert "questions.toml question #" in str(caught.value)
        assert "key 'oc-l-01' is used twice" in str(caught.value)

    def test_the_same_text_twice_is_refused(self, content_dir):
        first = Catalog().questions[0].text
        duplicate = GOOD_QUESTION.replace(
            "What is a small thing you noticed on the way home today?", first.upper() + "!"
        )
        append(content_dir, "questions.toml", duplicate)
        with pytest.raises(ContentError, match=r"\(oc-l-99\): the same text appears twice"):
            load_questions()

    def test_an_unknown_tag_is_refused(self, content_dir):
        append(content_dir, "questions.toml", GOOD_QUESTION.replace('["everyday"]', '["gossip"]'))
        with pytest.raises(ContentError, match=r"\(oc-l-99\): unknown tags \['gossip'\]"):
            load_questions()

    def test_too_many_tags_are_refused(self, content_dir):
        tags = '["everyday", "future", "dreams", "playful"]'
        append(content_dir, "questions.toml", GOOD_QUESTION.replace('["everyday"]', tags))
        with pytest.raises(ContentError, match=r"\(oc-l-99\): needs 1 to 3 tags"):
            load_questions()

    def test_an_unknown_practice_is_refused(self, content_dir):
        append(
            content_dir, "questions.toml", GOOD_QUESTION.replace("open_communication", "gardening")
        )
        with pytest.raises(ContentError, match=r"\(oc-l-99\): unknown practice 'gardening'"):
            load_questions()

    def test_bad_toml_names_the_file_and_the_line(self, content_dir):
        lines = (content_dir / "questions.toml").read_text().count("\n")
        append(content_dir, "questions.toml", '\n[[question]\nkey = "oc-l-99"\n')
        with pytest.raises(ContentError) as caught:
            load_questions()
        message = str(caught.value)
        assert message.startswith("questions.toml: not valid TOML")
        assert f"line {lines + 2}" in message

    def test_a_missing_file_is_named(self, content_dir):
        (content_dir / "needs.toml").unlink()
        with pytest.raises(ContentError, match=r"^needs\.toml: file is missing$"):
            Catalog().load_all()

    def test_a_feeling_group_needs_three_feelings(self, content_dir):
        append(
            content_dir,
            "feelings.toml",
            """
            [[group]]
            key = "tiny"
            label = "Tiny"
            tone = "mixed"
            feelings = [{ key = "meh", label = "meh" }]
            """,
        )
        with pytest.raises(ContentError, match=r"feelings\.toml group #9: needs at least three"):
            Catalog().load_all()

    def test_a_feeling_key_used_in_two_groups_is_refused(self, content_dir):
        append(
            content_dir,
            "feelings.toml",
            """
            [[group]]
            key = "again"
            label = "Again"
            tone = "mixed"
            feelings = [
              { key = "wistful_again", label = "wistful" },
              { key = "happy", label = "happy" },
              { key = "odd", label = "odd" },
            ]
            """,
        )
        with pytest.raises(ContentError, match=r"group #9 feeling #2: key 'happy' is used twice"):
            Catalog().load_all()

    def test_needs_must_keep_own_words(self, content_dir):
        path = content_dir / "needs.toml"
        path.write_text(path.read_text().replace('key = "own_words"', 'key = "in_my_words"'))
        with pytest.raises(ContentError, match=r"needs\.toml: the 'own_words' need is required"):
            Catalog().load_all()

    def test_there_must_be_ten_practices(self, content_dir):
        append(
            content_dir,
            "practices.toml",
            """
            [[practice]]
            key = "gardening"
            number = 11
            name = "Gardening"
            summary = "Growing things together in the garden."
            """,
        )
        with pytest.raises(
            ContentError, match=r"practices\.toml: there are ten practices, found 11"
        ):
            Catalog().load_all()

    def test_a_reaction_symbol_must_be_short(self, content_dir):
        path = content_dir / "reactions.toml"
        path.write_text(path.read_text().replace('symbol = "♥"', 'symbol = "love love"'))
        with pytest.raises(ContentError, match=r"reactions\.toml reaction #1: 'symbol' must be"):
            Catalog().load_all()
