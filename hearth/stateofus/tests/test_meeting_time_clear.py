from datetime import time

from hearth.stateofus import services
from hearth.stateofus.models import MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot


class MeetingTimeClearTests(MeetingTestCase):
    """services.meeting_time_clear: no regular time any more."""

    def test_it_works(self):
        services.meeting_time_clear(person=self.bob)
        self.assertFalse(MeetingTime.objects.filter(couple=self.world.couple).exists())
        self.assertTrue(self.fresh().is_open)  # the meeting itself is untouched

    def test_it_clears_only_this_couples_time(self):
        services.meeting_time_set(person=self.carol, weekday=3, at=time(12, 0))
        services.meeting_time_clear(person=self.alice)
        self.assertEqual(
            list(MeetingTime.objects.values_list("couple_id", flat=True)),
            [self.world.other_couple.pk],
        )

    def test_clearing_without_a_time_changes_nothing(self):
        before = snapshot()
        services.meeting_time_clear(person=self.erin)
        self.assertEqual(snapshot(), before)

    def test_it_needs_a_partner(self):
        error = self.assertRefused(
            lambda: services.meeting_time_clear(person=self.dan), code="not_paired", status=409
        )
        self.assertIn("meeting for two", error.message)
