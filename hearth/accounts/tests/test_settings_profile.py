from django.urls import reverse

from hearth.accounts.models import User
from hearth.testing import HearthTestCase


class SettingsProfileTests(HearthTestCase):
    url = reverse("accounts:settings")

    def setUp(self):
        super().setUp()
        self.data = {
            "display_name": "Ali",
            "pronouns": "she/her",
            "timezone": "America/New_York",
            "comfort_level": "deeper",
        }

    def assertUnchanged(self):
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Alice")
        self.assertEqual(alice.pronouns, "")
        self.assertEqual(alice.timezone, "Europe/London")
        self.assertEqual(alice.comfort_level, "vulnerable")

    def test_it_shows_the_form(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="display_name"')
        self.assertContains(response, 'value="Alice"')
        self.assertContains(response, '<option value="Europe/London" selected>')
        self.assertContains(response, "alice@example.org")
        self.assertUnchanged()

    def test_it_works(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, self.data)
        self.assertRedirects(response, self.url)
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Ali")
        self.assertEqual(alice.pronouns, "she/her")
        self.assertEqual(alice.timezone, "America/New_York")
        self.assertEqual(alice.comfort_level, "deeper")
        # Nobody else changed.
        self.assertEqual(User.objects.get(pk=self.bob.pk).display_name, "Bob")

    def test_it_tidies_spaces(self):
        self.client.force_login(self.alice)
        data = {**self.data, "display_name": "  Ali   B ", "pronouns": " they /  them "}
        self.client.post(self.url, data)
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Ali B")
        self.assertEqual(alice.pronouns, "they / them")

    def test_it_allows_empty_pronouns(self):
        User.objects.filter(pk=self.alice.pk).update(pronouns="she/her")
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {**self.data, "pronouns": ""})
        self.assertRedirects(response, self.url)
        self.assertEqual(User.objects.get(pk=self.alice.pk).pronouns, "")

    def check_rejected(self, field, value):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {**self.data, field: value})
        self.assertEqual(response.status_code, 422)
        self.assertIn(field, response.context["form"].errors)
        self.assertContains(response, 'class="errorlist', status_code=422)
        self.assertUnchanged()
        return response

    def test_it_rejects_an_unknown_time_zone(self):
        self.check_rejected("timezone", "Mars/Olympus")

    def test_it_rejects_a_time_zone_outside_the_list(self):
        # A real zone name, but not one the form offers.
        self.check_rejected("timezone", "posix/Europe/Paris")

    def test_it_rejects_an_empty_name(self):
        response = self.check_rejected("display_name", "   ")
        self.assertContains(response, "This field is required.", status_code=422)

    def test_it_rejects_a_long_name(self):
        self.check_rejected("display_name", "x" * 41)

    def test_it_accepts_a_name_of_40(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {**self.data, "display_name": "x" * 40})
        self.assertRedirects(response, self.url)
        self.assertEqual(User.objects.get(pk=self.alice.pk).display_name, "x" * 40)

    def test_it_rejects_a_nul_character(self):
        self.check_rejected("display_name", "Al\x00ice")

    def test_it_rejects_long_pronouns(self):
        self.check_rejected("pronouns", "p" * 31)

    def test_it_rejects_an_unknown_comfort_level(self):
        self.check_rejected("comfort_level", "extreme")

    def test_an_empty_post_is_explained(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "This field is required.", status_code=422)
        self.assertUnchanged()

    def test_the_page_shows_the_saved_values_after_an_error(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {**self.data, "timezone": "Nowhere"})
        self.assertEqual(response.status_code, 422)
        # The greeting and menu use the stored profile, not the rejected input.
        self.assertEqual(response.wsgi_request.user.display_name, "Alice")
        self.assertUnchanged()

    def test_it_rejects_other_methods(self):
        self.client.force_login(self.alice)
        response = self.client.delete(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertUnchanged()

    def test_it_requires_login(self):
        response = self.client.post(self.url, self.data)
        self.assertRedirects(
            response, f"/accounts/login/?next={self.url}", fetch_redirect_response=False
        )
        self.assertUnchanged()
