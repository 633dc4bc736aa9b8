import uuid

from django.urls import reverse

from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck
from hearth.empathy.services import perspective_guess, perspective_validate
from hearth.empathy.tests.helpers import choices, fresh, stored_feelings, url
from hearth.testing import HearthTestCase, main_of, make_perspective


class DetailViewTests(HearthTestCase):
    def page(self, person, check):
        self.client.force_login(person)
        return self.client.get(url("detail", check))

    def guess(self, feelings=None):
        return perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices(feelings or {"hurt": 2, "tired": 3}),
        )

    def test_the_sharer_sees_her_sealed_feelings_while_waiting(self):
        response = self.page(self.alice, self.world.alice_perspective)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["pv"].state, "waiting")
        main = main_of(response)
        self.assertIn("Your situation", main)
        self.assertIn("Alice&#x27;s situation", main)
        self.assertIn("You felt", main)
        self.assertIn("hurt (4/5)", main)
        self.assertIn("Sealed. Bob sees them after guessing.", main)
        self.assertIn("Delete it for good", main)
        self.assertIsNone(fresh(self.world.alice_perspective).guessed_at)

    def test_the_partner_is_asked_to_guess(self):
        response = self.page(self.bob, self.world.alice_perspective)
        self.assertEqual(response.context["pv"].state, "to_guess")
        self.assertEqual(response.context["pv"].actual, [])
        main = main_of(response)
        self.assertIn("Alice&#x27;s situation", main)
        self.assertIn("How do you think Alice felt?", main)
        self.assertIn(url("guess", self.world.alice_perspective), main)
        self.assertIn("not a test", main)
        self.assertNotIn("(4/5)", main)
        self.assertNotIn("felt</h3>", main)
        self.assertNotIn("Delete it for good", main)

    def test_the_draft_page_can_be_edited_and_sent(self):
        response = self.page(self.alice, self.world.alice_perspective_draft)
        self.assertEqual(response.context["pv"].state, "draft")
        main = main_of(response)
        self.assertIn("Kept for later", main)
        self.assertIn("Only you can see this until you send it.", main)
        self.assertIn("Alice&#x27;s draft situation</textarea>", main)
        self.assertIn('name="feel_happy" id="id_feel_happy" checked', main)
        self.assertIn("Send to Bob", main)
        self.assertIn(url("edit", self.world.alice_perspective_draft), main)

    def test_the_draft_page_shows_the_chosen_intensities(self):
        draft = make_perspective(self.alice, "Strongly felt", feelings={"tired": 5, "low": 1})
        main = main_of(self.page(self.alice, draft))
        tired = main[main.index('name="intensity_tired"') :]
        tired = tired[: tired.index("</select>")]
        self.assertIn('<option value="5" selected>', tired)
        low = main[main.index('name="intensity_low"') :]
        low = low[: low.index("</select>")]
        self.assertIn('<option value="1" selected>', low)
        self.assertEqual(stored_feelings(draft), {"tired": 5, "low": 1})

    def test_a_draft_on_my_own_has_no_send_button(self):
        couple_unpair(user=self.alice)
        response = self.page(self.alice, self.world.alice_perspective_draft)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('value="send"', main_of(response))
        self.assertIn("Save changes", main_of(response))

    def test_the_reveal_for_the_guesser(self):
        self.guess()
        response = self.page(self.bob, self.world.alice_perspective)
        self.assertEqual(response.context["pv"].state, "revealed")
        main = main_of(response)
        self.assertIn("You picked up <strong>1 of 1</strong> feeling word for word.", main)
        self.assertIn('<li class="match">hurt (4/5)', main)
        self.assertIn('<li class="match">hurt</li><li>tired</li>', main)
        self.assertIn("It makes sense you felt hurt, because", main)
        self.assertIn(url("validate", self.world.alice_perspective), main)

    def test_the_reveal_for_the_sharer(self):
        self.guess({"embarrassed": 2})
        response = self.page(self.alice, self.world.alice_perspective)
        main = main_of(response)
        self.assertIn(
            "Bob picked up <strong>0 of 1</strong> feeling word for word, "
            "and 1 more in the same family.",
            main,
        )
        self.assertIn("You felt", main)
        self.assertIn("Bob guessed", main)
        self.assertIn("<li>embarrassed</li>", main)
        self.assertIn("Bob may add a few words about why it makes sense.", main)
        self.assertNotIn(url("validate", self.world.alice_perspective), main)

    def test_both_see_the_response(self):
        check = self.guess()
        perspective_validate(check=check, guesser=self.bob, text="You waited all evening")
        main = main_of(self.page(self.alice, check))
        self.assertIn("Bob says", main)
        self.assertIn("You waited all evening", main)
        main = main_of(self.page(self.bob, check))
        self.assertIn("You said", main)
        self.assertIn("You waited all evening", main)
        self.assertNotIn(url("validate", check), main)

    def test_others_get_404(self):
        for person in (self.carol, self.erin, self.dan):
            for check in (self.world.alice_perspective, self.world.alice_perspective_draft):
                response = self.page(person, check)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Alice", response.content.decode())
        self.assertEqual(self.page(self.bob, self.world.alice_perspective_draft).status_code, 404)

    def test_after_unpairing_bob_gets_404(self):
        self.guess()
        couple_unpair(user=self.bob)
        response = self.page(self.bob, self.world.alice_perspective)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Alice&#x27;s situation", response.content.decode())
        self.assertTrue(PerspectiveCheck.objects.filter(pk=self.world.alice_perspective.pk))

    def test_after_unpairing_alice_sees_her_own_part_only(self):
        check = self.guess({"lonely": 2, "tired": 1})
        perspective_validate(check=check, guesser=self.bob, text="Bob's understanding")
        couple_unpair(user=self.alice)
        response = self.page(self.alice, check)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["pv"].state, "earlier")
        main = main_of(response)
        self.assertIn("From an earlier pairing. Only your own part is kept.", main)
        self.assertIn("Alice&#x27;s situation", main)
        self.assertIn("<li>hurt</li>", main)
        self.assertNotIn("lonely", main)
        self.assertNotIn("tired", main)
        self.assertNotIn("Bob&#x27;s understanding", main)
        self.assertNotIn("picked up", main)

    def test_an_unknown_id_gets_404(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("empathy:detail", args=[uuid.uuid4()]))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get("/perspective/not-a-uuid/").status_code, 404)

    def test_it_requires_login(self):
        response = self.client.get(url("detail", self.world.alice_perspective))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_it_rejects_post(self):
        self.client.force_login(self.bob)
        response = self.client.post(url("detail", self.world.alice_perspective))
        self.assertEqual(response.status_code, 405)
        self.assertIsNone(fresh(self.world.alice_perspective).guessed_at)
