from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from hearth.content import catalog
from hearth.core.tests.html import tags
from hearth.couples.services import couple_unpair
from hearth.practices.activities import BY_PRACTICE
from hearth.testing import HearthTestCase, main_of


def url(key: str) -> str:
    return reverse("practices:guide", args=[key])


def links(response) -> set[str]:
    return {a["href"] for a in tags(main_of(response), "a") if "href" in a}


class PracticeGuideTests(HearthTestCase):
    def test_every_practice_has_a_guide_anyone_can_read(self):
        for practice in catalog.practices:
            response = self.client.get(url(practice.key))
            self.assertEqual(response.status_code, 200, practice.key)
            guide = catalog.practice_guide_by_key[practice.key]
            main = main_of(response)
            self.assertIn(escape(practice.name), main)
            self.assertIn(f"Practice {practice.number} of 10", main)
            self.assertIn(escape(guide.intro), main)
            self.assertIn(escape(guide.why), main)
            self.assertEqual(len(guide.try_alone), 3)
            self.assertEqual(len(guide.try_together), 3)
            for idea in guide.try_alone + guide.try_together:
                self.assertIn(f"<li>{escape(idea)}</li>", main, practice.key)
            self.assertIn("Things to try on your own", main)
            self.assertIn("Things to try together", main)
            self.assertNotIn("In Hearth", main)  # nothing to do without an account
            self.assertIn(reverse("practices:index"), links(response))

    def test_unknown_practices_give_404(self):
        for key in ("gardening", "EMPATHY", "empathy-x", "open_communication_", "1"):
            response = self.client.get(url(key))
            self.assertEqual(response.status_code, 404, key)
        for raw in ("a%20b", "%3Cscript%3E", "empathy/extra"):
            self.assertEqual(self.client.get(f"/practices/{raw}/").status_code, 404, raw)

    def test_someone_on_their_own_is_offered_only_what_works_for_one(self):
        self.client.force_login(self.dan)
        for practice in catalog.practices:
            response = self.client.get(url(practice.key))
            self.assertEqual(response.status_code, 200)
            activities = BY_PRACTICE[practice.key]
            offered = response.context["activities"]
            self.assertEqual(offered, [a for a in activities if a.solo], practice.key)
            found = links(response)
            main = main_of(response)
            for activity in activities:
                if activity.solo:
                    self.assertIn(activity.url, found, (practice.key, activity))
                else:
                    self.assertNotIn(activity.url, found, (practice.key, activity))
                    self.assertIn(escape(activity.label.lower()), main)
            if any(not a.solo for a in activities):
                self.assertIn("Once you're paired:", main)

    def test_listening_is_mentioned_but_not_offered_to_someone_on_their_own(self):
        self.client.force_login(self.dan)
        response = self.client.get(url("active_listening"))
        main = main_of(response)
        self.assertNotIn(reverse("listening:index"), links(response))
        self.assertNotIn("In Hearth", main)
        self.assertIn("Once you're paired: a listening session.", main)

    def test_a_couple_is_offered_everything_for_the_practice(self):
        self.client.force_login(self.alice)
        for practice in catalog.practices:
            response = self.client.get(url(practice.key))
            found = links(response)
            for activity in BY_PRACTICE[practice.key]:
                self.assertIn(activity.url, found, (practice.key, activity))
            self.assertNotIn("Once you're paired", main_of(response))

    def test_after_unpairing_the_offer_is_for_one_again(self):
        couple_unpair(user=self.bob)
        self.client.force_login(self.alice)
        response = self.client.get(url("active_listening"))
        self.assertNotIn(reverse("listening:index"), links(response))

    def test_it_costs_the_same_queries_for_every_practice(self):
        self.client.force_login(self.alice)
        counts = set()
        for practice in catalog.practices:
            self.client.get(url(practice.key))
            with CaptureQueriesContext(connection) as queries:
                self.client.get(url(practice.key))
            counts.add(len(queries))
        self.assertEqual(len(counts), 1, counts)

    def test_it_rejects_other_methods(self):
        for method in ("post", "put", "delete"):
            self.assertEqual(getattr(self.client, method)(url("empathy")).status_code, 405)
