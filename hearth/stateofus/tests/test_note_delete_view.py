import uuid

from hearth.stateofus import services
from hearth.stateofus.models import MeetingNote
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import alerts, words


class NoteDeleteViewTests(MeetingTestCase):
    """POST /state-of-us/<id>/notes/<note>/delete/: remove one of my notes."""

    def delete(self, person, note=None, *, meeting=None, htmx=False):
        note = note or self.world.alice_meeting_note
        return self.post(person, url("note_delete", meeting or self.meeting, note), htmx=htmx)

    def test_it_works(self):
        response = self.delete(self.alice)
        self.assertRedirects(response, url("meeting", self.meeting) + "#step-appreciations")
        self.assertFalse(MeetingNote.objects.filter(pk=self.world.alice_meeting_note.pk).exists())
        self.assertEqual(self.notes(), [("Bob", "topic", "Bob's topic about the weekend")])

    def test_it_works_with_htmx(self):
        response = self.delete(self.bob, self.world.bob_meeting_note, htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertNotIn("Bob's topic about the weekend", words(response))
        self.assertIn("Your topic (at most one)", words(response))  # the form is back
        self.assertEqual(
            self.notes(), [("Alice", "appreciations", "Alice thanks Bob for the soup")]
        )

    def test_only_the_author_may(self):
        before = snapshot()
        self.assertEqual(self.delete(self.bob).status_code, 404)
        self.assertEqual(self.delete(self.alice, self.world.bob_meeting_note).status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        before = snapshot()
        response = self.delete(self.alice)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            alerts(response), ["This meeting is closed. Start a new one whenever you like."]
        )
        self.assertEqual(snapshot(), before)

    def test_an_old_note_stays(self):
        before = snapshot()
        old = self.world.old_meeting
        response = self.delete(self.dan, self.world.dan_old_meeting_note, meeting=old)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders_and_for_unknown_notes(self):
        before = snapshot()
        for person in (self.carol, self.dan):
            self.assertEqual(self.delete(person).status_code, 404)
        # A note of another meeting, through this meeting's address.
        response = self.post(
            self.dan, url("note_delete", self.meeting, self.world.dan_old_meeting_note)
        )
        self.assertEqual(response.status_code, 404)
        response = self.post(
            self.alice, f"/state-of-us/{self.meeting.public_id}/notes/{uuid.uuid4()}/delete/"
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(url("note_delete", self.meeting, self.world.alice_meeting_note))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        path = url("note_delete", self.meeting, self.world.alice_meeting_note)
        self.assertEqual(self.get(self.alice, path).status_code, 405)
        self.assertTrue(MeetingNote.objects.filter(pk=self.world.alice_meeting_note.pk).exists())
