"""Read and validate the content files in this folder.

Content is data written by the project (see docs/CONTENT.md). Every file is
checked when it is first loaded; a mistake stops the app with a message naming
the file and the entry, instead of showing a broken prompt to a couple.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent

DEPTHS = ("light", "deeper", "vulnerable")
QUESTION_TAGS = frozenset(
    {
        "everyday",
        "memories",
        "future",
        "dreams",
        "playful",
        "gratitude",
        "feelings",
        "values",
        "affection",
        "family-and-friends",
        "work-and-rest",
        "home-life",
        "growing-up",
        "conflict-and-repair",
        "support",
        "adventure",
    }
)
TONES = ("pleasant", "unpleasant", "mixed")
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
QUESTION_KEY_RE = re.compile(r"^[a-z]{2}-[ldv]-\d{2}$")
QUESTION_TEXT_LIMITS = (20, 200)


class ContentError(ValueError):
    """A content file breaks one of the rules in docs/CONTENT.md."""


@dataclass(frozen=True)
class Practice:
    key: str
    number: int
    name: str
    summary: str


@dataclass(frozen=True)
class Question:
    key: str
    practice: str
    depth: str
    tags: tuple[str, ...]
    text: str

    @property
    def depth_rank(self) -> int:
        return DEPTHS.index(self.depth)


@dataclass(frozen=True)
class Feeling:
    key: str
    label: str
    group: str


@dataclass(frozen=True)
class FeelingGroup:
    key: str
    label: str
    tone: str
    feelings: tuple[Feeling, ...]


@dataclass(frozen=True)
class Need:
    key: str
    label: str
    hint: str


@dataclass(frozen=True)
class Reaction:
    key: str
    symbol: str
    label: str


def read_toml(name: str) -> dict:
    path = CONTENT_DIR / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ContentError(f"{name}: file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{name}: not valid TOML: {exc}") from exc


def _entries(data: dict, table: str, file: str) -> list[dict]:
    entries = data.get(table)
    if not isinstance(entries, list) or not entries:
        raise ContentError(f"{file}: needs at least one [[{table}]] entry")
    return entries


def _text(entry: dict, field: str, where: str, *, limits: tuple[int, int] = (1, 300)) -> str:
    value = entry.get(field)
    if not isinstance(value, str):
        raise ContentError(f"{where}: '{field}' must be text")
    value = value.strip()
    low, high = limits
    if not low <= len(value) <= high:
        raise ContentError(f"{where}: '{field}' must be {low} to {high} characters long")
    return value


def _unique_key(entry: dict, seen: set[str], where: str, pattern: re.Pattern = KEY_RE) -> str:
    key = entry.get("key")
    if not isinstance(key, str) or not pattern.match(key):
        raise ContentError(f"{where}: key {key!r} does not match {pattern.pattern}")
    if key in seen:
        raise ContentError(f"{where}: key {key!r} is used twice")
    seen.add(key)
    return key


def load_practices() -> tuple[Practice, ...]:
    file = "practices.toml"
    seen: set[str] = set()
    practices = []
    for index, entry in enumerate(_entries(read_toml(file), "practice", file)):
        where = f"{file} practice #{index + 1}"
        key = _unique_key(entry, seen, where)
        number = entry.get("number")
        if number != index + 1:
            raise ContentError(f"{where}: number must be {index + 1}")
        practices.append(
            Practice(
                key=key,
                number=number,
                name=_text(entry, "name", where, limits=(3, 60)),
                summary=_text(entry, "summary", where, limits=(10, 200)),
            )
        )
    if len(practices) != 10:
        raise ContentError(f"{file}: there are ten practices, found {len(practices)}")
    return tuple(practices)


def load_questions(practice_keys: set[str]) -> tuple[Question, ...]:
    file = "questions.toml"
    seen: set[str] = set()
    texts: set[str] = set()
    questions = []
    for index, entry in enumerate(_entries(read_toml(file), "question", file)):
        where = f"{file} question #{index + 1} ({entry.get('key')})"
        key = _unique_key(entry, seen, where, QUESTION_KEY_RE)
        practice = entry.get("practice")
        if practice not in practice_keys:
            raise ContentError(f"{where}: unknown practice {practice!r}")
        depth = entry.get("depth")
        if depth not in DEPTHS:
            raise ContentError(f"{where}: depth must be one of {', '.join(DEPTHS)}")
        if key[3] != depth[0]:
            raise ContentError(f"{where}: the key's depth letter does not match {depth!r}")
        tags = entry.get("tags")
        if not isinstance(tags, list) or not 1 <= len(tags) <= 3:
            raise ContentError(f"{where}: needs 1 to 3 tags")
        unknown = set(tags) - QUESTION_TAGS
        if unknown:
            raise ContentError(f"{where}: unknown tags {sorted(unknown)}")
        text = _text(entry, "text", where, limits=QUESTION_TEXT_LIMITS)
        normalised = re.sub(r"\W+", " ", text.lower()).strip()
        if normalised in texts:
            raise ContentError(f"{where}: the same text appears twice")
        texts.add(normalised)
        questions.append(
            Question(key=key, practice=practice, depth=depth, tags=tuple(tags), text=text)
        )
    return tuple(questions)


def load_feelings() -> tuple[FeelingGroup, ...]:
    file = "feelings.toml"
    group_keys: set[str] = set()
    feeling_keys: set[str] = set()
    groups = []
    for index, entry in enumerate(_entries(read_toml(file), "group", file)):
        where = f"{file} group #{index + 1}"
        key = _unique_key(entry, group_keys, where)
        tone = entry.get("tone")
        if tone not in TONES:
            raise ContentError(f"{where}: tone must be one of {', '.join(TONES)}")
        raw_feelings = entry.get("feelings")
        if not isinstance(raw_feelings, list) or len(raw_feelings) < 3:
            raise ContentError(f"{where}: needs at least three feelings")
        feelings = []
        for position, raw in enumerate(raw_feelings):
            feeling_where = f"{where} feeling #{position + 1}"
            feelings.append(
                Feeling(
                    key=_unique_key(raw, feeling_keys, feeling_where),
                    label=_text(raw, "label", feeling_where, limits=(2, 30)),
                    group=key,
                )
            )
        groups.append(
            FeelingGroup(
                key=key,
                label=_text(entry, "label", where, limits=(2, 40)),
                tone=tone,
                feelings=tuple(feelings),
            )
        )
    return tuple(groups)


def load_needs() -> tuple[Need, ...]:
    file = "needs.toml"
    seen: set[str] = set()
    needs = []
    for index, entry in enumerate(_entries(read_toml(file), "need", file)):
        where = f"{file} need #{index + 1}"
        needs.append(
            Need(
                key=_unique_key(entry, seen, where),
                label=_text(entry, "label", where, limits=(2, 40)),
                hint=_text(entry, "hint", where, limits=(5, 120)),
            )
        )
    if "own_words" not in seen:
        raise ContentError(f"{file}: the 'own_words' need is required")
    return tuple(needs)


def load_reactions(table: str = "reaction") -> tuple[Reaction, ...]:
    """Reactions to a check-in ("reaction") or to an appreciation ("appreciation_reaction")."""
    file = "reactions.toml"
    seen: set[str] = set()
    reactions = []
    for index, entry in enumerate(_entries(read_toml(file), table, file)):
        where = f"{file} {table} #{index + 1}"
        reactions.append(
            Reaction(
                key=_unique_key(entry, seen, where),
                symbol=_text(entry, "symbol", where, limits=(1, 4)),
                label=_text(entry, "label", where, limits=(2, 40)),
            )
        )
    return tuple(reactions)


@dataclass(frozen=True)
class Topic:
    key: str
    text: str


def load_listening_topics() -> tuple[Topic, ...]:
    file = "listening_topics.toml"
    seen: set[str] = set()
    topics = []
    for index, entry in enumerate(_entries(read_toml(file), "topic", file)):
        where = f"{file} topic #{index + 1}"
        topics.append(
            Topic(
                key=_unique_key(entry, seen, where),
                text=_text(entry, "text", where, limits=(5, 120)),
            )
        )
    return tuple(topics)


@dataclass(frozen=True)
class CareWay:
    key: str
    label: str
    hint: str
    idea: str


def load_care_ways() -> tuple[CareWay, ...]:
    file = "care_ways.toml"
    seen: set[str] = set()
    ways = []
    for index, entry in enumerate(_entries(read_toml(file), "way", file)):
        where = f"{file} way #{index + 1}"
        ways.append(
            CareWay(
                key=_unique_key(entry, seen, where),
                label=_text(entry, "label", where, limits=(2, 40)),
                hint=_text(entry, "hint", where, limits=(10, 160)),
                idea=_text(entry, "idea", where, limits=(10, 160)),
            )
        )
    if "other" not in seen:
        raise ContentError(f"{file}: the 'other' way is required")
    return tuple(ways)


@dataclass(frozen=True)
class ResponseWay:
    key: str
    label: str
    about: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Felt:
    key: str
    label: str
    warm: bool


def load_good_news() -> tuple[tuple[ResponseWay, ...], tuple[Felt, ...]]:
    file = "good_news.toml"
    data = read_toml(file)
    seen: set[str] = set()
    ways = []
    for index, entry in enumerate(_entries(data, "way", file)):
        where = f"{file} way #{index + 1}"
        examples = entry.get("examples")
        if not isinstance(examples, list) or len(examples) != 3:
            raise ContentError(f"{where}: needs exactly three examples")
        ways.append(
            ResponseWay(
                key=_unique_key(entry, seen, where),
                label=_text(entry, "label", where, limits=(2, 40)),
                about=_text(entry, "about", where, limits=(10, 200)),
                examples=tuple(
                    _text({"e": e}, "e", f"{where} example", limits=(5, 120)) for e in examples
                ),
            )
        )
    felt_seen: set[str] = set()
    felt = []
    for index, entry in enumerate(_entries(data, "felt", file)):
        where = f"{file} felt #{index + 1}"
        if not isinstance(entry.get("warm"), bool):
            raise ContentError(f"{where}: 'warm' must be true or false")
        felt.append(
            Felt(
                key=_unique_key(entry, felt_seen, where),
                label=_text(entry, "label", where, limits=(2, 40)),
                warm=entry["warm"],
            )
        )
    return tuple(ways), tuple(felt)
