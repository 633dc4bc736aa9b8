"""Writing check-ins, replies and reactions."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from hearth.access import Visibility, can_see, current_couple
from hearth.checkins.models import (
    NEED_WORDS_MAX,
    NOTE_MAX,
    REPLY_MAX,
    CheckIn,
    CheckInFeeling,
    CheckInReaction,
    CheckInReply,
)
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.feelings import FeelingChoice, clean_feelings
from hearth.core.freshness import touch


def _clean_text(value: str, *, limit: int, what: str, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ServiceError(f"Please write {what}.", code="empty")
    if len(value) > limit:
        raise ServiceError(
            f"{what.capitalize()} can be at most {limit} characters; yours has {len(value)}.",
            code="too_long",
        )
    return value


def checkin_save_today(
    *,
    author,
    feelings: list[FeelingChoice],
    closeness: int,
    need: str,
    need_words: str = "",
    note: str = "",
    visibility: str = Visibility.SHARED,
) -> tuple[CheckIn, bool]:
    """Create or update the author's check-in for their local today.

    Returns (check-in, created). The check-in is stamped with the author's
    current couple, so a partner sees it only within this pairing.
    """
    feelings = clean_feelings(feelings)
    if not isinstance(closeness, int) or not 1 <= closeness <= 7:
        raise ServiceError("Closeness goes from 1 (far apart) to 7 (very close).", code="range")
    if need not in catalog.need_by_key:
        raise ServiceError("Choose what you need today from the list.", code="unknown_need")
    need_words = _clean_text(
        need_words,
        limit=NEED_WORDS_MAX,
        what="what you need, in your own words",
        required=need == "own_words",
    )
    if need != "own_words":
        need_words = ""
    note = _clean_text(note, limit=NOTE_MAX, what="the note")
    if visibility not in (Visibility.SHARED, Visibility.PRIVATE):
        raise ServiceError("A check-in is either shared or private.", code="visibility")

    today = author.local_today()
    couple = current_couple(author)
    now = timezone.now()
    values = {
        "couple": couple,
        "closeness": closeness,
        "need": need,
        "need_words": need_words,
        "note": note,
        "visibility": visibility,
        "updated_at": now,
    }
    try:
        with transaction.atomic():
            checkin, created = CheckIn.objects.select_for_update().update_or_create(
                author=author, local_date=today, defaults=values, create_defaults=values
            )
            checkin.feelings.all().delete()
            CheckInFeeling.objects.bulk_create(
                CheckInFeeling(checkin=checkin, feeling=f.feeling, intensity=f.intensity)
                for f in feelings
            )
    except IntegrityError as exc:
        # Two saves of the same day raced; the other one won. Ask to try again.
        raise ServiceError(
            "Your check-in was saved from another tab at the same moment. Please try again.",
            code="conflict",
            status=409,
        ) from exc
    return checkin, created


def _partner_checkin(checkin: CheckIn, viewer, *, action: str) -> CheckIn:
    if checkin.author_id == viewer.pk:
        raise ServiceError(
            f"You can {action} your partner's check-in, not your own.", code="own", status=403
        )
    if checkin.visibility != Visibility.SHARED or not can_see(viewer, checkin):
        raise ServiceError("This check-in isn't shared with you.", code="not_shared", status=404)
    return checkin


def checkin_reply(*, checkin: CheckIn, author, text: str) -> CheckInReply:
    _partner_checkin(checkin, author, action="reply to")
    text = _clean_text(text, limit=REPLY_MAX, what="a reply", required=True)
    return CheckInReply.objects.create(
        checkin=checkin,
        couple=checkin.couple,
        author=author,
        visibility=Visibility.SHARED,
        text=text,
    )


def checkin_react(*, checkin: CheckIn, author, reaction: str) -> CheckInReaction | None:
    """Set, change or (with an empty reaction) remove the viewer's reaction."""
    _partner_checkin(checkin, author, action="react to")
    if not reaction:
        CheckInReaction.objects.filter(checkin=checkin, author=author).delete()
        return None
    if reaction not in catalog.reaction_by_key:
        raise ServiceError("Choose a reaction from the list.", code="unknown_reaction")
    obj, _ = CheckInReaction.objects.update_or_create(
        checkin=checkin,
        author=author,
        defaults={"reaction": reaction, "seen_at": None, "created_at": timezone.now()},
        create_defaults={
            "reaction": reaction,
            "couple": checkin.couple,
            "visibility": Visibility.SHARED,
        },
    )
    return obj


def replies_mark_seen(*, checkin: CheckIn, viewer) -> None:
    """The check-in's author has now seen the replies and reactions on it."""
    if checkin.author_id != viewer.pk:
        return
    now = timezone.now()
    seen = (
        CheckInReply.objects.filter(checkin=checkin, seen_at__isnull=True)
        .exclude(author=viewer)
        .update(seen_at=now)
    )
    seen += (
        CheckInReaction.objects.filter(checkin=checkin, seen_at__isnull=True)
        .exclude(author=viewer)
        .update(seen_at=now)
    )
    if seen:
        touch(couple_id=checkin.couple_id, user_ids=[viewer.pk])


def checkin_delete(*, checkin: CheckIn, author) -> None:
    if checkin.author_id != author.pk:
        raise ServiceError("You can only delete your own check-ins.", code="not_yours", status=404)
    checkin.delete()
