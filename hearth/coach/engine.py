"""Read one message and say, kindly, what might sting and what is already working.

`analyse` never stores anything and never decides whether a message may be sent: it only
describes. See docs/COACH.md for what each category means and how the rules work.
"""

import re
from dataclasses import dataclass

from hearth.coach.lexicon import CONTEXTS, HARMFUL, HELPFUL, PARAPHRASE_ONLY, Lexicon, Rule
from hearth.coach.suggest import suggest
from hearth.coach.text import Layout, Normalised, Quote, find_quotes, mask_quotes

# The message talks to the partner: a second-person word outside quotes.
_PARTNER_RE = re.compile(r"\b(?:you|ya|your|yours|yourself|you're|you've|you'll|you'd|ur)\b")
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_TRIM = " \t\n.,;:!?-"

# Scare quotes: one or two words in quotation marks right after "you"/"your" ("your
# 'feelings'", "you 'tried'"), but not reported speech ("you said 'whatever'").
_SCARE_LEAD_RE = re.compile(
    r"\b(?:you|your|you're|you've|ur|yours|you were|you are)\s+(?:[a-z-]+\s+){0,2}$"
    # A sneering lead-in: "lol ok 'busy'", "oh sure, 'tired'".
    r"|(?:^|[.!?]\s*)(?:lol|lmao|ok|okay|sure|oh|right|yeah|ah|riiight)(?:[\s,.!]+(?:ok|okay|sure|right))?[\s,.!]*$"
)
# A quote followed by a sneer: 'you want me to "communicate more" lol'.
_SCARE_TAIL_RE = re.compile(r"\s*(?:lol|lmao|🙄|😒|\*rolls)")
# Longer quotes count when they start like an excuse being mocked: you were 'just checking',
# or when they are the excuse itself, quoted straight after "you were": you were 'stuck in
# traffic'.
_EXCUSE_LEAD_RE = re.compile(r"\byou(?:\s+were|'re|\s+are|'ve\s+been|\s+had|\s+was)\s+$")
_EXCUSE_WORDS = frozenset(["just", "only", "totally", "really", "definitely", "popping", "nipping"])
_SPEECH_VERBS = frozenset(
    [
        "said",
        "say",
        "says",
        "saying",
        "told",
        "tell",
        "telling",
        "call",
        "called",
        "calling",
        "wrote",
        "write",
        "text",
        "texted",
        "asked",
        "ask",
        "shouted",
        "yelled",
        "whispered",
        "like",
        "with",
        "word",
        "words",
        "reply",
        "replied",
        "answer",
        "answered",
        "means",
        "mean",
        "meant",
        "signal",
        "for",
        "about",
    ]
)
# A speech verb a few words before the quote also makes it someone's words: "I called your
# cooking 'fine'", "she introduced me as your 'friend'".
_REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "called",
        "calls",
        "call",
        "calling",
        "refers",
        "refer",
        "referred",
        "referring",
        "introduced",
        "introduces",
        "described",
        "describes",
        "referred",
        "labelled",
        "labeled",
        "named",
        "wrote",
        "texted",
        "replied",
        "answered",
        "asked",
        "announced",
        "mentioned",
    ]
)
SCARE_QUOTE_EXPLANATION = (
    "Putting your partner's word in quotation marks tends to come across as mocking it. If "
    "something doesn't add up for you, asking about it works better."
)
KIND_ALWAYS_RULE = "appreciation.kind-always"
# In a listening session, a verdict on the speaker that pushes back ("You're always out with
# your mates, though", "but you never make a fuss of mine either") is a counter-charge.
_COUNTER_CUE_RE = re.compile(r"\b(?:though|either)\b|\bthe\s+real\s+(?:problem|issue)\b")
_BUT_BEFORE_RE = re.compile(
    r"\bbut\s+(?:honestly\s+|then\s+again\s+|to\s+be\s+fair\s+|come\s+on\s+)?$"
)
# A reflection about the listener ("So you think I'm messy", "You want me to listen more"):
# a verdict on the speaker in the next sentence is a counter-charge. The listener's own
# reporting words ("what I heard", "I hear you") do not count as being about them.
_LISTENER_FRAME_RE = re.compile(
    r"\bwhat\s+i(?:'m|\s+am)?\s+(?:heard|hear|hearing|got)(?:\s+is)?\b|\bi\s+hear(?:\s+that)?\b"
    r"|\bif\s+i(?:'ve)?\s+got\s+(?:this|it|that|you)\s+right\b|\bi(?:'m|\s+am)\s+hearing\b"
    r"|\bi\s+think\s+you(?:'re|\s+are)\s+saying\b"
)
_ABOUT_LISTENER_RE = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b")
# ... and a verdict after reflecting what the speaker wants turns the request down.
_WANT_RE = re.compile(
    r"\byou\s+(?:want|wanted|'d\s+like|would\s+like|wish|need)\b|\byou'd\s+like\b"
)
# Thanks said through gritted teeth: thanks, then a bare "really helpful." to close, with a
# shouted intensifier ("Thanks SO much") or a sardonic opener ("Great, thanks for that").
_THANKS_RE = re.compile(r"\b(?:thanks|thank\s+you|cheers)\b")
_PRAISE_TAIL_RE = re.compile(
    r"(?:^|[.!?,;]\s*|\s-\s)(?:really|so|very|super|how|truly|ever\s+so|just|that's\s+(?:really|so))\s+"
    r"(?:thoughtful|helpful|considerate|kind|sweet|nice|useful|generous|caring|lovely|mature|"
    r"supportive|big|classy)(?:\s+of\s+you)?\s*\.*\s*$"
)
# ... and, only after a shouted "Thanks SO much", a bare "Brilliant work." to close.
_WORK_TAIL_RE = re.compile(
    r"(?:^|[.!?,;]\s*)(?:brilliant|great|nice|good|top|stellar|excellent|fantastic)\s+"
    r"(?:work|job|one|effort|going)\s*\.*\s*$"
)
_SHOUTED_THANKS_RE = re.compile(
    r"\b(?:[Tt]hanks|[Tt]hank\s+you|[Cc]heers)(?:\s+(?:for\s+that|a\s+lot))?\s+(?:SO+|REALLY|SUPER|VERY)\b"
)
_SARDONIC_OPENER_RE = re.compile(
    r"(?:^|[.!?]\s*)(?:oh\s+)?(?:great|wow|gee|well|brilliant|lovely|perfect|fantastic|right)[,.!]*\s+"
    r"(?:thanks|thank\s+you|cheers)\b"
)
SARCASTIC_THANKS_EXPLANATION = (
    "Thanks said with a twist usually lands as mockery, even when it comes from real hurt. The "
    "hurt is worth saying plainly: what happened and how it left you feeling."
)
CURT_EXPLANATION = (
    "A one-word reply like this can feel like a door closing. If you need a pause, saying so, "
    "and when you'll come back, keeps your partner from feeling shut out."
)


