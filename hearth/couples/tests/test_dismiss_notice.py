from django.urls import reverse

from hearth.couples.models import Membership
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase


class DismissNoticeTests(HearthTestCase):
    url = reverse("couples:dismiss_notice")

    def setUp(self):
        super().setUp()
        couple_unpair(user=self.alice)

    def notice_pending(self, user) -> bool:
        return Membership.objects.filter(user=user, ended_notice_pending=True).exists()

    def test_it_works(self):
        self.client.force_login(self.bob)
        response = self.client.post(self.url)
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.assertFalse(self.notice_pending(self.bob))
        response = self.client.get(reverse("home"))
        self.assertNotContains(response, "Your pairing has ended")

    def test_it_clears_only_ones_own_notice(self):
        couple_unpair(user=self.carol)
        self.client.force_login(self.bob)
        self.client.post(self.url)
        self.assertFalse(self.notice_pending(self.bob))
        self.assertTrue(self.notice_pending(self.erin))

    def test_it_does_nothing_without_a_notice(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url)
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.assertTrue(self.notice_pending(self.bob))

    def test_it_rejects_get(self):
        self.client.force_login(self.bob)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertTrue(self.notice_pending(self.bob))

    def test_it_requires_login(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertTrue(self.notice_pending(self.bob))
