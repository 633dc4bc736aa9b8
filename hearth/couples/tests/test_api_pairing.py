from django.test import Client

from hearth.accounts.services import token_create
from hearth.couples.models import Couple
from hearth.testing import HearthTestCase

URL = "/api/pairing"


class ApiPairingTests(HearthTestCase):
    def bearer(self, user) -> dict:
        _, raw = token_create(user=user, name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def patch(self, user, body):
        return self.client.patch(URL, body, content_type="application/json", **self.bearer(user))

    def couple_timezone(self) -> str:
        return Couple.objects.get(pk=self.world.couple.pk).timezone

    def test_it_shows_the_couple(self):
        response = self.client.get(URL, **self.bearer(self.alice))
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertTrue(doc["paired"])
        self.assertEqual(doc["partner"]["id"], str(self.bob.public_id))
        self.assertEqual(doc["partner"]["display_name"], "Bob")
        self.assertEqual(doc["couple"]["id"], str(self.world.couple.public_id))
        self.assertEqual(doc["couple"]["timezone"], "Europe/London")
        self.assertIsNone(doc["invitation"])

    def test_it_shows_a_solo_persons_invitation(self):
        invitation = self.world.dan_invitation
        response = self.client.get(URL, **self.bearer(self.dan))
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertFalse(doc["paired"])
        self.assertIsNone(doc["partner"])
        self.assertIsNone(doc["couple"])
        self.assertEqual(doc["invitation"]["id"], str(invitation.public_id))
        self.assertEqual(doc["invitation"]["code"], f"{invitation.code[:4]}-{invitation.code[4:]}")
        self.assertEqual(
            doc["invitation"]["link"], f"http://testserver/pair/join/{invitation.token}/"
        )

    def test_it_never_shows_the_old_partner(self):
        response = self.client.get(URL, **self.bearer(self.dan))
        self.assertNotIn(str(self.alice.public_id), response.content.decode())
        self.assertNotIn(str(self.world.old_couple.public_id), response.content.decode())

    def test_it_requires_authentication(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 401)
        response = self.client.patch(
            URL, {"timezone": "Asia/Tokyo"}, content_type="application/json"
        )
        self.assertEqual(response.status_code, 401)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_patch_changes_the_time_zone(self):
        response = self.patch(self.bob, {"timezone": "Asia/Tokyo"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["couple"]["timezone"], "Asia/Tokyo")
        self.assertEqual(self.couple_timezone(), "Asia/Tokyo")
        self.assertEqual(
            Couple.objects.get(pk=self.world.other_couple.pk).timezone, "Europe/London"
        )

    def test_patch_rejects_an_unknown_time_zone(self):
        for name in ("Mars/Olympus", "", "europe/paris", None):
            response = self.patch(self.alice, {"timezone": name})
            self.assertEqual(response.status_code, 422, name)
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "timezone")
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_patch_requires_the_time_zone(self):
        response = self.patch(self.alice, {})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "timezone")
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_patch_rejects_a_long_value(self):
        response = self.patch(self.alice, {"timezone": "A" * 65})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_patch_rejects_a_lone_surrogate(self):
        response = self.patch(self.alice, '{"timezone": "Europe/\\ud800"}')
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_patch_requires_a_couple(self):
        response = self.patch(self.dan, {"timezone": "Asia/Tokyo"})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "not_paired")
        self.assertFalse(Couple.objects.filter(timezone="Asia/Tokyo").exists())

    def test_session_writes_need_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.patch(URL, {"timezone": "Asia/Tokyo"}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.couple_timezone(), "Europe/London")
        # Reads need none.
        self.assertEqual(client.get(URL).status_code, 200)
