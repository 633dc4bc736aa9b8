"""The practices' prompt banks: deep talk, the state of us, invitation messages, home-page
suggestions and practice guides. The real files load; a broken copy fails with a message
naming the file and the entry."""

import re
import shutil
import textwrap

import pytest

from hearth.content import Catalog, ContentError, catalog, loader, normalised_text
from hearth.content.prompts import ACTIVITIES, MEETING_STEPS, SOLO_ACTIVITIES


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


def replace(content_dir, name: str, old: str, new: str, count: int = 1) -> None:
    path = content_dir / name
    text = path.read_text()
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, count))


def fails(match: str):
    """The first load of everything fails with a message matching `match`."""
    with pytest.raises(ContentError, match=match) as caught:
        Catalog().load_all()
    return str(caught.value)


DEEP = """
[[question]]
key = "dt-l-99"
depth = "light"
text = "Which song would you pick to play on a long, slow drive together?"
"""

INVITATION = """
[[invitation]]
key = "gentle_extra"
label = "One more gentle one"
text = "I found a small, private app for the two of us. No rush, and no is a perfectly fine answer."
"""

SUGGESTION = """
[[suggestion]]
key = "checkin_extra"
activity = "checkin"
solo = true
text = "How about a short check-in before bed, just to notice how today went?"
"""


