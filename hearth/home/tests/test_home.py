from django.urls import reverse

from hearth.testing import HearthTestCase


class HomeTests(HearthTestCase):
    def test_it_welcomes_anonymous_visitors(self):
        response = self.client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Create an account")

    def test_it_shows_today_for_a_partner(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Hello, Alice")
        self.assertContains(response, "Bob's check-in")
        self.assertContains(response, "Waiting for Bob")
