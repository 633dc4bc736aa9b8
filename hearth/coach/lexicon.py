"""Load and check the coach's lexicon (lexicon.toml beside this module).

Every entry is validated when the file is loaded: unknown fields, unknown categories,
patterns that do not compile, word lists that are referenced but missing, and rule examples
that the rule's own pattern does not match all stop loading with a message that names the
entry. A broken lexicon fails at start-up, never halfway through someone's message.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hearth.coach.prefilter import MIN_LENGTH, gate
from hearth.coach.text import FeelingSpeller, normalise, normalise_fast, unstretch

LEXICON_PATH = Path(__file__).resolve().parent / "lexicon.toml"

HARMFUL = ("criticism", "contempt", "defensiveness", "stonewalling", "advice", "rebuttal")
HELPFUL = ("i_statement", "feeling_named", "specific_request", "appreciation", "validation")
CATEGORIES = HARMFUL + HELPFUL
PARAPHRASE_ONLY = frozenset({"advice", "rebuttal"})
CONTEXTS = ("message", "paraphrase")

RULE_ID_RE = re.compile(r"^([a-z_]+)\.[a-z0-9-]+$")
MACRO_RE = re.compile(r"\{([a-z_]+)\}")
BUILT_IN_MACROS = ("feeling", "feeling_frame", "feeling_noun", "pleasant")

RULE_FIELDS = {
    "id",
    "category",
    "pattern",
    "examples",
    "contexts",
    "negation",
    "unless_before",
    "unless_after",
    "unless_sentence",
    "requires_before",
    "requires_sentence",
    "partner_only",
    "also",
    "suppresses",
    "explanation",
}
TOP_FIELDS = {
    "version",
    "categories",
    "spelling",
    "feelings",
    "frames",
    "time_out",
    "curt",
    "mend",
    "macros",
    "rule",
}
FEELING_FIELDS = {"extra", "pleasant", "frame_only", "exclude", "nouns"}
EXPLANATION_LIMITS = (20, 400)
GATE_HEAD = MIN_LENGTH  # every quick-check string is at least this long
NEVER = re.compile("(?!)")  # matches nothing


class LexiconError(ValueError):
    """The lexicon file breaks one of the rules in docs/COACH.md."""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    patterns: tuple[re.Pattern, ...]
    contexts: frozenset[str]
    negation: bool
    unless_before: re.Pattern | None
    unless_after: re.Pattern | None
    unless_sentence: re.Pattern | None
    requires_before: re.Pattern | None
    requires_sentence: re.Pattern | None
    partner_only: bool
    also: tuple[str, ...]
    suppresses: frozenset[str]
    explanation: str | None
    examples: tuple[str, ...]
    gates: tuple[tuple[str, ...] | None, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[Rule, ...]
    explanations: dict[str, str]
    spelling: dict[str, str]
    vocabulary: frozenset[str]
    feelings: frozenset[str]
    feeling_frame: frozenset[str]
    pleasant: frozenset[str]
    speller: FeelingSpeller
    negation: re.Pattern
    reported: re.Pattern
    time_out: re.Pattern
    curt_words: frozenset[str]
    curt_single: frozenset[str]
    macros: dict[str, str]
    third_party: re.Pattern = NEVER
    time_out_refusal: re.Pattern = NEVER
    # The patterns of all rules, flat, and which of them each quick-check string unlocks.
    patterns: tuple[tuple[Rule, re.Pattern], ...] = ()
    gate_strings: tuple[str, ...] = ()
    gate_index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    ungated: tuple[int, ...] = ()
    # The quick-check strings by their first three characters, so a message is scanned once
    # (one look-up per position) instead of once per string.
    gate_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _fixed: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, text: str) -> list[tuple[Rule, re.Pattern]]:
        """The patterns worth running on `text` (in a fixed order): the others cannot match."""
        chosen = set(self.ungated)
        heads = self.gate_heads
        found: set[str] = set()
        for start in range(len(text) - GATE_HEAD + 1):
            strings = heads.get(text[start : start + GATE_HEAD])
            if strings:
                for needed in strings:
                    if needed not in found and text.startswith(needed, start):
                        found.add(needed)
        for needed in found:
            chosen.update(self.gate_index[needed])
        return [self.patterns[i] for i in sorted(chosen)]

    def fix_word(self, word: str) -> str:
        """Respell one lower-case word: chat spellings, stretched letters, feeling typos."""
        fixed = self._fixed.get(word)
        if fixed is None:
            if len(self._fixed) > 20_000:  # a bound, not an eviction policy: just start over
                self._fixed.clear()
            fixed = self._fixed[word] = self._fix_word(word)
        return fixed

    def _fix_word(self, word: str) -> str:
        if word in self.spelling:
            return self.spelling[word]
        if word in self.vocabulary:
            return word
        word = unstretch(word, self._known)
        if word in self.spelling:
            return self.spelling[word]
        if len(word) >= 6 and word not in self.vocabulary:
            mended = self.speller.correct(word)
            if mended:
                return mended
        return word

    def _known(self, word: str) -> bool:
        return word in self.vocabulary or word in self.spelling

    def normalise(self, text: str):
        return normalise_fast(text, self.fix_word) or normalise(text, self.fix_word)


def _alternation(items) -> str:
    """A non-capturing group matching any item (longest first, so 'fed up' beats 'fed')."""
    unique = sorted(set(items), key=lambda item: (-len(item), item))
    return "(?:" + "|".join(unique) + ")"


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(part) for part in words.split())


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise LexiconError(message)


def _text(value, where: str, *, limits=EXPLANATION_LIMITS) -> str:
    _require(isinstance(value, str), f"{where} must be text")
    value = " ".join(value.split())
    low, high = limits
    _require(low <= len(value) <= high, f"{where} must be {low} to {high} characters long")
    return value


def _word_list(value, where: str) -> list[str]:
    _require(
        isinstance(value, list) and value and all(isinstance(v, str) and v for v in value),
        f"{where} must be a non-empty list of words",
    )
    return [" ".join(v.lower().split()) for v in value]


def _compile(source: str, where: str, macros: dict[str, str]) -> re.Pattern:
    _require(isinstance(source, str) and source.strip(), f"{where}: the pattern is empty")
    expanded = source
    for _ in range(6):  # lists may use other lists, a few levels deep
        names = MACRO_RE.findall(expanded)
        if not names:
            break
        for name in names:
            _require(name in macros, f"{where}: unknown word list {{{name}}}")
        expanded = MACRO_RE.sub(lambda m: macros[m.group(1)], expanded)
    _require(not MACRO_RE.search(expanded), f"{where}: word lists nest too deeply")
    try:
        return re.compile(expanded)
    except re.error as exc:
        raise LexiconError(f"{where}: the pattern does not compile: {exc}") from exc


def _optional(entry: dict, field: str, where: str, macros) -> re.Pattern | None:
    if field not in entry:
        return None
    return _compile(entry[field], f"{where} {field}", macros)


def _feelings(data: dict, catalog_labels: list[str], catalog_pleasant: list[str]):
    table = data.get("feelings")
    _require(isinstance(table, dict), "[feelings] is missing")
    unknown = set(table) - FEELING_FIELDS
    _require(not unknown, f"[feelings] has unknown fields {sorted(unknown)}")
    extra = _word_list(table.get("extra"), "[feelings] extra")
    pleasant = _word_list(table.get("pleasant"), "[feelings] pleasant")
    frame_only = set(_word_list(table.get("frame_only"), "[feelings] frame_only"))
    exclude = set(_word_list(table.get("exclude"), "[feelings] exclude"))
    nouns = _word_list(table.get("nouns"), "[feelings] nouns")
    clash = frame_only & exclude
    _require(not clash, f"[feelings] {sorted(clash)} are both frame_only and excluded")
    everything = ({w.lower() for w in catalog_labels} | set(extra) | frame_only) - exclude
    anywhere = frozenset(everything - frame_only)
    framed = frozenset(everything)
    pleasant_set = frozenset(({w.lower() for w in catalog_pleasant} | set(pleasant)) - exclude)
    return anywhere, framed, pleasant_set, frozenset(nouns)


def _catalog_feelings() -> tuple[list[str], list[str]]:
    """The feeling labels from the Hearth feelings list (hearth/content/feelings.toml)."""
    from hearth.content import catalog

    labels = [feeling.label for feeling in catalog.feeling_by_key.values()]
    pleasant = [
        feeling.label
        for group in catalog.feeling_groups
        if group.tone == "pleasant"
        for feeling in group.feelings
    ]
    return labels, pleasant


def _frames(
    data: dict, table: str, field: str, *, others: tuple[str, ...] = (), required: bool = True
) -> re.Pattern:
    """The patterns in [table] field, joined; `others` are the table's other allowed fields."""
    section = data.get(table)
    _require(isinstance(section, dict), f"[{table}] is missing")
    unknown = set(section) - {field, *others}
    _require(not unknown, f"[{table}] has unknown fields {sorted(unknown)}")
    if field not in section and not required:
        return NEVER
    items = section.get(field)
    _require(
        isinstance(items, list) and items and all(isinstance(i, str) for i in items),
        f"[{table}] {field} must be a non-empty list of patterns",
    )
    try:
        return re.compile("|".join(f"(?:{item})" for item in items))
    except re.error as exc:
        raise LexiconError(f"[{table}] {field}: a pattern does not compile: {exc}") from exc


