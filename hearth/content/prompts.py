"""Loaders for the practices' own prompt banks: deep talk, the weekly "state of us",
invitation messages, home-page suggestions and the reading guides.

Same rules as loader.py: every file is checked on first load, and a mistake names
the file and the entry (docs/CONTENT.md).
"""

import re
from dataclasses import dataclass

from hearth.content.loader import (
    DEPTHS,
    KEY_RE,
    ContentError,
    _entries,
    _text,
    _unique_key,
    read_toml,
)

DEEP_TALK_KEY_RE = re.compile(r"^dt-[ldv]-\d{2}$")
MEETING_STEPS = ("appreciations", "went_well", "topic", "plan")
# What one person can do before pairing; only these may be offered to someone on their own.
SOLO_ACTIVITIES = ("perspective", "appreciation", "checkin", "practices")
ACTIVITIES = (
    "listening",
    "perspective",
    "deep_talk",
    "state_of_us",
    "appreciation",
    "checkin",
    "practices",
)


def normalised_text(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _texts(entry: dict, field: str, where: str, *, count: int, limits: tuple[int, int]):
    values = entry.get(field)
    if not isinstance(values, list) or len(values) != count:
        raise ContentError(f"{where}: '{field}' must be a list of exactly {count} texts")
    return tuple(
        _text({field: value}, field, f"{where} {field} #{n + 1}", limits=limits)
        for n, value in enumerate(values)
    )


@dataclass(frozen=True)
class DeepTalkQuestion:
    key: str
    depth: str
    text: str

    @property
    def depth_rank(self) -> int:
        return DEPTHS.index(self.depth)


def load_deep_talk(daily_texts: set[str]) -> tuple[DeepTalkQuestion, ...]:
    """The deep-talk bank; no text may repeat one of the daily questions."""
    file = "deep_talk.toml"
    seen: set[str] = set()
    texts: set[str] = set()
    questions = []
    for index, entry in enumerate(_entries(read_toml(file), "question", file)):
        where = f"{file} question #{index + 1} ({entry.get('key')})"
        key = _unique_key(entry, seen, where, DEEP_TALK_KEY_RE)
        depth = entry.get("depth")
        if depth not in DEPTHS:
            raise ContentError(f"{where}: depth must be one of {', '.join(DEPTHS)}")
        if key[3] != depth[0]:
            raise ContentError(f"{where}: the key's depth letter does not match {depth!r}")
        text = _text(entry, "text", where, limits=(20, 200))
        normalised = normalised_text(text)
        if normalised in texts:
            raise ContentError(f"{where}: the same text appears twice")
        if normalised in daily_texts:
            raise ContentError(f"{where}: this text is already a daily question")
        texts.add(normalised)
        questions.append(DeepTalkQuestion(key=key, depth=depth, text=text))
    for depth in DEPTHS:
        if sum(q.depth == depth for q in questions) < 10:
            raise ContentError(f"{file}: needs at least 10 {depth} questions")
    return tuple(questions)


@dataclass(frozen=True)
class MeetingStep:
    key: str
    title: str
    intro: str
    placeholder: str
    ideas: tuple[str, ...]


def load_state_of_us() -> tuple[MeetingStep, ...]:
    file = "state_of_us.toml"
    seen: set[str] = set()
    steps = []
    for index, entry in enumerate(_entries(read_toml(file), "step", file)):
        where = f"{file} step #{index + 1}"
        steps.append(
            MeetingStep(
                key=_unique_key(entry, seen, where),
                title=_text(entry, "title", where, limits=(3, 50)),
                intro=_text(entry, "intro", where, limits=(60, 300)),
                placeholder=_text(entry, "placeholder", where, limits=(10, 120)),
                ideas=_texts(entry, "ideas", where, count=4, limits=(10, 120)),
            )
        )
    if tuple(step.key for step in steps) != MEETING_STEPS:
        raise ContentError(f"{file}: the steps must be {', '.join(MEETING_STEPS)}, in that order")
    return tuple(steps)


@dataclass(frozen=True)
class InvitationMessage:
    key: str
    label: str
    text: str


# Choices the pairing form adds after the messages (hearth/couples/forms.py InviteForm).
RESERVED_INVITATION_KEYS = {
    "own": "a message in one's own words",
    "none": "sending no message, just the link",
}


def load_invitation_messages() -> tuple[InvitationMessage, ...]:
    file = "invitations.toml"
    seen: set[str] = set()
    messages = []
    for index, entry in enumerate(_entries(read_toml(file), "invitation", file)):
        where = f"{file} invitation #{index + 1}"
        key = _unique_key(entry, seen, where)
        if key in RESERVED_INVITATION_KEYS:
            raise ContentError(
                f"{where}: the key {key!r} is kept for {RESERVED_INVITATION_KEYS[key]}"
            )
        messages.append(
            InvitationMessage(
                key=key,
                label=_text(entry, "label", where, limits=(3, 40)),
                text=_text(entry, "text", where, limits=(60, 400)),
            )
        )
    return tuple(messages)


@dataclass(frozen=True)
class Suggestion:
    key: str
    activity: str
    solo: bool
    text: str


def load_suggestions() -> tuple[Suggestion, ...]:
    file = "suggestions.toml"
    seen: set[str] = set()
    suggestions = []
    for index, entry in enumerate(_entries(read_toml(file), "suggestion", file)):
        where = f"{file} suggestion #{index + 1}"
        key = _unique_key(entry, seen, where, KEY_RE)
        activity = entry.get("activity")
        if activity not in ACTIVITIES:
            raise ContentError(f"{where}: activity must be one of {', '.join(ACTIVITIES)}")
        solo = entry.get("solo")
        if not isinstance(solo, bool):
            raise ContentError(f"{where}: 'solo' must be true or false")
        if solo and activity not in SOLO_ACTIVITIES:
            raise ContentError(f"{where}: {activity!r} needs two, so it can't be solo = true")
        suggestions.append(
            Suggestion(
                key=key,
                activity=activity,
                solo=solo,
                text=_text(entry, "text", where, limits=(30, 160)),
            )
        )
    if not any(s.solo for s in suggestions):
        raise ContentError(f"{file}: needs suggestions for someone on their own (solo = true)")
    return tuple(suggestions)


@dataclass(frozen=True)
class PracticeGuide:
    practice: str
    intro: str
    why: str
    try_alone: tuple[str, ...]
    try_together: tuple[str, ...]


def load_practice_guides(practice_keys: list[str]) -> tuple[PracticeGuide, ...]:
    """One guide per practice, in the practices' order."""
    file = "practice_guides.toml"
    guides = []
    for index, entry in enumerate(_entries(read_toml(file), "guide", file)):
        where = f"{file} guide #{index + 1}"
        practice = entry.get("practice")
        if index >= len(practice_keys) or practice != practice_keys[index]:
            expected = practice_keys[index] if index < len(practice_keys) else "(none)"
            raise ContentError(f"{where}: expected the guide for {expected!r}, found {practice!r}")
        guides.append(
            PracticeGuide(
                practice=practice,
                intro=_text(entry, "intro", where, limits=(150, 400)),
                why=_text(entry, "why", where, limits=(150, 500)),
                try_alone=_texts(entry, "try_alone", where, count=3, limits=(40, 200)),
                try_together=_texts(entry, "try_together", where, count=3, limits=(40, 200)),
            )
        )
    if len(guides) != len(practice_keys):
        raise ContentError(f"{file}: needs one guide per practice, found {len(guides)}")
    return tuple(guides)
