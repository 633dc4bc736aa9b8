from datetime import UTC, datetime

import time_machine
from icalendar import Calendar

from hearth.couples.models import Couple
from hearth.stateofus.models import MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase, url

ICS = url("time_ics")


class TimeIcsViewTests(MeetingTestCase):
    """GET /state-of-us/time.ics: the weekly time for a calendar app."""

    def test_it_works(self):
        Couple.objects.filter(pk=self.world.couple.pk).update(timezone="Europe/Berlin")
        with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=UTC), tick=False):
            response = self.get(self.bob, ICS)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="state-of-us.ics"')
        calendar = Calendar.from_ical(response.content)
        [event] = calendar.walk("VEVENT")
        self.assertEqual(event["RRULE"]["FREQ"], ["WEEKLY"])
        self.assertEqual(event["RRULE"]["BYDAY"], ["SU"])
        start = event.decoded("DTSTART")
        self.assertEqual(str(start.tzinfo), "Europe/Berlin")
        self.assertEqual(
            (start.date().isoformat(), start.hour, start.minute), ("2026-12-06", 19, 0)
        )
        text = response.content.decode()
        for note in ("soup", "weekend", "Dan's old plan", "Alice", "Bob"):
            self.assertNotIn(note, text)

    def test_both_partners_get_the_same_event(self):
        with time_machine.travel(datetime(2026, 12, 1, 12, 0, tzinfo=UTC), tick=False):
            alice = Calendar.from_ical(self.get(self.alice, ICS).content).walk("VEVENT")[0]
            bob = Calendar.from_ical(self.get(self.bob, ICS).content).walk("VEVENT")[0]
        self.assertEqual(str(alice["UID"]), str(bob["UID"]))
        self.assertEqual(alice.decoded("DTSTART"), bob.decoded("DTSTART"))

    def test_it_is_404_without_a_time(self):
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.get(person, ICS).status_code, 404)
        MeetingTime.objects.filter(couple=self.world.couple).delete()
        self.assertEqual(self.get(self.alice, ICS).status_code, 404)

    def test_it_requires_login(self):
        response = self.client.get(ICS)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_it_refuses_post(self):
        self.assertEqual(self.post(self.alice, ICS).status_code, 405)