def _rule(entry, index: int, seen: set[str], macros, explanations, lexicon_for_examples):
    where = f"rule #{index + 1}"
    _require(isinstance(entry, dict), f"{where} must be a table")
    rule_id = entry.get("id")
    _require(isinstance(rule_id, str), f"{where}: needs an id")
    where = f"rule #{index + 1} ({rule_id})"
    unknown = set(entry) - RULE_FIELDS
    _require(not unknown, f"{where}: unknown fields {sorted(unknown)}")
    match = RULE_ID_RE.match(rule_id)
    _require(bool(match), f"{where}: the id must look like 'category.name'")
    _require(rule_id not in seen, f"{where}: the id is used twice")
    seen.add(rule_id)
    category = entry.get("category")
    _require(category in CATEGORIES, f"{where}: unknown category {category!r}")
    _require(match.group(1) == category, f"{where}: the id must start with '{category}.'")

    contexts = entry.get("contexts", list(CONTEXTS))
    _require(
        isinstance(contexts, list) and contexts and set(contexts) <= set(CONTEXTS),
        f"{where}: contexts must be a list drawn from {CONTEXTS}",
    )
    if category in PARAPHRASE_ONLY:
        _require(contexts == ["paraphrase"], f"{where}: {category} is for paraphrases only")

    negation = entry.get("negation", "frame" if category in HARMFUL else "none")
    _require(negation in ("frame", "none"), f"{where}: negation must be 'frame' or 'none'")
    partner_only = entry.get("partner_only", False)
    _require(isinstance(partner_only, bool), f"{where}: partner_only must be true or false")
    also = entry.get("also", [])
    suppresses = entry.get("suppresses", [])
    for name, value in (("also", also), ("suppresses", suppresses)):
        _require(
            isinstance(value, list) and all(v in CATEGORIES for v in value),
            f"{where}: {name} must list known categories",
        )
    _require(category not in also, f"{where}: 'also' repeats the rule's own category")

    sources = entry.get("pattern")
    if isinstance(sources, str):
        sources = [sources]
    _require(isinstance(sources, list) and sources, f"{where}: pattern must be a regex or a list")
    patterns = tuple(
        _compile(source, f"{where} pattern #{n + 1}", macros) for n, source in enumerate(sources)
    )
    explanation = entry.get("explanation")
    if explanation is not None:
        explanation = _text(explanation, f"{where}: explanation")

    examples = entry.get("examples")
    _require(
        isinstance(examples, list) and examples and all(isinstance(e, str) for e in examples),
        f"{where}: needs a list of examples the pattern matches",
    )
    gates = tuple(gate(pattern) for pattern in patterns)
    for example in examples:
        folded = lexicon_for_examples(example)
        _require(
            any(pattern.search(folded) for pattern in patterns),
            f"{where}: the pattern does not match its example {example!r}",
        )
        for pattern, needed in zip(patterns, gates, strict=True):
            _require(
                needed is None
                or not pattern.search(folded)
                or any(word in folded for word in needed),
                f"{where}: the quick check would wrongly skip {example!r}",
            )

    return Rule(
        id=rule_id,
        category=category,
        patterns=patterns,
        contexts=frozenset(contexts),
        negation=negation == "frame",
        unless_before=_optional(entry, "unless_before", where, macros),
        unless_after=_optional(entry, "unless_after", where, macros),
        unless_sentence=_optional(entry, "unless_sentence", where, macros),
        requires_before=_optional(entry, "requires_before", where, macros),
        requires_sentence=_optional(entry, "requires_sentence", where, macros),
        partner_only=partner_only,
        also=tuple(also),
        suppresses=frozenset(suppresses),
        explanation=explanation,
        examples=tuple(examples),
        gates=gates,
    )


