import zoneinfo
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import dateformat, timezone

from hearth.accounts.models import User
from hearth.core.middleware import UserTimezoneMiddleware
from hearth.testing import HearthTestCase


def expiry_at(hour: int, minute: int) -> datetime:
    """An instant three days ahead, at the given UTC time of day."""
    day = timezone.now().astimezone(UTC).date() + timedelta(days=3)
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def shown(instant: datetime, zone: str) -> str:
    return dateformat.format(instant.astimezone(zoneinfo.ZoneInfo(zone)), "l j F")


def zone_seen_by_view(user) -> str:
    def view(request):
        return HttpResponse(timezone.get_current_timezone_name())

    request = RequestFactory().get("/")
    request.user = user
    return UserTimezoneMiddleware(view)(request).content.decode()


class TimezoneMiddlewareTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.addCleanup(timezone.deactivate)
        self.invitation = self.world.dan_invitation

    def pairing_page_for_dan(self, *, zone: str, expires_at: datetime):
        User.objects.filter(pk=self.dan.pk).update(timezone=zone)
        self.invitation.expires_at = expires_at
        self.invitation.save(update_fields=["expires_at"])
        self.client.force_login(self.dan)
        return self.client.get(reverse("couples:pairing"))

    def test_times_render_in_the_persons_zone_ahead_of_utc(self):
        expires_at = expiry_at(12, 30)  # already the next day in Auckland
        response = self.pairing_page_for_dan(zone="Pacific/Auckland", expires_at=expires_at)
        self.assertContains(
            response, f"It works once and ends {shown(expires_at, 'Pacific/Auckland')}."
        )
        self.assertNotContains(response, f"ends {shown(expires_at, 'UTC')}.")

    def test_times_render_in_the_persons_zone_behind_utc(self):
        expires_at = expiry_at(2, 0)  # still the day before in Los Angeles
        response = self.pairing_page_for_dan(zone="America/Los_Angeles", expires_at=expires_at)
        self.assertContains(
            response, f"It works once and ends {shown(expires_at, 'America/Los_Angeles')}."
        )
        self.assertNotContains(response, f"ends {shown(expires_at, 'UTC')}.")

    def test_an_unknown_zone_falls_back_to_utc(self):
        expires_at = expiry_at(12, 30)
        response = self.pairing_page_for_dan(zone="Mars/Olympus_Mons", expires_at=expires_at)
        self.assertContains(response, f"It works once and ends {shown(expires_at, 'UTC')}.")

    def test_it_activates_the_zone_for_the_request(self):
        self.alice.timezone = "Asia/Kolkata"
        self.assertEqual(zone_seen_by_view(self.alice), "Asia/Kolkata")

    def test_anonymous_visitors_get_the_default_zone(self):
        timezone.activate(zoneinfo.ZoneInfo("Asia/Tokyo"))
        self.assertEqual(zone_seen_by_view(AnonymousUser()), "UTC")

    def test_a_bad_zone_does_not_keep_the_previous_persons_zone(self):
        self.alice.timezone = "Asia/Tokyo"
        self.assertEqual(zone_seen_by_view(self.alice), "Asia/Tokyo")
        self.bob.timezone = "Not a zone"
        self.assertEqual(zone_seen_by_view(self.bob), "UTC")
