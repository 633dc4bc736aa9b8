"""The demo couple, Alex and Sam, with 90 days of generated history."""

from datetime import time, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from hearth.access import Visibility, current_couple, forget_couple
from hearth.accounts.models import User
from hearth.couples.models import Couple, Membership
from hearth.demo.history import demo_text, history_generate
from hearth.questions.services import couple_today

PASSWORD = "hearth-demo"  # noqa: S105 (a published demo login, refused in production)
PEOPLE = [
    {
        "email": "alex@example.com",
        "display_name": "Alex",
        "pronouns": "",
        "comfort_level": "vulnerable",
    },
    {
        "email": "sam@example.com",
        "display_name": "Sam",
        "pronouns": "they/them",
        "comfort_level": "deeper",
    },
]
TIMEZONE = "Europe/London"
SEED = 2026


def _person(spec) -> User:
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        user = User.objects.create_user(
            email=spec["email"],
            password=PASSWORD,
            display_name=spec["display_name"],
            pronouns=spec["pronouns"],
            comfort_level=spec["comfort_level"],
            timezone=TIMEZONE,
        )
    EmailAddress.objects.update_or_create(
        user=user, email=spec["email"], defaults={"verified": True, "primary": True}
    )
    return user


def _couple(alex: User, sam: User, days: int) -> Couple:
    for person in (alex, sam):
        forget_couple(person)
    couple = current_couple(alex)
    if couple is not None and current_couple(sam) is not None and couple == current_couple(sam):
        return couple
    if couple is not None or current_couple(sam) is not None:
        raise RuntimeError(
            "alex@example.com or sam@example.com is paired with someone else; "
            "end that pairing first or use a fresh database."
        )
    since = timezone.now() - timedelta(days=days)
    couple = Couple.objects.create(created_at=since, timezone=TIMEZONE)
    for person in (alex, sam):
        Membership.objects.create(couple=couple, user=person, joined_at=since)
        forget_couple(person)
    return couple


@transaction.atomic
def demo_ensure(*, days: int = 90) -> dict:
    """Create (or top up) the demo couple. Idempotent: existing days are kept as they are.

    Yesterday and the days before are filled; today is left for you to try.
    """
    alex, sam = (_person(spec) for spec in PEOPLE)
    couple = _couple(alex, sam, days)
    today = couple_today(couple)
    counts = history_generate(
        couple=couple,
        people=[alex, sam],
        first=today - timedelta(days=days),
        last=today - timedelta(days=1),
        seed=SEED,
    )
    counts.update(_practices(couple, {"alex": alex, "sam": sam}))
    return {"people": [alex.email, sam.email], "password": PASSWORD, "added": counts}


def _practices(couple, people: dict) -> dict:
    """A few appreciations, last week's state of us and a weekly time, once."""
    from hearth.appreciation.models import Appreciation
    from hearth.stateofus.models import Meeting, MeetingNote, MeetingTime
    from hearth.stateofus.services import week_of

    if Meeting.objects.filter(couple=couple).exists():
        return {}
    text = demo_text()["practices"]
    now = timezone.now()
    for n, spec in enumerate(text["appreciations"]):
        Appreciation.objects.create(
            couple=couple,
            author=people[spec["by"]],
            visibility=Visibility.SHARED,
            what=spec["what"],
            meant=spec["meant"],
            created_at=now - timedelta(days=5 - n),
            sent_at=now - timedelta(days=5 - n),
        )
    held = now - timedelta(days=7)
    meeting = Meeting.objects.create(
        couple=couple,
        started_by=people["alex"],
        week_of=week_of(couple_today(couple) - timedelta(days=7)),
        created_at=held,
        closed_at=held + timedelta(minutes=35),
    )
    for spec in text["meeting"]:
        MeetingNote.objects.create(
            meeting=meeting,
            couple=couple,
            author=people[spec["by"]],
            visibility=Visibility.SHARED,
            step=spec["step"],
            text=spec["text"],
            created_at=held,
        )
    MeetingTime.objects.update_or_create(
        couple=couple, defaults={"weekday": 6, "at": time(19, 0), "set_by": people["alex"]}
    )
    return {"appreciations": len(text["appreciations"]), "meeting_notes": len(text["meeting"])}
