from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInReply
from hearth.testing import HearthTestCase, make_checkin, make_couple, make_person

URL = reverse("checkins:history")


class HistoryTests(HearthTestCase):
    def make_days(self, author, couple, count, *, visibility=Visibility.SHARED):
        today = author.local_today()
        for back in range(count):
            make_checkin(
                author,
                couple=couple,
                day=today - timedelta(days=back),
                visibility=visibility,
                note=f"note for day {back}",
            )

    def listed(self, response) -> list:
        return [checkin.pk for checkin in response.context["items"]]

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"{reverse('account_login')}?next={URL}")
        self.assertEqual(CheckIn.objects.count(), 6)

    def test_it_shows_all_of_mine(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertContains(response, escape(self.world.alice_shared_checkin.note))
        self.assertContains(response, escape(self.world.alice_private_checkin.note))
        self.assertContains(response, "only you")
        # An author always sees what they wrote, in an earlier pairing too.
        self.assertEqual(
            self.listed(response),
            [
                self.world.alice_shared_checkin.pk,
                self.world.alice_private_checkin.pk,
                self.world.alice_old_shared_checkin.pk,
            ],
        )
        self.assertNotContains(response, escape(self.world.bob_shared_checkin.note))
        self.assertNotContains(response, escape(self.world.dan_old_shared_checkin.note))

    def test_it_shows_the_partners_shared_checkins(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL, {"whose": "partner"})
        self.assertEqual(response.context["whose"], "partner")
        self.assertEqual(self.listed(response), [self.world.alice_shared_checkin.pk])
        self.assertContains(response, escape(self.world.alice_shared_checkin.note))
        self.assertContains(response, "1 reply")

    def test_it_never_shows_the_partners_private_checkins(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL, {"whose": "partner"})
        self.assertNotContains(response, escape(self.world.alice_private_checkin.note))
        self.assertNotIn(self.world.alice_private_checkin.pk, self.listed(response))
        self.assertEqual(
            CheckIn.objects.get(pk=self.world.alice_private_checkin.pk).visibility,
            Visibility.PRIVATE,
        )

    def test_it_never_shows_checkins_from_an_earlier_pairing_to_the_new_partner(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL, {"whose": "partner"})
        self.assertNotIn(self.world.alice_old_shared_checkin.pk, self.listed(response))
        self.assertNotContains(response, escape(self.world.dan_old_shared_checkin.note))

    def test_it_never_shows_the_former_partners_checkins(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL, {"whose": "partner"})
        self.assertEqual(self.listed(response), [self.world.bob_shared_checkin.pk])
        self.assertNotContains(response, escape(self.world.dan_old_shared_checkin.note))

    def test_a_former_partner_sees_only_his_own(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        self.assertEqual(self.listed(response), [self.world.dan_old_shared_checkin.pk])
        response = self.client.get(URL, {"whose": "partner"})
        self.assertEqual(self.listed(response), [])
        self.assertNotContains(response, escape(self.world.alice_shared_checkin.note))

    def test_it_shows_nothing_of_another_couple(self):
        self.client.force_login(self.carol)
        response = self.client.get(URL, {"whose": "partner"})
        self.assertEqual(self.listed(response), [])
        self.assertNotContains(response, "Alice&#x27;s")
        self.assertContains(response, "Erin hasn't shared a check-in yet.")

    def test_it_pages_twenty_at_a_time(self):
        pat = make_person("Pat")
        self.make_days(pat, None, 25)
        self.client.force_login(pat)
        first = self.client.get(URL)
        items = first.context["items"]
        self.assertEqual(len(items), 20)
        dates = [checkin.local_date for checkin in items]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertEqual(dates[0], pat.local_today())
        self.assertEqual(first.context["next_before"], dates[-1])
        self.assertContains(first, f'href="?before={dates[-1].isoformat()}"')

        second = self.client.get(URL, {"before": dates[-1].isoformat()})
        older = [checkin.local_date for checkin in second.context["items"]]
        self.assertEqual(len(older), 5)
        self.assertTrue(all(day < dates[-1] for day in older))
        self.assertIsNone(second.context["next_before"])
        self.assertNotContains(second, "Older check-ins")
        self.assertEqual(CheckIn.objects.filter(author=pat).count(), 25)

    def test_it_has_no_next_page_at_exactly_twenty(self):
        pat = make_person("Pat")
        self.make_days(pat, None, 20)
        self.client.force_login(pat)
        response = self.client.get(URL)
        self.assertEqual(len(response.context["items"]), 20)
        self.assertIsNone(response.context["next_before"])
        self.assertNotContains(response, "Older check-ins")

    def test_it_pages_the_partners_checkins(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        self.make_days(sam, couple, 22)
        self.client.force_login(pat)
        first = self.client.get(URL, {"whose": "partner"})
        self.assertEqual(len(first.context["items"]), 20)
        cursor = first.context["next_before"].isoformat()
        self.assertContains(first, f'href="?whose=partner&amp;before={cursor}"')
        second = self.client.get(URL, {"whose": "partner", "before": cursor})
        self.assertEqual(len(second.context["items"]), 2)
        self.assertEqual({c.author_id for c in second.context["items"]}, {sam.pk})

    def test_it_ignores_a_malformed_date(self):
        pat = make_person("Pat")
        self.make_days(pat, None, 3)
        self.client.force_login(pat)
        for raw in ("yesterday", "2024-13-45", "2024-06-01T00:00"):
            response = self.client.get(URL, {"before": raw})
            self.assertEqual(response.status_code, 200)
            self.assertIsNone(response.context["before"])
            self.assertEqual(len(response.context["items"]), 3)

    def test_its_query_count_does_not_grow_with_history(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        self.make_days(pat, couple, 2)
        self.client.force_login(pat)
        with CaptureQueriesContext(connection) as short:
            self.client.get(URL)
        today = pat.local_today()
        for back in range(2, 30):
            make_checkin(pat, couple=couple, day=today - timedelta(days=back))
        for checkin in CheckIn.objects.filter(author=pat):
            CheckInReply.objects.create(
                checkin=checkin, couple=couple, author=sam, text="Thinking of you"
            )
        with CaptureQueriesContext(connection) as long:
            response = self.client.get(URL)
        self.assertEqual(len(response.context["items"]), 20)
        self.assertContains(response, "1 reply", count=20)
        self.assertEqual(len(long), len(short))

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 3)
