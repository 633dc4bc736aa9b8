"""Which of Hearth's activities serve each practice, and whether one person can do it alone.

Practices whose own features are still to come (issue #4) list what exists today.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Activity:
    url_name: str
    label: str
    solo: bool  # makes sense before pairing, for one person

    @property
    def url(self) -> str:
        return reverse(self.url_name)


CHECKIN = Activity("checkins:today", "The daily check-in", solo=True)
QUESTION = Activity("questions:history", "The daily question", solo=False)
LISTENING = Activity("listening:index", "A listening session", solo=False)
PERSPECTIVE = Activity("empathy:index", "A perspective check", solo=True)
DEEP_TALK = Activity("deeptalk:index", "A deep talk", solo=False)
STATE_OF_US = Activity("stateofus:index", "The weekly state of us", solo=False)
APPRECIATION = Activity("appreciation:index", "Appreciations", solo=True)

BY_PRACTICE = {
    "open_communication": (CHECKIN, STATE_OF_US),
    "empathy": (PERSPECTIVE,),
    "active_listening": (LISTENING,),
    "vulnerability": (QUESTION, DEEP_TALK),
    "quality_time": (STATE_OF_US,),
    "appreciation": (APPRECIATION, STATE_OF_US),
    "trust": (STATE_OF_US,),
    "forgiveness": (LISTENING,),
    "growth": (QUESTION,),
    "humor": (QUESTION,),
}
