"""Writing perspective checks: prepare, send, guess, validate, delete."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from hearth.access import Visibility, can_see, current_couple
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.feelings import FeelingChoice, clean_feelings
from hearth.empathy.models import (
    SITUATION_MAX,
    VALIDATION_MAX,
    PerspectiveCheck,
    PerspectiveFeeling,
    PerspectiveResponse,
    Role,
)

CLOSE = 0.5  # a guess in the same family of feelings counts half


@dataclass(frozen=True)
class Overlap:
    exact: int  # feelings guessed word for word
    close: int  # feelings guessed in the same family
    total: int  # feelings the sharer picked
    score: float  # (exact + CLOSE * close) / max(picked, guessed), from 0 to 1


def overlap_of(actual: list[str], guess: list[str]) -> Overlap:
    """How close a guess came. Each guessed word is used once, exact matches first."""
    remaining = list(guess)
    exact = 0
    for key in actual:
        if key in remaining:
            remaining.remove(key)
            exact += 1
    unmatched = [key for key in actual if key not in guess]
    close = 0
    for key in unmatched:
        group = catalog.feeling_by_key[key].group if key in catalog.feeling_by_key else None
        for candidate in remaining:
            found = catalog.feeling_by_key.get(candidate)
            if found is not None and found.group == group:
                remaining.remove(candidate)
                close += 1
                break
    denominator = max(len(actual), len(guess)) or 1
    return Overlap(
        exact=exact, close=close, total=len(actual), score=(exact + CLOSE * close) / denominator
    )


def _situation(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError("Describe the situation in a few sentences.", code="empty")
    if len(text) > SITUATION_MAX:
        raise ServiceError(
            f"The situation can be at most {SITUATION_MAX} characters; yours has {len(text)}.",
            code="too_long",
        )
    return text


def perspective_save(
    *,
    sharer,
    situation: str,
    feelings: list[FeelingChoice],
    check: PerspectiveCheck | None = None,
    send: bool = False,
) -> PerspectiveCheck:
    """Create or change a prepared (not yet sent) perspective check. Works before pairing.

    With `send`, it is also shared, all or nothing: a refused send keeps no copy.
    """
    situation = _situation(situation)
    feelings = clean_feelings(feelings)
    with transaction.atomic():
        if check is None:
            check = PerspectiveCheck.objects.create(
                author=sharer, visibility=Visibility.PRIVATE, situation=situation
            )
        else:
            check = PerspectiveCheck.objects.select_for_update().get(pk=check.pk)
            if check.author_id != sharer.pk:
                raise ServiceError("This is not yours to change.", code="not_yours", status=404)
            if check.is_sent:
                raise ServiceError(
                    "This was already sent, so it can't be changed. You can delete it.",
                    code="sent",
                    status=409,
                )
            check.situation = situation
            check.save(update_fields=["situation"])
            check.feelings.filter(role=Role.ACTUAL).delete()
        PerspectiveFeeling.objects.bulk_create(
            PerspectiveFeeling(
                perspective=check,
                author=sharer,
                couple=check.couple,
                visibility=Visibility.SEALED,
                role=Role.ACTUAL,
                feeling=choice.feeling,
                intensity=choice.intensity,
            )
            for choice in feelings
        )
        if send:
            check = perspective_send(check=check, sharer=sharer)
    return check


def perspective_send(*, check: PerspectiveCheck, sharer) -> PerspectiveCheck:
    """Share the situation with the partner; the feelings stay sealed until they guess."""
    if check.author_id != sharer.pk:
        raise ServiceError("This is not yours to send.", code="not_yours", status=404)
    couple = current_couple(sharer)
    if couple is None:
        raise ServiceError(
            "Keep it for now: you can send it once you're paired.", code="not_paired", status=409
        )
    with transaction.atomic():
        check = PerspectiveCheck.objects.select_for_update().get(pk=check.pk)
        if check.is_sent:
            return check
        check.couple = couple
        check.visibility = Visibility.SHARED
        check.sent_at = timezone.now()
        check.save(update_fields=["couple", "visibility", "sent_at"])
        check.feelings.update(couple=couple)
    return check


def perspective_guess(
    *, check: PerspectiveCheck, guesser, feelings: list[FeelingChoice]
) -> PerspectiveCheck:
    """The partner's guess. One guess per check; it releases the sharer's feelings."""
    if check.author_id == guesser.pk:
        raise ServiceError(
            "This is your own situation: your partner does the guessing.", code="own", status=403
        )
    if not check.is_sent or not can_see(guesser, check):
        raise ServiceError("This situation isn't shared with you.", code="not_shared", status=404)
    feelings = clean_feelings(feelings)
    try:
        with transaction.atomic():
            check = PerspectiveCheck.objects.select_for_update().get(pk=check.pk)
            if check.guessed_at is not None:
                raise ServiceError(
                    "You've already guessed. The answer is on the page.",
                    code="guessed",
                    status=409,
                )
            PerspectiveFeeling.objects.bulk_create(
                PerspectiveFeeling(
                    perspective=check,
                    author=guesser,
                    couple=check.couple,
                    visibility=Visibility.SHARED,
                    role=Role.GUESS,
                    feeling=choice.feeling,
                    intensity=choice.intensity,
                )
                for choice in feelings
            )
            actual = list(check.feelings.filter(role=Role.ACTUAL).values_list("feeling", flat=True))
            result = overlap_of(actual, [choice.feeling for choice in feelings])
            check.guessed_at = timezone.now()
            check.overlap = result.score
            # This save also refreshes both partners' cached pages (core/freshness.py).
            check.save(update_fields=["guessed_at", "overlap"])
    except IntegrityError as exc:
        raise ServiceError(
            "You've already guessed. The answer is on the page.", code="guessed", status=409
        ) from exc
    return check


def perspective_validate(*, check: PerspectiveCheck, guesser, text: str) -> PerspectiveResponse:
    """After the reveal, the guesser says why the feelings make sense."""
    if (
        check.guessed_at is None
        or not check.feelings.filter(role=Role.GUESS, author=guesser).exists()
    ):
        raise ServiceError(
            "Guess first; then you can say why it makes sense.", code="not_guessed", status=409
        )
    text = (text or "").strip()
    if not text:
        raise ServiceError("Write a few words first.", code="empty")
    if len(text) > VALIDATION_MAX:
        raise ServiceError(
            f"That can be at most {VALIDATION_MAX} characters; yours has {len(text)}.",
            code="too_long",
        )
    response, _ = PerspectiveResponse.objects.update_or_create(
        perspective=check,
        defaults={"text": text, "author": guesser, "created_at": timezone.now()},
        create_defaults={
            "text": text,
            "author": guesser,
            "couple": check.couple,
            "visibility": Visibility.SHARED,
        },
    )
    return response


def perspective_delete(*, check: PerspectiveCheck, author) -> None:
    if check.author_id != author.pk:
        raise ServiceError("You can only delete your own.", code="not_yours", status=404)
    check.delete()
