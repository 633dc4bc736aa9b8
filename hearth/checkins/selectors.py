"""Reads of check-ins that need care: access rules and a constant number of queries."""

from datetime import date

from django.db.models import Prefetch

from hearth.access import Visibility, partner_of, visible
from hearth.checkins.models import CheckIn, CheckInReaction, CheckInReply

PAGE_SIZE = 20


def with_details(queryset, viewer):
    """Prefetch feelings, and the replies and reactions this viewer may see."""
    return queryset.select_related("author").prefetch_related(
        "feelings",
        Prefetch(
            "replies",
            queryset=visible(CheckInReply.objects.select_related("author"), viewer),
        ),
        Prefetch(
            "reactions",
            queryset=visible(CheckInReaction.objects.select_related("author"), viewer),
        ),
    )


def my_checkin_on(viewer, day: date) -> CheckIn | None:
    return with_details(CheckIn.objects.filter(author=viewer, local_date=day), viewer).first()


def partner_checkin_today(viewer) -> CheckIn | None:
    """The partner's shared check-in for the partner's own local today, if any."""
    partner = partner_of(viewer)
    if partner is None:
        return None
    queryset = visible(CheckIn.objects.all(), viewer).filter(
        author=partner, visibility=Visibility.SHARED, local_date=partner.local_today()
    )
    return with_details(queryset, viewer).first()


def history(viewer, *, whose: str, before: date | None, limit: int = PAGE_SIZE):
    """A page of check-ins, newest first, keyed by date so each page costs the same.

    `whose` is "mine" or "partner". Returns (items, next_before).
    """
    if whose == "partner":
        partner = partner_of(viewer)
        if partner is None:
            return [], None
        queryset = visible(CheckIn.objects.all(), viewer).filter(
            author=partner, visibility=Visibility.SHARED
        )
    else:
        queryset = CheckIn.objects.filter(author=viewer)
    if before is not None:
        queryset = queryset.filter(local_date__lt=before)
    items = list(with_details(queryset.order_by("-local_date"), viewer)[: limit + 1])
    next_before = items[limit - 1].local_date if len(items) > limit else None
    return items[:limit], next_before
