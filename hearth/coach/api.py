from typing import Literal

from ninja import Router, Schema

from hearth.coach import analyse
from hearth.coach.feedback import TEXT_MAX
from hearth.core.api import Text, responses

router = Router(tags=["gentle start-up helper"])


class CoachIn(Schema):
    text: Text(TEXT_MAX, 1)
    context: Literal["message", "paraphrase"] = "message"


class CoachFindingOut(Schema):
    category: str
    start: int
    end: int
    excerpt: str
    explanation: str


class CoachOut(Schema):
    findings: list[CoachFindingOut]
    strengths: list[CoachFindingOut]
    suggestion: str | None
    explanation: str | None


def _finding(f) -> dict:
    return {
        "category": f.category,
        "start": f.start,
        "end": f.end,
        "excerpt": f.excerpt,
        "explanation": f.explanation,
    }


@router.post(
    "/check",
    response=responses(200, CoachOut),
    operation_id="coach_check",
    summary="How a message might land, and a gentler way to say it (nothing is stored)",
)
def coach_check(request, payload: CoachIn):
    result = analyse(payload.text, context=payload.context)
    return {
        "findings": [_finding(f) for f in result.findings],
        "strengths": [_finding(f) for f in result.strengths],
        "suggestion": result.suggestion,
        "explanation": result.explanation,
    }
