"""The weekly meeting time as an iCalendar file (RFC 5545), with no intimate text."""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from hearth.stateofus.models import MeetingTime
from hearth.stateofus.services import next_meeting_at

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def meeting_time_ics(meeting_time: MeetingTime, *, site_name: str) -> bytes:
    start = next_meeting_at(meeting_time)
    calendar = Calendar()
    calendar.add("prodid", f"-//{site_name}//state of us//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"state-of-us-{meeting_time.couple.public_id}@hearth")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting_time.minutes))
    event.add("rrule", {"freq": "weekly", "byday": WEEKDAY_CODES[meeting_time.weekday]})
    event.add("summary", "State of us")
    event.add("description", f"Our weekly check-in, with {site_name}.")
    calendar.add_component(event)
    # RFC 5545 3.2.19: each TZID used needs its VTIMEZONE in the same file; it
    # covers the rule from the first meeting on, for years of weekly meetings.
    calendar.add_missing_timezones(
        first_date=start.date(), last_date=start.date() + timedelta(days=30 * 365)
    )
    return calendar.to_ical()
