from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck
from hearth.empathy.tests.helpers import guessed_check, sent_check, url
from hearth.testing import HearthTestCase, main_of, make_couple, make_person, make_perspective

URL = url("index")


class IndexViewTests(HearthTestCase):
    def listed(self, response) -> list:
        return [view.check.pk for view in response.context["views"]]

    def states(self, response) -> dict:
        return {view.check.pk: view.state for view in response.context["views"]}

    def test_it_shows_all_of_mine(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        draft, sent = self.world.alice_perspective_draft, self.world.alice_perspective
        self.assertEqual(self.listed(response), [draft.pk, sent.pk])
        self.assertEqual(self.states(response), {draft.pk: "draft", sent.pk: "waiting"})
        self.assertContains(response, "kept for later")
        self.assertContains(response, "waiting for a guess")
        self.assertContains(response, escape("Alice's draft situation"))
        self.assertEqual(response.context["to_guess"], [])
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_shows_the_partners_sent_checks_to_guess(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        sent = self.world.alice_perspective
        self.assertEqual(self.listed(response), [sent.pk])
        self.assertEqual(self.states(response), {sent.pk: "to_guess"})
        self.assertEqual([c.pk for c in response.context["to_guess"]], [sent.pk])
        main = main_of(response)
        self.assertIn("Alice shared a situation", main)
        self.assertIn("Guess how they felt", main)
        self.assertIn(url("detail", sent), main)
        self.assertNotIn("draft situation", main)
        self.assertNotIn("(4/5)", main)
        self.assertNotIn("hurt", main)
        self.assertIsNone(PerspectiveCheck.objects.get(pk=sent.pk).guessed_at)

    def test_it_shows_how_close_a_guess_came_without_a_grade(self):
        check = guessed_check(self.alice, self.bob, "The trip", {"hurt": 4, "tired": 2}, {"sad": 1})
        for person in (self.alice, self.bob):
            self.client.force_login(person)
            response = self.client.get(URL)
            self.assertEqual(self.states(response)[check.pk], "revealed")
            main = main_of(response)
            # "sad" is in the same family as "tired".
            self.assertIn("0 of 2 feelings guessed word for word, 1 close.", main)
            self.assertIn("talked through", main)
            self.assertNotIn("%", main)
            self.assertNotIn("percent", main)
            self.assertNotIn("0.25", main)
        self.assertEqual(PerspectiveCheck.objects.get(pk=check.pk).overlap, 0.25)

    def test_it_shows_nothing_of_other_couples(self):
        for person in (self.carol, self.erin, self.dan):
            self.client.force_login(person)
            response = self.client.get(URL)
            self.assertEqual(self.listed(response), [])
            self.assertEqual(response.context["to_guess"], [])
            self.assertNotIn("Alice", main_of(response))
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_invites_someone_on_their_own_to_prepare_one(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        self.assertIn("You can prepare one now and send it once you're paired.", main_of(response))
        self.assertContains(response, url("new"))
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(URL), "You can prepare one now")

    def test_after_unpairing_bob_sees_nothing_and_alice_sees_hers_as_earlier(self):
        couple_unpair(user=self.alice)
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertEqual(self.listed(response), [])
        self.assertEqual(response.context["to_guess"], [])
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        sent = self.world.alice_perspective
        self.assertEqual(self.states(response)[sent.pk], "earlier")
        self.assertContains(response, "from an earlier pairing")
        self.assertEqual(PerspectiveCheck.objects.count(), 2)

    def test_it_pages_with_before(self):
        pat = make_person("Pat")
        made = [make_perspective(pat, f"Situation {n}") for n in range(21)]
        self.client.force_login(pat)
        first = self.client.get(URL)
        self.assertEqual(self.listed(first), [c.pk for c in reversed(made[1:])])
        cursor = first.context["next_before"]
        self.assertEqual(cursor, made[1].public_id)
        self.assertContains(first, f'href="?before={cursor}"')
        second = self.client.get(URL, {"before": str(cursor)})
        self.assertEqual(self.listed(second), [made[0].pk])
        self.assertIsNone(second.context["next_before"])
        self.assertNotContains(second, "?before=")
        self.assertEqual(PerspectiveCheck.objects.filter(author=pat).count(), 21)

    def test_it_ignores_a_malformed_or_unknown_before(self):
        self.client.force_login(self.alice)
        for raw in ("yesterday", "1234", str(self.world.alice_perspective.public_id)[:-1] + "x"):
            response = self.client.get(URL, {"before": raw})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(len(self.listed(response)), 2)

    def test_its_query_count_does_not_grow_with_history(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        make_couple(pat, sam)
        guessed_check(pat, sam, "First", {"hurt": 2}, {"sad": 2})
        self.client.force_login(sam)
        with CaptureQueriesContext(connection) as short:
            self.client.get(URL)
        for n in range(8):
            guessed_check(pat, sam, f"Later {n}", {"hurt": 2, "tired": 3}, {"sad": 2})
            sent_check(pat, f"Unguessed {n}", {"calm": 1})
        with CaptureQueriesContext(connection) as long:
            response = self.client.get(URL)
        self.assertEqual(len(self.listed(response)), 17)
        self.assertEqual(len(response.context["to_guess"]), 8)
        self.assertEqual(len(long), len(short), [q["sql"] for q in long.captured_queries])

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(PerspectiveCheck.objects.count(), 2)
