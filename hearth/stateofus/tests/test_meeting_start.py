from datetime import UTC, date, datetime
from unittest import mock

import time_machine
from django.db import IntegrityError, transaction

from hearth.couples.models import Couple
from hearth.couples.services import couple_unpair
from hearth.stateofus import services
from hearth.stateofus.models import Meeting
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot


class MeetingStartTests(MeetingTestCase):
    """services.meeting_start: either partner opens this week's meeting."""

    def carols(self):
        return Meeting.objects.filter(couple=self.world.other_couple)

    def test_it_works(self):
        meeting = services.meeting_start(starter=self.carol)
        row = self.carols().get()
        self.assertEqual(row.pk, meeting.pk)
        self.assertEqual(row.started_by, self.carol)
        self.assertIsNone(row.closed_at)
        self.assertTrue(row.is_open)
        self.assertEqual(row.notes.count(), 0)
        self.assertEqual(row.week_of.weekday(), 0)  # a Monday

    def test_the_week_is_the_couples_week(self):
        # Sunday 6 December 2026, 12:00 UTC is already Monday 7 December in Auckland.
        Couple.objects.filter(pk=self.world.other_couple.pk).update(timezone="Pacific/Auckland")
        with time_machine.travel(datetime(2026, 12, 6, 12, 0, tzinfo=UTC), tick=False):
            services.meeting_start(starter=self.carol)
        self.assertEqual(self.carols().get().week_of, date(2026, 12, 7))

    def test_the_week_starts_on_monday(self):
        for moment, monday in (
            (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), date(2026, 12, 7)),  # a Monday
            (datetime(2026, 12, 13, 22, 0, tzinfo=UTC), date(2026, 12, 7)),  # that Sunday
            (datetime(2026, 12, 14, 0, 30, tzinfo=UTC), date(2026, 12, 14)),  # next Monday
        ):
            with self.subTest(moment=moment), time_machine.travel(moment, tick=False):
                meeting = services.meeting_start(starter=self.erin)
                self.assertEqual(self.fresh(meeting).week_of, monday)
                meeting.delete()

    def test_it_needs_a_partner(self):
        error = self.assertRefused(
            lambda: services.meeting_start(starter=self.dan), code="not_paired", status=409
        )
        self.assertEqual(
            error.message, "The state of us is a meeting for two: it starts once you're paired."
        )

    def test_one_open_meeting_per_couple(self):
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                error = self.assertRefused(
                    lambda person=person: services.meeting_start(starter=person),
                    code="already_open",
                    status=409,
                )
                self.assertEqual(
                    error.message,
                    "Your meeting is already open. Carry on there, or close it first.",
                )

    def test_it_opens_again_once_closed(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        meeting = services.meeting_start(starter=self.bob)
        self.assertEqual(Meeting.objects.filter(couple=self.world.couple).count(), 2)
        self.assertEqual(
            (self.fresh(meeting).started_by, self.fresh(meeting).is_open), (self.bob, True)
        )

    def test_a_race_with_the_partner_is_refused_cleanly(self):
        before = snapshot()
        with (
            mock.patch.object(services, "open_meeting", return_value=None),
            self.assertRaises(services.ServiceError) as caught,
        ):
            services.meeting_start(starter=self.bob)
        self.assertEqual(caught.exception.code, "already_open")
        self.assertEqual(snapshot(), before)

    def test_the_unique_constraint_holds(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Meeting.objects.create(
                couple=self.world.couple, started_by=self.bob, week_of=date(2026, 11, 30)
            )

    def test_after_unpairing_it_is_refused(self):
        couple_unpair(user=self.erin)
        self.assertRefused(
            lambda: services.meeting_start(starter=self.erin), code="not_paired", status=409
        )
        self.assertFalse(self.carols().exists())
