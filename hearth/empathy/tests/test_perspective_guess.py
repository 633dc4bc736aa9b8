import re

from hearth.access import Visibility, can_see, visible
from hearth.core.errors import ServiceError
from hearth.empathy.models import PerspectiveFeeling, Role
from hearth.empathy.services import perspective_guess
from hearth.empathy.tests.helpers import choices, fresh, sent_check, stored_feelings, url
from hearth.testing import HearthTestCase, main_of


class PerspectiveGuessTests(HearthTestCase):
    def guess(self, person, check, feelings):
        return perspective_guess(check=fresh(check), guesser=person, feelings=choices(feelings))

    def assertRefused(self, person, check, code, status):
        with self.assertRaises(ServiceError) as caught:
            self.guess(person, check, {"hurt": 3})
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(caught.exception.status, status)
        self.assertIsNone(fresh(check).guessed_at)
        self.assertIsNone(fresh(check).overlap)
        self.assertFalse(PerspectiveFeeling.objects.filter(role=Role.GUESS).exists())

    def test_it_works(self):
        check = self.world.alice_perspective
        self.guess(self.bob, check, {"hurt": 3, "lonely": 2})
        stored = fresh(check)
        self.assertIsNotNone(stored.guessed_at)
        self.assertEqual(stored.overlap, 0.5)  # one of two words, word for word
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 3, "lonely": 2})
        for row in PerspectiveFeeling.objects.filter(perspective=check, role=Role.GUESS):
            self.assertEqual(row.author, self.bob)
            self.assertEqual(row.couple, self.world.couple)
            self.assertEqual(row.visibility, Visibility.SHARED)
        self.assertEqual(stored_feelings(check), {"hurt": 4})

    def test_it_stores_a_close_guess_as_half(self):
        check = self.world.alice_perspective
        self.guess(self.bob, check, {"embarrassed": 3})
        self.assertEqual(fresh(check).overlap, 0.5)

    def test_it_releases_the_sharers_feelings_to_the_guesser(self):
        check = self.world.alice_perspective
        actual = PerspectiveFeeling.objects.get(perspective=check, role=Role.ACTUAL)
        self.assertFalse(can_see(self.bob, actual))
        self.guess(self.bob, check, {"sad": 3})
        self.assertTrue(actual.is_released())
        self.assertTrue(can_see(self.bob, actual))
        self.assertTrue(visible(PerspectiveFeeling.objects.filter(pk=actual.pk), self.bob))
        # The guess is Alice's to see too; strangers and former partners see neither.
        for row in PerspectiveFeeling.objects.filter(perspective=check):
            self.assertTrue(can_see(self.alice, row))
            for person in (self.carol, self.erin, self.dan):
                self.assertFalse(can_see(person, row))

    def test_the_author_cannot_guess(self):
        self.assertRefused(self.alice, self.world.alice_perspective, "own", 403)

    def test_strangers_and_former_partners_cannot_guess(self):
        for person in (self.carol, self.erin, self.dan):
            self.assertRefused(person, self.world.alice_perspective, "not_shared", 404)

    def test_a_draft_cannot_be_guessed(self):
        self.assertRefused(self.bob, self.world.alice_perspective_draft, "not_shared", 404)

    def test_there_is_one_guess_only(self):
        check = self.world.alice_perspective
        self.guess(self.bob, check, {"hurt": 3})
        first = fresh(check)
        with self.assertRaises(ServiceError) as caught:
            self.guess(self.bob, check, {"sad": 5, "lonely": 1})
        self.assertEqual(caught.exception.code, "guessed")
        self.assertEqual(caught.exception.status, 409)
        stored = fresh(check)
        self.assertEqual((stored.guessed_at, stored.overlap), (first.guessed_at, first.overlap))
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 3})

    def test_a_bad_guess_changes_nothing(self):
        check = self.world.alice_perspective
        for feelings, code in (({}, "no_feelings"), ({"hurt": 0}, "range"), ({"x": 3}, "unknown")):
            with self.assertRaises(ServiceError) as caught:
                self.guess(self.bob, check, feelings)
            self.assertEqual(caught.exception.code, code)
        self.assertIsNone(fresh(check).guessed_at)
        self.assertFalse(PerspectiveFeeling.objects.filter(role=Role.GUESS).exists())

    def test_the_reveal_page_shows_both_lists_with_the_matches(self):
        check = sent_check(self.alice, "The dinner", {"hurt": 4, "lonely": 2, "tired": 1})
        self.guess(self.bob, check, {"hurt": 3, "sad": 2, "happy": 1})
        self.client.force_login(self.bob)
        page = self.client.get(url("detail", check))
        self.assertEqual(page.status_code, 200)
        self.assertContains(
            page,
            "You picked up <strong>1 of 3</strong> feelings word for word, "
            "and 1 more in the same family.",
            html=False,
        )
        self.assertContains(page, "Alice felt")
        self.assertContains(page, "You guessed")
        self.assertContains(page, '<li class="match">hurt (4/5)')
        self.assertContains(page, "lonely (2/5)")
        self.assertContains(page, "tired (1/5)")
        self.assertContains(page, '<li class="match">hurt</li>')
        self.assertContains(page, "<li>sad</li>")
        self.assertContains(page, "<li>happy</li>")

        self.client.force_login(self.alice)
        page = self.client.get(url("detail", check))
        self.assertContains(page, "Bob picked up <strong>1 of 3</strong> feelings word for word")
        self.assertContains(page, "You felt")
        self.assertContains(page, "Bob guessed")

    def test_the_reveal_never_shows_a_grade(self):
        check = sent_check(self.alice, "The dinner", {"hurt": 4, "lonely": 2})
        self.guess(self.bob, check, {"hurt": 3, "sad": 2, "happy": 1})
        stored = fresh(check).overlap
        self.assertAlmostEqual(stored, (1 + 0.5) / 3)
        for person in (self.alice, self.bob):
            self.client.force_login(person)
            for name in ("detail", "index"):
                page = self.client.get(url(name, check) if name == "detail" else url(name))
                self.assertEqual(page.status_code, 200)
                text = main_of(page).replace(str(check.public_id), "")
                self.assertIn("1 of 2", text)
                self.assertIsNone(re.search(r"\d\s*(%|percent)", text), (person, name))
                self.assertNotIn("score", text.lower())
                self.assertNotIn("0.5", text)
