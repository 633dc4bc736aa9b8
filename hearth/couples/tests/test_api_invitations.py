from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from hearth.accounts.services import token_create
from hearth.couples.models import Invitation
from hearth.couples.services import couple_pair
from hearth.testing import HearthTestCase, make_person

URL = "/api/pairing/invitations"


class ApiInvitationsTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def bearer(self, user) -> dict:
        _, raw = token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def test_create_works(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            response = self.client.post(URL, **self.bearer(self.fay))
        self.assertEqual(response.status_code, 201)
        doc = response.json()
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(doc["id"], str(invitation.public_id))
        self.assertEqual(doc["code"], f"{invitation.code[:4]}-{invitation.code[4:]}")
        self.assertEqual(doc["link"], f"http://testserver/pair/join/{invitation.token}/")
        self.assertEqual(invitation.expires_at, now + timedelta(days=7))
        self.assertTrue(invitation.is_pending)

    def test_create_revokes_the_previous_invitation(self):
        response = self.client.post(URL, **self.bearer(self.dan))
        self.assertEqual(response.status_code, 201)
        old = Invitation.objects.get(pk=self.world.dan_invitation.pk)
        self.assertIsNotNone(old.revoked_at)
        self.assertEqual(Invitation.objects.filter(inviter=self.dan, revoked_at=None).count(), 1)

    def test_create_refuses_a_paired_person(self):
        response = self.client.post(URL, **self.bearer(self.alice))
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "already_paired")
        self.assertFalse(Invitation.objects.filter(inviter=self.alice).exists())

    def test_create_requires_authentication(self):
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 401)
        self.assertEqual(Invitation.objects.count(), 1)

    def test_create_with_the_session_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.fay)
        response = client.post(URL)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_delete_works(self):
        invitation = self.world.dan_invitation
        response = self.client.delete(f"{URL}/{invitation.public_id}", **self.bearer(self.dan))
        self.assertEqual(response.status_code, 204)
        invitation.refresh_from_db()
        self.assertIsNotNone(invitation.revoked_at)
        response = self.client.get("/api/pairing", **self.bearer(self.dan))
        self.assertIsNone(response.json()["invitation"])

    def test_delete_checks_ownership(self):
        invitation = self.world.dan_invitation
        response = self.client.delete(f"{URL}/{invitation.public_id}", **self.bearer(self.fay))
        self.assertEqual(response.status_code, 404)
        invitation.refresh_from_db()
        self.assertIsNone(invitation.revoked_at)

    def test_delete_answers_404_for_an_unknown_id(self):
        response = self.client.delete(
            f"{URL}/00000000-0000-0000-0000-000000000000", **self.bearer(self.dan)
        )
        self.assertEqual(response.status_code, 404)
        self.assertIsNone(Invitation.objects.get(pk=self.world.dan_invitation.pk).revoked_at)

    def test_delete_refuses_an_accepted_invitation(self):
        invitation = self.world.dan_invitation
        couple_pair(invitation=invitation, user=self.fay)
        response = self.client.delete(f"{URL}/{invitation.public_id}", **self.bearer(self.dan))
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "used")
        invitation.refresh_from_db()
        self.assertIsNone(invitation.revoked_at)

    def test_delete_with_the_session_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.dan)
        response = client.delete(f"{URL}/{self.world.dan_invitation.public_id}")
        self.assertEqual(response.status_code, 403)
        self.assertIsNone(Invitation.objects.get(pk=self.world.dan_invitation.pk).revoked_at)
