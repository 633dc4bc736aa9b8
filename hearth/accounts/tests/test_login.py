from hearth.testing import PASSWORD, HearthTestCase

LOGIN_URL = "/accounts/login/"


def errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].non_field_errors()]


class LoginTests(HearthTestCase):
    def post(self, login, password):
        return self.client.post(LOGIN_URL, {"login": login, "password": password})

    def test_it_shows_the_form(self):
        response = self.client.get(LOGIN_URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="login"')
        self.assertContains(response, 'name="password"')
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_it_works(self):
        response = self.post("alice@example.org", PASSWORD)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))
        self.alice.refresh_from_db()
        self.assertIsNotNone(self.alice.last_login)

    def test_it_ignores_the_case_of_the_email(self):
        response = self.post("ALICE@Example.org", PASSWORD)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.alice.pk))

    def test_wrong_password_and_unknown_email_look_the_same(self):
        wrong = self.post("alice@example.org", "not the password")
        unknown = self.post("nobody@example.org", PASSWORD)

        self.assertEqual(wrong.status_code, 200)
        self.assertEqual(unknown.status_code, 200)
        self.assertEqual(len(errors(wrong)), 1)
        self.assertEqual(errors(wrong), errors(unknown))
        self.assertEqual(list(wrong.context["form"].errors), ["__all__"])
        self.assertEqual(list(unknown.context["form"].errors), ["__all__"])
        self.assertNotIn("_auth_user_id", self.client.session)
        self.alice.refresh_from_db()
        self.assertIsNone(self.alice.last_login)

    def test_it_refuses_after_repeated_failures_for_one_email(self):
        first = self.post("alice@example.org", "wrong 1")
        for attempt in range(2, 6):
            self.post("alice@example.org", f"wrong {attempt}")
        refused = self.post("alice@example.org", PASSWORD)

        self.assertEqual(refused.status_code, 200)
        self.assertNotEqual(errors(refused), errors(first))
        self.assertIn("Too many failed login attempts", errors(refused)[0])
        self.assertNotIn("_auth_user_id", self.client.session)
        self.alice.refresh_from_db()
        self.assertIsNone(self.alice.last_login)

    def test_the_limit_is_per_email(self):
        for attempt in range(5):
            self.post("alice@example.org", f"wrong {attempt}")
        response = self.post("bob@example.org", PASSWORD)
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertEqual(self.client.session["_auth_user_id"], str(self.bob.pk))
