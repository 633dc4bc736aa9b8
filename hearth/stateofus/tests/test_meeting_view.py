import uuid

from hearth.stateofus import services
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import main_of, words


class MeetingViewTests(MeetingTestCase):
    """GET /state-of-us/<id>/: the four steps, both partners' notes, and the partial."""

    def test_it_works(self):
        response = self.get(self.alice, url("meeting", self.meeting))
        self.assertEqual(response.status_code, 200)
        text = words(response)
        for n, title in enumerate(
            ("Appreciations", "What went well", "One thing to talk about", "One small plan"), 1
        ):
            self.assertIn(f"Step {n} of 4 {title}", text)
        self.assertIn("Alice thanks Bob for the soup", text)
        self.assertIn("Bob Bob's topic about the weekend", text)
        self.assertContains(response, f'action="{url("note_add", self.meeting)}"', count=4)
        self.assertContains(
            response,
            f'action="{url("note_delete", self.meeting, self.world.alice_meeting_note)}"',
        )
        self.assertNotContains(
            response, url("note_delete", self.meeting, self.world.bob_meeting_note)
        )
        self.assertContains(response, f'action="{url("close", self.meeting)}"')
        self.assertContains(response, 'name="coach" value="1"', count=1)

    def test_a_full_step_has_no_form(self):
        # Bob has written his one topic: his topic form is gone, the others stay.
        response = self.get(self.bob, url("meeting", self.meeting))
        self.assertContains(response, f'action="{url("note_add", self.meeting)}"', count=3)
        self.assertNotContains(response, 'name="coach"')
        self.assertNotIn("Your topic (at most one)", words(response))

    def test_each_sees_the_partners_notes(self):
        text = words(self.get(self.bob, url("meeting", self.meeting)))
        self.assertIn("Alice Alice thanks Bob for the soup", text)
        self.assertIn("Bob's topic about the weekend", text)

    def test_a_closed_meeting_is_read_only(self):
        services.meeting_close(meeting=self.meeting, person=self.bob)
        response = self.get(self.alice, url("meeting", self.meeting))
        self.assertIn("closed", words(response))
        self.assertIn("Alice thanks Bob for the soup", words(response))
        self.assertIn("Nothing written here.", words(response))
        self.assertNotIn("<form", main_of(response))

    def test_an_earlier_pairing_shows_only_ones_own(self):
        response = self.get(self.dan, url("meeting", self.world.old_meeting))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Dan's old plan", words(response))
        self.assertNotIn("<form", main_of(response))

    def test_the_htmx_partial(self):
        response = self.get(self.alice, url("meeting", self.meeting), htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertTrue(
            response.content.decode()
            .lstrip()
            .startswith(f'<div id="meeting-{self.meeting.public_id}"')
        )
        self.assertIn("Alice thanks Bob for the soup", words(response))

    def test_it_is_404_to_outsiders(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                response = self.get(person, url("meeting", self.meeting))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("soup", response.content.decode())
        for person in (self.alice, self.bob, self.carol):
            with self.subTest(old=person.display_name):
                response = self.get(person, url("meeting", self.world.old_meeting))
                self.assertEqual(response.status_code, 404)
        self.assertEqual(self.get(self.alice, f"/state-of-us/{uuid.uuid4()}/").status_code, 404)

    def test_it_requires_login(self):
        response = self.client.get(url("meeting", self.meeting))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_it_refuses_post(self):
        before = snapshot()
        response = self.post(self.alice, url("meeting", self.meeting), {"text": "x"})
        self.assertEqual(response.status_code, 405)
        self.assertEqual(snapshot(), before)
