"""Build the gentler version the coach offers when something in a message might sting.

In a message: "I feel <feeling> about <the specific thing>. I need <the ask>.", filled from
the writer's own words where they are there, with a [placeholder] where they are not. In a
listening-session paraphrase: a reflection starter, "What I heard is that you ...".
"""

import re

from hearth.coach.text import Layout, Normalised

FEELING_PLACEHOLDER = "[how you feel]"
ABOUT_PLACEHOLDER = "[the specific situation]"
NEED_PLACEHOLDER = "[one small, doable thing that would help]"
PAUSE_NEED = "a short break, and then to come back to this at [a time that suits us both]"
REFLECTION_PLACEHOLDER = "you … [what your partner said and how they feel, in your own words]"

EXPLANATIONS = {
    "contempt": (
        "Saying plainly how you feel and what you need carries the same message without the "
        "sting, so your partner can answer the problem instead of the put-down."
    ),
    "criticism": (
        "Starting with your own feeling and one specific situation, then asking for something "
        "doable, lets your partner hear what you need instead of a verdict on who they are."
    ),
    "defensiveness": (
        "Saying how it is for you, instead of pointing back, keeps the talk on one problem at "
        "a time and makes it easier for both of you to soften."
    ),
    "stonewalling": (
        "Naming how you feel and asking for a pause with a time to come back lets you both "
        "calm down without your partner feeling shut out."
    ),
}
PRIORITY = ("contempt", "criticism", "defensiveness", "stonewalling")
PARAPHRASE_EXPLANATION = (
    "A listener's first job is to show the speaker they were heard. Reflecting back what you "
    "heard, before any advice or your own side, helps them feel understood; your turn comes "
    "when the floor passes to you."
)

# The specific thing the message is about ("the dishes in the sink"): a determiner and one to
# three words, stopping at punctuation or a word that cannot be part of a noun phrase.
_WORD_RE = re.compile(r"[a-z][a-z'-]*")
_DETERMINERS = frozenset(("the", "your", "my", "our", "his", "her", "their"))
_PREPOSITIONS = frozenset(("in", "on", "at", "of", "for", "with", "from"))
_BOUNDARY = frozenset(
    [
        "and",
        "but",
        "because",
        "when",
        "so",
        "again",
        "ever",
        "every",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "that",
        "who",
        "which",
        "to",
        "without",
        "all",
        "i",
        "you",
        "we",
        "he",
        "she",
        "they",
        "it",
        "me",
        "us",
        "him",
        "them",
        "like",
        "ahead",
        "instead",
        "twice",
        "once",
        "last",
        "this",
        "these",
        "those",
        "open",
        "on",
        "off",
        "out",
        "up",
        "down",
        "too",
        "anymore",
        "right",
        "went",
        "goes",
        "go",
        "going",
        "called",
        "came",
        "come",
        "left",
        "got",
        "get",
        "made",
        "make",
        "did",
        "do",
        "done",
        "does",
        "has",
        "had",
        "have",
        "with",
        "at",
        "in",
        "for",
        "of",
        "from",
        "by",
        "before",
        "after",
        "while",
        "then",
        "now",
        "later",
        "tonight",
        "today",
        "yesterday",
        "just",
        "still",
        "even",
        "also",
        "really",
        "very",
        "not",
        "no",
        "or",
        "if",
        "than",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "can",
        "can't",
        "could",
        "would",
        "should",
        "will",
        "won't",
        "don't",
        "didn't",
        "isn't",
        "wasn't",
        "every",
        "single",
        "whole",
        "half",
        "proves",
        "seriously",
        "honestly",
        "only",
        "took",
        "the",
        "a",
        "an",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
    ]
)
_TIME_RE = re.compile(
    r"\b(?:last\s+night|this\s+morning|yesterday|tonight|today|this\s+week|last\s+week|"
    r"this\s+weekend|last\s+weekend|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b"
)
_PUNCTUATION_RE = re.compile(r"[^\w\s'-]|\n")  # punctuation, emoji, line breaks
_NP_STOP_HEADS = frozenset(
    [
        "truth",
        "one",
        "ones",
        "problem",
        "point",
        "hand",
        "guy",
        "adult",
        "wall",
        "word",
        "words",
        "thing",
        "things",
        "way",
        "time",
        "times",
        "same",
        "second",
        "whole",
        "rest",
        "fact",
        "end",
        "idea",
        "deal",
        "least",
        "most",
        "only",
        "kind",
        "sort",
        "type",
        "life",
        "own",
        "world",
        "bad",
        "last",
        "first",
        "best",
        "worst",
        "exact",
        "other",
        "calendar",
        "fault",
        "side",
        "version",
        "bit",
        "lot",
        "matter",
        "reason",
        "day",
        "week",
        "night",
        "month",
        "year",
        "bathroom",
        "parent",
        "parents",
        "mistake",
        "mistakes",
        "plan",
    ]
)
_NP_STOP_FIRST = frozenset(
    [
        "one",
        "only",
        "exact",
        "same",
        "whole",
        "last",
        "most",
        "least",
        "bad",
        "other",
        "kind",
        "first",
        "best",
        "worst",
        "very",
        "wrong",
        "own",
    ]
)
_PEOPLE = frozenset(
    [
        "friends",
        "friend",
        "family",
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "sister",
        "brother",
        "parents",
        "kids",
        "boss",
        "colleagues",
        "cousin",
        "cousins",
        "aunt",
        "uncle",
        "grandma",
        "grandad",
        "nan",
        "mates",
    ]
)
_DET_SWAP_RE = re.compile(r"^your\b", re.I)

