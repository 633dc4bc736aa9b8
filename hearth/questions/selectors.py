"""Reads of the daily question: what each partner may see, with bounded queries."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch

from hearth.access import Visibility, current_couple_id, partner_of, visible
from hearth.core.paging import page_before
from hearth.questions.models import Answer, AnswerReply, DailyQuestion

PAGE_SIZE = 15


@dataclass
class QuestionView:
    """Everything a page shows about one day's question, for one viewer."""

    question: DailyQuestion
    mine: Answer | None = None
    theirs: Answer | None = None  # set only when the viewer may see it (released)
    partner_answered: bool = False  # the partner wrote an answer (never says "passed")
    current: bool = True  # False for a question from an earlier pairing of the viewer

    @property
    def revealed(self) -> bool:
        return self.theirs is not None and self.mine is not None and not self.mine.passed

    @property
    def state(self) -> str:
        if not self.current:
            return "earlier"
        if self.revealed:
            return "revealed"
        if self.mine is not None and self.mine.passed:
            return "passed"
        if self.mine is not None:
            return "waiting"
        return "open"


def _answers_qs(viewer):
    replies = visible(AnswerReply.objects.select_related("author"), viewer)
    return visible(Answer.objects.select_related("author"), viewer).prefetch_related(
        Prefetch("replies", queryset=replies)
    )


def _partner_written(questions, viewer) -> set[int]:
    """Ids of questions the partner has written (not passed) an answer to."""
    partner = partner_of(viewer)
    if partner is None or not questions:
        return set()
    return set(
        Answer.objects.filter(
            daily_question__in=questions,
            author=partner,
            visibility=Visibility.SEALED,
            passed=False,
        ).values_list("daily_question_id", flat=True)
    )


def build_views(questions: list[DailyQuestion], viewer) -> list[QuestionView]:
    if not questions:
        return []
    answers = list(_answers_qs(viewer).filter(daily_question__in=questions))
    written = _partner_written(questions, viewer)
    couple_id = current_couple_id(viewer)
    views = []
    for question in questions:
        view = QuestionView(
            question=question,
            partner_answered=question.pk in written,
            current=question.couple_id == couple_id,
        )
        for answer in answers:
            if answer.daily_question_id != question.pk:
                continue
            if answer.author_id == viewer.pk:
                view.mine = answer
            else:
                view.theirs = answer
        views.append(view)
    return views


def question_view(question: DailyQuestion, viewer) -> QuestionView:
    return build_views([question], viewer)[0]


def history(viewer, *, before: UUID | None, limit: int = PAGE_SIZE):
    """A page of the couple's past questions (and ones the viewer answered in an
    earlier pairing), newest first.

    `before` is the public id of the last question already shown: the page holds
    the questions after it in (date, id) order, so two questions on one date
    (from two pairings) are never skipped. Returns (views, next_before).
    """
    queryset = visible(DailyQuestion.objects.all(), viewer)
    questions, next_before = page_before(queryset, before=before, field="local_date", limit=limit)
    return build_views(questions, viewer), next_before
