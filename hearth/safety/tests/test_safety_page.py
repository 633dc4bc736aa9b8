from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from hearth.testing import HearthTestCase

URL = reverse("safety:index")


class SafetyPageTests(HearthTestCase):
    def test_it_works_for_anonymous_visitors(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "safety/index.html")
        self.assertContains(response, "<h1>Safety and privacy</h1>", html=True)
        self.assertNotContains(response, "Log out")

    def test_it_works_for_signed_in_people(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Log out")
        # Nothing about the partner or the couple's content appears here.
        self.assertNotContains(response, "Bob")
        self.assertNotContains(response, self.world.alice_shared_checkin.note)

    def test_it_explains_the_quick_exit_and_its_limits(self):
        response = self.client.get(URL)
        self.assertContains(response, "Leave quickly")
        self.assertContains(response, "<kbd>Esc</kbd> three times")
        self.assertContains(response, "does not erase your browser history")
        self.assertContains(response, "you stay logged in until you log out")
        self.assertContains(response, f'href="{settings.HEARTH_QUICK_EXIT_URL}"')

    def test_it_explains_ending_a_pairing(self):
        response = self.client.get(URL)
        self.assertContains(response, "Ending a pairing")
        self.assertContains(response, "Either partner can end the pairing alone, at once")
        self.assertContains(response, "told only that it ended")

    def test_it_points_to_help_without_claiming_to_be_a_crisis_service(self):
        response = self.client.get(URL)
        self.assertContains(response, "emergency number")
        self.assertContains(response, "is not a crisis service")

    @override_settings(HEARTH_SITE_NAME="Ember")
    def test_it_uses_the_site_name(self):
        response = self.client.get(URL)
        self.assertContains(response, "Ember is not a crisis service")

    def test_it_is_linked_from_every_page(self):
        for path in (reverse("home"), reverse("account_login")):
            with self.subTest(path=path):
                self.assertContains(self.client.get(path), f'href="{URL}"')

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 405)