_REQUEST_FORMS = (
    (
        r"^(?:please\s+)?(?:could|can|would|will)\s+you\s+(?:(?:please|maybe|possibly|just|"
        r"perhaps|also)\s+)*(?:be\s+willing\s+to\s+|be\s+able\s+to\s+|try\s+to\s+)?(?P<rest>.+)$",
        "you to {rest}",
    ),
    (
        r"^(?:could|can|shall|should)\s+we\s+(?:(?:please|maybe|possibly|just|perhaps|both|"
        r"also)\s+)*(?:try\s+to\s+)?(?P<rest>.+)$",
        "us to {rest}",
    ),
    (
        r"^i(?:'d|\u2019d|\s+would)\s+(?:really\s+)?(?:like|love|prefer)\s+(?:it\s+)?(?:if\s+)?"
        r"(?:us|we)\s+(?:to\s+|could\s+)?(?P<rest>.+)$",
        "us to {rest}",
    ),
    (
        r"^i(?:'d|\u2019d|\s+would)\s+(?:really\s+)?(?:like|love|prefer)\s+(?:it\s+)?(?:if\s+)?"
        r"you\s+(?:to\s+|could\s+)?(?P<rest>.+)$",
        "you to {rest}",
    ),
    (r"^let(?:'s|\u2019s)\s+(?P<rest>.+)$", "us to {rest}"),
    (r"^(?:please|pls),?\s+(?P<rest>.+)$", "you to {rest}"),
    (r"^i\s+(?:really\s+|just\s+)?need\s+(?P<rest>.+)$", "{rest}"),
    (r"^can\s+i\s+(?:just\s+|please\s+)?(?:have|get)\s+(?P<rest>.+)$", "{rest}"),
)
_REQUEST_RES = tuple((re.compile(p, re.I | re.S), form) for p, form in _REQUEST_FORMS)
_AWKWARD_REST = re.compile(r"^(?:\w+ing\b|be\s+(?:up|open|ok|okay|happy)\b|mind\b)", re.I)

_REFLECTION_RE = re.compile(
    r"(?:^|[.!?:]\s*)(?:(?:so|ok|okay|right|got\s+it|hmm)[,.]?\s+)*(?:so\s+)?"
    r"(?:i\s+hear\s+(?:that\s+)?|i\s+get\s+that\s+|what\s+i(?:'m|\s+am)?\s+hear(?:d|ing)"
    r"(?:\s+is)?(?:\s+that)?:?\s*|(?:it\s+)?sounds\s+like\s+|if\s+i've\s+got\s+it\s+right,?\s+)?"
    r"(?P<r>(?:you|you're|you've|you'd|ur)\b[^.!?;]*)"
)
_REFLECTIVE_VERB_RE = re.compile(
    r"^(?:you're|you've|you'd|you\s+(?:are|were|feel|felt|want|wanted|need|needed|wish|said|"
    r"think|thought|got|get|had|have|miss|missed|'re)|ur)\b"
)
_CLAUSE_END_RE = re.compile(r",|\s+but\b|\s+though\b|\s+and\s+(?:i|honestly|i'd|i'm)\b")


def _primary(categories) -> str | None:
    for category in PRIORITY:
        if category in categories:
            return category
    return None


