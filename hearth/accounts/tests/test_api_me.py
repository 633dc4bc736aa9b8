from django.test import Client

from hearth.accounts.models import User
from hearth.accounts.services import token_create
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase

URL = "/api/me"


class ApiMeTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        _, raw = token_create(user=self.alice, name="tests")
        self.auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def patch(self, body):
        if not isinstance(body, str):
            import json

            body = json.dumps(body)
        return self.client.patch(URL, body, content_type="application/json", **self.auth)

    def assertUnchanged(self):
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Alice")
        self.assertEqual(alice.pronouns, "")
        self.assertEqual(alice.timezone, "Europe/London")
        self.assertEqual(alice.comfort_level, "vulnerable")

    def test_it_works(self):
        response = self.client.get(URL, **self.auth)
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertEqual(doc["id"], str(self.alice.public_id))
        self.assertEqual(doc["email"], "alice@example.org")
        self.assertEqual(doc["display_name"], "Alice")
        self.assertEqual(doc["timezone"], "Europe/London")
        self.assertEqual(doc["comfort_level"], "vulnerable")
        self.assertTrue(doc["paired"])
        self.assertEqual(
            doc["partner"], {"id": str(self.bob.public_id), "display_name": "Bob", "pronouns": ""}
        )
        self.assertNotIn("email", doc["partner"])
        self.assertUnchanged()

    def test_it_shows_a_solo_person_without_partner(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.json()["paired"])
        self.assertIsNone(response.json()["partner"])

    def test_it_forgets_the_former_partner(self):
        couple_unpair(user=self.bob)
        response = self.client.get(URL, **self.auth)
        self.assertFalse(response.json()["paired"])
        self.assertIsNone(response.json()["partner"])

    def test_it_works_with_the_session(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["email"], "bob@example.org")

    def test_it_requires_authentication(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")
        response = self.client.patch(
            URL, {"display_name": "Mallory"}, content_type="application/json"
        )
        self.assertEqual(response.status_code, 401)
        self.assertFalse(User.objects.filter(display_name="Mallory").exists())

    def test_patch_saves_changes(self):
        response = self.patch(
            {
                "display_name": "  Ali   B ",
                "pronouns": "she/her",
                "timezone": "Asia/Tokyo",
                "comfort_level": "light",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["display_name"], "Ali B")
        self.assertEqual(response.json()["timezone"], "Asia/Tokyo")
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Ali B")
        self.assertEqual(alice.pronouns, "she/her")
        self.assertEqual(alice.timezone, "Asia/Tokyo")
        self.assertEqual(alice.comfort_level, "light")

    def test_patch_changes_only_what_is_sent(self):
        response = self.patch({"pronouns": "she/her"})
        self.assertEqual(response.status_code, 200)
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.pronouns, "she/her")
        self.assertEqual(alice.display_name, "Alice")
        self.assertEqual(alice.timezone, "Europe/London")

    def test_patch_cannot_change_the_email(self):
        response = self.patch({"email": "mallory@example.org"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(User.objects.get(pk=self.alice.pk).email, "alice@example.org")

    def test_patch_rejects_an_unknown_time_zone(self):
        for name in ("Mars/Olympus", "", "europe/london"):
            response = self.patch({"timezone": name, "pronouns": "she/her"})
            self.assertEqual(response.status_code, 422, name)
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "timezone")
        # Nothing is saved, not even the valid pronouns sent alongside.
        self.assertUnchanged()

    def test_patch_rejects_a_long_name(self):
        response = self.patch({"display_name": "x" * 41})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "display_name")
        self.assertUnchanged()

    def test_patch_rejects_long_pronouns(self):
        response = self.patch({"pronouns": "p" * 31})
        self.assertEqual(response.status_code, 422)
        self.assertUnchanged()

    def test_patch_rejects_a_blank_name(self):
        for name in ("   ", "\t\n", "\u00a0"):
            response = self.patch({"display_name": name})
            self.assertEqual(response.status_code, 422, repr(name))
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "display_name")
        # U+001C..U+001F are spaces to Python's strip(); the schema's pattern agrees.
        response = self.patch({"display_name": "\x1e"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertUnchanged()

    def test_patch_rejects_an_empty_name(self):
        response = self.patch({"display_name": ""})
        self.assertEqual(response.status_code, 422)
        self.assertUnchanged()

    def test_patch_rejects_an_unknown_comfort_level(self):
        response = self.patch({"comfort_level": "extreme"})
        self.assertEqual(response.status_code, 422)
        self.assertUnchanged()

    def test_patch_rejects_a_nul_character(self):
        response = self.patch('{"display_name": "Al\\u0000ice"}')
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertUnchanged()

    def test_patch_rejects_a_lone_surrogate(self):
        for field in ("display_name", "pronouns", "timezone"):
            response = self.patch(f'{{"{field}": "A\\ud800"}}')
            self.assertEqual(response.status_code, 422, field)
            self.assertEqual(response.json()["errors"][0]["field"], field)
        self.assertUnchanged()

    def test_patch_rejects_malformed_json(self):
        response = self.patch('{"display_name": ')
        self.assertEqual(response.status_code, 400)
        self.assertUnchanged()

    def test_session_writes_need_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.patch(URL, {"pronouns": "she/her"}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "csrf_failed")
        self.assertUnchanged()

    def test_session_writes_work_with_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        client.get("/settings/")
        csrf = client.cookies["hearth_csrf"].value
        response = client.patch(
            URL, {"pronouns": "she/her"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(User.objects.get(pk=self.alice.pk).pronouns, "she/her")
