"""Deterministic, plausible history for a couple: check-ins, questions, answers, replies.

Used by `hearth demo`, by tests that need weeks or years of data, and by the
benchmarks. Writes in bulk; the same seed and dates always give the same rows.
"""

import random
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInFeeling, CheckInReaction, CheckInReply
from hearth.content import catalog
from hearth.content.loader import read_toml
from hearth.core.freshness import touch
from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import question_choose

# Everyday feelings are more common than strong ones; this keeps the demo ordinary.
COMMON_FEELINGS = [
    "happy",
    "grateful",
    "tired",
    "content",
    "calm",
    "hopeful",
    "playful",
    "affectionate",
    "relaxed",
    "stressed",
    "worried",
    "restless",
    "proud",
    "lonely",
    "irritated",
    "close",
]


@cache
def demo_text() -> dict:
    return read_toml("demo.toml")


@dataclass
class Batch:
    checkins: list = field(default_factory=list)
    feelings: list = field(default_factory=list)
    checkin_replies: list = field(default_factory=list)
    reactions: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    answers: list = field(default_factory=list)
    answer_replies: list = field(default_factory=list)


def _at(day: date, zone, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def _voice(person, people) -> dict:
    """Demo text for this person: Alex's or Sam's notes (by position in the couple)."""
    text = demo_text()
    return text["alex"] if people.index(person) == 0 else text["sam"]


def _feelings(rng: random.Random) -> list[tuple[str, int]]:
    known = [key for key in COMMON_FEELINGS if key in catalog.feeling_by_key]
    pool = known or list(catalog.feeling_by_key)
    chosen = rng.sample(pool, k=rng.choice([1, 1, 2, 2, 3]))
    return [(key, rng.randint(2, 5)) for key in chosen]


def _checkin(batch, rng, *, person, people, couple, day, zone):
    voice = _voice(person, people)
    need = rng.choices(
        [n.key for n in catalog.needs], weights=[2, 2, 1, 1, 1, 6, 1][: len(catalog.needs)]
    )[0]
    stamp = _at(day, zone, rng.randint(7, 21), rng.randint(0, 59))
    checkin = CheckIn(
        author=person,
        couple=couple,
        visibility=Visibility.SHARED if rng.random() < 0.9 else Visibility.PRIVATE,
        local_date=day,
        closeness=rng.choices(range(1, 8), weights=[1, 1, 2, 4, 8, 9, 6])[0],
        need=need,
        need_words=rng.choice(voice["own_words_needs"]) if need == "own_words" else "",
        note=rng.choice(voice["checkin_notes"]) if rng.random() < 0.55 else "",
        created_at=stamp,
        updated_at=stamp,
    )
    batch.checkins.append(checkin)
    for key, intensity in _feelings(rng):
        batch.feelings.append(CheckInFeeling(checkin=checkin, feeling=key, intensity=intensity))
    return checkin


def _respond_to_checkin(batch, rng, *, checkin, partner, couple, zone):
    if checkin.visibility != Visibility.SHARED:
        return
    stamp = checkin.created_at + timedelta(minutes=rng.randint(20, 300))
    if rng.random() < 0.3:
        batch.checkin_replies.append(
            CheckInReply(
                checkin=checkin,
                couple=couple,
                author=partner,
                visibility=Visibility.SHARED,
                text=rng.choice(demo_text()["replies"]["checkin_replies"]),
                created_at=stamp,
                seen_at=stamp + timedelta(hours=2),
            )
        )
    if rng.random() < 0.4:
        batch.reactions.append(
            CheckInReaction(
                checkin=checkin,
                couple=couple,
                author=partner,
                visibility=Visibility.SHARED,
                reaction=rng.choice(catalog.reactions).key,
                created_at=stamp,
                seen_at=stamp + timedelta(hours=2),
            )
        )


def _question_day(batch, rng, *, couple, people, day, zone, used_keys, seed):
    key = question_choose(couple=couple, day=day, extra_used=used_keys, shuffle_seed=str(seed))
    used_keys.append(key)
    question = DailyQuestion(
        couple=couple, local_date=day, prompt_key=key, created_at=_at(day, zone, 6, 0)
    )
    batch.questions.append(question)
    practice = catalog.question_by_key[key].practice
    roll = rng.random()
    plan = "both" if roll < 0.7 else "one_pass" if roll < 0.8 else "one" if roll < 0.9 else "none"
    written = []
    texts = rng.sample(demo_text()["answers"][practice], k=2)
    for position, person in enumerate(people):
        if plan == "none" or (plan == "one" and position == 1):
            continue
        stamp = _at(day, zone, rng.randint(8, 22), rng.randint(0, 59))
        passed = plan == "one_pass" and position == 1
        answer = Answer(
            daily_question=question,
            couple=couple,
            author=person,
            visibility=Visibility.PRIVATE if passed else Visibility.SEALED,
            passed=passed,
            text="" if passed else texts[position],
            created_at=stamp,
            updated_at=stamp,
        )
        batch.answers.append(answer)
        if not passed:
            written.append(answer)
    if len(written) == 2:
        for answer, replier in ((written[0], people[1]), (written[1], people[0])):
            if rng.random() < 0.5:
                stamp = max(a.created_at for a in written) + timedelta(minutes=rng.randint(5, 240))
                batch.answer_replies.append(
                    AnswerReply(
                        answer=answer,
                        couple=couple,
                        author=replier,
                        visibility=Visibility.SHARED,
                        text=rng.choice(demo_text()["replies"]["answer_replies"]),
                        created_at=stamp,
                        seen_at=stamp + timedelta(hours=1),
                        felt_heard_at=stamp + timedelta(hours=1) if rng.random() < 0.6 else None,
                    )
                )


def history_generate(*, couple, people, first: date, last: date, seed: int) -> dict:
    """Fill every day from `first` to `last` (inclusive) that has nothing yet.

    `people` is the two partners in a fixed order. The same seed gives the same
    history on any machine; give each couple its own seed for different ones.
    Days that already have a question or a check-in keep them, so running this
    again adds nothing.
    """
    zone = zoneinfo.ZoneInfo(couple.timezone)
    have_question = set(
        DailyQuestion.objects.filter(couple=couple, local_date__range=(first, last)).values_list(
            "local_date", flat=True
        )
    )
    have_checkin = set(
        CheckIn.objects.filter(author__in=people, local_date__range=(first, last)).values_list(
            "author_id", "local_date"
        )
    )
    batch = Batch()
    used_keys: list[str] = []
    day = first
    while day <= last:
        # One random stream per person and day, and one for the day's question, so
        # a day that already has some rows never shifts what the others would be.
        for position, person in enumerate(people):
            rng = random.Random(f"{seed}:{day.isoformat()}:{position}")
            if (person.pk, day) in have_checkin or rng.random() > 0.8:
                continue
            checkin = _checkin(
                batch, rng, person=person, people=people, couple=couple, day=day, zone=zone
            )
            partner = people[1] if person is people[0] else people[0]
            _respond_to_checkin(
                batch, rng, checkin=checkin, partner=partner, couple=couple, zone=zone
            )
        if day not in have_question:
            rng = random.Random(f"{seed}:{day.isoformat()}:question")
            _question_day(
                batch,
                rng,
                couple=couple,
                people=people,
                day=day,
                zone=zone,
                used_keys=used_keys,
                seed=seed,
            )
        day += timedelta(days=1)

    CheckIn.objects.bulk_create(batch.checkins, batch_size=500)
    CheckInFeeling.objects.bulk_create(batch.feelings, batch_size=1000)
    CheckInReply.objects.bulk_create(batch.checkin_replies, batch_size=500)
    CheckInReaction.objects.bulk_create(batch.reactions, batch_size=500)
    DailyQuestion.objects.bulk_create(batch.questions, batch_size=500)
    Answer.objects.bulk_create(batch.answers, batch_size=500)
    AnswerReply.objects.bulk_create(batch.answer_replies, batch_size=500)
    touch(couple_id=couple.pk, user_ids=[person.pk for person in people])
    return {
        "check-ins": len(batch.checkins),
        "questions": len(batch.questions),
        "answers": len(batch.answers),
        "replies": len(batch.checkin_replies) + len(batch.answer_replies),
    }
