from django.core import mail

from hearth.testing import PASSWORD, HearthTestCase

URL = "/accounts/password/change/"
NEW = "a different long passphrase 42"


class PasswordChangeTests(HearthTestCase):
    def test_it_shows_the_form(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="oldpassword"')
        self.assertContains(response, 'name="password1"')
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_works(self):
        self.client.force_login(self.alice)
        data = {"oldpassword": PASSWORD, "password1": NEW, "password2": NEW}
        response = self.client.post(URL, data)
        self.assertRedirects(response, URL, fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW))
        self.assertFalse(self.alice.check_password(PASSWORD))
        # Still signed in (ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE is off), and told by email.
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))
        self.assertEqual([m.to for m in mail.outbox], [["alice@example.org"]])

    def test_it_checks_the_old_password(self):
        self.client.force_login(self.alice)
        data = {"oldpassword": "not the password", "password1": NEW, "password2": NEW}
        response = self.client.post(URL, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("oldpassword", response.context["form"].errors)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
        self.assertEqual(mail.outbox, [])

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertRedirects(
            response, f"/accounts/login/?next={URL}", fetch_redirect_response=False
        )
        response = self.client.post(URL, {"oldpassword": PASSWORD, "password1": NEW})
        self.assertEqual(response.status_code, 302)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))
