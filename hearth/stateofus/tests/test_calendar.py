from datetime import UTC, datetime, time, timedelta

import time_machine
from icalendar import Calendar

from hearth.couples.models import Couple
from hearth.stateofus import services
from hearth.stateofus.calendar import meeting_time_ics
from hearth.stateofus.models import MeetingNote, MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # a Tuesday


class CalendarTests(MeetingTestCase):
    """stateofus.calendar.meeting_time_ics: the weekly time as RFC 5545, no intimate text."""

    def meeting_time(self, zone="Europe/London", **changes) -> MeetingTime:
        couple = self.world.couple
        Couple.objects.filter(pk=couple.pk).update(timezone=zone)
        found = MeetingTime.objects.select_related("couple").get(couple=couple)
        for name, value in changes.items():
            setattr(found, name, value)
        found.save()
        return found

    def parse(self, found) -> tuple[Calendar, object, bytes]:
        with time_machine.travel(NOW, tick=False):
            raw = meeting_time_ics(found, site_name="Hearth")
        calendar = Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        self.assertEqual(len(events), 1)
        return calendar, events[0], raw

    def test_it_is_a_weekly_event(self):
        calendar, event, _ = self.parse(self.meeting_time())
        self.assertEqual(str(calendar["VERSION"]), "2.0")
        self.assertIn("Hearth", str(calendar["PRODID"]))
        rrule = event["RRULE"]
        self.assertEqual(rrule["FREQ"], ["WEEKLY"])
        self.assertEqual(rrule["BYDAY"], ["SU"])
        self.assertEqual(str(event["SUMMARY"]), "State of us")

    def test_each_weekday_has_its_code(self):
        for weekday, code in enumerate(("MO", "TU", "WE", "TH", "FR", "SA", "SU")):
            with self.subTest(weekday=weekday):
                _, event, _ = self.parse(self.meeting_time(weekday=weekday))
                self.assertEqual(event["RRULE"]["BYDAY"], [code])
                start = event.decoded("DTSTART")
                self.assertEqual(start.weekday(), weekday)

    def test_it_starts_at_the_next_meeting_in_the_couples_zone(self):
        found = self.meeting_time(zone="America/New_York", at=time(7, 30), minutes=45)
        _, event, raw = self.parse(found)
        start = event.decoded("DTSTART")
        self.assertEqual(str(start.tzinfo), "America/New_York")
        self.assertEqual(event["DTSTART"].params["TZID"], "America/New_York")
        found.couple.refresh_from_db()
        self.assertEqual(start, services.next_meeting_at(found, now=NOW))
        self.assertEqual((start.year, start.month, start.day), (2026, 12, 6))
        self.assertEqual((start.hour, start.minute), (7, 30))
        self.assertEqual(event.decoded("DTEND") - start, timedelta(minutes=45))
        self.assertIn(b"DTSTART;TZID=America/New_York:20261206T073000", raw)

    def test_its_zone_is_described_in_the_file(self):
        # RFC 5545 3.2.19: every TZID used must have its VTIMEZONE in the same file,
        # or calendars that do not know the name cannot place the event.
        calendar, event, _ = self.parse(self.meeting_time(zone="Europe/Paris"))
        zones = [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")]
        self.assertEqual(zones, ["Europe/Paris"])
        self.assertEqual(event["DTSTART"].params["TZID"], "Europe/Paris")
        # The description is right: winter and summer time, in the years to come.
        described = calendar.timezones[0].to_tz()
        for when, hours in (
            (datetime(2027, 1, 15, 12), 1),
            (datetime(2027, 7, 15, 12), 2),
            (datetime(2040, 7, 15, 12), 2),
        ):
            self.assertEqual(when.replace(tzinfo=described).utcoffset(), timedelta(hours=hours))

    def test_the_uid_is_stable_for_the_couple(self):
        found = self.meeting_time()
        _, first, _ = self.parse(found)
        found.at = time(20, 0)
        found.save()
        _, second, _ = self.parse(found)
        self.assertEqual(str(first["UID"]), str(second["UID"]))
        other = services.meeting_time_set(person=self.carol, weekday=6, at=time(19, 0))
        other = MeetingTime.objects.select_related("couple").get(pk=other.pk)
        _, theirs, _ = self.parse(other)
        self.assertNotEqual(str(theirs["UID"]), str(first["UID"]))

    def test_no_note_text_is_in_it(self):
        services.note_add(
            meeting=self.meeting, author=self.bob, step="plan", text="Secret plan for Saturday"
        )
        _, _, raw = self.parse(self.meeting_time())
        text = raw.decode()
        for note in MeetingNote.objects.all():
            self.assertNotIn(note.text, text)
            self.assertNotIn(note.text.split()[0] + " " + note.text.split()[1], text)
        for name in ("Alice", "Bob", "soup", "weekend", "Secret"):
            self.assertNotIn(name, text)
