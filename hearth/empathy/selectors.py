"""What each person may see of a perspective check."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch

from hearth.access import current_couple_id, partner_of, visible
from hearth.core.paging import page_before
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse, Role
from hearth.empathy.services import Overlap, overlap_of

PAGE_SIZE = 20


@dataclass
class PerspectiveView:
    check: PerspectiveCheck
    mine: bool
    actual: list  # the sharer's feelings, when the viewer may see them
    guess: list
    response: PerspectiveResponse | None
    state: str  # draft, waiting, to_guess, revealed, earlier

    @property
    def overlap(self) -> Overlap | None:
        if self.state != "revealed":
            return None
        return overlap_of([f.feeling for f in self.actual], [f.feeling for f in self.guess])

    @property
    def matched(self) -> set[str]:
        return {f.feeling for f in self.actual} & {f.feeling for f in self.guess}


def with_visible_parts(queryset, viewer):
    return queryset.select_related("author").prefetch_related(
        Prefetch(
            "feelings",
            queryset=visible(PerspectiveFeeling.objects.all(), viewer),
            to_attr="visible_feelings",
        ),
        Prefetch(
            "response",
            queryset=visible(PerspectiveResponse.objects.all(), viewer),
        ),
    )


def perspective_view(check: PerspectiveCheck, viewer) -> PerspectiveView:
    prefetched = hasattr(check, "visible_feelings")
    if prefetched:
        feelings = check.visible_feelings
        try:
            response = check.response  # prefetched through the access layer
        except PerspectiveResponse.DoesNotExist:
            response = None
    else:
        feelings = list(visible(check.feelings.all(), viewer))
        response = visible(PerspectiveResponse.objects.filter(perspective=check), viewer).first()
    actual = [f for f in feelings if f.role == Role.ACTUAL]
    guess = [f for f in feelings if f.role == Role.GUESS]
    mine = check.author_id == viewer.pk
    current = check.couple_id is None or check.couple_id == current_couple_id(viewer)
    if not check.is_sent:
        state = "draft"
    elif not current:
        state = "earlier"
    elif check.guessed_at is not None:
        state = "revealed"
    else:
        state = "waiting" if mine else "to_guess"
    return PerspectiveView(
        check=check, mine=mine, actual=actual, guess=guess, response=response, state=state
    )


def checks_for(viewer, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    """Perspective checks the viewer may see, newest first, paged by the last one shown."""
    queryset = with_visible_parts(visible(PerspectiveCheck.objects.all(), viewer), viewer)
    checks, next_before = page_before(queryset, before=before, field="created_at", limit=limit)
    return [perspective_view(c, viewer) for c in checks], next_before


def to_guess(viewer) -> list[PerspectiveCheck]:
    """The partner's shared situations the viewer has not guessed yet (home page)."""
    partner = partner_of(viewer)
    if partner is None:
        return []
    return list(
        visible(PerspectiveCheck.objects.all(), viewer)
        .filter(author=partner, sent_at__isnull=False, guessed_at__isnull=True)
        .select_related("author")
    )
