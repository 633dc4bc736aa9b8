from datetime import UTC, time, timedelta, timezone

from hearth.stateofus import services
from hearth.stateofus.models import MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase


class MeetingTimeSetTests(MeetingTestCase):
    """services.meeting_time_set: one weekly time per couple, in the couple's zone."""

    def carols(self):
        return MeetingTime.objects.filter(couple=self.world.other_couple)

    def test_it_works(self):
        found = services.meeting_time_set(person=self.carol, weekday=2, at=time(20, 15), minutes=45)
        row = self.carols().get()
        self.assertEqual(row.pk, found.pk)
        self.assertEqual((row.weekday, row.at, row.minutes), (2, time(20, 15), 45))
        self.assertEqual(row.set_by, self.carol)

    def test_the_default_is_half_an_hour(self):
        services.meeting_time_set(person=self.erin, weekday=0, at=time(8, 0))
        self.assertEqual(self.carols().get().minutes, 30)

    def test_it_changes_the_one_time(self):
        before = MeetingTime.objects.get(couple=self.world.couple)
        services.meeting_time_set(person=self.bob, weekday=4, at=time(18, 30), minutes=60)
        row = MeetingTime.objects.get(couple=self.world.couple)
        self.assertEqual(row.pk, before.pk)
        self.assertEqual(
            (row.weekday, row.at, row.minutes, row.set_by), (4, time(18, 30), 60, self.bob)
        )
        self.assertGreater(row.updated_at, before.updated_at)
        self.assertEqual(MeetingTime.objects.filter(couple=self.world.couple).count(), 1)

    def test_seconds_are_dropped(self):
        services.meeting_time_set(person=self.carol, weekday=1, at=time(7, 5, 42, 123))
        self.assertEqual(self.carols().get().at, time(7, 5))

    def test_every_day_and_duration(self):
        for weekday in range(7):
            for minutes in (15, 30, 45, 60):
                with self.subTest(weekday=weekday, minutes=minutes):
                    services.meeting_time_set(
                        person=self.carol, weekday=weekday, at=time(9, 0), minutes=minutes
                    )
                    row = self.carols().get()
                    self.assertEqual((row.weekday, row.minutes), (weekday, minutes))

    def test_it_refuses_a_day_that_is_not_one(self):
        for weekday in (7, 9, -1, 100):
            with self.subTest(weekday=weekday):
                error = self.assertRefused(
                    lambda weekday=weekday: services.meeting_time_set(
                        person=self.carol, weekday=weekday, at=time(9, 0)
                    ),
                    code="weekday",
                    status=400,
                )
                self.assertEqual(error.message, "Choose a day of the week.")

    def test_it_refuses_other_durations(self):
        for minutes in (0, 10, 17, 90, -30):
            with self.subTest(minutes=minutes):
                error = self.assertRefused(
                    lambda minutes=minutes: services.meeting_time_set(
                        person=self.carol, weekday=1, at=time(9, 0), minutes=minutes
                    ),
                    code="minutes",
                    status=400,
                )
                self.assertEqual(error.message, "Choose 15, 30, 45 or 60 minutes.")

    def test_it_refuses_a_time_with_a_zone(self):
        for zone in (UTC, timezone(timedelta(hours=2))):
            with self.subTest(zone=zone):
                error = self.assertRefused(
                    lambda zone=zone: services.meeting_time_set(
                        person=self.carol, weekday=1, at=time(9, 0, tzinfo=zone)
                    ),
                    code="time_zone",
                    status=400,
                )
                self.assertIn("always in your couple's time zone", error.message)

    def test_it_needs_a_partner(self):
        error = self.assertRefused(
            lambda: services.meeting_time_set(person=self.dan, weekday=1, at=time(9, 0)),
            code="not_paired",
            status=409,
        )
        self.assertIn("meeting for two", error.message)