def parse_lexicon(data: dict, catalog_feelings: tuple[list[str], list[str]]) -> Lexicon:
    """Build a Lexicon from the parsed TOML; raises LexiconError on any mistake."""
    _require(isinstance(data, dict), "the lexicon must be a TOML table")
    unknown = set(data) - TOP_FIELDS
    _require(not unknown, f"unknown top-level fields {sorted(unknown)}")
    _require(data.get("version") == 1, "version must be 1")

    categories = data.get("categories")
    _require(isinstance(categories, dict), "[categories] is missing")
    missing = set(CATEGORIES) - set(categories)
    extra = set(categories) - set(CATEGORIES)
    _require(not missing, f"[categories] misses {sorted(missing)}")
    _require(not extra, f"[categories] has unknown categories {sorted(extra)}")
    explanations = {}
    for name, table in categories.items():
        _require(
            isinstance(table, dict) and set(table) == {"explanation"},
            f"[categories.{name}] needs exactly one field, explanation",
        )
        explanations[name] = _text(table["explanation"], f"[categories.{name}] explanation")

    spelling = data.get("spelling")
    _require(isinstance(spelling, dict), "[spelling] is missing")
    for wrong, right in spelling.items():
        _require(
            isinstance(right, str) and wrong == wrong.lower() and wrong.isalpha() and right,
            f"[spelling] {wrong!r} must be a lower-case word mapped to text",
        )
        _require(wrong != right, f"[spelling] {wrong!r} maps to itself")

    anywhere, framed, pleasant, nouns = _feelings(data, *catalog_feelings)
    mend = data.get("mend")
    _require(isinstance(mend, dict) and set(mend) == {"words"}, "[mend] needs words")
    mend_words = _word_list(mend["words"], "[mend] words")

    macros_table = data.get("macros")
    _require(isinstance(macros_table, dict), "[macros] is missing")
    macros: dict[str, str] = {}
    for name, items in macros_table.items():
        _require(re.fullmatch(r"[a-z_]+", name) is not None, f"[macros] bad name {name!r}")
        _require(name not in BUILT_IN_MACROS, f"[macros] {name!r} is a built-in list")
        _require(
            isinstance(items, list) and items and all(isinstance(i, str) and i for i in items),
            f"[macros] {name} must be a non-empty list",
        )
        macros[name] = _alternation(items)
    macros["feeling"] = _alternation(_phrase(w) for w in anywhere)
    macros["feeling_frame"] = _alternation(_phrase(w) for w in framed)
    macros["feeling_noun"] = _alternation(_phrase(w) for w in nouns)
    macros["pleasant"] = _alternation(_phrase(w) for w in pleasant)
    for name, value in macros.items():
        try:
            re.compile(MACRO_RE.sub("x", value))
        except re.error as exc:
            raise LexiconError(f"[macros] {name}: does not compile: {exc}") from exc

    curt = data.get("curt")
    _require(
        isinstance(curt, dict) and set(curt) == {"words", "single"}, "[curt] needs words and single"
    )
    curt_words = frozenset(_word_list(curt["words"], "[curt] words"))
    curt_single = frozenset(_word_list(curt["single"], "[curt] single"))
    _require(curt_single <= curt_words, "[curt] single must be a subset of words")

    # Words any pattern or list mentions: a stretched word is shortened to one of these.
    vocabulary = set(spelling) | {w for v in spelling.values() for w in v.split()}
    vocabulary |= {w for f in framed | nouns for w in f.split()} | set(mend_words)
    for items in macros_table.values():
        for item in items:
            vocabulary.update(re.findall(r"[a-z']+", item))
    raw_rules = data.get("rule")
    _require(isinstance(raw_rules, list) and raw_rules, "needs at least one [[rule]]")
    for entry in raw_rules:
        if isinstance(entry, dict):
            sources = entry.get("pattern")
            sources = [sources] if isinstance(sources, str) else sources or []
            for source in sources:
                if isinstance(source, str):
                    vocabulary.update(re.findall(r"[a-z']{2,}", MACRO_RE.sub(" ", source)))

    partial = Lexicon(
        rules=(),
        explanations=explanations,
        spelling=dict(spelling),
        vocabulary=frozenset(vocabulary),
        feelings=anywhere,
        feeling_frame=framed,
        pleasant=pleasant,
        speller=FeelingSpeller(framed | set(mend_words)),
        negation=NEVER,
        reported=NEVER,
        time_out=NEVER,
        curt_words=curt_words,
        curt_single=curt_single,
        macros=macros,
    )
    frames = data.get("frames")
    _require(
        isinstance(frames, dict) and set(frames) == {"negation", "reported"},
        "[frames] needs negation and reported",
    )
    try:
        negation = re.compile("|".join(f"(?:{p})" for p in frames["negation"]))
        reported = re.compile("|".join(f"(?:{p})" for p in frames["reported"]))
    except (re.error, TypeError) as exc:
        raise LexiconError(f"[frames]: a pattern does not compile: {exc}") from exc
    time_out = _frames(data, "time_out", "plans", others=("refusals",))
    # "We'll talk when I'm ready, which isn't today": a plan that is taken back is no plan.
    time_out_refusal = _frames(data, "time_out", "refusals", others=("plans",), required=False)
    _require(
        "third_person" in macros, "[macros] needs third_person (people other than the partner)"
    )
    third_party = re.compile(
        r"\b(?:(?:my|his|her|their|our|the|a|your)\s+(?:\w+\s+)?" + macros["third_person"] + r"\b"
        r"|(?:he|she|they|him|them|his|hers|their|he's|she's|they're)\b)"
    )

    def fold(example: str) -> str:
        return partial.normalise(example).text

    seen: set[str] = set()
    rules = tuple(
        _rule(entry, index, seen, macros, explanations, fold)
        for index, entry in enumerate(raw_rules)
    )
    covered = {rule.category for rule in rules} | {c for rule in rules for c in rule.also}
    _require(covered == set(CATEGORIES), f"no rule for {sorted(set(CATEGORIES) - covered)}")
    flat = tuple((rule, pattern) for rule in rules for pattern in rule.patterns)
    gates = [g for rule in rules for g in rule.gates]
    index: dict[str, list[int]] = {}
    for i, needed in enumerate(gates):
        for word in needed or ():
            index.setdefault(word, []).append(i)
    return Lexicon(
        rules=rules,
        explanations=explanations,
        spelling=partial.spelling,
        vocabulary=partial.vocabulary,
        feelings=anywhere,
        feeling_frame=framed,
        pleasant=pleasant,
        speller=partial.speller,
        negation=negation,
        reported=reported,
        time_out=time_out,
        curt_words=curt_words,
        curt_single=curt_single,
        macros=macros,
        third_party=third_party,
        time_out_refusal=time_out_refusal,
        patterns=flat,
        gate_strings=tuple(sorted(index)),
        gate_index={word: tuple(ids) for word, ids in index.items()},
        ungated=tuple(i for i, needed in enumerate(gates) if needed is None),
        gate_heads=_heads(index),
    )


def _heads(strings) -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = {}
    for needed in sorted(strings):
        _require(len(needed) >= GATE_HEAD, f"quick-check string {needed!r} is too short")
        heads.setdefault(needed[:GATE_HEAD], []).append(needed)
    return {head: tuple(items) for head, items in heads.items()}


def read_lexicon(path: Path) -> Lexicon:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise LexiconError(f"{path.name}: file is missing") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path.name}: not valid TOML: {exc}") from exc
    try:
        return parse_lexicon(data, _catalog_feelings())
    except LexiconError as exc:
        raise LexiconError(f"{path.name}: {exc}") from exc


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The project's lexicon, loaded and checked once per process."""
    return read_lexicon(LEXICON_PATH)
