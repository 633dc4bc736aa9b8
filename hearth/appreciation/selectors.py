"""Which appreciations a person sees (their drafts, what they sent, what they received), and
the "ways I feel cared for" lists: one's own, and the partner's."""

from uuid import UUID

from hearth.access import current_couple, get_visible_or_404, partner_of, visible
from hearth.appreciation.models import Appreciation, CareWay
from hearth.core.paging import page_before

BOXES = ("received", "sent", "drafts")
PAGE_SIZE = 20


def with_reactions():
    return Appreciation.objects.select_related("author").prefetch_related("reactions__author")


def one_or_404(viewer, public_id) -> Appreciation:
    """One appreciation the viewer may see, with its reactions, or 404."""
    return get_visible_or_404(with_reactions(), viewer, public_id=public_id)


def box(viewer, name: str, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    queryset = visible(with_reactions(), viewer)
    if name == "drafts":
        queryset = queryset.filter(author=viewer, sent_at__isnull=True)
    elif name == "sent":
        queryset = queryset.filter(author=viewer, sent_at__isnull=False)
    else:
        partner = partner_of(viewer)
        if partner is None:
            return [], None
        queryset = queryset.filter(author=partner, sent_at__isnull=False)
    return page_before(queryset, before=before, field="created_at", limit=limit)


def care_ways_mine(viewer) -> tuple[list[CareWay], bool]:
    """My list for the couple I'm in now (or for being on my own). If there is none yet, my
    most recent earlier list, to start from, and True: it is not shared until I save it."""
    couple = current_couple(viewer)
    rows = list(CareWay.objects.filter(author=viewer, couple=couple))
    if rows:
        return rows, False
    latest = CareWay.objects.filter(author=viewer).order_by("-updated_at").first()
    if latest is None:
        return [], False
    earlier = CareWay.objects.filter(author=viewer, couple_id=latest.couple_id)
    return list(earlier), True


def care_ways_partner(viewer) -> list[CareWay]:
    """What my partner shared with me, in their order; empty when they haven't yet."""
    partner = partner_of(viewer)
    couple = current_couple(viewer)
    if partner is None or couple is None:
        return []
    return list(visible(CareWay.objects.filter(author=partner, couple=couple), viewer))
