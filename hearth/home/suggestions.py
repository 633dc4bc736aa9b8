"""The home page's "something to try": at most one suggestion, at both partners' pace.

Every suggestion respects both people's settings:
- a quiet day of either partner (each in their own time zone) means no suggestion;
- the slower pace of the two decides on which days one is shown;
- suggestions that need two are offered only to a paired person, and deep talk only
  goes as deep as the lower comfort level (the talk itself enforces that).
The choice is deterministic for a person and a day, so the page does not change on reload.
"""

import hashlib
import random
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from hearth.access import partner_of
from hearth.accounts.models import Pace
from hearth.content import catalog

PACE_ORDER = (Pace.DAILY, Pace.FEW, Pace.WEEKLY, Pace.ASKED)
ACTIVITY_URLS = {
    "listening": "listening:index",
    "perspective": "empathy:index",
    "deep_talk": "deeptalk:index",
    "state_of_us": "stateofus:index",
    "appreciation": "appreciation:index",
    "checkin": "checkins:today",
    "practices": "practices:index",
}


@dataclass(frozen=True)
class Offer:
    text: str
    url: str
    activity: str


def slower_pace(*paces: str) -> str:
    return max(paces, key=PACE_ORDER.index)


def due_on(pace: str, day: date) -> bool:
    """Whether a suggestion is shown on `day` at this pace."""
    if pace == Pace.DAILY:
        return True
    if pace == Pace.FEW:
        return day.toordinal() % 7 in (0, 2, 4)  # three days a week, spread out
    if pace == Pace.WEEKLY:
        return day.toordinal() % 7 == 0
    return False


def suggestion_for(user, *, day: date | None = None) -> Offer | None:
    partner = partner_of(user)
    people = [user] + ([partner] if partner is not None else [])
    day = day or user.local_today()
    if user.is_quiet_on(day):
        return None
    if partner is not None and partner.is_quiet_on(partner.local_today()):
        return None
    if not due_on(slower_pace(*(p.pace for p in people)), day):
        return None
    pool = [s for s in catalog.suggestions if partner is not None or s.solo]
    if not pool:
        return None
    seed = hashlib.sha256(f"{user.public_id}:{day.isoformat()}".encode()).digest()
    chosen = random.Random(seed).choice(pool)  # noqa: S311 (not security)
    return Offer(
        text=chosen.text, url=reverse(ACTIVITY_URLS[chosen.activity]), activity=chosen.activity
    )
