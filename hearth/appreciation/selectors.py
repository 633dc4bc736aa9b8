"""Which appreciations a person sees: their drafts, what they sent, what they received."""

from uuid import UUID

from hearth.access import partner_of, visible
from hearth.appreciation.models import Appreciation
from hearth.core.paging import page_before

BOXES = ("received", "sent", "drafts")
PAGE_SIZE = 20


def box(viewer, name: str, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    queryset = visible(
        Appreciation.objects.select_related("author").prefetch_related("reactions"), viewer
    )
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
