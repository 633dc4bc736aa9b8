from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status

from hearth.access import current_couple, get_own_or_404, get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.core.api import Text, responses
from hearth.core.errors import ServiceError
from hearth.questions import selectors, services
from hearth.questions.models import ANSWER_MAX, REPLY_MAX, Answer, AnswerReply, DailyQuestion

router = Router(tags=["daily question"])


class PromptOut(Schema):
    key: str
    text: str
    practice: str
    depth: Literal["light", "deeper", "vulnerable"]


class AnswerReplyOut(Schema):
    id: UUID
    author: PersonOut
    text: str
    felt_heard: bool
    created_at: datetime


class AnswerOut(Schema):
    id: UUID
    author: PersonOut
    text: str
    passed: bool
    created_at: datetime
    updated_at: datetime
    replies: list[AnswerReplyOut]


class QuestionOut(Schema):
    id: UUID
    date: date
    prompt: PromptOut | None
    state: Literal["open", "waiting", "passed", "revealed", "earlier"]
    partner_answered: bool
    my_answer: AnswerOut | None = None
    partner_answer: AnswerOut | None = None


class QuestionPageOut(Schema):
    items: list[QuestionOut]
    next_before: UUID | None = Field(
        None, description="Pass as `before` to get the next (older) page; null at the end."
    )


class AnswerIn(Schema):
    text: Text(ANSWER_MAX, 1)


class AnswerReplyIn(Schema):
    text: Text(REPLY_MAX, 1)


class FeltHeardIn(Schema):
    felt_heard: bool = True


def reply_out(reply: AnswerReply) -> dict:
    return {
        "id": reply.public_id,
        "author": person_out(reply.author),
        "text": reply.text,
        "felt_heard": reply.felt_heard_at is not None,
        "created_at": reply.created_at,
    }


def answer_out(answer: Answer | None) -> dict | None:
    if answer is None:
        return None
    return {
        "id": answer.public_id,
        "author": person_out(answer.author),
        "text": answer.text,
        "passed": answer.passed,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "replies": [reply_out(r) for r in answer.replies.all()],
    }


def question_out(view: selectors.QuestionView) -> dict:
    prompt = view.question.prompt
    return {
        "id": view.question.public_id,
        "date": view.question.local_date,
        "prompt": (
            {
                "key": prompt.key,
                "text": prompt.text,
                "practice": prompt.practice,
                "depth": prompt.depth,
            }
            if prompt
            else None
        ),
        "state": view.state,
        "partner_answered": view.partner_answered,
        "my_answer": answer_out(view.mine),
        "partner_answer": answer_out(view.theirs),
    }


def _question(viewer, question_id) -> DailyQuestion:
    return get_visible_or_404(DailyQuestion.objects.all(), viewer, public_id=question_id)


def _fresh(viewer, question) -> dict:
    return question_out(selectors.question_view(question, viewer))


@router.get(
    "/today",
    response=responses(200, QuestionOut, 409),
    operation_id="question_today",
    summary="Today's question for our couple",
)
def question_today(request):
    couple = current_couple(request.auth)
    if couple is None:
        raise ServiceError(
            "The daily question starts once you're paired.", code="not_paired", status=409
        )
    return _fresh(request.auth, services.question_for_today(couple=couple))


@router.get(
    "",
    response=responses(200, QuestionPageOut),
    operation_id="question_history",
    summary="Past questions and answers, newest first",
)
def question_history(
    request,
    before: UUID | None = Query(None, description="Id of the last question already shown."),
    limit: int = Query(15, ge=1, le=50),
):
    views, next_before = selectors.history(request.auth, before=before, limit=limit)
    return {"items": [question_out(v) for v in views], "next_before": next_before}


@router.get(
    "/{question_id}",
    response=responses(200, QuestionOut, 404),
    operation_id="question_get",
    summary="One question with what I may see of it",
)
def question_get(request, question_id: UUID):
    question = _question(request.auth, question_id)
    view = selectors.question_view(question, request.auth)
    if view.mine is not None:
        services.replies_mark_seen(answer=view.mine, viewer=request.auth)
    return question_out(view)


@router.put(
    "/{question_id}/answer",
    response=responses(200, QuestionOut, 400, 404, 409),
    operation_id="answer_submit",
    summary="Write or edit my sealed answer",
)
def answer_submit(request, question_id: UUID, payload: AnswerIn):
    question = _question(request.auth, question_id)
    services.answer_submit(daily_question=question, author=request.auth, text=payload.text)
    return _fresh(request.auth, question)


@router.post(
    "/{question_id}/pass",
    response=responses(200, QuestionOut, 404, 409),
    operation_id="answer_pass",
    summary="Not today (never shown to my partner)",
)
def answer_pass(request, question_id: UUID):
    question = _question(request.auth, question_id)
    services.answer_pass(daily_question=question, author=request.auth)
    return _fresh(request.auth, question)


@router.delete(
    "/{question_id}/answer",
    response=responses(204, None, 404),
    operation_id="answer_delete",
    summary="Delete my answer",
)
def answer_delete(request, question_id: UUID):
    question = _question(request.auth, question_id)
    answer = get_own_or_404(Answer.objects.all(), request.auth, daily_question=question)
    services.answer_delete(answer=answer, author=request.auth)
    return Status(204, None)


answers_router = Router(tags=["daily question"])


@answers_router.post(
    "/answers/{answer_id}/replies",
    response=responses(201, AnswerReplyOut, 400, 404),
    operation_id="answer_reply",
    summary="Reply to my partner's revealed answer",
)
def answer_reply(request, answer_id: UUID, payload: AnswerReplyIn):
    answer = get_visible_or_404(Answer.objects.all(), request.auth, public_id=answer_id)
    reply = services.answer_reply(answer=answer, author=request.auth, text=payload.text)
    return Status(201, reply_out(reply))


@answers_router.put(
    "/answer-replies/{reply_id}/felt-heard",
    response=responses(200, AnswerReplyOut, 404),
    operation_id="reply_felt_heard",
    summary="Mark that a reply to my answer made me feel heard",
)
def reply_felt_heard(request, reply_id: UUID, payload: FeltHeardIn):
    reply = get_visible_or_404(
        AnswerReply.objects.select_related("answer", "author"), request.auth, public_id=reply_id
    )
    reply = services.reply_felt_heard(
        reply=reply, person=request.auth, felt_heard=payload.felt_heard
    )
    return reply_out(reply)