@dataclass(frozen=True)
class Finding:
    """One thing the coach noticed: its category, where it is and why it matters."""

    category: str
    start: int  # index into the original text
    end: int  # exclusive
    excerpt: str  # text[start:end]
    explanation: str


@dataclass(frozen=True)
class Analysis:
    findings: tuple[Finding, ...]  # harmful: things to soften
    strengths: tuple[Finding, ...]  # helpful: things to keep
    categories: frozenset[str]
    suggestion: str | None  # a gentler way to say it, when something might sting
    explanation: str | None  # why the suggestion helps

    @property
    def harmful(self) -> bool:
        return bool(self.findings)


@dataclass
class Hit:
    """A finding on the normalised text, before it is mapped back to the original."""

    category: str
    start: int
    end: int
    explanation: str
    rule: Rule | None = None


def _span(match: re.Match, text: str, *, whole: bool = False) -> tuple[int, int]:
    if not whole and "s" in match.re.groupindex and match.start("s") >= 0:
        start, end = match.span("s")
    else:
        start, end = match.span()
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


# How far the context checks look around a match. Negation, reporting and the other frames
# sit close to what they govern; bounding the windows keeps long messages fast.
BEFORE_WINDOW = 120
AROUND_WINDOW = 300


# A match that itself begins with "but"/"though" starts a new clause: the frames of the clause
# before it ("you felt hurt, but I was joking") do not govern it.
_OPENS_CLAUSE_RE = re.compile(
    r"(?:but|though|although)\b|(?:(?:lol|haha|lmao|ha|omg)\s+)?(?:no|nah|nope)\s+i\b"
)
# "So you never ..." at the start of a sentence in a paraphrase is a reflection, not a verdict.
_SO_YOU_BEFORE_RE = re.compile(r"^\W*(?:(?:ok|okay|right|alright|and|oh),?\s+)?so,?\s+$")


