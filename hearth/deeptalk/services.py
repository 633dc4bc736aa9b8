"""Deep talk: starting, answering in turn, ticking off, skipping, pausing, stopping.

The turn rules live here and only here:
- Each question has a person who goes first; the next question's first is the other.
- Apart, the one going first answers first; the other answers after. Answers are
  sealed until both have written one (the release rule is on DeepTalkAnswer).
- Together, either ticks the question off once they have talked it through.
- Either may skip the open question at any time, with no reason asked; another
  question of the same step takes its place.
- Steps go light, deeper, vulnerable, QUESTIONS_PER_STEP questions each, and never
  deeper than the lower comfort level of the two (checked again at every question,
  so lowering one's comfort level mid-talk is respected at once).
"""

import random
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from hearth.access import Visibility, current_couple, other_member
from hearth.content import DEPTHS, catalog, depth_rank
from hearth.core.errors import ServiceError
from hearth.core.rows import update_fields
from hearth.deeptalk.models import (
    ANSWER_MAX,
    QUESTIONS_PER_STEP,
    DeepTalk,
    DeepTalkAnswer,
    DeepTalkItem,
    ItemStatus,
    Mode,
    State,
)
from hearth.questions.services import couple_max_depth


def open_talk(couple) -> DeepTalk | None:
    return (
        DeepTalk.objects.filter(couple=couple, state__in=[State.ACTIVE, State.PAUSED])
        .order_by("-created_at")
        .first()
    )


def _cap_rank(talk: DeepTalk) -> int:
    """The deepest step allowed now: the talk's cap, or lower if a comfort level dropped."""
    return min(depth_rank(talk.cap), couple_max_depth(talk.couple))


def _next_prompt(talk: DeepTalk, rng: random.Random):
    """(depth, key) of the next question, or None when every allowed step is done."""
    items = list(talk.items.values_list("prompt_key", "depth", "status"))
    asked = {key for key, _, _ in items}
    done = Counter(depth for _, depth, status in items if status == ItemStatus.DONE)
    # Questions this couple had in earlier talks come after the ones they haven't had.
    earlier = dict(
        DeepTalkItem.objects.filter(couple_id=talk.couple_id)
        .exclude(talk=talk)
        .values("prompt_key")
        .annotate(times=Count("id"))
        .values_list("prompt_key", "times")
    )
    for depth in DEPTHS[: _cap_rank(talk) + 1]:
        if done[depth] >= QUESTIONS_PER_STEP:
            continue
        bank = [q.key for q in catalog.deep_talk if q.depth == depth and q.key not in asked]
        if not bank:
            continue  # every question of this step was asked or skipped: go deeper
        fewest = min(earlier.get(key, 0) for key in bank)
        return depth, rng.choice(sorted(k for k in bank if earlier.get(k, 0) == fewest))
    return None


def _advance(
    talk: DeepTalk, *, last_first, rng: random.Random | None = None
) -> DeepTalkItem | None:
    """Ask the next question, the other partner going first; or finish the talk."""
    rng = rng or random.Random()  # noqa: S311 (not security)
    chosen = _next_prompt(talk, rng)
    now = timezone.now()
    if chosen is None:
        update_fields(talk, state=State.ENDED, ended_at=now, completed=True)
        return None
    depth, key = chosen
    last = talk.items.order_by("-position").values_list("position", flat=True).first() or 0
    first = other_member(talk.couple_id, last_first) if last_first is not None else talk.started_by
    item = DeepTalkItem.objects.create(
        talk=talk,
        couple_id=talk.couple_id,
        position=last + 1,
        prompt_key=key,
        depth=depth,
        first=first or talk.started_by,
        created_at=now,
    )
    update_fields(talk)
    return item


def deeptalk_start(*, starter, mode: str = Mode.APART, rng: random.Random | None = None):
    couple = current_couple(starter)
    if couple is None:
        raise ServiceError(
            "Deep talk is for two: it starts once you're paired.", code="not_paired", status=409
        )
    if mode not in Mode.values:
        raise ServiceError("Choose how you'll do it: apart or together.", code="mode")
    already_open = ServiceError(
        "You already have a deep talk going. Go back to it, or stop it first.",
        code="already_open",
        status=409,
    )
    if open_talk(couple) is not None:
        raise already_open
    try:
        with transaction.atomic():
            now = timezone.now()
            talk = DeepTalk.objects.create(
                couple=couple,
                started_by=starter,
                mode=mode,
                cap=DEPTHS[couple_max_depth(couple)],
                created_at=now,
                updated_at=now,
            )
            _advance(talk, last_first=None, rng=rng)
            return talk
    except IntegrityError as exc:
        raise already_open from exc  # the partner started one at the same moment


def _lock(talk: DeepTalk) -> DeepTalk:
    return DeepTalk.objects.select_for_update().get(pk=talk.pk)


