from hearth.testing import HearthTestCase

LOGOUT_URL = "/accounts/logout/"


class LogoutTests(HearthTestCase):
    def test_it_works(self):
        self.client.force_login(self.alice)
        response = self.client.post(LOGOUT_URL)
        self.assertRedirects(response, "/accounts/login/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_get_does_not_log_out(self):
        self.client.force_login(self.alice)
        response = self.client.get(LOGOUT_URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'action="{LOGOUT_URL}"')
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))

    def test_every_page_offers_a_post_form(self):
        self.client.force_login(self.alice)
        response = self.client.get("/")
        self.assertContains(response, f'<form method="post" action="{LOGOUT_URL}"')
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))
