from django.urls import reverse

from hearth.couples.models import Invitation
from hearth.couples.services import couple_pair
from hearth.testing import HearthTestCase, make_person


class RevokeTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.url = reverse("couples:revoke", args=[self.invitation.public_id])

    def test_it_works(self):
        self.client.force_login(self.dan)
        response = self.client.post(self.url, follow=True)
        self.assertRedirects(response, reverse("couples:pairing"))
        self.assertContains(response, "The invitation is withdrawn")
        self.invitation.refresh_from_db()
        self.assertIsNotNone(self.invitation.revoked_at)
        self.assertIsNone(self.invitation.accepted_at)
        self.assertNotContains(response, self.invitation.token)

    def test_the_code_stops_working(self):
        self.client.force_login(self.dan)
        self.client.post(self.url)
        self.client.force_login(self.fay)
        response = self.client.post(reverse("couples:enter_code"), {"code": self.invitation.code})
        self.assertContains(response, "withdrawn", status_code=422)
        self.assertFalse(self.fay.memberships.exists())

    def test_it_checks_ownership(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 404)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)

    def test_it_keeps_an_accepted_invitation(self):
        couple_pair(invitation=self.invitation, user=self.fay)
        self.client.force_login(self.dan)
        response = self.client.post(self.url, follow=True)
        self.assertContains(response, "already accepted")
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)
        self.assertEqual(self.invitation.accepted_by, self.fay)

    def test_it_rejects_get(self):
        self.client.force_login(self.dan)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 405)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)

    def test_it_requires_login(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Invitation.objects.filter(revoked_at__isnull=False).exists())
