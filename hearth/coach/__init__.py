"""The gentle start-up helper (the coach).

    from hearth.coach import analyse
    result = analyse("You never listen to me.", context="message")
    result.findings    # harmful: criticism, contempt, defensiveness, stonewalling,
                       #   and in a paraphrase advice, rebuttal
    result.strengths   # helpful: i_statement, feeling_named, specific_request,
                       #   appreciation, validation
    result.suggestion  # "I feel … about … I need …" (or a reflection starter)

Rules plus the project's own lexicon (lexicon.toml), offline, deterministic, standard library
only. It describes; it never blocks sending and never stores anything. See docs/COACH.md.
"""

from hearth.coach.engine import Analysis, Finding, analyse_with
from hearth.coach.lexicon import (
    CATEGORIES,
    CONTEXTS,
    HARMFUL,
    HELPFUL,
    PARAPHRASE_ONLY,
    LexiconError,
    get_lexicon,
)

__all__ = [
    "CATEGORIES",
    "CONTEXTS",
    "HARMFUL",
    "HELPFUL",
    "PARAPHRASE_ONLY",
    "Analysis",
    "Finding",
    "LexiconError",
    "analyse",
]


def analyse(text: str, *, context: str = "message") -> Analysis:
    """Read `text` (a message, or a listening-session paraphrase) and describe it kindly."""
    return analyse_with(get_lexicon(), text, context=context)
