"""Listening sessions: every move a speaker or listener can make, and who may make it.

The floor rules live here and only here:
- Apart (each on a phone): only the speaker says a piece, confirms a reflection
  or passes the floor; only the listener reflects.
- Together (one phone passed between them): either partner may act for the role
  whose turn it is, since both are there; typing is optional (said out loud).
- Either partner may call a time-out (resume after TIMEOUT_MINUTES) or end.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from hearth.access import Visibility, current_couple, other_member
from hearth.core.errors import ServiceError
from hearth.core.rows import update_fields
from hearth.listening.models import (
    CORRECTION_MAX,
    PIECE_MAX,
    QUESTION_MAX,
    REFLECTION_MAX,
    TIMEOUT_MINUTES,
    TOPIC_MAX,
    Kind,
    ListeningEntry,
    ListeningSession,
    Mode,
    Phase,
    State,
)

TIMER_CHOICES = (0, 2, 3, 5)


def _text(value: str, *, limit: int, what: str, required: bool, apart: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        if apart:
            # Only apart does this need words: together, it can be said out loud.
            raise ServiceError(
                f"Please write {what}: apart, your partner reads it here.",
                code="empty",
                status=409,
            )
        raise ServiceError(f"Please write {what}.", code="empty")
    if len(value) > limit:
        raise ServiceError(
            f"{what.capitalize()} can be at most {limit} characters; yours has {len(value)}. "
            "Shorter pieces are easier to hear: try saying part of it now.",
            code="too_long",
        )
    return value


def open_session(couple):
    return (
        ListeningSession.objects.filter(couple=couple, state__in=[State.ACTIVE, State.PAUSED])
        .order_by("-created_at")
        .first()
    )


def session_start(*, starter, topic: str, mode: str = Mode.APART, timer_minutes: int = 0):
    couple = current_couple(starter)
    if couple is None:
        raise ServiceError(
            "A listening session is for two: it starts once you're paired.",
            code="not_paired",
            status=409,
        )
    if mode not in Mode.values:
        raise ServiceError("Choose how you'll do it: apart or together.", code="mode")
    if timer_minutes not in TIMER_CHOICES:
        raise ServiceError("The timer can be off, 2, 3 or 5 minutes.", code="timer")
    topic = _text(topic, limit=TOPIC_MAX, what="a topic", required=True)
    already_open = ServiceError(
        "You already have a listening session going. Finish or end it first.",
        code="already_open",
        status=409,
    )
    if open_session(couple) is not None:
        raise already_open
    try:
        return _start(couple, starter, topic, mode, timer_minutes)
    except IntegrityError as exc:
        raise already_open from exc  # the partner started one at the same moment


def _start(couple, starter, topic, mode, timer_minutes) -> ListeningSession:
    with transaction.atomic():
        now = timezone.now()
        session = ListeningSession.objects.create(
            couple=couple,
            started_by=starter,
            speaker=starter,
            mode=mode,
            timer_minutes=timer_minutes,
            created_at=now,
            updated_at=now,
        )
        _add(session, starter, Kind.TOPIC, text=topic)
        return session


def _lock(session: ListeningSession) -> ListeningSession:
    return ListeningSession.objects.select_for_update().get(pk=session.pk)


def _add(session, author, kind, *, piece=None, text="", question="") -> ListeningEntry:
    last = session.entries.aggregate(last=Max("position"))["last"] or 0
    return ListeningEntry.objects.create(
        session=session,
        couple_id=session.couple_id,
        author=author,
        visibility=Visibility.SHARED,
        position=last + 1,
        kind=kind,
        piece=piece,
        floor_id=session.speaker_id,
        text=text,
        question=question,
    )


def role_of(session: ListeningSession, person) -> str:
    return "speaker" if session.speaker_id == person.pk else "listener"


def _check(session: ListeningSession, person, *, role: str | None, phases=()) -> None:
    """Refuse unless `person` may make a move for `role` in one of `phases` now."""
    couple = current_couple(person)
    if couple is None or couple.pk != session.couple_id:
        raise ServiceError(
            "This session belongs to a pairing you are no longer part of.",
            code="not_member",
            status=404,
        )
    if session.state == State.ENDED:
        raise ServiceError("This session has ended.", code="ended", status=409)
    if session.state == State.PAUSED and phases:
        raise ServiceError(
            "You're on a time-out. Resume the session when you're both ready.",
            code="paused",
            status=409,
        )
    if phases and session.phase not in phases:
        raise ServiceError(
            "That step isn't next. The page shows what comes next.", code="wrong_step", status=409
        )
    if role and session.mode == Mode.APART and role_of(session, person) != role:
        who = "speaker" if role == "speaker" else "listener"
        raise ServiceError(
            f"It's the {who}'s turn for this step.", code="not_your_turn", status=409
        )


def _last_piece(session: ListeningSession) -> ListeningEntry:
    return session.entries.filter(kind=Kind.PIECE).order_by("-position").first()


def piece_say(*, session: ListeningSession, person, text: str) -> ListeningEntry:
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role="speaker", phases=(Phase.SPEAKING, Phase.LANDED))
        required = session.mode == Mode.APART
        text = _text(
            text, limit=PIECE_MAX, what="what you want to say", required=required, apart=True
        )
        piece = _add(session, person, Kind.PIECE, text=text)
        update_fields(session, phase=Phase.REFLECTING)
        return piece


def reflection_add(*, session: ListeningSession, person, text: str, question: str = ""):
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role="listener", phases=(Phase.REFLECTING,))
        required = session.mode == Mode.APART
        text = _text(
            text, limit=REFLECTION_MAX, what="what you heard", required=required, apart=True
        )
        question = _text(question, limit=QUESTION_MAX, what="a question", required=False)
        reflection = _add(
            session,
            person,
            Kind.REFLECTION,
            piece=_last_piece(session),
            text=text,
            question=question,
        )
        update_fields(session, phase=Phase.CONFIRMING)
        return reflection


def verdict_give(*, session: ListeningSession, person, got_it: bool, correction: str = ""):
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role="speaker", phases=(Phase.CONFIRMING,))
        piece = _last_piece(session)
        if got_it:
            entry = _add(session, person, Kind.GOT_IT, piece=piece)
            update_fields(session, phase=Phase.LANDED)
        else:
            correction = _text(
                correction, limit=CORRECTION_MAX, what="what was missed", required=False
            )
            entry = _add(session, person, Kind.NOT_QUITE, piece=piece, text=correction)
            update_fields(session, phase=Phase.REFLECTING)
        return entry


def floor_pass(*, session: ListeningSession, person) -> ListeningSession:
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role="speaker", phases=(Phase.SPEAKING, Phase.LANDED))
        listener = other_member(session.couple_id, session.speaker) if session.speaker else None
        if listener is None:
            raise ServiceError("There is no one to pass the floor to.", code="alone", status=409)
        _add(session, person, Kind.FLOOR_PASSED)
        update_fields(session, speaker=listener, phase=Phase.SPEAKING)
        return session


def time_out(*, session: ListeningSession, person) -> ListeningSession:
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role=None)
        if session.state == State.PAUSED:
            return session
        _add(session, person, Kind.TIME_OUT)
        update_fields(
            session,
            state=State.PAUSED,
            resume_after=timezone.now() + timedelta(minutes=TIMEOUT_MINUTES),
        )
        return session


def resume(*, session: ListeningSession, person) -> ListeningSession:
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role=None)
        if session.state != State.PAUSED:
            return session
        if session.resume_after and timezone.now() < session.resume_after:
            local = timezone.localtime(session.resume_after, person.zone)
            raise ServiceError(
                f"Give yourselves the full break: you can come back from {local:%H:%M}.",
                code="too_soon",
                status=409,
            )
        _add(session, person, Kind.RESUMED)
        update_fields(session, state=State.ACTIVE, resume_after=None)
        return session


def session_end(*, session: ListeningSession, person) -> ListeningSession:
    with transaction.atomic():
        session = _lock(session)
        _check(session, person, role=None)
        _add(session, person, Kind.ENDED)
        update_fields(session, state=State.ENDED, ended_at=timezone.now())
        return session


def understood_mark(*, session: ListeningSession, person, piece: ListeningEntry):
    """Mark a piece of the partner's as something I understand better now (once each)."""
    couple = current_couple(person)
    if couple is None or couple.pk != session.couple_id:
        raise ServiceError("This session is not yours.", code="not_member", status=404)
    if piece.session_id != session.pk or piece.kind != Kind.PIECE:
        raise ServiceError("Choose something your partner said.", code="not_a_piece", status=404)
    if piece.floor_id == person.pk:
        raise ServiceError("Choose something your partner said.", code="own", status=403)
    with transaction.atomic():
        session = _lock(session)
        existing = session.entries.filter(kind=Kind.UNDERSTOOD, piece=piece, author=person)
        if existing.exists():
            return existing.first()
        return _add(session, person, Kind.UNDERSTOOD, piece=piece)
