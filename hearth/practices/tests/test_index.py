from django.urls import reverse
from django.utils.html import escape

from hearth.content import catalog
from hearth.core.tests.html import tags
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, main_of

URL = reverse("practices:index")
FOR_TWO = ("listening:index", "deeptalk:index", "stateofus:index")
FOR_ONE = ("empathy:index", "appreciation:index", "coach:check")


def links(response) -> set[str]:
    return {a["href"] for a in tags(main_of(response), "a") if "href" in a}


class PracticesIndexTests(HearthTestCase):
    def test_anyone_can_read_the_list_of_ten(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "practices/index.html")
        main = main_of(response)
        self.assertEqual(len(catalog.practices), 10)
        for practice in catalog.practices:
            self.assertIn(reverse("practices:guide", args=[practice.key]), links(response))
            self.assertIn(escape(practice.name), main)
            self.assertIn(escape(practice.summary), main)
        self.assertEqual([row[0] for row in response.context["rows"]], list(catalog.practices))
        # Nothing to do without an account: only reading.
        self.assertNotIn("Things to do", main)
        for name in FOR_ONE + FOR_TWO:
            self.assertNotIn(reverse(name), links(response), name)

    def test_someone_on_their_own_is_offered_only_what_works_for_one(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        found = links(response)
        for name in FOR_ONE:
            self.assertIn(reverse(name), found, name)
        for name in FOR_TWO:
            self.assertNotIn(reverse(name), found, name)
        main = main_of(response)
        self.assertIn("open once you're paired", main)
        self.assertIn(reverse("couples:pairing"), found)

    def test_a_couple_is_offered_everything(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        found = links(response)
        for name in FOR_ONE + FOR_TWO:
            self.assertIn(reverse(name), found, name)
        main = main_of(response)
        self.assertIn("let Bob guess how you felt", main)
        self.assertNotIn("open once you're paired", main)

    def test_after_unpairing_the_offer_is_for_one_again(self):
        couple_unpair(user=self.alice)
        self.client.force_login(self.bob)
        found = links(self.client.get(URL))
        for name in FOR_TWO:
            self.assertNotIn(reverse(name), found, name)

    def test_it_rejects_other_methods(self):
        for method in ("post", "put", "delete"):
            self.assertEqual(getattr(self.client, method)(URL).status_code, 405, method)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.post(URL).status_code, 405)
