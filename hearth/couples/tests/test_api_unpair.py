from django.test import Client

from hearth.accounts.services import token_create
from hearth.couples.models import Couple, Membership
from hearth.testing import HearthTestCase

URL = "/api/pairing/unpair"


class ApiUnpairTests(HearthTestCase):
    def post(self, body, user=None):
        _, raw = token_create(user=user or self.alice, name="tests")
        return self.client.post(
            URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )

    def assertStillPaired(self):
        couple = Couple.objects.get(pk=self.world.couple.pk)
        self.assertIsNone(couple.ended_at)
        self.assertEqual(couple.memberships.filter(left_at=None).count(), 2)
        self.assertFalse(Membership.objects.filter(ended_notice_pending=True).exists())

    def test_it_works(self):
        response = self.post({"confirm": True})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"paired": False, "partner": None, "couple": None, "invitation": None},
        )
        couple = Couple.objects.get(pk=self.world.couple.pk)
        self.assertIsNotNone(couple.ended_at)
        self.assertFalse(couple.memberships.filter(left_at=None).exists())
        self.assertFalse(
            Membership.objects.get(couple=couple, user=self.alice).ended_notice_pending
        )
        self.assertTrue(Membership.objects.get(couple=couple, user=self.bob).ended_notice_pending)

    def test_it_requires_confirm_true(self):
        for body in ({"confirm": False}, {}, {"confirm": "yes"}):
            response = self.post(body)
            self.assertEqual(response.status_code, 422, body)
        self.assertStillPaired()

    def test_it_refuses_a_solo_person(self):
        response = self.post({"confirm": True}, user=self.dan)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "not_paired")
        self.assertIsNotNone(Couple.objects.get(pk=self.world.old_couple.pk).ended_at)
        self.assertStillPaired()

    def test_it_requires_authentication(self):
        response = self.client.post(URL, {"confirm": True}, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        self.assertStillPaired()

    def test_the_session_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.post(URL, {"confirm": True}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "csrf_failed")
        self.assertStillPaired()

    def test_the_session_works_with_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        client.get("/settings/pairing/")
        response = client.post(
            URL,
            {"confirm": True},
            content_type="application/json",
            HTTP_X_CSRFTOKEN=client.cookies["hearth_csrf"].value,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(Couple.objects.get(pk=self.world.couple.pk).ended_at)
