from django.db import connection
from django.urls import reverse

from hearth.accounts.models import ApiToken
from hearth.accounts.services import MAX_ACTIVE_TOKENS, token_create, token_digest
from hearth.testing import HearthTestCase


class TokensTests(HearthTestCase):
    url = reverse("accounts:tokens")

    def create(self, name="my script"):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"name": name})
        raw = response.context["new_token"] if response.context else None
        return response, raw

    def test_it_shows_the_page(self):
        token_create(user=self.alice, name="old laptop")
        token_create(user=self.bob, name="bob's phone")
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "old laptop")
        self.assertNotContains(response, "bob&#x27;s phone")
        self.assertIsNone(response.context["new_token"])
        self.assertEqual(ApiToken.objects.count(), 2)

    def test_it_creates_a_token(self):
        response, raw = self.create(name="  my   script ")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(raw.startswith("hth_"))
        self.assertContains(response, raw)

        token = ApiToken.objects.get(user=self.alice)
        self.assertEqual(token.name, "my script")
        self.assertEqual(token.prefix, raw[:10])
        self.assertIsNone(token.revoked_at)

    def test_it_shows_the_raw_token_only_once(self):
        _, raw = self.create()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, raw)
        # The list still shows the token by its prefix.
        self.assertContains(response, raw[:10])
        self.assertEqual(ApiToken.objects.filter(user=self.alice).count(), 1)

    def test_it_stores_only_a_hash(self):
        _, raw = self.create()
        token = ApiToken.objects.get(user=self.alice)
        self.assertEqual(token.token_hash, token_digest(raw))
        self.assertEqual(len(token.token_hash), 64)
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM accounts_apitoken WHERE id = %s", [token.pk])
            row = cursor.fetchone()
        self.assertFalse(any(raw in str(value) for value in row))

    def test_the_token_works_on_the_api(self):
        _, raw = self.create()
        self.client.logout()
        response = self.client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["email"], "alice@example.org")
        self.assertIsNotNone(ApiToken.objects.get(user=self.alice).last_used_at)

    def test_it_rejects_a_blank_name(self):
        response, raw = self.create(name="   ")
        self.assertEqual(response.status_code, 422)
        self.assertIn("name", response.context["form"].errors)
        self.assertIsNone(raw)
        self.assertFalse(ApiToken.objects.filter(user=self.alice).exists())

    def test_it_rejects_a_long_name(self):
        response, raw = self.create(name="n" * 61)
        self.assertEqual(response.status_code, 422)
        self.assertIsNone(raw)
        self.assertFalse(ApiToken.objects.filter(user=self.alice).exists())

    def test_it_limits_active_tokens(self):
        for i in range(MAX_ACTIVE_TOKENS):
            token_create(user=self.alice, name=f"token {i}")
        response, raw = self.create(name="one too many")
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "You already have 20 tokens", status_code=422)
        self.assertIsNone(raw)
        self.assertEqual(ApiToken.objects.filter(user=self.alice).count(), 20)
        self.assertFalse(ApiToken.objects.filter(name="one too many").exists())

    def test_revoked_tokens_do_not_count_towards_the_limit(self):
        for i in range(MAX_ACTIVE_TOKENS):
            token_create(user=self.alice, name=f"token {i}")
        first = ApiToken.objects.filter(user=self.alice).last()
        self.client.force_login(self.alice)
        self.client.post(reverse("accounts:token_revoke", args=[first.public_id]))
        response, raw = self.create(name="replacement")
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(raw)
        self.assertEqual(ApiToken.objects.filter(user=self.alice, revoked_at=None).count(), 20)

    def test_other_people_have_their_own_limit(self):
        for i in range(MAX_ACTIVE_TOKENS):
            token_create(user=self.bob, name=f"token {i}")
        response, raw = self.create()
        self.assertEqual(response.status_code, 200)
        self.assertTrue(raw.startswith("hth_"))
        self.assertEqual(ApiToken.objects.filter(user=self.alice).count(), 1)

    def test_it_requires_login(self):
        response = self.client.post(self.url, {"name": "sneaky"})
        self.assertRedirects(
            response, f"/accounts/login/?next={self.url}", fetch_redirect_response=False
        )
        self.assertFalse(ApiToken.objects.exists())
