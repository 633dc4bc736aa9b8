import uuid
from datetime import UTC, date, datetime, timedelta

import time_machine
from django.utils import timezone

from hearth.stateofus.models import Meeting
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import make_meeting, words

INDEX = url("index")


class IndexViewTests(MeetingTestCase):
    """GET /state-of-us/ (the list, the weekly time) and POST /state-of-us/ (open a meeting)."""

    def listed(self, response) -> list[int]:
        return [m.pk for m in response.context["meetings"]]

    def carols(self):
        return Meeting.objects.filter(couple=self.world.other_couple)

    # GET

    def test_it_shows_the_open_meeting_and_the_weekly_time(self):
        with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=UTC), tick=False):
            response = self.get(self.alice, INDEX)
        self.assertShows(response, "This week's meeting is open")
        self.assertContains(response, f'href="{url("meeting", self.meeting)}"')
        text = words(response)
        self.assertIn("Every Sunday at 19:00, for about 30 minutes. Next: Sunday 6 December.", text)
        self.assertContains(response, f'href="{url("time_ics")}"')
        self.assertIn("No regular time", text)
        self.assertNotIn("Open this week's meeting", text)
        self.assertEqual(self.listed(response), [self.meeting.pk])
        self.assertIn("2 notes", text)

    def test_the_time_form_shows_the_saved_time(self):
        response = self.get(self.bob, INDEX)
        form = response.context["time_form"]
        self.assertEqual(
            (form["weekday"].value(), form["at"].value(), form["minutes"].value()),
            (6, datetime(2000, 1, 1, 19, 0).time(), 30),
        )
        self.assertContains(response, 'value="19:00"')

    def test_a_couple_without_a_meeting_can_open_one(self):
        response = self.get(self.carol, INDEX)
        self.assertShows(response, "Open this week's meeting")
        self.assertIn("Choosing a regular time makes it easier to keep.", words(response))
        self.assertNotContains(response, url("time_ics"))
        self.assertEqual(self.listed(response), [])
        self.assertIsNone(response.context["meeting_time"])

    def test_someone_on_their_own_is_told_it_is_for_two(self):
        response = self.get(self.dan, INDEX)
        self.assertShows(response, "The state of us is a meeting for two.")
        self.assertNotIn("Open this week's meeting", words(response))
        self.assertNotContains(response, url("time_set"))
        # Dan keeps the old meeting he wrote in; Alice does not see it.
        self.assertEqual(self.listed(response), [self.world.old_meeting.pk])
        self.assertNotIn(self.world.old_meeting.pk, self.listed(self.get(self.alice, INDEX)))

    def test_the_note_count_is_what_the_viewer_may_see(self):
        self.assertIn("1 note", words(self.get(self.dan, INDEX)))

    def test_it_pages_older_meetings(self):
        now = timezone.now()
        made = []
        for n in range(22):
            meeting, _ = make_meeting(self.world.other_couple, starter=self.carol, closed=True)
            Meeting.objects.filter(pk=meeting.pk).update(created_at=now - timedelta(days=n + 1))
            made.append(meeting)
        first = self.get(self.erin, INDEX)
        self.assertEqual(self.listed(first), [m.pk for m in made[:20]])
        cursor = first.context["next_before"]
        self.assertEqual(cursor, made[19].public_id)
        second = self.get(self.erin, INDEX, before=str(cursor))
        self.assertEqual(self.listed(second), [m.pk for m in made[20:]])
        self.assertIsNone(second.context["next_before"])

    def test_bad_cursors(self):
        self.assertEqual(self.listed(self.get(self.alice, INDEX, before="nope")), [self.meeting.pk])
        response = self.get(self.alice, INDEX, before=str(uuid.uuid4()))
        self.assertEqual(self.listed(response), [])
        self.assertIn("Nothing older to show here.", words(response))

    # POST: open a meeting

    def test_it_opens_a_meeting(self):
        with time_machine.travel(datetime(2026, 12, 3, 12, 0, tzinfo=UTC), tick=False):
            response = self.post(self.carol, INDEX)
        meeting = self.carols().get()
        self.assertRedirects(response, url("meeting", meeting))
        self.assertEqual((meeting.started_by, meeting.week_of), (self.carol, date(2026, 11, 30)))
        self.assertTrue(meeting.is_open)

    def test_one_open_meeting_per_couple(self):
        before = snapshot()
        response = self.post(self.bob, INDEX)
        self.assertShows(
            response, "Your meeting is already open. Carry on there, or close it first.", status=422
        )
        self.assertEqual(snapshot(), before)

    def test_it_needs_a_partner(self):
        before = snapshot()
        response = self.post(self.dan, INDEX)
        self.assertShows(response, "it starts once you're paired.", status=422)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        for response in (self.client.get(INDEX), self.client.post(INDEX)):
            self.assertEqual(response.status_code, 302)
            self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_other_methods(self):
        before = snapshot()
        self.client.force_login(self.carol)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(INDEX).status_code, 405)
        self.assertEqual(snapshot(), before)
