import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from hearth.accounts.models import User
from hearth.testing import PASSWORD, HearthTestCase


class ConfirmEmailTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.client.post(
            "/accounts/signup/",
            {
                "email": "zoe@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "display_name": "Zoe",
                "timezone": "Europe/Paris",
                "comfort_level": "light",
            },
        )
        self.zoe = User.objects.get(email="zoe@example.org")
        found = re.search(r"https?://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
        self.url = found.group(1)

    def test_get_shows_a_page_and_confirms_nothing(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "zoe@example.org")
        # The page signs the key again, so only the start of the URL is stable.
        self.assertContains(response, 'action="/accounts/confirm-email/')
        self.assertFalse(response.wsgi_request.user.is_authenticated)
        self.assertFalse(EmailAddress.objects.get(user=self.zoe).verified)

    def test_post_confirms_and_logs_in(self):
        response = self.client.post(self.url)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertTrue(EmailAddress.objects.get(user=self.zoe).verified)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.zoe.pk))

        home = self.client.get("/")
        self.assertContains(home, "Hello, Zoe")

    def test_login_works_after_confirmation(self):
        self.client.post(self.url)
        other = Client()
        response = other.post(
            "/accounts/login/", {"login": "zoe@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(other.session["_auth_user_id"], str(self.zoe.pk))

    def test_login_before_confirmation_is_refused(self):
        other = Client()
        response = other.post(
            "/accounts/login/", {"login": "zoe@example.org", "password": PASSWORD}
        )
        self.assertRedirects(response, "/accounts/confirm-email/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", other.session)
        self.assertFalse(EmailAddress.objects.get(user=self.zoe).verified)

    def test_it_rejects_a_tampered_key(self):
        response = self.client.post(self.url[:-3] + "xx/")
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(EmailAddress.objects.get(user=self.zoe).verified)