def _check(talk: DeepTalk, person, *, moving: bool) -> None:
    couple = current_couple(person)
    if couple is None or couple.pk != talk.couple_id:
        raise ServiceError(
            "This talk belongs to a pairing you are no longer part of.",
            code="not_member",
            status=404,
        )
    if talk.state == State.ENDED:
        raise ServiceError("This talk has ended.", code="ended", status=409)
    if moving and talk.state == State.PAUSED:
        raise ServiceError(
            "The talk is paused. Carry on when you're both ready.", code="paused", status=409
        )


def _open_item(talk: DeepTalk, item: DeepTalkItem) -> DeepTalkItem:
    item = DeepTalkItem.objects.select_for_update().get(pk=item.pk)
    if item.talk_id != talk.pk:
        raise ServiceError("That question isn't part of this talk.", code="not_here", status=404)
    if item.status != ItemStatus.OPEN:
        raise ServiceError(
            "You've moved on from that question. The page shows the current one.",
            code="moved_on",
            status=409,
        )
    return item


def _clean_answer(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError("Write your answer, or skip this one: that's always fine.", code="empty")
    if len(text) > ANSWER_MAX:
        raise ServiceError(
            f"An answer can be at most {ANSWER_MAX} characters; yours has {len(text)}.",
            code="too_long",
        )
    return text


def answer_write(*, talk: DeepTalk, item: DeepTalkItem, person, text: str) -> DeepTalkAnswer:
    """Apart: write (or, until the partner answers, change) my answer to the open question."""
    text = _clean_answer(text)
    with transaction.atomic():
        talk = _lock(talk)
        _check(talk, person, moving=True)
        if talk.mode != Mode.APART:
            raise ServiceError(
                "Together, you talk it through and tick it off; nothing to write.",
                code="together",
                status=409,
            )
        item = _open_item(talk, item)
        answers = {a.author_id: a for a in item.answers.select_for_update()}
        going_first = item.first_id is None or item.first_id == person.pk
        if not going_first and item.first_id not in answers:
            raise ServiceError(
                f"{item.first.display_name if item.first else 'Your partner'} goes first on "
                "this one. You'll answer after them.",
                code="not_your_turn",
                status=409,
            )
        now = timezone.now()
        mine = answers.get(person.pk)
        if mine is None:
            mine = DeepTalkAnswer.objects.create(
                item=item,
                couple_id=talk.couple_id,
                author=person,
                visibility=Visibility.SEALED,
                text=text,
                created_at=now,
                updated_at=now,
            )
        else:
            mine.text = text
            mine.updated_at = now
            mine.save(update_fields=["text", "updated_at"])
        if len(answers | {person.pk: mine}) >= 2:
            item.status = ItemStatus.DONE
            item.finished_at = now
            item.save(update_fields=["status", "finished_at"])
            _advance(talk, last_first=item.first)
        else:
            update_fields(talk)
        return mine


def item_tick(*, talk: DeepTalk, item: DeepTalkItem, person) -> DeepTalkItem:
    """Together: we talked this question through."""
    with transaction.atomic():
        talk = _lock(talk)
        _check(talk, person, moving=True)
        if talk.mode != Mode.TOGETHER:
            raise ServiceError(
                "Apart, a question is done when you've both written an answer.",
                code="apart",
                status=409,
            )
        item = _open_item(talk, item)
        item.status = ItemStatus.DONE
        item.finished_at = timezone.now()
        item.save(update_fields=["status", "finished_at"])
        _advance(talk, last_first=item.first)
        return item


def item_skip(*, talk: DeepTalk, item: DeepTalkItem, person) -> DeepTalkItem:
    """Skip the open question: no reason asked. Any answer already written stays sealed."""
    with transaction.atomic():
        talk = _lock(talk)
        _check(talk, person, moving=True)
        item = _open_item(talk, item)
        item.status = ItemStatus.SKIPPED
        item.finished_at = timezone.now()
        item.save(update_fields=["status", "finished_at"])
        # The same person goes first on the replacement: a skip is not a turn.
        _advance(talk, last_first=other_member(talk.couple_id, item.first))
        return item


def _switch(talk: DeepTalk, person, *, when: str, to: str) -> DeepTalk:
    with transaction.atomic():
        talk = _lock(talk)
        _check(talk, person, moving=False)
        if talk.state == when:
            update_fields(talk, state=to)
        return talk


def deeptalk_pause(*, talk: DeepTalk, person) -> DeepTalk:
    return _switch(talk, person, when=State.ACTIVE, to=State.PAUSED)


def deeptalk_resume(*, talk: DeepTalk, person) -> DeepTalk:
    return _switch(talk, person, when=State.PAUSED, to=State.ACTIVE)


def deeptalk_end(*, talk: DeepTalk, person) -> DeepTalk:
    """Stop here. The open question is left unanswered; sealed answers stay sealed."""
    with transaction.atomic():
        talk = _lock(talk)
        _check(talk, person, moving=False)
        talk.items.filter(status=ItemStatus.OPEN).update(
            status=ItemStatus.SKIPPED, finished_at=timezone.now()
        )
        update_fields(talk, state=State.ENDED, ended_at=timezone.now())
        return talk
