"""What a person may see of a deep talk, and what comes next for them."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch

from hearth.access import current_couple, partner_of, visible
from hearth.content import DEPTHS
from hearth.core.paging import page_before
from hearth.deeptalk.models import (
    QUESTIONS_PER_STEP,
    DeepTalk,
    DeepTalkAnswer,
    DeepTalkItem,
    ItemStatus,
    Mode,
    State,
)

PAGE_SIZE = 20
STEP_NAMES = {"light": "Light", "deeper": "Deeper", "vulnerable": "Tender"}


@dataclass
class ItemView:
    item: DeepTalkItem
    mine: DeepTalkAnswer | None
    theirs: DeepTalkAnswer | None  # only once released to the viewer
    partner_answered: bool  # the partner wrote an answer (its text may still be sealed)

    @property
    def text(self) -> str:
        prompt = self.item.prompt
        return prompt.text if prompt else "A question no longer in the bank"


@dataclass
class TalkView:
    talk: DeepTalk
    current: bool  # the viewer is still in this couple
    items: list[ItemView]
    open_item: ItemView | None
    step: str  # answer, wait_first, wait_partner, talk, paused, ended, earlier
    me: object
    partner: object

    @property
    def together(self) -> bool:
        return self.talk.mode == Mode.TOGETHER

    @property
    def step_number(self) -> int:
        if self.open_item is None:
            return 0
        return DEPTHS.index(self.open_item.item.depth) + 1

    @property
    def step_count(self) -> int:
        return DEPTHS.index(self.talk.cap) + 1

    @property
    def step_name(self) -> str:
        return STEP_NAMES.get(self.open_item.item.depth, "") if self.open_item else ""

    @property
    def done_in_step(self) -> int:
        if self.open_item is None:
            return 0
        depth = self.open_item.item.depth
        return sum(
            1 for v in self.items if v.item.depth == depth and v.item.status == ItemStatus.DONE
        )

    @property
    def per_step(self) -> int:
        return QUESTIONS_PER_STEP

    @property
    def finished(self) -> list[ItemView]:
        """What the summary lists: questions already behind us; from an earlier pairing,
        every question the viewer answered, even one left open when the pairing ended."""
        if not self.current:
            return self.items
        return [v for v in self.items if v.item.status != ItemStatus.OPEN]

    @property
    def first_is_me(self) -> bool:
        return self.open_item is not None and self.open_item.item.first_id == self.me.pk


def with_items(queryset, viewer):
    answers = visible(DeepTalkAnswer.objects.select_related("author"), viewer)
    # The partner's answers exist before they are released: fetch only their authors,
    # never their text, to say "answered" without showing anything sealed.
    return queryset.prefetch_related(
        Prefetch(
            "items",
            queryset=DeepTalkItem.objects.select_related("first").prefetch_related(
                Prefetch("answers", queryset=answers, to_attr="visible_answers"),
                Prefetch(
                    "answers",
                    queryset=DeepTalkAnswer.objects.only("id", "item_id", "author_id"),
                    to_attr="answer_authors",
                ),
            ),
            to_attr="all_items",
        )
    )


def talk_view(talk: DeepTalk, viewer) -> TalkView:
    if not hasattr(talk, "all_items"):
        talk = with_items(DeepTalk.objects.filter(pk=talk.pk), viewer).get()
    couple = current_couple(viewer)
    current = couple is not None and couple.pk == talk.couple_id
    views = []
    for item in talk.all_items:
        mine = next((a for a in item.visible_answers if a.author_id == viewer.pk), None)
        theirs = next((a for a in item.visible_answers if a.author_id != viewer.pk), None)
        partner_answered = any(a.author_id != viewer.pk for a in item.answer_authors)
        views.append(ItemView(item, mine, theirs, partner_answered))
    open_item = next((v for v in views if v.item.status == ItemStatus.OPEN), None)
    if not current:
        step = "earlier"
    elif talk.state == State.ENDED or open_item is None:
        step = "ended"
    elif talk.state == State.PAUSED:
        step = "paused"
    elif talk.mode == Mode.TOGETHER:
        step = "talk"
    elif open_item.mine is not None:
        step = "wait_partner"
    elif open_item.item.first_id not in (None, viewer.pk) and not open_item.partner_answered:
        step = "wait_first"
    else:
        step = "answer"
    if not current:
        views = [v for v in views if v.mine is not None]
    return TalkView(
        talk=talk,
        current=current,
        items=views,
        open_item=open_item if current else None,
        step=step,
        me=viewer,
        partner=partner_of(viewer) if current else None,
    )


def talks_for(viewer, *, before: UUID | None = None, limit: int = PAGE_SIZE):
    """Talks the viewer may see, newest first, paged by the last one shown."""
    queryset = visible(DeepTalk.objects.all(), viewer)
    return page_before(queryset, before=before, field="created_at", limit=limit)


def waiting_talk(viewer) -> DeepTalk | None:
    """The couple's open talk when it is the viewer's move (for the home page)."""
    couple = current_couple(viewer)
    if couple is None:
        return None
    talk = (
        with_items(DeepTalk.objects.filter(couple=couple, state=State.ACTIVE), viewer)
        .order_by("-created_at")
        .first()
    )
    if talk is None:
        return None
    view = talk_view(talk, viewer)
    return talk if view.step in ("answer", "talk") else None
