from hearth.stateofus import services
from hearth.stateofus.models import MeetingNote
from hearth.stateofus.tests.helpers import MeetingTestCase


class NoteDeleteTests(MeetingTestCase):
    """services.note_delete: remove one of my own notes while the meeting is open."""

    def test_it_works(self):
        services.note_delete(note=self.world.alice_meeting_note, author=self.alice)
        self.assertFalse(MeetingNote.objects.filter(pk=self.world.alice_meeting_note.pk).exists())
        self.assertEqual(self.notes(), [("Bob", "topic", "Bob's topic about the weekend")])
        self.assertTrue(self.fresh().is_open)

    def test_only_the_author_may_remove_a_note(self):
        for person in (self.bob, self.carol, self.dan):
            with self.subTest(person=person.display_name):
                error = self.assertRefused(
                    lambda person=person: services.note_delete(
                        note=self.world.alice_meeting_note, author=person
                    ),
                    code="not_yours",
                    status=404,
                )
                self.assertEqual(error.message, "You can only remove your own notes.")

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.bob)
        error = self.assertRefused(
            lambda: services.note_delete(note=self.world.bob_meeting_note, author=self.bob),
            code="closed",
            status=409,
        )
        self.assertIn("This meeting is closed.", error.message)

    def test_an_old_note_stays(self):
        self.assertRefused(
            lambda: services.note_delete(note=self.world.dan_old_meeting_note, author=self.dan),
            code="closed",
            status=409,
        )
        self.assertTrue(MeetingNote.objects.filter(pk=self.world.dan_old_meeting_note.pk).exists())