class TestPrompts:
    # The real files

    def test_the_real_files_load(self):
        fresh = Catalog()
        fresh.load_all()
        assert fresh.deep_talk == catalog.deep_talk
        assert len(fresh.invitation_messages) >= 3
        assert len(fresh.suggestions) >= 10
        assert len(fresh.practice_guides) == 10

    def test_deep_talk_has_ten_of_each_depth_and_nothing_from_the_daily_bank(self):
        by_depth = dict.fromkeys(("light", "deeper", "vulnerable"), 0)
        for question in catalog.deep_talk:
            assert re.fullmatch(r"dt-[ldv]-\d{2}", question.key)
            assert question.key[3] == question.depth[0]
            assert 20 <= len(question.text) <= 200
            by_depth[question.depth] += 1
        assert min(by_depth.values()) >= 10
        daily = {normalised_text(q.text) for q in catalog.questions}
        assert not daily & {normalised_text(q.text) for q in catalog.deep_talk}
        assert len({q.key for q in catalog.deep_talk}) == len(catalog.deep_talk)
        assert catalog.deep_talk_by_key["dt-l-01"].depth_rank == 0

    def test_the_state_of_us_has_its_four_steps_in_order(self):
        assert tuple(step.key for step in catalog.meeting_steps) == MEETING_STEPS
        for step in catalog.meeting_steps:
            assert len(step.ideas) == 4
            assert step.title and step.intro and step.placeholder
        assert catalog.meeting_step_by_key["plan"].title == catalog.meeting_steps[-1].title

    def test_invitation_messages_keep_own_and_none_free(self):
        keys = [m.key for m in catalog.invitation_messages]
        assert len(keys) == len(set(keys))
        assert "own" not in keys
        assert "none" not in keys
        for message in catalog.invitation_messages:
            assert 3 <= len(message.label) <= 40
            assert 60 <= len(message.text) <= 400

    def test_suggestions_for_one_are_only_things_one_can_do(self):
        assert any(s.solo for s in catalog.suggestions)
        assert any(not s.solo for s in catalog.suggestions)
        for suggestion in catalog.suggestions:
            assert suggestion.activity in ACTIVITIES
            if suggestion.solo:
                assert suggestion.activity in SOLO_ACTIVITIES
        assert len({s.key for s in catalog.suggestions}) == len(catalog.suggestions)

    def test_every_suggestion_leads_somewhere(self):
        from hearth.home.suggestions import ACTIVITY_URLS

        assert set(ACTIVITIES) == set(ACTIVITY_URLS)

    def test_there_is_one_guide_per_practice_in_order(self):
        assert [g.practice for g in catalog.practice_guides] == [p.key for p in catalog.practices]
        for guide in catalog.practice_guides:
            assert len(guide.try_alone) == 3
            assert len(guide.try_together) == 3
        assert set(catalog.practice_guide_by_key) == set(catalog.practice_by_key)

    def test_a_good_addition_to_a_copy_loads(self, content_dir):
        append(content_dir, "deep_talk.toml", DEEP)
        append(content_dir, "invitations.toml", INVITATION)
        append(content_dir, "suggestions.toml", SUGGESTION)
        fresh = Catalog()
        fresh.load_all()
        assert fresh.deep_talk[-1].key == "dt-l-99"
        assert fresh.invitation_messages[-1].key == "gentle_extra"
        assert fresh.suggestions[-1].key == "checkin_extra"

    # Deep talk

    def test_a_deep_talk_key_must_follow_the_pattern(self, content_dir):
        append(content_dir, "deep_talk.toml", DEEP.replace("dt-l-99", "deep-1"))
        message = fails(r"^deep_talk\.toml question #\d+ \(deep-1\): key 'deep-1' does not match")
        assert "dt-[ldv]" in message

    def test_a_deep_talk_depth_must_be_known_and_match_the_key(self, content_dir):
        append(content_dir, "deep_talk.toml", DEEP.replace('"light"', '"deep"'))
        fails(r"^deep_talk\.toml question #\d+ \(dt-l-99\): depth must be one of light, deeper")

    def test_a_deep_talk_key_letter_must_match_the_depth(self, content_dir):
        append(content_dir, "deep_talk.toml", DEEP.replace('"light"', '"vulnerable"'))
        fails(r"\(dt-l-99\): the key's depth letter does not match 'vulnerable'")

    def test_a_deep_talk_key_used_twice_is_refused(self, content_dir):
        append(content_dir, "deep_talk.toml", DEEP.replace("dt-l-99", "dt-l-01"))
        fails(r"^deep_talk\.toml question #\d+ \(dt-l-01\): key 'dt-l-01' is used twice")

    def test_a_deep_talk_text_must_be_long_enough(self, content_dir):
        append(
            content_dir,
            "deep_talk.toml",
            DEEP.replace(
                "Which song would you pick to play on a long, slow drive together?", "Why?"
            ),
        )
        fails(r"\(dt-l-99\): 'text' must be 20 to 200 characters long")

    def test_a_deep_talk_text_must_be_text(self, content_dir):
        append(
            content_dir,
            "deep_talk.toml",
            DEEP.replace(
                'text = "Which song would you pick to play on a long, slow drive together?"',
                "text = 42",
            ),
        )
        fails(r"\(dt-l-99\): 'text' must be text")

    def test_the_same_deep_talk_text_twice_is_refused(self, content_dir):
        again = catalog.deep_talk[0].text.upper() + " !"
        append(
            content_dir,
            "deep_talk.toml",
            DEEP.replace(
                "Which song would you pick to play on a long, slow drive together?", again
            ),
        )
        fails(r"\(dt-l-99\): the same text appears twice")

    def test_a_deep_talk_text_may_not_be_a_daily_question(self, content_dir):
        daily = catalog.questions[0].text
        append(
            content_dir,
            "deep_talk.toml",
            DEEP.replace(
                "Which song would you pick to play on a long, slow drive together?", daily
            ),
        )
        fails(r"\(dt-l-99\): this text is already a daily question")

    def test_deep_talk_needs_ten_of_each_depth(self, content_dir):
        entries = []
        for depth, count in (("light", 10), ("deeper", 10), ("vulnerable", 9)):
            for n in range(1, count + 1):
                entries.append(
                    f'[[question]]\nkey = "dt-{depth[0]}-{n:02d}"\ndepth = "{depth}"\n'
                    f'text = "A {depth} question, number {n}, about the two of us?"\n'
                )
        (content_dir / "deep_talk.toml").write_text("\n".join(entries))
        fails(r"^deep_talk\.toml: needs at least 10 vulnerable questions$")

    def test_an_empty_deep_talk_file_is_refused(self, content_dir):
        (content_dir / "deep_talk.toml").write_text("# nothing yet\n")
        fails(r"^deep_talk\.toml: needs at least one \[\[question\]\] entry$")

    # The state of us

    def test_the_steps_must_be_in_order(self, content_dir):
        replace(content_dir, "state_of_us.toml", 'key = "plan"', 'key = "next_steps"')
        fails(r"^state_of_us\.toml: the steps must be appreciations, went_well, topic, plan")

    def test_a_step_key_used_twice_is_refused(self, content_dir):
        replace(content_dir, "state_of_us.toml", 'key = "plan"', 'key = "topic"')
        fails(r"^state_of_us\.toml step #4: key 'topic' is used twice")

    def test_a_step_needs_exactly_four_ideas(self, content_dir):
        replace(content_dir, "state_of_us.toml", '    "Thank you for …",\n', "")
        fails(r"^state_of_us\.toml step #1: 'ideas' must be a list of exactly 4 texts$")

    def test_an_idea_must_be_long_enough(self, content_dir):
        replace(content_dir, "state_of_us.toml", '"Thank you for …"', '"Ta"')
        fails(r"^state_of_us\.toml step #1 ideas #1: 'ideas' must be 10 to 120 characters long$")

    def test_an_idea_must_be_text(self, content_dir):
        replace(content_dir, "state_of_us.toml", '"Thank you for …"', "7")
        fails(r"^state_of_us\.toml step #1 ideas #1: 'ideas' must be text$")

    def test_a_step_needs_a_title(self, content_dir):
        replace(content_dir, "state_of_us.toml", 'title = "One small plan"', 'heading = "Plan"')
        fails(r"^state_of_us\.toml step #4: 'title' must be text$")

    def test_a_step_intro_has_limits(self, content_dir):
        replace(content_dir, "state_of_us.toml", 'intro = "Finish with', 'intro = "Short." #')
        fails(r"^state_of_us\.toml step #4: 'intro' must be 60 to 300 characters long$")

    # Invitation messages

    def test_the_key_own_is_kept_for_ones_own_words(self, content_dir):
        append(content_dir, "invitations.toml", INVITATION.replace("gentle_extra", "own"))
        message = fails(r"^invitations\.toml")
        assert "'own'" in message
        assert "own words" in message

    def test_the_key_none_is_kept_for_no_message(self, content_dir):
        append(content_dir, "invitations.toml", INVITATION.replace("gentle_extra", "none"))
        message = fails(r"^invitations\.toml invitation #\d+")
        assert "'none'" in message

    def test_a_reserved_key_names_the_entry(self, content_dir):
        count = len(catalog.invitation_messages)
        append(content_dir, "invitations.toml", INVITATION.replace("gentle_extra", "own"))
        fails(rf"^invitations\.toml invitation #{count + 1}: ")

    def test_an_invitation_key_used_twice_is_refused(self, content_dir):
        append(content_dir, "invitations.toml", INVITATION.replace("gentle_extra", "curious"))
        fails(r"^invitations\.toml invitation #\d+: key 'curious' is used twice$")

    def test_an_invitation_key_must_be_lowercase(self, content_dir):
        append(content_dir, "invitations.toml", INVITATION.replace("gentle_extra", "Gentle-Extra"))
        fails(r"^invitations\.toml invitation #\d+: key 'Gentle-Extra' does not match")

    def test_an_invitation_label_and_text_have_limits(self, content_dir):
        append(
            content_dir,
            "invitations.toml",
            INVITATION.replace(
                "One more gentle one", "A label that goes on and on far past forty characters"
            ),
        )
        fails(r"invitations\.toml invitation #\d+: 'label' must be 3 to 40 characters long$")

    def test_an_invitation_text_must_be_long_enough(self, content_dir):
        append(
            content_dir,
            "invitations.toml",
            INVITATION.replace(
                "I found a small, private app for the two of us. "
                "No rush, and no is a perfectly fine answer.",
                "Join me?",
            ),
        )
        fails(r"invitations\.toml invitation #\d+: 'text' must be 60 to 400 characters long$")

    def test_no_invitation_messages_is_refused(self, content_dir):
        (content_dir / "invitations.toml").write_text("")
        fails(r"^invitations\.toml: needs at least one \[\[invitation\]\] entry$")

    # Suggestions

    def test_a_suggestion_activity_must_be_known(self, content_dir):
        append(content_dir, "suggestions.toml", SUGGESTION.replace('"checkin"', '"gardening"'))
        fails(r"^suggestions\.toml suggestion #\d+: activity must be one of listening, ")

    def test_solo_must_be_true_or_false(self, content_dir):
        append(content_dir, "suggestions.toml", SUGGESTION.replace("solo = true", 'solo = "yes"'))
        fails(r"^suggestions\.toml suggestion #\d+: 'solo' must be true or false$")

    def test_a_suggestion_for_two_cannot_be_solo(self, content_dir):
        append(content_dir, "suggestions.toml", SUGGESTION.replace('"checkin"', '"listening"'))
        fails(r"^suggestions\.toml suggestion #\d+: 'listening' needs two, so it can't be solo")

    def test_there_must_be_suggestions_for_one(self, content_dir):
        path = content_dir / "suggestions.toml"
        path.write_text(path.read_text().replace("solo = true", "solo = false"))
        fails(r"^suggestions\.toml: needs suggestions for someone on their own")

    def test_a_suggestion_key_used_twice_is_refused(self, content_dir):
        append(
            content_dir, "suggestions.toml", SUGGESTION.replace("checkin_extra", "checkin_today")
        )
        fails(r"^suggestions\.toml suggestion #\d+: key 'checkin_today' is used twice$")

    def test_a_suggestion_text_has_limits(self, content_dir):
        append(
            content_dir,
            "suggestions.toml",
            SUGGESTION.replace(
                "How about a short check-in before bed, just to notice how today went?", "Check in!"
            ),
        )
        fails(r"^suggestions\.toml suggestion #\d+: 'text' must be 30 to 160 characters long$")

    # Practice guides

    def test_guides_must_follow_the_practices_order(self, content_dir):
        replace(
            content_dir,
            "practice_guides.toml",
            'practice = "open_communication"',
            'practice = "empathy"',
        )
        fails(
            r"^practice_guides\.toml guide #1: expected the guide for 'open_communication', "
            r"found 'empathy'$"
        )

    def test_every_practice_needs_a_guide(self, content_dir):
        path = content_dir / "practice_guides.toml"
        text = path.read_text()
        path.write_text(text[: text.rindex("[[guide]]")])
        fails(r"^practice_guides\.toml: needs one guide per practice, found 9$")

    def test_an_extra_guide_is_refused(self, content_dir):
        path = content_dir / "practice_guides.toml"
        text = path.read_text()
        start = text.index("\n[[guide]]\n")  # the header comment mentions [[guide]] too
        first = text[start : text.index("\n[[guide]]\n", start + 1)]
        path.write_text(text + "\n" + first)
        fails(r"^practice_guides\.toml guide #11: expected the guide for '\(none\)'")

    def test_a_guide_needs_exactly_three_things_to_try_alone(self, content_dir):
        replace(
            content_dir,
            "practice_guides.toml",
            '    "Once a day, pause and name how you feel in a word or two.',
            '    "Twice a day, pause and name how you feel in a word or two.", "One more thing to '
            'try on your own, long enough to count.",\n    "Once a day, pause and name how you '
            "feel in a word or two.",
        )
        fails(r"^practice_guides\.toml guide #1: 'try_alone' must be a list of exactly 3 texts$")

    def test_a_thing_to_try_together_must_be_long_enough(self, content_dir):
        replace(
            content_dir,
            "practice_guides.toml",
            '"Take ten minutes at the end of a day, in person or on a call, for each of you to '
            'share one high point and one low point."',
            '"Talk."',
        )
        fails(
            r"^practice_guides\.toml guide #1 try_together #1: 'try_together' must be 40 to 200 "
            r"characters long$"
        )

    def test_a_guide_intro_has_limits(self, content_dir):
        replace(
            content_dir,
            "practice_guides.toml",
            'intro = "Open, honest communication means',
            'intro = "Too short." #',
        )
        fails(r"^practice_guides\.toml guide #1: 'intro' must be 150 to 400 characters long$")

    # Any of the files

    @pytest.mark.parametrize(
        "name",
        [
            "deep_talk.toml",
            "state_of_us.toml",
            "invitations.toml",
            "suggestions.toml",
            "practice_guides.toml",
        ],
    )
    def test_bad_toml_names_the_file(self, content_dir, name):
        append(content_dir, name, '\n[[broken]\nkey = "x"\n')
        message = fails(rf"^{re.escape(name)}: not valid TOML")
        assert "line" in message

    @pytest.mark.parametrize(
        "name",
        [
            "deep_talk.toml",
            "state_of_us.toml",
            "invitations.toml",
            "suggestions.toml",
            "practice_guides.toml",
        ],
    )
    def test_a_missing_file_is_named(self, content_dir, name):
        (content_dir / name).unlink()
        fails(rf"^{re.escape(name)}: file is missing$")

    def test_the_shared_catalog_is_not_touched_by_a_broken_copy(self, content_dir):
        (content_dir / "suggestions.toml").write_text("")
        with pytest.raises(ContentError):
            Catalog().load_all()
        assert catalog.suggestions  # the process's catalog, loaded from the real files
