from django.urls import reverse

from hearth.accounts.models import ApiToken
from hearth.accounts.services import token_create
from hearth.testing import HearthTestCase


class TokenRevokeTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.token, self.raw = token_create(user=self.alice, name="my script")
        self.url = reverse("accounts:token_revoke", args=[self.token.public_id])

    def test_it_works(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, follow=True)
        self.assertRedirects(response, reverse("accounts:tokens"))
        self.assertContains(response, "The token &#x27;my script&#x27; is revoked.")
        self.token.refresh_from_db()
        self.assertIsNotNone(self.token.revoked_at)
        self.assertNotIn(self.token, response.context["tokens"])

    def test_the_token_stops_working(self):
        self.client.force_login(self.alice)
        self.client.post(self.url)
        self.client.logout()
        response = self.client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {self.raw}")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")

    def test_revoking_twice_keeps_the_first_time(self):
        self.client.force_login(self.alice)
        self.client.post(self.url)
        self.token.refresh_from_db()
        first = self.token.revoked_at
        response = self.client.post(self.url)
        self.assertRedirects(response, reverse("accounts:tokens"))
        self.token.refresh_from_db()
        self.assertEqual(self.token.revoked_at, first)

    def test_it_checks_ownership(self):
        self.client.force_login(self.bob)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 404)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.revoked_at)
        response = self.client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {self.raw}")
        self.assertEqual(response.json()["email"], "alice@example.org")

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 405)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.revoked_at)

    def test_it_requires_login(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertFalse(ApiToken.objects.filter(revoked_at__isnull=False).exists())
