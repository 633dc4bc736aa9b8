from datetime import UTC, date, datetime, timedelta

import time_machine
from django.urls import reverse
from django.utils.html import escape

from hearth.access import Visibility, forget_couple
from hearth.checkins.models import CheckIn
from hearth.checkins.selectors import partner_checkin_today
from hearth.testing import HearthTestCase, make_checkin, make_couple, make_person


class PartnerCheckinTodayTests(HearthTestCase):
    def test_it_returns_the_partners_shared_checkin(self):
        found = partner_checkin_today(self.alice)
        self.assertEqual(found, self.world.bob_shared_checkin)
        self.assertEqual([f.feeling for f in found.feelings.all()], ["happy"])

    def test_the_home_page_shows_it(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Bob's check-in")
        self.assertContains(response, escape(self.world.bob_shared_checkin.note))
        self.assertContains(
            response, reverse("checkins:reply", args=[self.world.bob_shared_checkin.public_id])
        )
        self.assertEqual(CheckIn.objects.filter(author=self.bob).count(), 1)

    def test_it_hides_a_private_checkin(self):
        CheckIn.objects.filter(pk=self.world.bob_shared_checkin.pk).update(
            visibility=Visibility.PRIVATE, note="Only for me, today"
        )
        self.assertIsNone(partner_checkin_today(self.alice))
        self.client.force_login(self.alice)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Bob hasn't shared a check-in today.")
        self.assertNotContains(response, "Only for me, today")
        self.assertNotContains(response, "Bob's check-in")
        self.assertEqual(
            CheckIn.objects.get(pk=self.world.bob_shared_checkin.pk).visibility,
            Visibility.PRIVATE,
        )

    def test_the_author_still_sees_their_private_checkin(self):
        CheckIn.objects.filter(pk=self.world.bob_shared_checkin.pk).update(
            visibility=Visibility.PRIVATE, note="Only for me, today"
        )
        self.client.force_login(self.bob)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Only for me, today")
        self.assertContains(response, "only you")

    def test_it_is_none_without_a_checkin_today(self):
        self.world.bob_shared_checkin.delete()
        self.assertIsNone(partner_checkin_today(self.alice))
        self.client.force_login(self.alice)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Bob hasn't shared a check-in today.")
        self.assertFalse(CheckIn.objects.filter(author=self.bob).exists())

    def test_it_ignores_yesterdays_checkin(self):
        yesterday = self.bob.local_today() - timedelta(days=1)
        CheckIn.objects.filter(pk=self.world.bob_shared_checkin.pk).update(local_date=yesterday)
        self.assertIsNone(partner_checkin_today(self.alice))
        self.assertEqual(CheckIn.objects.get(author=self.bob).local_date, yesterday)

    def test_it_is_none_for_someone_on_their_own(self):
        self.assertIsNone(partner_checkin_today(self.dan))
        self.client.force_login(self.dan)
        response = self.client.get(reverse("home"))
        self.assertNotContains(response, "Alice&#x27;s")
        self.assertContains(response, "Whenever you're ready")

    def test_a_former_partner_never_sees_it(self):
        # Alice's check-in today is shared; Dan was her partner once.
        self.assertIsNone(partner_checkin_today(self.dan))
        self.assertEqual(partner_checkin_today(self.bob), self.world.alice_shared_checkin)

    def test_it_is_none_after_unpairing(self):
        from django.utils import timezone

        from hearth.couples.models import Membership

        Membership.objects.filter(couple=self.world.couple).update(left_at=timezone.now())
        forget_couple(self.alice)
        self.assertIsNone(partner_checkin_today(self.alice))
        self.assertTrue(CheckIn.objects.filter(pk=self.world.bob_shared_checkin.pk).exists())

    def test_it_follows_the_partners_local_day(self):
        # 12:30 UTC on 1 June: still 1 June in London, already 2 June in Auckland.
        with time_machine.travel(datetime(2024, 6, 1, 12, 30, tzinfo=UTC), tick=False):
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            liam = make_person("Liam", timezone="Europe/London")
            couple = make_couple(liam, aroha)
            make_checkin(aroha, couple=couple, note="Just after midnight here")
            found = partner_checkin_today(liam)
            self.client.force_login(liam)
            response = self.client.get(reverse("home"))
        self.assertEqual(found.local_date, date(2024, 6, 2))
        self.assertEqual(found.author, aroha)
        self.assertContains(response, "Just after midnight here")
