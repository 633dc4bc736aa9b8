"""Cheap gates for the coach's regular expressions.

Most patterns cannot match most messages. For each pattern we work out, from its parse tree,
a few literal strings of which at least one must appear in any match (for "you\\s+always"
that is "always"). A plain substring test on those strings is far cheaper than running the
regex, so the regex runs only when the gate passes. When no useful strings can be found the
gate is None and the pattern always runs; the gate never changes what a pattern finds.
"""

import re
from itertools import product

try:  # the parser behind `re` (a private module; if it ever moves, we simply do not gate)
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover
    C = P = None

MAX_ALTERNATIVES = 16  # beyond this a gate costs about as much as the regex
MIN_LENGTH = 3  # shorter strings (e.g. "i ") pass too often to be worth testing
# Words found in most messages: a gate made only of these lets the pattern run almost always,
# so any other required strings (a list of verbs, "the one", "effort") make a better gate.
COMMON = frozenset(
    {
        "you",
        "your",
        "you're",
        "the",
        "that",
        "this",
        "not",
        "but",
        "was",
        "can",
        "and",
        "for",
        "with",
        "are",
        "all",
        "when",
        "how",
        "what",
        "have",
        "has",
        "had",
        "would",
        "will",
        "like",
        "about",
        "just",
        "don't",
        "i'm",
        "it's",
        "out",
        "get",
        "got",
        "one",
        "did",
        "its",
        "she",
        "her",
        "his",
        "they",
        "them",
        "then",
        "there",
        "too",
        "very",
        "really",
        "know",
        "want",
        "now",
        "here",
        "yes",
        "yeah",
        "from",
        "been",
        "were",
        "that's",
        "so",
        "my",
        "me",
        "our",
        "we",
        "of",
        "to",
        "in",
        "on",
        "at",
        "it",
        "is",
        "be",
        "do",
        "an",
        "as",
        "if",
        "or",
        "no",
    }
)


def _exact(items) -> set[str] | None:
    """The finite set of strings a sequence matches exactly, or None if it is not finite."""
    results = {""}
    for op, av in items:
        options = _exact_item(op, av)
        if options is None:
            return None
        results = {a + b for a, b in product(results, options)}
        if len(results) > MAX_ALTERNATIVES * 4:
            return None
    return results


def _exact_item(op, av) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.SUBPATTERN:
        return _exact(av[-1])
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            options = _exact(branch)
            if options is None:
                return None
            out |= options
        return out
    if op is C.IN and len(av) <= 3 and all(o is C.LITERAL for o, _ in av):
        return {chr(a) for _, a in av}
    return None


def _usable(options: set[str]) -> bool:
    """Whether a gate can be built from these strings (directly, or by covering them)."""
    if min(len(s) for s in options) < MIN_LENGTH:
        return False
    return len(options) <= MAX_ALTERNATIVES or _cover(options) is not None


def _score(options: set[str]) -> tuple:
    usable = _usable(options)
    selective = usable and not all(s.strip() in COMMON for s in options)
    return (usable, selective, -len(options), min(map(len, options)))


def _required(items) -> set[str] | None:
    """Strings of which one must occur in any match of the sequence (None if unknown)."""
    candidates: list[set[str]] = []
    run: set[str] | None = None
    for op, av in items:
        exact = _exact_item(op, av)
        if exact is not None:
            run = {a + b for a, b in product(run or {""}, exact)}
            if len(run) > MAX_ALTERNATIVES * 4:
                candidates.append(run)
                run = None
            continue
        if run:
            candidates.append(run)
        run = None
        needed = _required_item(op, av)
        if needed:
            candidates.append(needed)
    if run:
        candidates.append(run)
    candidates = [c for c in candidates if c and "" not in c]
    if not candidates:
        return None
    return max(candidates, key=_score)


def _required_item(op, av) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _required(av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        low, _high, item = av
        return _required(item) if low >= 1 else None
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            needed = _required(branch)
            if not needed:
                return None
            out |= needed
        return out
    return None


def _cover(strings: set[str]) -> set[str] | None:
    """A few shorter strings, one of which each of `strings` contains (greedy set cover).

    Any text containing one of `strings` then contains one of these, so they are a sound,
    if slightly looser, gate: "you're so", "you are so", "you were so" … are all covered by
    "you". None when no small cover exists.
    """
    pieces: dict[str, set[str]] = {}
    for string in strings:
        for size in range(MIN_LENGTH, min(len(string), 8) + 1):
            for start in range(len(string) - size + 1):
                pieces.setdefault(string[start : start + size], set()).add(string)
    uncovered, chosen = set(strings), set()
    while uncovered:
        best = max(pieces, key=lambda piece: (len(pieces[piece] & uncovered), len(piece), piece))
        gain = pieces[best] & uncovered
        if not gain or len(chosen) >= MAX_ALTERNATIVES:
            return None
        chosen.add(best)
        uncovered -= gain
    return chosen


def gate(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings one of which every match contains, or None (always run the pattern)."""
    if P is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - the pattern compiled, so this should not happen
        return None
    needed = _required(list(tree))
    if not needed or min(len(s) for s in needed) < MIN_LENGTH:
        return None
    if len(needed) > MAX_ALTERNATIVES:
        needed = _cover(needed)
        if needed is None:
            return None
    # Keep the shortest strings only where one contains another ("always" covers "always ").
    kept = sorted(needed, key=len)
    minimal = [s for i, s in enumerate(kept) if not any(t in s for t in kept[:i])]
    return tuple(minimal)
