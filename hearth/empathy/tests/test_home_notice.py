from django.urls import reverse

from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck
from hearth.empathy.tests.helpers import picker_data, sent_check, url
from hearth.testing import HearthTestCase, main_of

HOME = reverse("home")
NOTICE = "Alice shared a situation"


class HomeNoticeTests(HearthTestCase):
    def home(self, person):
        self.client.force_login(person)
        response = self.client.get(HOME)
        self.assertEqual(response.status_code, 200)
        return main_of(response)

    def test_the_partner_is_asked_to_guess(self):
        main = self.home(self.bob)
        self.assertEqual(main.count(NOTICE), 1)
        self.assertIn("Can you guess how they felt?", main)
        self.assertIn(f'href="{url("detail", self.world.alice_perspective)}">Guess</a>', main)
        self.assertNotIn("(4/5)", main)
        self.assertIsNone(
            PerspectiveCheck.objects.get(pk=self.world.alice_perspective.pk).guessed_at
        )

    def test_each_unguessed_check_has_its_notice(self):
        second = sent_check(self.alice, "Another one", {"calm": 2})
        main = self.home(self.bob)
        self.assertEqual(main.count(NOTICE), 2)
        self.assertIn(url("detail", second), main)

    def test_the_notice_goes_once_guessed(self):
        self.assertIn(NOTICE, self.home(self.bob))
        # Guess through the page with the same browser: the cached home page must refresh.
        response = self.client.post(
            url("guess", self.world.alice_perspective), picker_data({"sad": 2})
        )
        self.assertEqual(response.status_code, 302)
        main = self.home(self.bob)
        self.assertNotIn(NOTICE, main)
        self.assertNotIn(url("detail", self.world.alice_perspective), main)
        self.assertIsNotNone(
            PerspectiveCheck.objects.get(pk=self.world.alice_perspective.pk).guessed_at
        )

    def test_the_sharer_never_sees_it_for_her_own(self):
        main = self.home(self.alice)
        self.assertNotIn("shared a situation", main)
        self.assertNotIn(url("detail", self.world.alice_perspective), main)

    def test_a_draft_makes_no_notice(self):
        PerspectiveCheck.objects.filter(pk=self.world.alice_perspective.pk).delete()
        self.assertNotIn("shared a situation", self.home(self.bob))
        self.assertTrue(PerspectiveCheck.objects.filter(pk=self.world.alice_perspective_draft.pk))

    def test_others_never_see_it(self):
        for person in (self.carol, self.erin, self.dan):
            self.assertNotIn("shared a situation", self.home(person))

    def test_after_unpairing_it_is_gone(self):
        self.assertIn(NOTICE, self.home(self.bob))
        couple_unpair(user=self.alice)
        self.assertNotIn("shared a situation", self.home(self.bob))

    def test_the_practices_card_speaks_to_couples_and_to_people_on_their_own(self):
        main = self.home(self.alice)
        self.assertIn("share a situation and let Bob guess how you felt, or guess theirs", main)
        self.assertIn(url("index"), main)
        main = self.home(self.dan)
        self.assertIn(
            "Prepare a perspective check</a>, for your partner to guess once you're paired", main
        )
        self.assertIn(url("new"), main)
