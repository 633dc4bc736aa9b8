"""What a person may see of a listening session, and what comes next for them."""

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Prefetch

from hearth.access import current_couple, other_member, visible
from hearth.core.paging import page_before
from hearth.listening.models import Kind, ListeningEntry, ListeningSession, Mode, Phase, State
from hearth.listening.services import role_of

PAGE_SIZE = 20


@dataclass
class PieceSummary:
    piece: ListeningEntry
    reflections: list = field(default_factory=list)
    corrections: list = field(default_factory=list)
    landed: bool = False
    landed_first_time: bool = False
    understood_by: list = field(default_factory=list)


@dataclass
class SessionView:
    session: ListeningSession
    entries: list
    current: bool  # the viewer is still in this couple
    topic: str | None
    speaker: object
    listener: object
    my_role: str
    step: str  # say, reflect, confirm, landed, paused, ended, earlier
    my_turn: bool
    last_piece: ListeningEntry | None
    last_reflection: ListeningEntry | None
    pieces: list[PieceSummary]

    @property
    def landed_first_time(self) -> int:
        return sum(1 for p in self.pieces if p.landed_first_time)

    @property
    def reflected_count(self) -> int:
        """Pieces the listener reflected at least once (the end can come first)."""
        return sum(1 for p in self.pieces if p.reflections)

    @property
    def landed_count(self) -> int:
        return sum(1 for p in self.pieces if p.landed)

    @property
    def together(self) -> bool:
        return self.session.mode == Mode.TOGETHER


STEP_BY_PHASE = {
    Phase.SPEAKING: "say",
    Phase.REFLECTING: "reflect",
    Phase.CONFIRMING: "confirm",
    Phase.LANDED: "landed",
}
ROLE_BY_STEP = {"say": "speaker", "reflect": "listener", "confirm": "speaker", "landed": "speaker"}


def _pieces(entries: list) -> list[PieceSummary]:
    summaries: dict[int, PieceSummary] = {}
    for entry in entries:
        if entry.kind == Kind.PIECE:
            summaries[entry.pk] = PieceSummary(piece=entry)
            continue
        summary = summaries.get(entry.piece_id)
        if summary is None:
            continue
        if entry.kind == Kind.REFLECTION:
            summary.reflections.append(entry)
        elif entry.kind == Kind.NOT_QUITE:
            summary.corrections.append(entry)
        elif entry.kind == Kind.GOT_IT:
            summary.landed = True
            summary.landed_first_time = len(summary.reflections) == 1
        elif entry.kind == Kind.UNDERSTOOD:
            summary.understood_by.append(entry.author_id)
    return list(summaries.values())


def session_view(session: ListeningSession, viewer) -> SessionView:
    entries = list(
        visible(session.entries.select_related("author", "floor"), viewer).order_by("position")
    )
    couple = current_couple(viewer)
    current = couple is not None and couple.pk == session.couple_id
    speaker = session.speaker
    listener = other_member(session.couple_id, speaker) if speaker else None
    topic = next((e.text for e in entries if e.kind == Kind.TOPIC), None)
    if not current:
        step = "earlier"
    elif session.state == State.ENDED:
        step = "ended"
    elif session.state == State.PAUSED:
        step = "paused"
    else:
        step = STEP_BY_PHASE[session.phase]
    my_role = role_of(session, viewer)
    my_turn = step in ROLE_BY_STEP and (
        session.mode == Mode.TOGETHER or ROLE_BY_STEP[step] == my_role
    )
    pieces = [e for e in entries if e.kind == Kind.PIECE]
    reflections = [e for e in entries if e.kind == Kind.REFLECTION]
    return SessionView(
        session=session,
        entries=entries,
        current=current,
        topic=topic,
        speaker=speaker,
        listener=listener,
        my_role=my_role,
        step=step,
        my_turn=my_turn,
        last_piece=pieces[-1] if pieces else None,
        last_reflection=reflections[-1] if reflections else None,
        pieces=_pieces(entries),
    )


def sessions_for(viewer, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    """Sessions the viewer may see, newest first, paged by the last one shown."""
    topics = visible(ListeningEntry.objects.filter(kind=Kind.TOPIC), viewer)
    queryset = (
        visible(ListeningSession.objects.all(), viewer)
        .select_related("speaker")
        .prefetch_related(Prefetch("entries", queryset=topics, to_attr="visible_topics"))
    )
    return page_before(queryset, before=before, field="created_at", limit=limit)


def waiting_sessions(viewer) -> list[ListeningSession]:
    """Open sessions where the next move is the viewer's (for the home page)."""
    couple = current_couple(viewer)
    if couple is None:
        return []
    open_sessions = ListeningSession.objects.filter(
        couple=couple, state__in=[State.ACTIVE, State.PAUSED]
    )
    waiting = []
    for session in open_sessions:
        if session.state == State.PAUSED or session.mode == Mode.TOGETHER:
            waiting.append(session)
            continue
        step = STEP_BY_PHASE[session.phase]
        if ROLE_BY_STEP[step] == role_of(session, viewer):
            waiting.append(session)
    return waiting
