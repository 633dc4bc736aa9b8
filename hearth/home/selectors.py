"""What the home page shows, gathered with a fixed number of queries."""

import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q

from hearth.access import Visibility, current_couple, partner_of, visible
from hearth.checkins import selectors as checkin_selectors
from hearth.checkins.models import CheckIn, CheckInReaction, CheckInReply
from hearth.couples.models import Membership
from hearth.questions import selectors as question_selectors
from hearth.questions import services as question_services
from hearth.questions.models import Answer, AnswerReply

RHYTHM_DAYS = 7


@dataclass
class Waiting:
    """Replies and reactions on my things that I haven't opened yet."""

    checkin_replies: list = field(default_factory=list)
    answer_replies: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.checkin_replies or self.answer_replies)


@dataclass
class Today:
    my_checkin: object = None
    partner_checkin: object = None
    question: object = None  # a QuestionView
    waiting: Waiting = field(default_factory=Waiting)
    rhythm_days: list[bool] = field(default_factory=list)
    ended_notice: bool = False
    preview_question: object = None

    @property
    def rhythm_count(self) -> int:
        return sum(self.rhythm_days)


def _window(day: date, zone: zoneinfo.ZoneInfo) -> tuple[datetime, datetime, date]:
    first = day - timedelta(days=RHYTHM_DAYS - 1)
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end, first


def rhythm(user, couple) -> list[bool]:
    """For each of the last seven days (oldest first): did we connect?

    Paired: a day counts when the question was revealed (both wrote), or either
    replied to or reacted to the other, or both shared a check-in. Solo: a day
    counts when the person checked in. Missed days are simply not counted.
    """
    if couple is None:
        today = user.local_today()
        first = today - timedelta(days=RHYTHM_DAYS - 1)
        days = set(
            CheckIn.objects.filter(author=user, local_date__gte=first).values_list(
                "local_date", flat=True
            )
        )
        return [first + timedelta(days=i) in days for i in range(RHYTHM_DAYS)]

    zone = zoneinfo.ZoneInfo(couple.timezone)
    today = question_services.couple_today(couple)
    start, end, first = _window(today, zone)
    connected: set[date] = set()

    written = Answer.objects.filter(
        couple=couple,
        visibility=Visibility.SEALED,
        passed=False,
        daily_question__local_date__gte=first,
    ).values_list("daily_question__local_date", "author_id")
    writers: dict[date, set[int]] = {}
    for day, author_id in written:
        writers.setdefault(day, set()).add(author_id)
    connected |= {day for day, authors in writers.items() if len(authors) >= 2}

    shared = CheckIn.objects.filter(
        couple=couple, visibility=Visibility.SHARED, local_date__gte=first
    ).values_list("local_date", "author_id")
    sharers: dict[date, set[int]] = {}
    for day, author_id in shared:
        sharers.setdefault(day, set()).add(author_id)
    connected |= {day for day, authors in sharers.items() if len(authors) >= 2}

    for model in (CheckInReply, CheckInReaction, AnswerReply):
        stamps = model.objects.filter(
            couple=couple, created_at__gte=start, created_at__lt=end
        ).values_list("created_at", flat=True)
        connected |= {stamp.astimezone(zone).date() for stamp in stamps}

    return [first + timedelta(days=i) in connected for i in range(RHYTHM_DAYS)]


def waiting_for(user, couple) -> Waiting:
    if couple is None:
        return Waiting()
    unseen = Q(couple=couple, seen_at__isnull=True) & ~Q(author=user)
    checkin_replies = list(
        visible(CheckInReply.objects.select_related("checkin"), user)
        .filter(unseen, checkin__author=user)
        .order_by("-created_at")[:5]
    )
    answer_replies = list(
        visible(AnswerReply.objects.select_related("answer__daily_question"), user)
        .filter(unseen, answer__author=user)
        .order_by("-created_at")[:5]
    )
    return Waiting(checkin_replies=checkin_replies, answer_replies=answer_replies)


def today_for(user) -> Today:
    """Everything on the home page but `waiting`, which the view fills in last."""
    couple = current_couple(user)
    partner_of(user)
    result = Today(
        my_checkin=checkin_selectors.my_checkin_on(user, user.local_today()),
        rhythm_days=rhythm(user, couple),
        ended_notice=Membership.objects.filter(user=user, ended_notice_pending=True).exists(),
    )
    if couple is not None:
        result.partner_checkin = checkin_selectors.partner_checkin_today(user)
        question = question_services.question_for_today(couple=couple)
        result.question = question_selectors.question_view(question, user)
    else:
        result.preview_question = question_services.solo_preview(user)
    return result
