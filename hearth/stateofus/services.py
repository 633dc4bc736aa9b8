"""The weekly meeting: start it, write notes step by step, close it; keep a weekly time."""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from hearth.access import Visibility, current_couple
from hearth.core.errors import ServiceError
from hearth.questions.services import couple_today
from hearth.stateofus.models import (
    NOTE_MAX,
    NOTES_PER_PERSON,
    Meeting,
    MeetingNote,
    MeetingTime,
    Step,
)

DURATIONS = (15, 30, 45, 60)


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def open_meeting(couple) -> Meeting | None:
    return Meeting.objects.filter(couple=couple, closed_at__isnull=True).first()


def _paired(person):
    couple = current_couple(person)
    if couple is None:
        raise ServiceError(
            "The state of us is a meeting for two: it starts once you're paired.",
            code="not_paired",
            status=409,
        )
    return couple


def meeting_start(*, starter) -> Meeting:
    couple = _paired(starter)
    already_open = ServiceError(
        "Your meeting is already open. Carry on there, or close it first.",
        code="already_open",
        status=409,
    )
    if open_meeting(couple) is not None:
        raise already_open
    try:
        with transaction.atomic():
            return Meeting.objects.create(
                couple=couple, started_by=starter, week_of=week_of(couple_today(couple))
            )
    except IntegrityError as exc:
        raise already_open from exc  # the partner opened one at the same moment


def _member(meeting: Meeting, person) -> None:
    couple = current_couple(person)
    if couple is None or couple.pk != meeting.couple_id:
        raise ServiceError(
            "This meeting belongs to a pairing you are no longer part of.",
            code="not_member",
            status=404,
        )


def _open(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_open:
        raise ServiceError(
            "This meeting is closed. Start a new one whenever you like.", code="closed", status=409
        )
    return meeting


def note_add(*, meeting: Meeting, author, step: str, text: str) -> MeetingNote:
    if step not in Step.values:
        raise ServiceError("Choose one of the meeting's steps.", code="step")
    text = (text or "").strip()
    if not text:
        raise ServiceError("Write a few words first.", code="empty")
    if len(text) > NOTE_MAX:
        raise ServiceError(
            f"A note can be at most {NOTE_MAX} characters; yours has {len(text)}.",
            code="too_long",
        )
    _member(meeting, author)
    with transaction.atomic():
        meeting = _open(meeting)
        limit = NOTES_PER_PERSON[step]
        if meeting.notes.filter(author=author, step=step).count() >= limit:
            raise ServiceError(_limit_message(step, limit), code="limit", status=409)
        return MeetingNote.objects.create(
            meeting=meeting,
            couple_id=meeting.couple_id,
            author=author,
            visibility=Visibility.SHARED,
            step=step,
            text=text,
        )


def _limit_message(step: str, limit: int) -> str:
    if step == Step.TOPIC:
        return "One topic a week is plenty. Remove yours first if you'd like to raise another."
    if step == Step.PLAN:
        return "One small plan is enough for a week. Remove yours first to write another."
    return f"Up to {limit} here is plenty. Remove one first if you'd like to add another."


def note_delete(*, note: MeetingNote, author) -> None:
    if note.author_id != author.pk:
        raise ServiceError("You can only remove your own notes.", code="not_yours", status=404)
    with transaction.atomic():
        _open(note.meeting)
        note.delete()


def meeting_close(*, meeting: Meeting, person) -> Meeting:
    _member(meeting, person)
    with transaction.atomic():
        meeting = _open(meeting)
        meeting.closed_at = timezone.now()
        meeting.save(update_fields=["closed_at"])
        return meeting


def meeting_time_set(*, person, weekday: int, at: time, minutes: int = 30) -> MeetingTime:
    couple = _paired(person)
    if weekday not in range(7):
        raise ServiceError("Choose a day of the week.", code="weekday")
    if minutes not in DURATIONS:
        raise ServiceError("Choose 15, 30, 45 or 60 minutes.", code="minutes")
    if at.tzinfo is not None:
        raise ServiceError(
            "Give the time without a time zone: it is always in your couple's time zone.",
            code="time_zone",
        )
    found, _ = MeetingTime.objects.update_or_create(
        couple=couple,
        defaults={
            "weekday": weekday,
            "at": at.replace(second=0, microsecond=0),
            "minutes": minutes,
            "set_by": person,
            "updated_at": timezone.now(),
        },
    )
    return found


def meeting_time_clear(*, person) -> None:
    couple = _paired(person)
    for found in MeetingTime.objects.filter(couple=couple):
        found.delete()


def next_meeting_at(meeting_time: MeetingTime, *, now: datetime | None = None) -> datetime:
    """The next start of the weekly time, in the couple's zone (today's counts until it ends)."""
    zone = zoneinfo.ZoneInfo(meeting_time.couple.timezone)
    local_now = (now or timezone.now()).astimezone(zone)
    days_ahead = (meeting_time.weekday - local_now.weekday()) % 7
    day = local_now.date() + timedelta(days=days_ahead)
    start = datetime.combine(day, meeting_time.at, tzinfo=zone)
    if start + timedelta(minutes=meeting_time.minutes) <= local_now:
        start = datetime.combine(day + timedelta(days=7), meeting_time.at, tzinfo=zone)
    return start
