"""Turn what someone wrote into text the rules can read, without losing track of where things are.

The rules match a *normalised* copy of the message: lower case, curly quotes made straight,
common chat spellings ("u", "dont", "im") written out, stretched words ("sooo") shortened and
small typos in feeling words mended. Every character of the copy remembers which characters of
the original it came from, so a finding on the copy maps back to an exact span of what the
person typed.

Words inside quotation marks are someone's words, not the writer's: `mask_quotes` blanks them
out (same length) so no rule fires on them.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# A word (letters, with apostrophes inside it: don't, I'm), a run of spaces, or one character.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc`][^\W\d_]+)*|\s+|.", re.S)
_STRETCHED_RE = re.compile(r"([^\W\d_])\1{2,}")

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032`\u00b4"  # curly, low, reversed, prime
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"  # curly, low, double prime, guillemets
APOSTROPHES = SINGLE_QUOTES + "\u02bc"  # and the modifier-letter apostrophe
_CHAR_MAP = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"')}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphens and dashes


@dataclass(frozen=True)
class Normalised:
    """The normalised text and, for each of its characters, the original span it came from.

    `starts`/`ends` are None when the normalised text lines up with the original character
    for character (plain ASCII needing only lower case), which is the common case.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text behind text[start:end] (end exclusive)."""
        if not self.text:
            return 0, 0
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _fold_char(char: str) -> str:
    if char in _CHAR_MAP:
        return _CHAR_MAP[char]
    if char in _DASHES:
        return "-"
    category = unicodedata.category(char)
    if category == "Cf" or category == "Cc" or category == "Cs":
        # Zero-width joiners, direction marks, control characters, lone surrogates: drop.
        return ""
    folded = unicodedata.normalize("NFKC", char).lower()
    return folded.replace("\u2019", "'")


def _fold_word(word: str, fix: Callable[[str], str]) -> str:
    if word.isascii():
        return fix(word.replace("`", "'").lower())
    folded = unicodedata.normalize("NFKC", word)
    for quote in APOSTROPHES:
        folded = folded.replace(quote, "'")
    folded = folded.lower()
    return fix(folded)


# ASCII text is already "normal" when it has no control characters, backticks or runs of
# whitespace: then lower case is all it needs, and positions stay the same.
_UNSAFE_ASCII_RE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f`]|[ \n]{2,}")
_ASCII_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)*")


def normalise_fast(text: str, fix: Callable[[str], str]) -> Normalised | None:
    """The identity-mapped normalisation of plain ASCII text, or None if it needs the full one."""
    if not text.isascii() or _UNSAFE_ASCII_RE.search(text):
        return None
    lowered = text.lower()
    for word in _ASCII_WORD_RE.findall(lowered):
        if fix(word) != word:
            return None
    return Normalised(text, lowered)


def normalise(text: str, fix: Callable[[str], str] = lambda word: word) -> Normalised:
    """Normalise `text`; `fix(word)` may respell one lower-case word (typos, chat spellings)."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        start, end = match.span()
        if token[0].isspace():
            piece = "\n" if ("\n" in token or "\r" in token) else " "
        elif len(token) == 1 and not (token.isalpha()):
            piece = _fold_char(token)
        else:
            piece = _fold_word(token, fix)
        if not piece:
            continue
        pieces.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return Normalised(text, "".join(pieces), tuple(starts), tuple(ends))


def unstretch(word: str, known: Callable[[str], bool]) -> str:
    """'sooo' -> 'so', 'pleeease' -> 'please', 'goood' -> 'good' (whichever is a known word)."""
    if not _STRETCHED_RE.search(word):
        return word
    doubled = _STRETCHED_RE.sub(r"\1\1", word)
    single = _STRETCHED_RE.sub(r"\1", word)
    if known(doubled):
        return doubled
    if known(single):
        return single
    return doubled


class FeelingSpeller:
    """Mends one slip (a missing, extra or swapped letter) in a feeling word of 6+ letters.

    Substitutions are left alone on purpose: 'lovely' is not a misspelt 'lonely', nor
    'worries' a misspelt 'worried'.
    """

    def __init__(self, words):
        self.words = frozenset(w for w in words if " " not in w and "-" not in w)
        self.missing_one: dict[str, str] = {}
        for word in sorted(self.words):
            for i in range(len(word)):
                self.missing_one.setdefault(word[:i] + word[i + 1 :], word)

    def correct(self, word: str) -> str | None:
        if len(word) < 6 or not word.isalpha():
            return None
        if word in self.words:
            return word
        candidates = []
        if word in self.missing_one:  # a letter left out
            candidates.append(self.missing_one[word])
        for i in range(len(word)):  # a letter too many
            candidates.append(word[:i] + word[i + 1 :])
        for i in range(len(word) - 1):  # two letters swapped
            candidates.append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        for candidate in candidates:
            # Slips rarely hit the first letter: 'rushed' is not a misspelt 'crushed'.
            if candidate in self.words and candidate[0] == word[0]:
                return candidate
        return None


# Quoted speech. Double quotes pair simply; a single quote opens only after a space or
# punctuation and closes only before one, so the apostrophes in don't and kids' are not quotes.
_DOUBLE_QUOTE_RE = re.compile(r'"([^"\n]{1,300})"')
_SINGLE_QUOTE_RE = re.compile(
    r"(?<![\w'])'(?=[^\s'])((?:[^'\n]|(?<=[^\W\d_])'(?=[^\W\d_])){1,160}?)(?<=[^\s'])'(?![^\W_])"
)


@dataclass(frozen=True)
class Quote:
    start: int  # index of the opening mark
    end: int  # index just after the closing mark
    inner: str  # the quoted words (normalised)


def find_quotes(text: str) -> list[Quote]:
    quotes = []
    taken: list[tuple[int, int]] = []
    for pattern in (_DOUBLE_QUOTE_RE, _SINGLE_QUOTE_RE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            quotes.append(Quote(start, end, match.group(1)))
    quotes.sort(key=lambda q: q.start)
    return quotes


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """Blank out the inside of each quote (keeping the marks and the length)."""
    if not quotes:
        return text
    chars = list(text)
    for quote in quotes:
        for i in range(quote.start + 1, quote.end - 1):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


_CLAUSE_BREAK_RE = re.compile(r"[.!?;:,\n…()]+|\s-\s|\bbut\b|\bthough\b|\balthough\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?\n…]+")


@dataclass(frozen=True)
class Layout:
    """Where clauses and sentences begin and end in a (normalised) text."""

    clause_starts: tuple[int, ...]
    clause_ends: tuple[int, ...]
    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> "Layout":
        clauses = [m.span() for m in _CLAUSE_BREAK_RE.finditer(text)]
        sentences = [m.span() for m in _SENTENCE_BREAK_RE.finditer(text)]
        return cls(
            tuple(s for s, _ in clauses),
            tuple(e for _, e in clauses),
            tuple(s for s, _ in sentences),
            tuple(e for _, e in sentences),
            len(text),
        )

    def _around(self, starts, ends, start: int, end: int) -> tuple[int, int]:
        # The last break ending at or before `start`, the first one beginning at or after `end`.
        i = bisect_right(ends, start)
        j = bisect_left(starts, end)
        return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else self.length)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        return self._around(self.clause_starts, self.clause_ends, start, end)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        return self._around(self.sentence_starts, self.sentence_ends, start, end)