def _passes(rule: Rule, masked: str, layout: Layout, start: int, end: int, context, lexicon, seen):
    if _OPENS_CLAUSE_RE.match(masked, start):
        clause_start = start
    else:
        clause_start, _ = layout.clause(start, end)
    before = masked[max(clause_start, start - BEFORE_WINDOW) : start]
    sentence_start, sentence_end = layout.sentence(start, end)
    sentence_start = max(sentence_start, start - AROUND_WINDOW)
    sentence_end = min(sentence_end, end + AROUND_WINDOW)
    after = masked[end:sentence_end]
    if rule.negation and lexicon.negation.search(before):
        return False
    if (
        context == "paraphrase"
        and rule.category == "criticism"
        and masked.startswith("you", start)
        and _SO_YOU_BEFORE_RE.match(masked[layout.sentence(start, end)[0] : start])
    ):
        return False
    if (
        context == "paraphrase"
        and rule.category in HARMFUL
        and rule.category != "contempt"
        and lexicon.reported.search(before)
    ):
        return False
    if rule.unless_before and rule.unless_before.search(before):
        return False
    if rule.unless_after and rule.unless_after.match(after):
        return False
    if rule.unless_sentence and rule.unless_sentence.search(masked, sentence_start, sentence_end):
        return False
    if rule.requires_before:
        # Where the earliest match of the requirement ends (searched once per message).
        if rule.id not in seen:
            found = rule.requires_before.search(masked)
            seen[rule.id] = found.end() if found else None
        if seen[rule.id] is None or seen[rule.id] > start:
            return False
    return not (
        rule.requires_sentence
        and not rule.requires_sentence.search(masked, sentence_start, sentence_end)
    )


def _rule_hits(lexicon: Lexicon, masked: str, layout: Layout, context: str, audience: str):
    """audience: 'partner' (spoken to them), 'unclear' (no one named) or 'other' (someone else)."""
    hits: list[Hit] = []
    seen: dict[str, int | None] = {}
    for rule, pattern in lexicon.candidates(masked):
        if context not in rule.contexts:
            continue
        # Sarcasm or an eye-roll with no one else in the message is aimed at the partner;
        # praise needs to be spoken to them.
        if (
            rule.partner_only
            and audience != "partner"
            and (audience == "other" or rule.category not in HARMFUL)
        ):
            continue
        explanation = rule.explanation or lexicon.explanations[rule.category]
        for match in pattern.finditer(masked):
            start, end = _span(match, masked)
            if start >= end or not _passes(
                rule, masked, layout, start, end, context, lexicon, seen
            ):
                continue
            hits.append(Hit(rule.category, start, end, explanation, rule))
            if rule.also:
                w_start, w_end = _span(match, masked, whole=True)
                for extra in rule.also:
                    hits.append(Hit(extra, w_start, w_end, lexicon.explanations[extra], rule))
    return hits


def _scare_quotes(text: str, quotes: list[Quote]) -> list[Hit]:
    hits = []
    for quote in quotes:
        words = quote.inner.split()
        lead = text[max(0, quote.start - 30) : quote.start]
        if (
            not words
            or len(words) > 6
            or (
                len(words) > 2
                and words[0] not in _EXCUSE_WORDS
                and not (len(words) <= 4 and _EXCUSE_LEAD_RE.search(lead))
            )
        ):
            continue
        if not _SCARE_LEAD_RE.search(lead) and not (
            len(words) <= 3 and _SCARE_TAIL_RE.match(text, quote.end)
        ):
            continue
        words = lead.split()
        previous = words[-1] if words else ""
        if previous in _SPEECH_VERBS or any(w in _REPORTING_VERBS for w in words[-4:]):
            continue
        hits.append(Hit("contempt", quote.start, quote.end, SCARE_QUOTE_EXPLANATION))
    return hits


def _curt_only(lexicon: Lexicon, masked: str) -> list[Hit]:
    parts = []
    for part in re.split(r"[.!?,;…\n]+", masked):
        part = " ".join(_WORD_RE.findall(part))
        if part:
            parts.append(part)
    if not parts or not all(part in lexicon.curt_words for part in parts):
        return []
    if len(parts) == 1 and parts[0] not in lexicon.curt_single:
        return []
    start = len(masked) - len(masked.lstrip())
    end = len(masked.rstrip())
    return [Hit("stonewalling", start, end, CURT_EXPLANATION)]


