from datetime import timedelta

import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from hearth.core.errors import ServiceError
from hearth.couples.models import Invitation
from hearth.couples.services import invitation_create
from hearth.testing import HearthTestCase, make_person

# No 0/O, 1/I/L: the code is read aloud and typed from a phone screen.
ALPHABET = set("ABCDEFGHJKMNPQRSTUVWXYZ23456789")


class InvitationCreateTests(HearthTestCase):
    url = reverse("couples:invite")

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def test_it_works(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url, follow=True)
        self.assertRedirects(response, reverse("couples:pairing"))
        self.assertContains(response, "Your invitation is ready")

        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(len(invitation.code), 8)
        self.assertLessEqual(set(invitation.code), ALPHABET)
        self.assertGreaterEqual(len(invitation.token), 32)
        self.assertTrue(invitation.is_pending)
        self.assertContains(response, f"{invitation.code[:4]}-{invitation.code[4:]}")
        self.assertContains(response, f"/pair/join/{invitation.token}/")

    def test_the_page_has_a_qr_code_image(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url, follow=True)
        self.assertContains(response, '<img class="qr" src="data:image/svg+xml')
        self.assertTrue(response.context["qr"].startswith("data:image/svg+xml"))
        self.assertEqual(Invitation.objects.filter(inviter=self.fay).count(), 1)

    def test_it_expires_in_seven_days(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            invitation = invitation_create(inviter=self.fay)
        self.assertEqual(invitation.created_at, now)
        self.assertEqual(invitation.expires_at, now + timedelta(days=7))
        self.assertEqual(
            Invitation.objects.get(pk=invitation.pk).expires_at, now + timedelta(days=7)
        )

    def test_it_stores_only_hashes_and_encrypted_values(self):
        invitation = invitation_create(inviter=self.fay)
        code, token = invitation.code, invitation.token
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT code_hash, token_hash, code, token FROM couples_invitation WHERE id = %s",
                [invitation.pk],
            )
            row = cursor.fetchone()
        for value in row:
            self.assertTrue(value)
            self.assertNotIn(code, value)
            self.assertNotIn(code.lower(), value.lower())
            self.assertNotIn(token, value)
        stored = Invitation.objects.get(pk=invitation.pk)
        self.assertEqual((stored.code, stored.token), (code, token))

    def test_codes_and_tokens_differ(self):
        first = invitation_create(inviter=self.fay)
        second = invitation_create(inviter=self.fay)
        self.assertNotEqual(first.code, second.code)
        self.assertNotEqual(first.token, second.token)
        self.assertNotEqual(first.code_hash, second.code_hash)

    def test_a_new_invitation_revokes_the_previous_one(self):
        old = self.world.dan_invitation
        self.client.force_login(self.dan)
        response = self.client.post(self.url)
        self.assertRedirects(response, reverse("couples:pairing"))
        old.refresh_from_db()
        self.assertIsNotNone(old.revoked_at)
        pending = Invitation.objects.filter(inviter=self.dan, revoked_at=None)
        self.assertEqual(pending.count(), 1)
        self.assertNotEqual(pending.get().pk, old.pk)

    def test_it_leaves_other_peoples_invitations_alone(self):
        invitation_create(inviter=self.fay)
        self.world.dan_invitation.refresh_from_db()
        self.assertIsNone(self.world.dan_invitation.revoked_at)

    def test_a_paired_person_cannot_invite(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, follow=True)
        self.assertRedirects(response, reverse("couples:pairing"))
        self.assertContains(response, "You are already paired.")
        self.assertFalse(Invitation.objects.filter(inviter=self.alice).exists())

    def test_the_service_refuses_a_paired_person(self):
        with self.assertRaises(ServiceError) as raised:
            invitation_create(inviter=self.bob)
        self.assertEqual(raised.exception.code, "already_paired")
        self.assertEqual(raised.exception.status, 409)
        self.assertFalse(Invitation.objects.filter(inviter=self.bob).exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.fay)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_it_requires_login(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertEqual(Invitation.objects.count(), 1)
