from allauth.account.models import EmailAddress
from django.core import mail

from hearth.accounts.models import User
from hearth.testing import PASSWORD, HearthTestCase

SIGNUP_URL = "/accounts/signup/"


class SignupTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.data = {
            "email": "zoe@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "  Zoe   Q ",
            "pronouns": "she/her",
            "timezone": "Europe/Paris",
            "comfort_level": "deeper",
        }

    def test_it_shows_the_profile_fields(self):
        response = self.client.get(SIGNUP_URL)
        self.assertEqual(response.status_code, 200)
        for name in ("email", "password1", "display_name", "pronouns", "timezone", "comfort_level"):
            self.assertContains(response, f'name="{name}"')
        self.assertEqual(User.objects.count(), 5)

    def test_it_creates_the_person_with_their_profile(self):
        response = self.client.post(SIGNUP_URL, self.data)
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)

        zoe = User.objects.get(email="zoe@example.org")
        self.assertEqual(zoe.display_name, "Zoe Q")
        self.assertEqual(zoe.pronouns, "she/her")
        self.assertEqual(zoe.timezone, "Europe/Paris")
        self.assertEqual(zoe.comfort_level, "deeper")
        self.assertTrue(zoe.check_password(PASSWORD))
        address = EmailAddress.objects.get(user=zoe)
        self.assertEqual(address.email, "zoe@example.org")
        self.assertFalse(address.verified)

    def test_it_sends_a_verification_email(self):
        self.client.post(SIGNUP_URL, self.data)
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        self.assertEqual(message.to, ["zoe@example.org"])
        self.assertIn("/accounts/confirm-email/", message.body)

    def test_it_does_not_log_in_before_verification(self):
        self.client.post(SIGNUP_URL, self.data)
        response = self.client.get("/")
        self.assertFalse(response.wsgi_request.user.is_authenticated)
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertFalse(EmailAddress.objects.get(email="zoe@example.org").verified)

    def test_it_lowercases_the_email(self):
        self.client.post(SIGNUP_URL, {**self.data, "email": "Zoe@Example.ORG"})
        self.assertTrue(User.objects.filter(email="zoe@example.org").exists())
        self.assertFalse(User.objects.filter(email="Zoe@Example.ORG").exists())

    def test_it_answers_an_existing_email_like_a_new_one(self):
        new = self.client.post(SIGNUP_URL, self.data)
        self.client.logout()
        taken = self.client.post(SIGNUP_URL, {**self.data, "email": "alice@example.org"})

        self.assertEqual(taken.status_code, new.status_code)
        self.assertEqual(taken["Location"], new["Location"])
        self.assertEqual(User.objects.filter(email="alice@example.org").count(), 1)
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.display_name, "Alice")
        self.assertEqual(self.alice.timezone, "Europe/London")
        # Only the owner of the address hears about it, and gets no confirmation link.
        self.assertEqual([m.to for m in mail.outbox[1:]], [["alice@example.org"]])
        self.assertNotIn("/accounts/confirm-email/", mail.outbox[1].body)

    def test_it_ignores_case_when_the_email_exists(self):
        response = self.client.post(SIGNUP_URL, {**self.data, "email": "ALICE@example.org"})
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)
        self.assertEqual(User.objects.count(), 5)
        self.assertEqual(User.objects.filter(email__iexact="alice@example.org").count(), 1)

    def test_it_rejects_an_unknown_time_zone(self):
        response = self.client.post(SIGNUP_URL, {**self.data, "timezone": "Mars/Olympus"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("timezone", response.context["form"].errors)
        self.assertFalse(User.objects.filter(email="zoe@example.org").exists())
        self.assertEqual(mail.outbox, [])

    def test_it_rejects_an_empty_name(self):
        response = self.client.post(SIGNUP_URL, {**self.data, "display_name": "   "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("display_name", response.context["form"].errors)
        self.assertFalse(User.objects.filter(email="zoe@example.org").exists())

    def test_it_rejects_an_unknown_comfort_level(self):
        response = self.client.post(SIGNUP_URL, {**self.data, "comfort_level": "extreme"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("comfort_level", response.context["form"].errors)
        self.assertFalse(User.objects.filter(email="zoe@example.org").exists())

    def test_it_rejects_a_short_password(self):
        data = {**self.data, "password1": "short", "password2": "short"}
        response = self.client.post(SIGNUP_URL, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("password1", response.context["form"].errors)
        self.assertFalse(User.objects.filter(email="zoe@example.org").exists())
