from django.urls import reverse

from hearth.couples.models import Couple
from hearth.testing import HearthTestCase


class CoupleSettingsTests(HearthTestCase):
    url = reverse("couples:settings")

    def couple_timezone(self) -> str:
        return Couple.objects.get(pk=self.world.couple.pk).timezone

    def test_it_shows_the_form(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Paired with Bob")
        self.assertContains(response, '<option value="Europe/London" selected>')
        self.assertContains(response, reverse("couples:unpair"))
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_it_works(self):
        self.client.force_login(self.bob)
        response = self.client.post(self.url, {"timezone": "Pacific/Auckland"}, follow=True)
        self.assertRedirects(response, self.url)
        self.assertContains(response, "Saved. Your shared day now follows that time zone.")
        self.assertEqual(self.couple_timezone(), "Pacific/Auckland")
        # The partner sees the same setting; nobody's own time zone changed.
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertContains(response, '<option value="Pacific/Auckland" selected>')
        self.alice.refresh_from_db()
        self.assertEqual(self.alice.timezone, "Europe/London")
        self.assertEqual(
            Couple.objects.get(pk=self.world.other_couple.pk).timezone, "Europe/London"
        )

    def test_it_rejects_an_unknown_time_zone(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"timezone": "Mars/Olympus"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("timezone", response.context["form"].errors)
        self.assertContains(response, "Select a valid choice", status_code=422)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_it_rejects_an_empty_time_zone(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url, {"timezone": ""})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_an_empty_post_is_explained(self):
        self.client.force_login(self.alice)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "This field is required.", status_code=422)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_a_solo_person_sees_the_invite_link(self):
        self.client.force_login(self.dan)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "You're not paired.")
        self.assertContains(response, f'href="{reverse("couples:pairing")}"')
        self.assertNotContains(response, 'name="timezone"')
        self.assertEqual(Couple.objects.get(pk=self.world.old_couple.pk).timezone, "Europe/London")

    def test_a_solo_person_cannot_change_an_old_couple(self):
        self.client.force_login(self.dan)
        response = self.client.post(self.url, {"timezone": "Asia/Tokyo"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Couple.objects.filter(timezone="Asia/Tokyo").exists())

    def test_it_rejects_other_methods(self):
        self.client.force_login(self.alice)
        response = self.client.put(self.url, {"timezone": "Asia/Tokyo"})
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.couple_timezone(), "Europe/London")

    def test_it_requires_login(self):
        response = self.client.post(self.url, {"timezone": "Asia/Tokyo"})
        self.assertRedirects(
            response, f"/accounts/login/?next={self.url}", fetch_redirect_response=False
        )
        self.assertEqual(self.couple_timezone(), "Europe/London")
