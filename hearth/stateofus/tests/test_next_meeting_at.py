import zoneinfo
from datetime import UTC, datetime, time, timedelta

import time_machine

from hearth.couples.models import Couple
from hearth.stateofus import services
from hearth.stateofus.models import MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase

LONDON = zoneinfo.ZoneInfo("Europe/London")


class NextMeetingAtTests(MeetingTestCase):
    """services.next_meeting_at: the next start, in the couple's zone; today's counts
    until the meeting has ended."""

    def weekly(self, weekday=6, at=time(19, 0), minutes=30, zone="Europe/London"):
        couple = self.world.couple
        Couple.objects.filter(pk=couple.pk).update(timezone=zone)
        couple.refresh_from_db()
        found = MeetingTime.objects.get(couple=couple)
        found.weekday, found.at, found.minutes = weekday, at, minutes
        found.save()
        found.couple = couple
        return found

    def local(self, *args, zone=LONDON):
        return datetime(*args, tzinfo=zone)

    def test_later_this_week(self):
        # Tuesday 1 December 2026 → Sunday 6 December, 19:00 in London.
        nxt = services.next_meeting_at(self.weekly(), now=self.local(2026, 12, 1, 10, 0))
        self.assertEqual(nxt, self.local(2026, 12, 6, 19, 0))
        self.assertEqual(nxt.tzinfo, LONDON)
        self.assertEqual(nxt.weekday(), 6)

    def test_earlier_in_the_week_means_next_week(self):
        nxt = services.next_meeting_at(self.weekly(weekday=0), now=self.local(2026, 12, 1, 10, 0))
        self.assertEqual(nxt, self.local(2026, 12, 7, 19, 0))

    def test_today_before_it_starts(self):
        nxt = services.next_meeting_at(self.weekly(), now=self.local(2026, 12, 6, 18, 59))
        self.assertEqual(nxt, self.local(2026, 12, 6, 19, 0))

    def test_today_while_it_is_on(self):
        for minute in (0, 15, 29):
            with self.subTest(minute=minute):
                nxt = services.next_meeting_at(
                    self.weekly(), now=self.local(2026, 12, 6, 19, minute)
                )
                self.assertEqual(nxt, self.local(2026, 12, 6, 19, 0))

    def test_today_after_the_meeting_ended(self):
        for now in (self.local(2026, 12, 6, 19, 30), self.local(2026, 12, 6, 23, 59)):
            with self.subTest(now=now):
                nxt = services.next_meeting_at(self.weekly(), now=now)
                self.assertEqual(nxt, self.local(2026, 12, 13, 19, 0))

    def test_the_length_decides_when_today_is_over(self):
        now = self.local(2026, 12, 6, 19, 50)
        self.assertEqual(
            services.next_meeting_at(self.weekly(minutes=60), now=now),
            self.local(2026, 12, 6, 19, 0),
        )
        self.assertEqual(
            services.next_meeting_at(self.weekly(minutes=45), now=now),
            self.local(2026, 12, 13, 19, 0),
        )

    def test_the_week_the_clocks_go_forward(self):
        # Clocks go forward in London early on Sunday 29 March 2026.
        found = self.weekly()
        before = services.next_meeting_at(found, now=datetime(2026, 3, 20, 12, 0, tzinfo=UTC))
        during = services.next_meeting_at(found, now=datetime(2026, 3, 27, 12, 0, tzinfo=UTC))
        self.assertEqual(before, self.local(2026, 3, 22, 19, 0))
        self.assertEqual(during, self.local(2026, 3, 29, 19, 0))
        # The same 19:00 on the wall: an hour earlier in UTC once summer time started.
        self.assertEqual(before.astimezone(UTC), datetime(2026, 3, 22, 19, 0, tzinfo=UTC))
        self.assertEqual(during.astimezone(UTC), datetime(2026, 3, 29, 18, 0, tzinfo=UTC))
        self.assertEqual(during.astimezone(UTC) - before.astimezone(UTC), timedelta(hours=167))

    def test_the_week_the_clocks_go_back(self):
        # Clocks go back in London early on Sunday 25 October 2026.
        found = self.weekly()
        nxt = services.next_meeting_at(found, now=datetime(2026, 10, 24, 12, 0, tzinfo=UTC))
        self.assertEqual(nxt.astimezone(UTC), datetime(2026, 10, 25, 19, 0, tzinfo=UTC))
        self.assertEqual((nxt.hour, nxt.minute), (19, 0))

    def test_a_meeting_on_the_morning_the_clocks_change(self):
        # Sunday 29 March 2026 at 09:00, asked at 00:30 UTC that day (still winter time).
        found = self.weekly(at=time(9, 0))
        nxt = services.next_meeting_at(found, now=datetime(2026, 3, 29, 0, 30, tzinfo=UTC))
        self.assertEqual(nxt.astimezone(UTC), datetime(2026, 3, 29, 8, 0, tzinfo=UTC))

    def test_it_is_in_the_couples_zone_not_the_persons(self):
        # Alice and Bob live by London time, but their couple keeps New York's.
        found = self.weekly(weekday=6, at=time(19, 0), zone="America/New_York")
        new_york = zoneinfo.ZoneInfo("America/New_York")
        # Sunday 6 December, 23:00 UTC is 18:00 in New York: the meeting is still to come.
        nxt = services.next_meeting_at(found, now=datetime(2026, 12, 6, 23, 0, tzinfo=UTC))
        self.assertEqual(nxt, datetime(2026, 12, 6, 19, 0, tzinfo=new_york))
        self.assertEqual(nxt.astimezone(UTC), datetime(2026, 12, 7, 0, 0, tzinfo=UTC))
        self.assertEqual(str(nxt.tzinfo), "America/New_York")

    def test_the_date_line(self):
        # 11:00 UTC on Saturday 5 December is already Sunday 00:00 in Auckland (UTC+13).
        found = self.weekly(weekday=6, at=time(8, 0), zone="Pacific/Auckland")
        nxt = services.next_meeting_at(found, now=datetime(2026, 12, 5, 11, 0, tzinfo=UTC))
        auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
        self.assertEqual(nxt, datetime(2026, 12, 6, 8, 0, tzinfo=auckland))

    def test_it_uses_the_clock_without_now(self):
        found = self.weekly()
        with time_machine.travel(datetime(2026, 12, 6, 19, 31, tzinfo=UTC), tick=False):
            self.assertEqual(services.next_meeting_at(found), self.local(2026, 12, 13, 19, 0))
        with time_machine.travel(datetime(2026, 12, 6, 19, 29, tzinfo=UTC), tick=False):
            self.assertEqual(services.next_meeting_at(found), self.local(2026, 12, 6, 19, 0))

    def test_every_answer_is_within_a_week_and_on_the_day(self):
        found = self.weekly(weekday=2, at=time(21, 45), minutes=15)
        start = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
        for hours in range(0, 24 * 60, 7):
            now = start + timedelta(hours=hours)
            nxt = services.next_meeting_at(found, now=now)
            self.assertEqual((nxt.weekday(), nxt.hour, nxt.minute), (2, 21, 45))
            self.assertGreater(nxt + timedelta(minutes=15), now)
            self.assertLessEqual(nxt - now, timedelta(days=7))
