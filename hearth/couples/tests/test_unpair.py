from django.urls import reverse
from django.utils.html import escape

from hearth.couples.models import Couple, Membership
from hearth.testing import HearthTestCase


class UnpairTests(HearthTestCase):
    url = reverse("couples:unpair")

    def assertStillPaired(self):
        couple = Couple.objects.get(pk=self.world.couple.pk)
        self.assertIsNone(couple.ended_at)
        self.assertEqual(Membership.objects.filter(couple=couple, left_at=None).count(), 2)
        self.assertFalse(Membership.objects.filter(ended_notice_pending=True).exists())

    def test_it_asks_for_confirmation(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "End your pairing with Bob")
        self.assertContains(response, 'name="confirm"')
        self.assertStillPaired()

    def test_it_works(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"confirm": "on"}, follow=True)
        self.assertRedirects(response, reverse("home"))
        self.assertContains(response, "Your pairing has ended.")

        couple = Couple.objects.get(pk=self.world.couple.pk)
        self.assertIsNotNone(couple.ended_at)
        alice = Membership.objects.get(couple=couple, user=self.alice)
        bob = Membership.objects.get(couple=couple, user=self.bob)
        self.assertEqual(alice.left_at, couple.ended_at)
        self.assertEqual(bob.left_at, couple.ended_at)
        # Only the person who did not end it is told.
        self.assertFalse(alice.ended_notice_pending)
        self.assertTrue(bob.ended_notice_pending)
        self.assertFalse(Membership.objects.filter(user=self.alice, left_at=None).exists())
        self.assertFalse(Membership.objects.filter(user=self.bob, left_at=None).exists())

    def test_it_leaves_other_couples_alone(self):
        self.client.force_login(self.alice)
        self.client.post(self.url, {"confirm": "on"})
        other = Couple.objects.get(pk=self.world.other_couple.pk)
        self.assertIsNone(other.ended_at)
        self.assertEqual(other.memberships.filter(left_at=None).count(), 2)

    def test_it_requires_the_confirmation(self):
        self.client.force_login(self.alice)
        # What a browser sends when the box is not ticked: the CSRF field only.
        response = self.client.post(self.url, {"csrfmiddlewaretoken": "x"})
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "Tick the box to confirm.", status_code=422)
        self.assertStillPaired()

    def test_an_empty_post_is_explained(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "Tick the box to confirm.", status_code=422)
        self.assertStillPaired()

    def test_the_partner_is_told_only_that_it_ended(self):
        self.client.force_login(self.alice)
        self.client.post(self.url, {"confirm": "on"})
        self.client.force_login(self.bob)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Your pairing has ended")
        self.assertNotContains(response, "Alice")
        self.assertNotContains(response, escape(self.world.alice_shared_checkin.note))
        self.assertNotContains(response, escape(self.world.alice_released_answer.text))
        self.assertTrue(
            Membership.objects.get(user=self.bob, couple=self.world.couple).ended_notice_pending
        )

    def test_the_person_who_ended_it_sees_no_notice(self):
        self.client.force_login(self.bob)
        self.client.post(self.url, {"confirm": "on"})
        response = self.client.get(reverse("home"))
        self.assertNotContains(response, "Your pairing has ended</h2>")
        self.assertFalse(
            Membership.objects.get(user=self.bob, couple=self.world.couple).ended_notice_pending
        )
        self.assertTrue(
            Membership.objects.get(user=self.alice, couple=self.world.couple).ended_notice_pending
        )

    def test_a_solo_person_is_sent_to_the_settings(self):
        self.client.force_login(self.dan)
        response = self.client.post(self.url, {"confirm": "on"}, follow=True)
        self.assertRedirects(response, reverse("couples:settings"))
        self.assertContains(response, "You are not paired with anyone.")
        self.assertEqual(Couple.objects.filter(ended_at=None).count(), 2)
        self.assertFalse(Membership.objects.filter(ended_notice_pending=True).exists())

    def test_it_rejects_other_methods(self):
        self.client.force_login(self.alice)
        response = self.client.put(self.url, {"confirm": "on"})
        self.assertEqual(response.status_code, 405)
        self.assertStillPaired()

    def test_it_requires_login(self):
        response = self.client.post(self.url, {"confirm": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertStillPaired()
