"""What the state-of-us tests share: URLs, reading pages, and a fingerprint of
every meeting row so a refused request can be shown to have changed nothing.
"""

from django.urls import reverse

from hearth.core.errors import ServiceError
from hearth.stateofus.models import Meeting, MeetingNote, MeetingTime
from hearth.testing import HearthTestCase, alerts, words

HX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, *objects) -> str:
    return reverse(f"stateofus:{name}", args=[o.public_id for o in objects])


def snapshot() -> tuple:
    """Every state-of-us row, field by field (note texts decrypted)."""
    meetings = list(
        Meeting.objects.order_by("pk").values_list(
            "pk", "couple_id", "started_by_id", "week_of", "created_at", "closed_at"
        )
    )
    notes = [
        (n.pk, n.meeting_id, n.couple_id, n.author_id, n.visibility, n.step, n.text)
        for n in MeetingNote.objects.order_by("pk")
    ]
    times = list(
        MeetingTime.objects.order_by("pk").values_list(
            "pk", "couple_id", "weekday", "at", "minutes", "set_by_id", "updated_at"
        )
    )
    return meetings, notes, times


class MeetingTestCase(HearthTestCase):
    """World.meeting: Alice and Bob, open, with Alice's appreciation and Bob's topic.
    World.old_meeting: Alice and Dan, closed, with Dan's plan. Alice and Bob meet on
    Sundays at 19:00 (Europe/London); Carol and Erin have no time and no meeting."""

    def setUp(self):
        super().setUp()
        self.meeting = self.world.meeting

    def fresh(self, meeting=None) -> Meeting:
        return Meeting.objects.get(pk=(meeting or self.meeting).pk)

    def notes(self, meeting=None, **filters) -> list[tuple]:
        rows = MeetingNote.objects.filter(meeting=meeting or self.meeting, **filters)
        return [(n.author.display_name, n.step, n.text) for n in rows.order_by("created_at", "pk")]

    def post(self, person, path, data=None, *, htmx=False):
        self.client.force_login(person)
        return self.client.post(path, data or {}, **(HX if htmx else {}))

    def get(self, person, path, *, htmx=False, **params):
        self.client.force_login(person)
        return self.client.get(path, params, **(HX if htmx else {}))

    def assertRefused(self, call, *, code: str, status: int) -> ServiceError:
        """The call is refused with this code and status, and no meeting row changed."""
        before = snapshot()
        with self.assertRaises(ServiceError) as caught:
            call()
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        self.assertTrue(caught.exception.message)
        self.assertEqual(snapshot(), before)
        return caught.exception

    def assertShows(self, response, sentence: str, *, status: int = 200):
        self.assertEqual(response.status_code, status)
        self.assertIn(sentence, words(response), f"alerts: {alerts(response)}")
