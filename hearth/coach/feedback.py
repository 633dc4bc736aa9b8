"""The coach's analysis shaped for a page: the text cut into plain and marked pieces.

Nothing here stores or logs the text; it lives only as long as the request.
"""

from dataclasses import dataclass

from django.urls import reverse_lazy

from hearth.coach import CONTEXTS, Analysis, analyse

TEXT_MAX = 2000  # the longest text any form sends to the coach


@dataclass(frozen=True)
class Piece:
    text: str
    category: str | None  # a harmful category when this piece was flagged


@dataclass(frozen=True)
class Feedback:
    analysis: Analysis
    pieces: tuple[Piece, ...]

    @property
    def findings(self):
        return self.analysis.findings

    @property
    def strengths(self):
        return self.analysis.strengths

    @property
    def strength_names(self) -> list[str]:
        names = {
            "i_statement": "speaking from your own experience",
            "feeling_named": "naming a feeling",
            "specific_request": "a clear, doable ask",
            "appreciation": "appreciation",
            "validation": "letting them know it makes sense",
        }
        seen = []
        for finding in self.analysis.strengths:
            name = names.get(finding.category, finding.category)
            if name not in seen:
                seen.append(name)
        return seen


def _pieces(text: str, analysis: Analysis) -> tuple[Piece, ...]:
    pieces, at = [], 0
    for finding in sorted(analysis.findings, key=lambda f: (f.start, f.end)):
        if finding.start < at:
            continue  # overlaps the previous mark
        if finding.start > at:
            pieces.append(Piece(text[at : finding.start], None))
        pieces.append(Piece(text[finding.start : finding.end], finding.category))
        at = finding.end
    if at < len(text):
        pieces.append(Piece(text[at:], None))
    return tuple(pieces)


def feedback_for(text: str, context: str = "message") -> Feedback | None:
    """Feedback on `text`, or None when there is nothing to read."""
    text = (text or "").strip()[:TEXT_MAX]
    if not text or context not in CONTEXTS:
        return None
    analysis = analyse(text, context=context)
    return Feedback(analysis=analysis, pieces=_pieces(text, analysis))


def coach_attrs(target: str, context: str, field_id: str) -> dict:
    """A textarea that asks the gentle start-up helper for hints as the person pauses typing.

    The hints are only shown; nothing is stored, and sending is never held back.
    """
    return {
        "rows": 3,
        "hx-post": reverse_lazy("coach:check"),
        "hx-trigger": "input changed delay:1200ms",
        "hx-target": f"#{target}",
        "hx-swap": "innerHTML",
        "hx-vals": f'{{"context": "{context}"}}',
        "aria-describedby": f"{field_id}_helptext {target}",
    }
