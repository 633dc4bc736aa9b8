import re

from django.core import mail

from hearth.testing import PASSWORD, HearthTestCase

URL = "/accounts/password/reset/"
NEW = "a brand new long passphrase 7"


class PasswordResetTests(HearthTestCase):
    def test_it_shows_the_form(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="email"')
        self.assertEqual(mail.outbox, [])

    def test_it_sends_a_link_to_a_known_email(self):
        response = self.client.post(URL, {"email": "alice@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/done/")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["alice@example.org"])
        self.assertIn("/accounts/password/reset/key/", mail.outbox[0].body)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(PASSWORD))

    def test_it_answers_an_unknown_email_like_a_known_one(self):
        known = self.client.post(URL, {"email": "alice@example.org"}, follow=True)
        unknown = self.client.post(URL, {"email": "nobody@example.org"}, follow=True)
        self.assertEqual(unknown.redirect_chain, known.redirect_chain)
        self.assertEqual(unknown.status_code, 200)
        self.assertEqual(
            unknown.content.decode().split("<main")[1].split("</main>")[0],
            known.content.decode().split("<main")[1].split("</main>")[0],
        )

    def test_it_sends_nothing_to_an_unknown_email(self):
        response = self.client.post(URL, {"email": "nobody@example.org"})
        self.assertRedirects(response, "/accounts/password/reset/done/")
        self.assertEqual([m.to for m in mail.outbox], [])

    def test_the_link_sets_a_new_password(self):
        self.client.post(URL, {"email": "alice@example.org"})
        link = re.search(
            r"https?://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body
        )
        # The key is moved into the session and the page redirects to a keyless URL.
        form_page = self.client.get(link.group(1), follow=True)
        self.assertEqual(form_page.status_code, 200)
        self.assertContains(form_page, 'name="password1"')
        response = self.client.post(
            form_page.redirect_chain[-1][0], {"password1": NEW, "password2": NEW}
        )
        self.assertRedirects(
            response, "/accounts/password/reset/key/done/", fetch_redirect_response=False
        )
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW))
