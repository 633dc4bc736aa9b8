"""What a person sees of the weekly meetings."""

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Prefetch

from hearth.access import current_couple, visible
from hearth.content import catalog
from hearth.core.paging import page_before
from hearth.stateofus.models import NOTES_PER_PERSON, Meeting, MeetingNote, MeetingTime

PAGE_SIZE = 20


@dataclass
class StepView:
    step: object  # the content's MeetingStep: title, intro, placeholder, ideas
    mine: list = field(default_factory=list)
    theirs: list = field(default_factory=list)
    limit: int = 1

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def can_add(self) -> bool:
        return len(self.mine) < self.limit


@dataclass
class MeetingView:
    meeting: Meeting
    current: bool
    steps: list[StepView]

    @property
    def editable(self) -> bool:
        return self.current and self.meeting.is_open


def with_notes(queryset, viewer):
    notes = visible(MeetingNote.objects.select_related("author"), viewer)
    return queryset.prefetch_related(Prefetch("notes", queryset=notes, to_attr="visible_notes"))


def meeting_view(meeting: Meeting, viewer) -> MeetingView:
    if not hasattr(meeting, "visible_notes"):
        meeting = with_notes(Meeting.objects.filter(pk=meeting.pk), viewer).get()
    couple = current_couple(viewer)
    current = couple is not None and couple.pk == meeting.couple_id
    steps = []
    for step in catalog.meeting_steps:
        view = StepView(step=step, limit=NOTES_PER_PERSON[step.key])
        for note in meeting.visible_notes:
            if note.step != step.key:
                continue
            (view.mine if note.author_id == viewer.pk else view.theirs).append(note)
        steps.append(view)
    return MeetingView(meeting=meeting, current=current, steps=steps)


def meetings_for(viewer, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    queryset = with_notes(visible(Meeting.objects.all(), viewer), viewer)
    return page_before(queryset, before=before, field="created_at", limit=limit)


def meeting_time_for(viewer) -> MeetingTime | None:
    couple = current_couple(viewer)
    if couple is None:
        return None
    found = MeetingTime.objects.filter(couple=couple).first()
    if found is not None:
        found.couple = couple  # the next time is computed in the couple's zone
    return found
