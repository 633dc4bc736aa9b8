"""The pages' POST actions on one check: edit, send, guess, validate, delete."""

from django.contrib.messages import get_messages

from hearth.access import Visibility
from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse, Role
from hearth.empathy.services import perspective_guess
from hearth.empathy.tests.helpers import (
    choices,
    form_data,
    fresh,
    picker_data,
    stored_feelings,
    url,
)
from hearth.testing import HearthTestCase, main_of


class MovesViewsTests(HearthTestCase):
    def post(self, person, name, check, data=None):
        self.client.force_login(person)
        return self.client.post(url(name, check), data or {})

    def messages(self, response) -> list[str]:
        return [str(m) for m in get_messages(response.wsgi_request)]

    def guessed(self):
        return perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices({"hurt": 2}),
        )

    # edit

    def test_edit_works(self):
        draft = self.world.alice_perspective_draft
        response = self.post(self.alice, "edit", draft, form_data("Retold", {"tired": 4}))
        self.assertRedirects(response, url("detail", draft))
        self.assertEqual(fresh(draft).situation, "Retold")
        self.assertEqual(stored_feelings(draft), {"tired": 4})
        self.assertIsNone(fresh(draft).sent_at)
        self.assertEqual(
            self.messages(response), ["Kept for later. Only you can see it until you send it."]
        )

    def test_edit_can_send(self):
        draft = self.world.alice_perspective_draft
        response = self.post(self.alice, "edit", draft, form_data("Retold", {"tired": 4}, "send"))
        self.assertRedirects(response, url("detail", draft))
        stored = fresh(draft)
        self.assertEqual(stored.situation, "Retold")
        self.assertEqual(stored.visibility, Visibility.SHARED)
        self.assertEqual(stored.couple, self.world.couple)

    def test_edit_refuses_a_sent_check(self):
        sent = self.world.alice_perspective
        response = self.post(self.alice, "edit", sent, form_data("Rewritten", {"happy": 1}))
        self.assertEqual(response.status_code, 422)
        self.assertIn("This was already sent, so it can&#x27;t be changed.", main_of(response))
        self.assertEqual(fresh(sent).situation, "Alice's situation")
        self.assertEqual(stored_feelings(sent), {"hurt": 4})

    def test_edit_refuses_an_invalid_form(self):
        draft = self.world.alice_perspective_draft
        response = self.post(self.alice, "edit", draft, {"situation": "Retold", "action": "keep"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Pick at least one feeling word.", main_of(response))
        self.assertEqual(fresh(draft).situation, "Alice's draft situation")
        self.assertEqual(stored_feelings(draft), {"happy": 3})

    def test_edit_checks_ownership(self):
        for person in (self.bob, self.carol, self.dan):
            for check in (self.world.alice_perspective_draft, self.world.alice_perspective):
                response = self.post(person, "edit", check, form_data("Mine now", {"calm": 1}))
                self.assertEqual(response.status_code, 404)
        self.assertEqual(
            fresh(self.world.alice_perspective_draft).situation, "Alice's draft situation"
        )
        self.assertEqual(stored_feelings(self.world.alice_perspective_draft), {"happy": 3})

    def test_edit_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url("edit", self.world.alice_perspective_draft))
        self.assertEqual(response.status_code, 405)

    # send

    def test_send_works(self):
        draft = self.world.alice_perspective_draft
        response = self.post(self.alice, "send", draft)
        self.assertRedirects(response, url("detail", draft))
        stored = fresh(draft)
        self.assertEqual(stored.visibility, Visibility.SHARED)
        self.assertEqual(stored.couple, self.world.couple)
        self.assertIsNotNone(stored.sent_at)
        self.assertEqual(
            self.messages(response), ["Sent. You'll both see the feelings once they've guessed."]
        )

    def test_send_on_my_own_keeps_it(self):
        draft = self.world.alice_perspective_draft
        couple_unpair(user=self.alice)
        response = self.post(self.alice, "send", draft)
        self.assertEqual(response.status_code, 422)
        self.assertIn(
            "Keep it for now: you can send it once you&#x27;re paired.", main_of(response)
        )
        stored = fresh(draft)
        self.assertIsNone(stored.sent_at)
        self.assertEqual(stored.visibility, Visibility.PRIVATE)
        self.assertIsNone(stored.couple)

    def test_sending_twice_is_harmless(self):
        sent = fresh(self.world.alice_perspective)
        response = self.post(self.alice, "send", sent)
        self.assertRedirects(response, url("detail", sent))
        self.assertEqual(fresh(sent).sent_at, sent.sent_at)

    def test_send_checks_ownership(self):
        response = self.post(self.bob, "send", self.world.alice_perspective_draft)
        self.assertEqual(response.status_code, 404)
        self.assertIsNone(fresh(self.world.alice_perspective_draft).sent_at)

    # guess

    def test_guess_works(self):
        check = self.world.alice_perspective
        data = picker_data({"hurt": 5, "lonely": 2})
        response = self.post(self.bob, "guess", check, data)
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 5, "lonely": 2})
        self.assertEqual(fresh(check).overlap, 0.5)
        self.assertIsNotNone(fresh(check).guessed_at)
        page = self.client.get(url("detail", check))
        self.assertIn("hurt (4/5)", main_of(page))

    def test_guess_needs_a_feeling(self):
        check = self.world.alice_perspective
        response = self.post(self.bob, "guess", check, {})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Pick at least one feeling you think they had.", main_of(response))
        self.assertNotIn("(4/5)", main_of(response))
        self.assertIsNone(fresh(check).guessed_at)

    def test_the_sharer_cannot_guess(self):
        check = self.world.alice_perspective
        response = self.post(self.alice, "guess", check, picker_data({"hurt": 4}))
        self.assertEqual(response.status_code, 422)
        self.assertIn("This is your own situation", main_of(response))
        self.assertIsNone(fresh(check).guessed_at)
        self.assertFalse(PerspectiveFeeling.objects.filter(role=Role.GUESS).exists())

    def test_guess_gives_404_to_others(self):
        for person in (self.carol, self.erin, self.dan):
            response = self.post(
                person, "guess", self.world.alice_perspective, picker_data({"hurt": 1})
            )
            self.assertEqual(response.status_code, 404)
        response = self.post(
            self.bob, "guess", self.world.alice_perspective_draft, picker_data({"happy": 3})
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(PerspectiveFeeling.objects.filter(role=Role.GUESS).exists())

    def test_guess_is_once(self):
        check = self.guessed()
        response = self.post(self.bob, "guess", check, picker_data({"sad": 1}))
        self.assertEqual(response.status_code, 422)
        self.assertIn("You&#x27;ve already guessed.", main_of(response))
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 2})

    # validate

    def test_validate_works(self):
        check = self.guessed()
        response = self.post(self.bob, "validate", check, {"text": "You had waited so long."})
        self.assertRedirects(response, url("detail", check))
        stored = PerspectiveResponse.objects.get()
        self.assertEqual((stored.author, stored.text), (self.bob, "You had waited so long."))
        self.client.force_login(self.alice)
        self.assertIn("You had waited so long.", main_of(self.client.get(url("detail", check))))

    def test_validate_waits_for_the_guess(self):
        check = self.world.alice_perspective
        response = self.post(self.bob, "validate", check, {"text": "Too soon"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Guess first", main_of(response))
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_the_sharer_cannot_validate(self):
        check = self.guessed()
        response = self.post(self.alice, "validate", check, {"text": "My own words"})
        self.assertEqual(response.status_code, 422)
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_validate_refuses_empty_or_long_text(self):
        check = self.guessed()
        for text, message in (("", "Write a few words first."), ("z" * 501, "at most 500")):
            response = self.post(self.bob, "validate", check, {"text": text})
            self.assertEqual(response.status_code, 422)
            self.assertIn(message, main_of(response))
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_validate_gives_404_to_others(self):
        check = self.guessed()
        for person in (self.carol, self.dan):
            response = self.post(person, "validate", check, {"text": "Not mine to say"})
            self.assertEqual(response.status_code, 404)
        self.assertFalse(PerspectiveResponse.objects.exists())

    # delete

    def test_delete_works(self):
        check = self.guessed()
        self.post(self.bob, "validate", check, {"text": "I see it"})
        response = self.post(self.alice, "delete", check)
        self.assertRedirects(response, url("index"))
        self.assertEqual(self.messages(response), ["Deleted."])
        self.assertFalse(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=check.pk).exists())
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_delete_checks_ownership(self):
        check = self.guessed()
        for person in (self.bob, self.carol, self.dan):
            self.assertEqual(self.post(person, "delete", check).status_code, 404)
        self.assertTrue(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        self.assertEqual(PerspectiveFeeling.objects.filter(perspective_id=check.pk).count(), 2)

    def test_delete_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url("delete", self.world.alice_perspective))
        self.assertEqual(response.status_code, 405)
        self.assertTrue(PerspectiveCheck.objects.filter(pk=self.world.alice_perspective.pk))

    def test_every_action_requires_login(self):
        for name in ("edit", "send", "guess", "validate", "delete"):
            response = self.client.post(url(name, self.world.alice_perspective_draft))
            self.assertEqual(response.status_code, 302, name)
            self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(PerspectiveCheck.objects.count(), 2)
        self.assertIsNone(fresh(self.world.alice_perspective_draft).sent_at)
