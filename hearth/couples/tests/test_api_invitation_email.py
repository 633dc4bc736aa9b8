"""POST /api/pairing/invitations/{id}/email"""

import uuid
from datetime import timedelta

import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from hearth.couples.models import Invitation
from hearth.couples.services import invitation_create, invitation_respond, invitation_revoke
from hearth.testing import HearthTestCase, make_person

TO = "fay@example.org"


def stored() -> list[tuple]:
    return list(
        Invitation.objects.order_by("pk").values_list("pk", "email", "email_hash", "emailed_at")
    )


class ApiInvitationEmailTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.get(pk=self.world.dan_invitation.pk)

    def email(self, body, person=None, invitation_id=None):
        invitation_id = invitation_id or self.invitation.public_id
        return self.api(
            "post", f"/pairing/invitations/{invitation_id}/email", person or self.dan, body
        )

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])

    def test_it_emails_the_invitation(self):
        now = timezone.now().replace(microsecond=0)  # the API gives milliseconds
        with time_machine.travel(now, tick=False):
            response = self.email({"email": TO})
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertEqual(doc["id"], str(self.invitation.public_id))
        self.assertEqual(timezone.datetime.fromisoformat(doc["emailed_at"]), now)
        self.assertEqual(doc["response"], "")
        self.assertNotIn("email", doc)  # the address is not echoed back
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [TO])
        self.assertIn(doc["link"], mail.outbox[0].body)
        self.assertEqual(doc["link"], f"http://testserver/pair/join/{self.invitation.token}/")
        invitation = Invitation.objects.get(pk=self.invitation.pk)
        self.assertEqual((invitation.email, invitation.emailed_at), (TO, now))

    def test_it_includes_the_message(self):
        self.api(
            "patch",
            f"/pairing/invitations/{self.invitation.public_id}",
            self.dan,
            {"message": "No rush at all"},
        )
        self.assertEqual(self.email({"email": TO}).status_code, 200)
        self.assertIn("No rush at all", mail.outbox[0].body)

    def test_at_most_once_a_week(self):
        start = timezone.now()
        with override_settings(HEARTH_INVITATION_DAYS=30):
            self.invitation = invitation_create(inviter=self.dan)
        with time_machine.travel(start, tick=False):
            self.assertEqual(self.email({"email": TO}).status_code, 200)
        before = stored()
        with time_machine.travel(start + timedelta(days=3), tick=False):
            response = self.email({"email": "other@example.org"})
            self.assertError(response, 429, "too_soon")
            self.assertIn("at most once a week", response.json()["detail"])
            self.assertError(self.email({}), 429, "too_soon")
        self.assertEqual(stored(), before)
        with time_machine.travel(start + timedelta(days=7, seconds=1), tick=False):
            response = self.email({})  # again, to the same address
            self.assertEqual(response.status_code, 200)
        self.assertEqual([m.to for m in mail.outbox], [[TO], [TO]])

    def test_never_after_an_answer(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        self.assertError(self.email({"email": TO}), 409, "answered")
        invitation_respond(invitation=self.invitation, response="declined")
        self.assertError(self.email({"email": TO}), 410, "declined")
        self.assertEqual(mail.outbox, [])

    def test_never_to_an_address_that_declined_lately(self):
        self.assertEqual(self.email({"email": TO}).status_code, 200)
        invitation_respond(invitation=self.invitation, response="declined")
        gus = make_person("Gus")
        other = invitation_create(inviter=gus)
        response = self.email(
            {"email": "Fay@Example.org"}, person=gus, invitation_id=other.public_id
        )
        self.assertError(response, 409, "declined_address")
        self.assertEqual(len(mail.outbox), 1)
        self.assertIsNone(Invitation.objects.get(pk=other.pk).emailed_at)

    def test_it_refuses_bad_input(self):
        before = stored()
        for body, status in (
            ({"email": "not-an-address"}, 400),
            ({"email": ""}, 400),  # nothing sent before, so nowhere to send it again
            ({"email": "   "}, 400),
            ({"email": "a@b.c\nBcc: eve@example.org"}, 400),
            ({"email": "x" * 255}, 422),
            ({"email": 5}, 422),
            ({"email": ["fay@example.org"]}, 422),
            ({"email": None}, 422),
            ({"email": "fay@example.org\x00"}, 422),
        ):
            response = self.email(body)
            self.assertEqual(response.status_code, status, body)
            self.assertIn(response.json()["code"], ("email", "invalid"), body)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(stored(), before)

    def test_only_the_inviter_and_only_open_invitations(self):
        before = stored()
        fay = make_person("Fay")
        self.assertError(self.email({"email": TO}, person=fay), 404, "not_found")
        self.assertError(self.email({"email": TO}, person=self.alice), 404, "not_found")
        self.assertError(self.email({"email": TO}, invitation_id=uuid.uuid4()), 404, "not_found")
        self.assertError(self.email({"email": TO}, invitation_id="nope"), 422, "invalid")
        invitation_revoke(invitation=self.invitation)
        self.assertError(self.email({"email": TO}), 410, "revoked")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            [row for row in stored() if row[0] == self.invitation.pk],
            [row for row in before if row[0] == self.invitation.pk],
        )

    def test_it_requires_authentication_and_csrf_with_the_session(self):
        url = f"/api/pairing/invitations/{self.invitation.public_id}/email"
        response = self.client.post(url, {"email": TO}, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.dan)
        response = client.post(url, {"email": TO}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(mail.outbox, [])
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).emailed_at)

    def test_wrong_methods_are_refused(self):
        url = f"/pairing/invitations/{self.invitation.public_id}/email"
        for method in ("get", "put", "delete"):
            self.assertEqual(self.api(method, url, self.dan).status_code, 405, method)
        self.assertEqual(mail.outbox, [])