def _sarcastic_thanks(original: str, masked: str) -> list[Hit]:
    thanks = _THANKS_RE.search(masked)
    if thanks is None:
        return []
    shouted = _SHOUTED_THANKS_RE.search(original) is not None
    if _PRAISE_TAIL_RE.search(masked, thanks.end()):
        if not (shouted or _SARDONIC_OPENER_RE.search(masked)):
            return []
    elif not (shouted and _WORK_TAIL_RE.search(masked, thanks.end())):
        return []
    return [Hit("contempt", thanks.start(), thanks.end(), SARCASTIC_THANKS_EXPLANATION)]


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _settle(hits: list[Hit], lexicon: Lexicon, masked: str, layout: Layout, context: str):
    """Apply the rules that look at the whole message, then merge overlapping hits."""
    # A time-out with a plan to return (and not taken back: "... which won't be tonight").
    if lexicon.time_out.search(masked) and not lexicon.time_out_refusal.search(masked):
        hits = [h for h in hits if h.category != "stonewalling"]
    contempt = [h for h in hits if h.category == "contempt"]
    if contempt:  # sarcastic praise is not praise
        sarcastic = {layout.sentence(h.start, h.end) for h in contempt}
        # "You're always right 🙄": a kind "always" said with sarcasm is a verdict after all.
        hits = [
            Hit("criticism", h.start, h.end, lexicon.explanations["criticism"], h.rule)
            if h.rule
            and h.rule.id == KIND_ALWAYS_RULE
            and layout.sentence(h.start, h.end) in sarcastic
            else h
            for h in hits
        ]
        hits = [h for h in hits if h.category != "appreciation"]
    suppressors = [h for h in hits if h.rule and h.rule.suppresses]
    hits = [
        h
        for h in hits
        if not any(
            h.category in s.rule.suppresses and _overlaps(h, s) and h is not s for s in suppressors
        )
    ]
    if context == "paraphrase":
        counter = []
        for h in hits:
            if h.category != "criticism":
                continue
            s_start, s_end = layout.sentence(h.start, h.end)
            if _COUNTER_CUE_RE.search(masked, s_start, s_end) or _BUT_BEFORE_RE.search(
                masked[max(s_start, h.start - 40) : h.start]
            ):
                counter.append(
                    Hit("defensiveness", h.start, h.end, lexicon.explanations["defensiveness"])
                )
        first_end = layout.sentence(0, 0)[1]
        reflection = _LISTENER_FRAME_RE.sub(" ", masked[:first_end])
        about_listener = _ABOUT_LISTENER_RE.search(reflection) is not None
        wants = _WANT_RE.search(reflection) is not None
        for h in hits:
            if h.category != "criticism" or h.start <= first_end:
                continue
            if about_listener:
                counter.append(
                    Hit("defensiveness", h.start, h.end, lexicon.explanations["defensiveness"])
                )
            elif wants:
                counter.append(Hit("rebuttal", h.start, h.end, lexicon.explanations["rebuttal"]))
        hits += counter
        # Blame-shifting in a reflection is also answering back.
        hits += [
            Hit("rebuttal", h.start, h.end, lexicon.explanations["rebuttal"], h.rule)
            for h in hits
            if h.category == "defensiveness"
        ]
    else:
        hits = [h for h in hits if h.category not in PARAPHRASE_ONLY]

    merged: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.category, h.start, -(h.end - h.start))):
        last = merged[-1] if merged else None
        if last and last.category == hit.category and hit.start < last.end:
            last.end = max(last.end, hit.end)
            continue
        merged.append(Hit(hit.category, hit.start, hit.end, hit.explanation, hit.rule))
    merged.sort(key=lambda h: (h.start, h.end, h.category))
    return merged


def _finding(hit: Hit, norm: Normalised) -> Finding:
    start, end = norm.original_span(hit.start, hit.end)
    return Finding(hit.category, start, end, norm.original[start:end], hit.explanation)


def analyse_with(lexicon: Lexicon, text: str, *, context: str = "message"):
    if not isinstance(text, str):
        raise TypeError("analyse() needs the message as text")
    if context not in CONTEXTS:
        raise ValueError(f"context must be one of {', '.join(CONTEXTS)}")
    norm = lexicon.normalise(text)
    quotes = find_quotes(norm.text)
    masked = mask_quotes(norm.text, quotes)
    layout = Layout.of(masked)
    if (
        context == "paraphrase"
        or _PARTNER_RE.search(masked) is not None
        or len(_WORD_RE.findall(masked)) <= 4
    ):
        audience = "partner"
    elif lexicon.third_party.search(masked):
        audience = "other"
    else:
        audience = "unclear"
    hits = _rule_hits(lexicon, masked, layout, context, audience)
    if audience != "other":
        hits += _scare_quotes(norm.text, quotes)
    hits += _curt_only(lexicon, masked)
    # Thanks is spoken to someone, and in a message to the partner that is the partner.
    hits += _sarcastic_thanks(text, masked)
    hits = _settle(hits, lexicon, masked, layout, context)

    findings = tuple(_finding(h, norm) for h in hits if h.category in HARMFUL)
    strengths = tuple(_finding(h, norm) for h in hits if h.category in HELPFUL)
    categories = frozenset(h.category for h in hits)
    suggestion, why = suggest(norm, masked, layout, hits, context)
    return Analysis(findings, strengths, categories, suggestion, why)
