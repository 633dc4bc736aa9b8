from hearth.stateofus import services
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import alerts, words


class CloseViewTests(MeetingTestCase):
    """POST /state-of-us/<id>/close/: we're done for this week."""

    def test_it_works(self):
        response = self.post(self.bob, url("close", self.meeting))
        self.assertRedirects(response, url("meeting", self.meeting), fetch_redirect_response=False)
        self.assertFalse(self.fresh().is_open)
        page = self.client.get(url("meeting", self.meeting))
        self.assertIn("Meeting closed. See you next week.", words(page))
        self.assertIn("closed", words(page))

    def test_it_works_with_htmx(self):
        response = self.post(self.alice, url("close", self.meeting), htmx=True)
        self.assertIn(response.status_code, (200, 302))
        self.assertFalse(self.fresh().is_open)

    def test_a_new_meeting_can_open_afterwards(self):
        self.post(self.alice, url("close", self.meeting))
        response = self.post(self.bob, url("index"))
        meeting = services.open_meeting(self.world.couple)
        self.assertRedirects(response, url("meeting", meeting))
        self.assertNotEqual(meeting.pk, self.meeting.pk)

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        before = snapshot()
        for htmx in (False, True):
            with self.subTest(htmx=htmx):
                response = self.post(self.bob, url("close", self.meeting), htmx=htmx)
                self.assertEqual(response.status_code, 422)
                self.assertEqual(
                    alerts(response), ["This meeting is closed. Start a new one whenever you like."]
                )
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            self.assertEqual(self.post(person, url("close", self.meeting)).status_code, 404)
        self.assertEqual(self.post(self.dan, url("close", self.world.old_meeting)).status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        response = self.client.post(url("close", self.meeting))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertTrue(self.fresh().is_open)

    def test_it_refuses_get(self):
        self.assertEqual(self.get(self.alice, url("close", self.meeting)).status_code, 405)
        self.assertTrue(self.fresh().is_open)
