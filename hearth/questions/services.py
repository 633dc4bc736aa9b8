"""The daily question: choosing it, answering, passing, replying, "I felt heard"."""

import hashlib
import random
import zoneinfo
from collections import Counter
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from hearth.access import Visibility, can_see, current_couple
from hearth.accounts.models import User
from hearth.content import catalog, depth_rank
from hearth.core.errors import ServiceError
from hearth.core.freshness import touch
from hearth.couples.models import Couple
from hearth.questions.models import ANSWER_MAX, REPLY_MAX, Answer, AnswerReply, DailyQuestion


def couple_today(couple: Couple) -> date:
    """The couple's calendar day, in the couple's time zone (docs/DECISIONS.md)."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(couple.timezone)).date()


def couple_max_depth(couple: Couple) -> int:
    levels = User.objects.filter(
        memberships__couple=couple, memberships__left_at__isnull=True
    ).values_list("comfort_level", flat=True)
    return min((depth_rank(level) for level in levels), default=0)


def question_choose(
    *,
    couple: Couple,
    day: date,
    extra_used: list[str] | tuple = (),
    shuffle_seed: str | None = None,
) -> str:
    """Pick the day's prompt key.

    Only questions at or below the lower comfort level of the two are eligible.
    Among those, the ones this couple has had the fewest times win, so nothing
    repeats until the eligible bank is used up. Ties are broken by a shuffle
    seeded with the couple and the day, so two couples get different orders.
    """
    max_depth = couple_max_depth(couple)
    eligible = [q.key for q in catalog.questions if q.depth_rank <= max_depth]
    used = Counter(
        dict(
            DailyQuestion.objects.filter(couple=couple, prompt_key__in=eligible)
            .values("prompt_key")
            .annotate(times=Count("id"))
            .values_list("prompt_key", "times")
        )
    )
    used.update(key for key in extra_used if key in used or key in eligible)
    fewest = min(used.get(key, 0) for key in eligible)
    candidates = sorted(key for key in eligible if used.get(key, 0) == fewest)
    stream = shuffle_seed if shuffle_seed is not None else couple.public_id
    seed = hashlib.sha256(f"{stream}:{day.isoformat()}".encode()).digest()
    return random.Random(seed).choice(candidates)  # noqa: S311 (not security)


def question_for_today(*, couple: Couple) -> DailyQuestion:
    """The couple's question for today, chosen the first time anyone asks."""
    day = couple_today(couple)
    existing = DailyQuestion.objects.filter(couple=couple, local_date=day).first()
    if existing is not None:
        return existing
    key = question_choose(couple=couple, day=day)
    try:
        with transaction.atomic():
            return DailyQuestion.objects.create(couple=couple, local_date=day, prompt_key=key)
    except IntegrityError:
        # The partner opened the app at the same moment and created it first.
        return DailyQuestion.objects.get(couple=couple, local_date=day)


def _member_question(daily_question: DailyQuestion, person) -> DailyQuestion:
    couple = current_couple(person)
    if couple is None or couple.pk != daily_question.couple_id:
        raise ServiceError(
            "This question belongs to a pairing you are no longer part of.",
            code="not_member",
            status=404,
        )
    return daily_question


