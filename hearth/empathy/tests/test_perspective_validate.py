from hearth.access import Visibility, can_see
from hearth.core.errors import ServiceError
from hearth.empathy.models import PerspectiveResponse
from hearth.empathy.services import perspective_guess, perspective_validate
from hearth.empathy.tests.helpers import choices, fresh, url
from hearth.testing import HearthTestCase, main_of


class PerspectiveValidateTests(HearthTestCase):
    def guessed(self):
        return perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices({"hurt": 3}),
        )

    def assertRefused(self, person, check, text, code):
        with self.assertRaises(ServiceError) as caught:
            perspective_validate(check=check, guesser=person, text=text)
        self.assertEqual(caught.exception.code, code)
        self.assertFalse(PerspectiveResponse.objects.exists())
        return caught.exception

    def test_it_works(self):
        check = self.guessed()
        response = perspective_validate(
            check=check, guesser=self.bob, text="  It makes sense: I left you waiting.  "
        )
        stored = PerspectiveResponse.objects.get()
        self.assertEqual(stored.pk, response.pk)
        self.assertEqual(stored.perspective_id, check.pk)
        self.assertEqual(stored.author, self.bob)
        self.assertEqual(stored.couple, self.world.couple)
        self.assertEqual(stored.visibility, Visibility.SHARED)
        self.assertEqual(stored.text, "It makes sense: I left you waiting.")

    def test_the_sharer_sees_it(self):
        check = self.guessed()
        response = perspective_validate(check=check, guesser=self.bob, text="You were alone <b>")
        self.assertTrue(can_see(self.alice, response))
        self.assertFalse(can_see(self.carol, response))
        self.assertFalse(can_see(self.dan, response))
        self.client.force_login(self.alice)
        page = self.client.get(url("detail", check))
        self.assertEqual(page.status_code, 200)
        self.assertIn("Bob says", main_of(page))
        self.assertIn("You were alone &lt;b&gt;", main_of(page))

    def test_it_waits_for_the_guess(self):
        check = fresh(self.world.alice_perspective)
        error = self.assertRefused(self.bob, check, "Too early", "not_guessed")
        self.assertEqual(error.status, 409)

    def test_only_the_guesser_can_write_it(self):
        check = self.guessed()
        self.assertRefused(self.alice, check, "My own words", "not_guessed")
        self.assertRefused(self.carol, check, "A stranger's words", "not_guessed")

    def test_it_requires_text(self):
        check = self.guessed()
        self.assertRefused(self.bob, check, "", "empty")
        self.assertRefused(self.bob, check, "   \n ", "empty")

    def test_it_takes_500_characters_and_no_more(self):
        check = self.guessed()
        error = self.assertRefused(self.bob, check, "y" * 501, "too_long")
        self.assertIn("501", error.message)
        perspective_validate(check=check, guesser=self.bob, text="y" * 500)
        self.assertEqual(len(PerspectiveResponse.objects.get().text), 500)

    def test_writing_again_replaces_it(self):
        check = self.guessed()
        first = perspective_validate(check=check, guesser=self.bob, text="First words")
        second = perspective_validate(check=check, guesser=self.bob, text="Better words")
        stored = PerspectiveResponse.objects.get()
        self.assertEqual(stored.pk, first.pk)
        self.assertEqual(stored.public_id, second.public_id)
        self.assertEqual(stored.text, "Better words")
        self.assertEqual(stored.author, self.bob)
        self.assertGreaterEqual(stored.created_at, first.created_at)
