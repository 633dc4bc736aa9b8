from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.stateofus import services
from hearth.stateofus.models import Meeting
from hearth.stateofus.tests.helpers import MeetingTestCase, url
from hearth.testing import make_meeting


class QueryCountTests(MeetingTestCase):
    """The meetings list page, the API list and a meeting page cost the same however
    many meetings and notes there are."""

    def make_meetings(self, count, *, start=0):
        now = timezone.now()
        for n in range(start, start + count):
            meeting, _ = make_meeting(
                self.world.other_couple,
                starter=self.carol,
                closed=True,
                notes=[
                    (self.carol, "appreciations", f"Carol thanks {n}"),
                    (self.erin, "went_well", f"Erin went well {n}"),
                    (self.erin, "plan", f"Erin plan {n}"),
                ],
            )
            Meeting.objects.filter(pk=meeting.pk).update(created_at=now - timedelta(hours=n + 1))

    def count(self, call) -> tuple[int, list[str]]:
        call()  # warm up: sessions, tokens, caches
        with CaptureQueriesContext(connection) as queries:
            response = call()
        self.assertEqual(response.status_code, 200)
        return len(queries), [q["sql"] for q in queries.captured_queries]

    def test_the_list_page(self):
        services.meeting_time_set(person=self.carol, weekday=6, at=timezone.now().time())
        self.client.force_login(self.carol)
        self.make_meetings(3)
        short, _ = self.count(lambda: self.client.get(url("index")))
        self.make_meetings(22, start=3)
        response = self.client.get(url("index"))
        self.assertEqual(len(response.context["meetings"]), 20)
        long, sql = self.count(lambda: self.client.get(url("index")))
        self.assertEqual(long, short, sql)

    def test_the_api_list(self):
        self.make_meetings(3)
        short, _ = self.count(lambda: self.api("get", "/state-of-us?limit=50", self.erin))
        self.make_meetings(22, start=3)
        body = self.api("get", "/state-of-us?limit=50", self.erin).json()
        self.assertEqual(len(body["items"]), 25)
        self.assertEqual(sum(len(m["notes"]) for m in body["items"]), 75)
        long, sql = self.count(lambda: self.api("get", "/state-of-us?limit=50", self.erin))
        self.assertEqual(long, short, sql)

    def test_a_meeting_page_does_not_grow_with_its_notes(self):
        short_page, _ = self.count(lambda: self.get(self.bob, url("meeting", self.meeting)))
        short_api, _ = self.count(
            lambda: self.api("get", f"/state-of-us/{self.meeting.public_id}", self.bob)
        )
        for person in (self.alice, self.bob):
            for step, limit in (("appreciations", 3), ("went_well", 3), ("plan", 1)):
                while self.meeting.notes.filter(author=person, step=step).count() < limit:
                    services.note_add(meeting=self.meeting, author=person, step=step, text="More")
        long_page, sql = self.count(lambda: self.get(self.bob, url("meeting", self.meeting)))
        self.assertEqual(long_page, short_page, sql)
        long_api, sql = self.count(
            lambda: self.api("get", f"/state-of-us/{self.meeting.public_id}", self.bob)
        )
        self.assertEqual(long_api, short_api, sql)
