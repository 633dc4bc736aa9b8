from django.contrib.messages import get_messages

from hearth.access import Visibility
from hearth.empathy.models import PerspectiveCheck
from hearth.empathy.tests.helpers import form_data, stored_feelings, url
from hearth.testing import HearthTestCase, main_of

URL = url("new")


class NewViewTests(HearthTestCase):
    def post(self, person, data):
        self.client.force_login(person)
        return self.client.post(URL, data)

    def newest(self, person) -> PerspectiveCheck:
        return PerspectiveCheck.objects.filter(author=person).order_by("-created_at", "-pk")[0]

    def test_it_shows_the_form(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        main = main_of(response)
        self.assertIn('name="situation"', main)
        self.assertIn('name="feel_hurt"', main)
        self.assertIn('name="intensity_hurt"', main)
        self.assertIn("Send to Bob", main)
        self.assertIn("Keep it for later", main)
        self.assertIn("Bob will read the situation", main)
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_offers_no_send_button_to_someone_on_their_own(self):
        self.client.force_login(self.dan)
        main = main_of(self.client.get(URL))
        self.assertNotIn('value="send"', main)
        self.assertIn("Keep it for later", main)
        self.assertIn("Your partner will read the situation", main)

    def test_it_keeps_one_for_later(self):
        response = self.post(
            self.alice, form_data("  We cooked together.  ", {"tender": 4, "tired": 2})
        )
        check = self.newest(self.alice)
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(check.situation, "We cooked together.")
        self.assertEqual(check.visibility, Visibility.PRIVATE)
        self.assertIsNone(check.couple)
        self.assertIsNone(check.sent_at)
        self.assertEqual(stored_feelings(check), {"tender": 4, "tired": 2})
        self.assertEqual(
            [str(m) for m in get_messages(response.wsgi_request)],
            ["Kept for later. Only you can see it until you send it."],
        )

    def test_keeping_is_the_default(self):
        data = form_data("No action given", {"calm": 3})
        del data["action"]
        response = self.post(self.alice, data)
        check = self.newest(self.alice)
        self.assertRedirects(response, url("detail", check))
        self.assertIsNone(check.sent_at)

    def test_an_unset_intensity_counts_as_three(self):
        response = self.post(self.alice, {"situation": "Quiet", "feel_calm": "on"})
        check = self.newest(self.alice)
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(stored_feelings(check), {"calm": 3})

    def test_someone_on_their_own_can_prepare_one(self):
        response = self.post(self.dan, form_data("Before we pair", {"hopeful": 5}))
        check = self.newest(self.dan)
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(check.visibility, Visibility.PRIVATE)
        self.assertEqual(stored_feelings(check), {"hopeful": 5})

    def test_it_sends_one(self):
        response = self.post(self.alice, form_data("The phone call", {"hurt": 3}, "send"))
        check = self.newest(self.alice)
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(check.couple, self.world.couple)
        self.assertEqual(check.visibility, Visibility.SHARED)
        self.assertIsNotNone(check.sent_at)
        self.assertEqual(
            [str(m) for m in get_messages(response.wsgi_request)],
            ["Sent. You'll both see the feelings once they've guessed."],
        )
        self.client.force_login(self.bob)
        page = self.client.get(url("detail", check))
        self.assertIn("The phone call", main_of(page))
        self.assertNotIn("(3/5)", main_of(page))

    def test_sending_on_my_own_is_refused_and_stores_nothing(self):
        before = PerspectiveCheck.objects.count()
        response = self.post(self.dan, form_data("Dan's situation", {"lonely": 3}, "send"))
        self.assertEqual(response.status_code, 422)
        self.assertIn(
            "Keep it for now: you can send it once you&#x27;re paired.", main_of(response)
        )
        # The form comes back to be kept instead: a copy saved behind the person's back
        # would be saved a second time when they press "Keep it for later".
        self.assertEqual(PerspectiveCheck.objects.count(), before)

    def test_it_refuses_an_invalid_form(self):
        response = self.post(self.alice, form_data("", {"hurt": 3}))
        self.assertEqual(response.status_code, 422)
        self.assertIn("Describe the situation in a few sentences.", main_of(response))
        response = self.post(self.alice, {"situation": "Something", "action": "keep"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Pick at least one feeling word.", main_of(response))
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_keeps_what_was_typed_when_refused(self):
        data = form_data("Typed here", {"hurt": 9, "tired": 2})
        response = self.post(self.alice, data)
        self.assertEqual(response.status_code, 422)
        main = main_of(response)
        self.assertIn("Typed here</textarea>", main)
        self.assertIn('name="feel_tired" id="id_feel_tired" checked', main)
        self.assertEqual(PerspectiveCheck.objects.filter(author=self.alice).count(), 2)

    def test_it_requires_login(self):
        response = self.client.post(URL, form_data("Anonymous", {"hurt": 3}))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_rejects_put(self):
        self.client.force_login(self.alice)
        response = self.client.put(URL)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(PerspectiveCheck.objects.count(), 2)
