from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.accounts.models import ApiToken
from hearth.accounts.services import token_authenticate, token_create
from hearth.testing import HearthTestCase


class TokenAuthTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.token, self.raw = token_create(user=self.alice, name="my script")

    def get_me(self, header):
        return self.client.get("/api/me", HTTP_AUTHORIZATION=header)

    def test_it_works(self):
        response = self.get_me(f"Bearer {self.raw}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["email"], "alice@example.org")
        self.token.refresh_from_db()
        self.assertIsNotNone(self.token.last_used_at)

    def test_it_returns_the_user(self):
        self.assertEqual(token_authenticate(self.raw), self.alice)
        self.assertIsNone(token_authenticate(self.raw + "x"))
        self.assertIsNone(token_authenticate(self.raw[4:]))
        self.assertIsNone(token_authenticate("hth_" + "a" * 200))

    def test_it_rejects_a_wrong_token(self):
        response = self.get_me(f"Bearer {self.raw[:-1]}x")
        self.assertEqual(response.status_code, 401)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.last_used_at)

    def test_it_rejects_a_missing_scheme(self):
        response = self.get_me(self.raw)
        self.assertEqual(response.status_code, 401)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.last_used_at)

    def test_it_rejects_a_revoked_token(self):
        ApiToken.objects.filter(pk=self.token.pk).update(revoked_at=timezone.now())
        response = self.get_me(f"Bearer {self.raw}")
        self.assertEqual(response.status_code, 401)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.last_used_at)

    def test_it_rejects_an_inactive_person(self):
        self.alice.is_active = False
        self.alice.save(update_fields=["is_active"])
        response = self.get_me(f"Bearer {self.raw}")
        self.assertEqual(response.status_code, 401)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.last_used_at)

    def test_it_writes_last_use_at_most_once_a_minute(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            self.get_me(f"Bearer {self.raw}")
        with time_machine.travel(now + timedelta(seconds=30), tick=False):
            self.get_me(f"Bearer {self.raw}")
        self.token.refresh_from_db()
        self.assertEqual(self.token.last_used_at, now)
        with time_machine.travel(now + timedelta(seconds=61), tick=False):
            self.get_me(f"Bearer {self.raw}")
        self.token.refresh_from_db()
        self.assertEqual(self.token.last_used_at, now + timedelta(seconds=61))

    def test_a_token_request_needs_no_csrf_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        response = client.patch(
            "/api/me",
            {"pronouns": "she/her"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {self.raw}",
        )
        self.assertEqual(response.status_code, 200)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.pronouns, "she/her")
