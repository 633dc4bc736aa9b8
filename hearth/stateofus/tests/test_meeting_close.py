from hearth.stateofus import services
from hearth.stateofus.tests.helpers import MeetingTestCase


class MeetingCloseTests(MeetingTestCase):
    """services.meeting_close: either partner closes the meeting; notes stay."""

    def test_it_works(self):
        meeting = services.meeting_close(meeting=self.meeting, person=self.bob)
        row = self.fresh()
        self.assertIsNotNone(row.closed_at)
        self.assertFalse(row.is_open)
        self.assertEqual(meeting.closed_at, row.closed_at)
        self.assertEqual(len(self.notes()), 2)
        self.assertIsNone(services.open_meeting(self.world.couple))

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        closed_at = self.fresh().closed_at
        error = self.assertRefused(
            lambda: services.meeting_close(meeting=self.meeting, person=self.bob),
            code="closed",
            status=409,
        )
        self.assertIn("This meeting is closed.", error.message)
        self.assertEqual(self.fresh().closed_at, closed_at)

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: services.meeting_close(
                        meeting=self.meeting, person=person
                    ),
                    code="not_member",
                    status=404,
                )
        self.assertTrue(self.fresh().is_open)

    def test_a_former_partner_cannot_close_an_old_meeting(self):
        self.assertRefused(
            lambda: services.meeting_close(meeting=self.world.old_meeting, person=self.dan),
            code="not_member",
            status=404,
        )