def _clean(text: str, *, limit: int, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(f"Please write {what}, or choose 'Not today'.", code="empty")
    if len(text) > limit:
        raise ServiceError(
            f"{what.capitalize()} can be at most {limit} characters; yours has {len(text)}.",
            code="too_long",
        )
    return text


def _locked_answer(daily_question: DailyQuestion, author) -> Answer | None:
    return (
        Answer.objects.select_for_update()
        .filter(daily_question=daily_question, author=author)
        .first()
    )


def _refuse_if_revealed(answer: Answer | None) -> None:
    if answer is not None and answer.visibility == Visibility.SEALED and answer.is_released():
        raise ServiceError(
            "Your answer has already been revealed to your partner, so it can't be changed. "
            "You can add a reply instead.",
            code="revealed",
            status=409,
        )


def answer_submit(*, daily_question: DailyQuestion, author, text: str) -> Answer:
    """Write or edit the author's sealed answer. Edits stop once it is revealed."""
    _member_question(daily_question, author)
    text = _clean(text, limit=ANSWER_MAX, what="an answer")
    now = timezone.now()
    with transaction.atomic():
        answer = _locked_answer(daily_question, author)
        _refuse_if_revealed(answer)
        if answer is None:
            return Answer.objects.create(
                daily_question=daily_question,
                couple_id=daily_question.couple_id,
                author=author,
                visibility=Visibility.SEALED,
                text=text,
                created_at=now,
                updated_at=now,
            )
        answer.text = text
        answer.passed = False
        answer.visibility = Visibility.SEALED
        answer.updated_at = now
        answer.save(update_fields=["text", "passed", "visibility", "updated_at"])
        return answer


def answer_pass(*, daily_question: DailyQuestion, author) -> Answer:
    """'Not today': a private pass with no text. It is never shown to the partner."""
    _member_question(daily_question, author)
    now = timezone.now()
    with transaction.atomic():
        answer = _locked_answer(daily_question, author)
        _refuse_if_revealed(answer)
        if answer is None:
            return Answer.objects.create(
                daily_question=daily_question,
                couple_id=daily_question.couple_id,
                author=author,
                visibility=Visibility.PRIVATE,
                passed=True,
                text="",
                created_at=now,
                updated_at=now,
            )
        answer.text = ""
        answer.passed = True
        answer.visibility = Visibility.PRIVATE
        answer.updated_at = now
        answer.save(update_fields=["text", "passed", "visibility", "updated_at"])
        return answer


def answer_delete(*, answer: Answer, author) -> None:
    """Authors may always delete their own answer (before or after the reveal)."""
    if answer.author_id != author.pk:
        raise ServiceError("You can only delete your own answer.", code="not_yours", status=404)
    answer.delete()


def answer_reply(*, answer: Answer, author, text: str) -> AnswerReply:
    if answer.author_id == author.pk:
        raise ServiceError(
            "You can reply to your partner's answer, not your own.", code="own", status=403
        )
    if answer.passed or not can_see(author, answer):
        raise ServiceError("This answer isn't revealed to you.", code="sealed", status=404)
    text = _clean(text, limit=REPLY_MAX, what="a reply")
    return AnswerReply.objects.create(
        answer=answer,
        couple_id=answer.couple_id,
        author=author,
        visibility=Visibility.SHARED,
        text=text,
    )


def reply_felt_heard(*, reply: AnswerReply, person, felt_heard: bool = True) -> AnswerReply:
    """The answer's author marks (or unmarks) that this reply made them feel heard."""
    if reply.answer.author_id != person.pk:
        raise ServiceError(
            "Only the person who wrote the answer can mark a reply as 'I felt heard'.",
            code="not_answer_author",
            status=403,
        )
    reply.felt_heard_at = timezone.now() if felt_heard else None
    reply.seen_at = reply.seen_at or timezone.now()
    reply.save(update_fields=["felt_heard_at", "seen_at"])
    return reply


def replies_mark_seen(*, answer: Answer, viewer) -> None:
    if answer.author_id != viewer.pk:
        return
    seen = (
        AnswerReply.objects.filter(answer=answer, seen_at__isnull=True)
        .exclude(author=viewer)
        .update(seen_at=timezone.now())
    )
    if seen:
        touch(couple_id=answer.couple_id, user_ids=[viewer.pk])


def solo_preview(user):
    """A light question to show someone not yet paired: a taste of what is to come."""
    light = [q for q in catalog.questions if q.depth == "light"]
    seed = hashlib.sha256(f"{user.public_id}:{user.local_today().isoformat()}".encode()).digest()
    return random.Random(seed).choice(light)  # noqa: S311 (not security)
