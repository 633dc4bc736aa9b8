"""POST /api/pairing/respond: "not now" or "no, thank you", by code or link token."""

from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone

from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import couple_pair, invitation_respond, invitation_revoke
from hearth.testing import HearthTestCase, make_person

URL = "/pairing/respond"


def stored() -> list[tuple]:
    return list(
        Invitation.objects.order_by("pk").values_list(
            "pk", "response", "responded_at", "accepted_at", "revoked_at"
        )
    )


class ApiInvitationRespondTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.get(pk=self.world.dan_invitation.pk)

    def fresh(self) -> Invitation:
        return Invitation.objects.get(pk=self.invitation.pk)

    def respond(self, body, person=None):
        return self.api("post", URL, person or self.fay, body)

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])

    def test_not_now_by_token(self):
        response = self.respond({"token": self.invitation.token, "response": "not_now"})
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.content, b"")
        invitation = self.fresh()
        self.assertEqual(invitation.response, "not_now")
        self.assertIsNotNone(invitation.responded_at)
        self.assertTrue(invitation.is_pending)
        pairing = self.api("get", "/pairing", self.dan).json()
        self.assertEqual(pairing["invitation"]["response"], "not_now")
        # The link still works: Fay can accept later.
        response = self.api("post", "/pairing/accept", self.fay, {"token": self.invitation.token})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["paired"])

    def test_no_thank_you_by_code(self):
        code = f"{self.invitation.code[:4].lower()}-{self.invitation.code[4:]}"
        response = self.respond({"code": code, "response": "declined"})
        self.assertEqual(response.status_code, 204)
        self.assertEqual(self.fresh().response, "declined")
        couples = Couple.objects.count()
        response = self.api("post", "/pairing/accept", self.fay, {"code": code})
        self.assertError(response, 410, "declined")
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_the_inviter_cannot_answer_their_own_invitation(self):
        before = stored()
        for answer in ("not_now", "declined"):
            response = self.respond(
                {"token": self.invitation.token, "response": answer}, person=self.dan
            )
            self.assertError(response, 409, "own_invitation")
        self.assertEqual(stored(), before)

    def test_it_needs_the_code_or_the_token(self):
        before = stored()
        self.assertError(self.respond({"response": "declined"}), 400, "missing")
        for body in (
            {"code": "", "response": "declined"},
            {"token": "", "response": "declined"},
            {"code": "   ", "response": "declined"},
        ):
            self.assertError(self.respond(body), 422, "invalid")
        self.assertEqual(stored(), before)

    def test_it_refuses_bad_input(self):
        before = stored()
        token = self.invitation.token
        for body in (
            {"token": token},
            {"token": token, "response": ""},
            {"token": token, "response": "maybe"},
            {"token": token, "response": "NOT_NOW"},
            {"token": token, "response": None},
            {"token": token, "response": True},
            {"token": token, "response": ["not_now"]},
            {"token": 5, "response": "not_now"},
            {"token": "x" * 65, "response": "not_now"},
            {"code": "x" * 21, "response": "not_now"},
            {"token": token + "\x00", "response": "not_now"},
            ["not_now"],
            "not_now",
        ):
            response = self.respond(body)
            self.assertError(response, 422, "invalid")
        self.assertEqual(stored(), before)

    def test_unknown_and_closed_invitations_are_refused(self):
        before = stored()
        self.assertError(self.respond({"token": "nope", "response": "declined"}), 404, "not_found")
        self.assertError(self.respond({"code": "ABCD", "response": "declined"}), 404, "not_found")
        self.assertEqual(stored(), before)
        invitation_revoke(invitation=self.invitation)
        before = stored()
        response = self.respond({"token": self.invitation.token, "response": "declined"})
        self.assertError(response, 410, "revoked")
        self.assertEqual(stored(), before)

    def test_an_expired_or_used_invitation_is_refused(self):
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            response = self.respond({"token": self.invitation.token, "response": "not_now"})
        self.assertError(response, 410, "expired")
        couple_pair(invitation=self.invitation, user=make_person("Gus"))
        response = self.respond({"token": self.invitation.token, "response": "not_now"})
        self.assertError(response, 410, "used")
        self.assertEqual(self.fresh().response, "")

    def test_after_no_thank_you_nothing_more_can_be_said(self):
        invitation_respond(invitation=self.invitation, response="declined")
        before = stored()
        response = self.respond({"token": self.invitation.token, "response": "not_now"})
        self.assertError(response, 410, "declined")
        self.assertEqual(stored(), before)

    def test_it_limits_attempts(self):
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.respond({"code": "WRONG-CODE", "response": "declined"})
            response = self.respond({"token": self.invitation.token, "response": "declined"})
        self.assertError(response, 429, "rate_limited")
        self.assertEqual(self.fresh().response, "")

    def test_it_requires_authentication_and_csrf_with_the_session(self):
        body = {"token": self.invitation.token, "response": "declined"}
        response = self.client.post("/api/pairing/respond", body, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.fay)
        response = client.post("/api/pairing/respond", body, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.fresh().response, "")

    def test_wrong_methods_are_refused(self):
        for method in ("get", "put", "delete"):
            self.assertEqual(self.api(method, URL, self.fay).status_code, 405, method)
        self.assertEqual(self.fresh().response, "")
