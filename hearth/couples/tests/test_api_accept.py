from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from hearth.accounts.services import token_create
from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import couple_pair, invitation_revoke
from hearth.testing import HearthTestCase, make_couple, make_person

URL = "/api/pairing/accept"


class ApiAcceptTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay", timezone="America/Chicago")
        cls.gus = make_person("Gus")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.couples = Couple.objects.count()

    def post(self, body, user=None):
        _, raw = token_create(user=user or self.fay, name="tests")
        return self.client.post(
            URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )

    def assertNothingCreated(self):
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def assertRefused(self, response, status, code):
        self.assertEqual(response.status_code, status)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])
        self.assertNothingCreated()

    def assertPaired(self, response):
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertTrue(doc["paired"])
        self.assertEqual(doc["partner"]["display_name"], "Dan")
        couple = Couple.objects.get(memberships__user=self.fay, memberships__left_at=None)
        self.assertEqual(doc["couple"]["id"], str(couple.public_id))
        self.assertEqual(couple.timezone, "Europe/London")
        self.assertEqual(
            set(couple.memberships.values_list("user_id", flat=True)), {self.dan.pk, self.fay.pk}
        )
        self.assertEqual(Invitation.objects.get(pk=self.invitation.pk).accepted_by, self.fay)

    def test_it_works_with_a_code(self):
        self.assertPaired(self.post({"code": self.invitation.code}))

    def test_it_works_with_a_typed_code(self):
        code = self.invitation.code.lower()
        self.assertPaired(self.post({"code": f"{code[:4]} {code[4:]}"}))

    def test_it_works_with_a_token(self):
        self.assertPaired(self.post({"token": self.invitation.token}))

    def test_it_needs_a_code_or_a_token(self):
        # The schema's anyOf (code or token) is not enforced by validation, so an
        # empty body reaches the view, which refuses it.
        self.assertRefused(self.post({}), 400, "missing")
        self.assertEqual(self.post({}).json()["detail"], "Send the invitation's code or its token.")

    def test_it_rejects_empty_or_blank_values(self):
        for body, fields in (
            ({"code": "", "token": ""}, ["code", "token"]),
            ({"code": ""}, ["code"]),
            ({"token": ""}, ["token"]),
            ({"code": "   "}, ["code"]),
            ({"token": " \t "}, ["token"]),
        ):
            response = self.post(body)
            self.assertRefused(response, 422, "invalid")
            self.assertEqual([e["field"] for e in response.json()["errors"]], fields, body)

    def test_it_rejects_null_values(self):
        response = self.post({"code": None, "token": None})
        self.assertRefused(response, 422, "invalid")
        self.assertEqual([e["field"] for e in response.json()["errors"]], ["code", "token"])
        # Even next to a valid code.
        response = self.post({"code": self.invitation.code, "token": None})
        self.assertRefused(response, 422, "invalid")
        self.assertEqual([e["field"] for e in response.json()["errors"]], ["token"])
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_it_rejects_an_unknown_code(self):
        self.assertRefused(self.post({"code": "ABCD-EFG"}), 404, "not_found")
        self.assertRefused(self.post({"token": "nope"}), 404, "not_found")

    def test_it_rejects_a_long_code(self):
        response = self.post({"code": "A" * 21})
        self.assertEqual(response.status_code, 422)
        self.assertNothingCreated()

    def test_it_rejects_ones_own_invitation(self):
        response = self.post({"code": self.invitation.code}, user=self.dan)
        self.assertRefused(response, 409, "own_invitation")

    def test_it_rejects_a_paired_person(self):
        response = self.post({"token": self.invitation.token}, user=self.alice)
        self.assertRefused(response, 409, "already_paired")
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).accepted_at)

    def test_it_rejects_an_inviter_who_paired_since(self):
        make_couple(self.dan, self.gus)
        self.couples = Couple.objects.count()
        response = self.post({"code": self.invitation.code})
        self.assertRefused(response, 409, "inviter_paired")

    def test_it_rejects_an_expired_invitation(self):
        with time_machine.travel(timezone.now() + timedelta(days=7, seconds=1), tick=False):
            response = self.post({"code": self.invitation.code})
        self.assertRefused(response, 410, "expired")

    def test_it_rejects_a_used_invitation(self):
        couple_pair(invitation=self.invitation, user=self.gus)
        self.couples = Couple.objects.count()
        response = self.post({"code": self.invitation.code})
        self.assertRefused(response, 410, "used")
        self.assertEqual(Invitation.objects.get(pk=self.invitation.pk).accepted_by, self.gus)

    def test_it_rejects_a_revoked_invitation(self):
        invitation_revoke(invitation=self.invitation)
        response = self.post({"token": self.invitation.token})
        self.assertRefused(response, 410, "revoked")

    def test_it_limits_attempts(self):
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.assertEqual(self.post({"code": "ABCDEFGH"}).status_code, 404)
            response = self.post({"code": self.invitation.code})
        self.assertRefused(response, 429, "rate_limited")
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_it_requires_authentication(self):
        response = self.client.post(
            URL, {"code": self.invitation.code}, content_type="application/json"
        )
        self.assertEqual(response.status_code, 401)
        self.assertNothingCreated()

    def test_the_session_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.fay)
        response = client.post(URL, {"code": self.invitation.code}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertNothingCreated()
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)
