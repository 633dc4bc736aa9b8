"""Writing appreciations (keep as a draft, change a draft, send, delete, react) and one's
"ways I feel cared for" (saving replaces one's whole list)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hearth.access import Visibility, can_see, current_couple
from hearth.appreciation.models import (
    CARE_DETAIL_MAX,
    CARE_LABEL_MAX,
    MEANT_MAX,
    WHAT_MAX,
    Appreciation,
    AppreciationReaction,
    CareWay,
)
from hearth.content import catalog
from hearth.core.errors import ServiceError


def _clean(what: str, meant: str) -> tuple[str, str]:
    what, meant = (what or "").strip(), (meant or "").strip()
    if not what:
        raise ServiceError(
            "Say what they did: one moment, as plainly as you'd tell a friend.", code="empty"
        )
    for value, limit, name in (
        (what, WHAT_MAX, "What they did"),
        (meant, MEANT_MAX, "What it meant"),
    ):
        if len(value) > limit:
            raise ServiceError(
                f"{name} can be at most {limit} characters; yours has {len(value)}.",
                code="too_long",
            )
    return what, meant


def appreciation_save(
    *, author, what: str, meant: str = "", appreciation: Appreciation | None = None, send=False
) -> Appreciation:
    """Write a new draft or change one; with `send`, share it too (all or nothing)."""
    what, meant = _clean(what, meant)
    with transaction.atomic():
        if appreciation is None:
            appreciation = Appreciation.objects.create(
                author=author, visibility=Visibility.PRIVATE, what=what, meant=meant
            )
        else:
            appreciation = Appreciation.objects.select_for_update().get(pk=appreciation.pk)
            if appreciation.author_id != author.pk:
                raise ServiceError("This is not yours to change.", code="not_yours", status=404)
            if appreciation.is_sent:
                raise ServiceError(
                    "This was already sent, so it stays as it is.", code="sent", status=409
                )
            appreciation.what, appreciation.meant = what, meant
            appreciation.save(update_fields=["what", "meant"])
        if send:
            try:
                appreciation = appreciation_send(appreciation=appreciation, author=author)
            except ServiceError as exc:
                if exc.code != "not_paired":
                    raise
                # All or nothing: the rollback keeps no copy, so don't say "kept".
                raise ServiceError(
                    "You're not paired yet, so it can't be sent, and nothing was saved. "
                    "Keep it for later instead; you can send it once you're paired.",
                    code="not_paired",
                    status=409,
                ) from exc
    return appreciation


def appreciation_send(*, appreciation: Appreciation, author) -> Appreciation:
    if appreciation.author_id != author.pk:
        raise ServiceError("This is not yours to send.", code="not_yours", status=404)
    couple = current_couple(author)
    if couple is None:
        raise ServiceError(
            "Kept for later: you can send it once you're paired.", code="not_paired", status=409
        )
    with transaction.atomic():
        appreciation = Appreciation.objects.select_for_update().get(pk=appreciation.pk)
        if appreciation.is_sent:
            return appreciation
        appreciation.couple = couple
        appreciation.visibility = Visibility.SHARED
        appreciation.sent_at = timezone.now()
        appreciation.save(update_fields=["couple", "visibility", "sent_at"])
    return appreciation


def appreciation_delete(*, appreciation: Appreciation, author) -> None:
    if appreciation.author_id != author.pk:
        raise ServiceError("You can only delete your own.", code="not_yours", status=404)
    appreciation.delete()


def appreciation_react(
    *, appreciation: Appreciation, author, reaction: str
) -> AppreciationReaction | None:
    """Set, change or (with an empty reaction) remove my reaction to one I received."""
    if appreciation.author_id == author.pk:
        raise ServiceError(
            "This one is from you; reactions are for the one who received it.",
            code="own",
            status=403,
        )
    if not can_see(author, appreciation):  # a draft, or not sent to this couple
        raise ServiceError(
            "Only an appreciation sent to you can have your reaction.", code="not_yours", status=404
        )
    if not reaction:
        AppreciationReaction.objects.filter(appreciation=appreciation, author=author).delete()
        return None
    if reaction not in catalog.appreciation_reaction_by_key:
        raise ServiceError("Choose a reaction from the list.", code="unknown_reaction")
    obj, _ = AppreciationReaction.objects.update_or_create(
        appreciation=appreciation,
        author=author,
        defaults={"reaction": reaction, "created_at": timezone.now()},
        create_defaults={
            "reaction": reaction,
            "couple": appreciation.couple,
            "visibility": Visibility.SHARED,
        },
    )
    return obj


@dataclass(frozen=True)
class WayIn:
    kind: str
    rank: int
    detail: str = ""
    label: str = ""


def care_ways_save(*, author, ways: list[WayIn]) -> list[CareWay]:
    """Put one's ways in order (every kind once, places 1..n once each), all or nothing."""
    keys = [way.key for way in catalog.care_ways]
    given = [w.kind for w in ways]
    if sorted(given) != sorted(keys):
        unknown = sorted(set(given) - set(keys))
        raise ServiceError(
            f"Unknown kind: {', '.join(unknown)}."
            if unknown
            else "Give each kind once: " + ", ".join(keys) + ".",
            code="kinds",
        )
    ranks = [w.rank for w in ways]
    if sorted(ranks) != list(range(1, len(keys) + 1)):
        twice = sorted({r for r in ranks if ranks.count(r) > 1})
        raise ServiceError(
            f"Each place can be used once: {', '.join(map(str, twice))} is chosen more than once."
            if twice
            else f"Give each kind a place from 1 to {len(keys)}.",
            code="ranks",
        )
    cleaned = []
    for way in ways:
        detail, label = (way.detail or "").strip(), (way.label or "").strip()
        name = catalog.care_way_by_key[way.kind].label
        if len(detail) > CARE_DETAIL_MAX:
            raise ServiceError(
                f"“{name}” can be at most {CARE_DETAIL_MAX} characters; yours has {len(detail)}.",
                code="too_long",
            )
        if len(label) > CARE_LABEL_MAX:
            raise ServiceError(
                f"The name for “{name}” can be at most {CARE_LABEL_MAX} characters.",
                code="too_long",
            )
        cleaned.append(WayIn(way.kind, way.rank, detail, label if way.kind == "other" else ""))
    couple = current_couple(author)
    visibility = Visibility.SHARED if couple else Visibility.PRIVATE
    now = timezone.now()
    with transaction.atomic():
        CareWay.objects.filter(author=author, couple=couple).delete()
        return CareWay.objects.bulk_create(
            CareWay(
                author=author,
                couple=couple,
                visibility=visibility,
                kind=w.kind,
                rank=w.rank,
                detail=w.detail,
                label=w.label,
                updated_at=now,
            )
            for w in sorted(cleaned, key=lambda w: w.rank)
        )