def _clean(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    return phrase.strip(" .,;:!?-\"'\u201c\u201d\u2018\u2019")


def _noun_phrases(masked: str):
    """(span, preceded by 'about') for each short noun phrase in the text, in order."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(masked)]

    def joined(i: int) -> bool:  # no punctuation between word i and word i + 1
        return not _PUNCTUATION_RE.search(masked, words[i][2], words[i + 1][1])

    for i, (word, start, _) in enumerate(words):
        if word not in _DETERMINERS:
            continue
        j = i
        while j + 1 < len(words) and j - i < 3 and joined(j) and words[j + 1][0] not in _BOUNDARY:
            j += 1
        if j == i:
            continue
        phrase = [w for w, _, _ in words[i + 1 : j + 1]]
        if phrase[0] in _NP_STOP_FIRST or phrase[-1] in _NP_STOP_HEADS:
            continue
        end = words[j][2]
        # "the dishes in the sink": keep one short place phrase.
        if (
            j + 3 < len(words)
            and joined(j)
            and joined(j + 1)
            and joined(j + 2)
            and words[j + 1][0] in _PREPOSITIONS
            and words[j + 2][0] == "the"
            and words[j + 3][0] not in _BOUNDARY
            and words[j + 3][0] not in _NP_STOP_FIRST
            and (j + 4 >= len(words) or not joined(j + 3) or words[j + 4][0] in _BOUNDARY)
        ):
            end = words[j + 3][2]
        about = i > 0 and words[i - 1][0] == "about"
        yield (start, end), about


def _about(norm: Normalised, masked: str) -> str:
    phrases = list(_noun_phrases(masked))
    phrases.sort(key=lambda item: not item[1])  # "about ..." first, then in order
    for (start, end), _ in phrases:
        o_start, o_end = norm.original_span(start, end)
        phrase = _clean(norm.original[o_start:o_end])
        words = phrase.lower().split()
        if len(words) < 2:
            continue
        if words[0] == "your" and words[1] not in _PEOPLE:
            phrase = _DET_SWAP_RE.sub("the", phrase)
        return phrase
    match = _TIME_RE.search(masked)
    if match:
        o_start, o_end = norm.original_span(*match.span())
        return "what happened " + _clean(norm.original[o_start:o_end])
    return ABOUT_PLACEHOLDER


def _feeling(norm: Normalised, hits) -> str:
    for hit in hits:
        if hit.category == "feeling_named":
            word = _clean(norm.text[hit.start : hit.end])
            if word and len(word.split()) <= 4:
                return word
    return FEELING_PLACEHOLDER


def _need(norm: Normalised, layout: Layout, hits, primary: str) -> str:
    for hit in hits:
        if hit.category != "specific_request":
            continue
        _, sentence_end = layout.sentence(hit.start, hit.end)
        o_start, _ = norm.original_span(hit.start, hit.end)
        _, o_end = norm.original_span(sentence_end - 1, sentence_end)
        request = _clean(norm.original[o_start:o_end])
        for pattern, form in _REQUEST_RES:
            match = pattern.match(request)
            if match:
                rest = _clean(match.group("rest"))
                if rest and not _AWKWARD_REST.match(rest) and len(rest) <= 160:
                    return form.format(rest=rest)
                break
    return PAUSE_NEED if primary == "stonewalling" else NEED_PLACEHOLDER


def _reflection(norm: Normalised, masked: str, hits) -> str:
    harmful = [
        h for h in hits if h.category in EXPLANATIONS or h.category in ("advice", "rebuttal")
    ]
    for match in _REFLECTION_RE.finditer(masked):
        start, end = match.span("r")
        cut = _CLAUSE_END_RE.search(masked, start, end)
        if cut:
            end = cut.start()
        clause = masked[start:end]
        if not _REFLECTIVE_VERB_RE.match(clause):
            continue
        if any(h.start < end and start < h.end for h in harmful):
            continue
        o_start, o_end = norm.original_span(start, end)
        phrase = _clean(norm.original[o_start:o_end])
        phrase = re.sub(r"^(?:u|ur)\b", lambda m: "you" if m.group() == "u" else "you're", phrase)
        phrase = re.sub(r"^You\b", "you", phrase)
        if len(phrase.split()) >= 2:
            return phrase
    return REFLECTION_PLACEHOLDER


def suggest(norm: Normalised, masked: str, layout: Layout, hits, context: str):
    """(suggestion, why it helps), or (None, None) when nothing needs softening."""
    categories = {h.category for h in hits}
    if context == "paraphrase":
        if not categories & {"advice", "rebuttal", *EXPLANATIONS}:
            return None, None
        reflection = _reflection(norm, masked, hits)
        return f"What I heard is that {reflection}. Did I get that right?", PARAPHRASE_EXPLANATION
    primary = _primary(categories)
    if primary is None:
        return None, None
    feeling = _feeling(norm, hits)
    about = _about(norm, masked)
    need = _need(norm, layout, hits, primary)
    return f"I feel {feeling} about {about}. I need {need}.", EXPLANATIONS[primary]
