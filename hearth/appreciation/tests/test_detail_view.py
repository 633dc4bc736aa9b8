import uuid

from django.utils.html import escape

from hearth.access import Visibility, forget_couple
from hearth.appreciation.tests.helpers import SCRIPT, fresh, snapshot, url
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, main_of, make_appreciation


class DetailViewTests(HearthTestCase):
    def get(self, person, appreciation):
        self.client.force_login(person)
        return self.client.get(url("detail", appreciation))

    def post(self, person, appreciation, data):
        self.client.force_login(person)
        return self.client.post(url("detail", appreciation), data)

    # Reading

    def test_the_author_gets_a_form_for_a_draft(self):
        draft = self.world.alice_appreciation_draft
        response = self.get(self.alice, draft)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["mine"])
        form = response.context["form"]
        self.assertEqual(form.initial["what"], "Alice's draft thanks")
        main = main_of(response)
        self.assertIn("Kept for later", main)
        self.assertIn("Send to Bob", main)
        self.assertIn("Save the draft", main)
        self.assertIn(url("delete", draft), main)
        self.assertIn(escape("Alice's draft thanks"), main)

    def test_a_solo_author_is_not_offered_to_send(self):
        draft = make_appreciation(self.dan, "Dan's draft", sent=False)
        main = main_of(self.get(self.dan, draft))
        self.assertIn("Save the draft", main)
        self.assertNotIn('value="send"', main)

    def test_the_author_reads_a_sent_one_without_a_form(self):
        sent = self.world.alice_appreciation
        response = self.get(self.alice, sent)
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["form"])
        main = main_of(response)
        self.assertIn("You sent this", main)
        self.assertIn("Alice thanked Bob for the lift", main)
        self.assertIn("and it meant a lot", main)
        self.assertNotIn("<textarea", main)
        self.assertIn(url("delete", sent), main)

    def test_the_partner_reads_a_sent_one(self):
        sent = self.world.alice_appreciation
        response = self.get(self.bob, sent)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.context["mine"])
        main = main_of(response)
        self.assertIn("From Alice", main)
        self.assertIn("Alice thanked Bob for the lift", main)
        self.assertNotIn(url("delete", sent), main)
        self.assertNotIn("<textarea", main)

    def test_nobody_else_sees_it(self):
        for person in (self.bob, self.carol, self.erin, self.dan):
            response = self.get(person, self.world.alice_appreciation_draft)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("draft thanks", response.content.decode())
        for person in (self.carol, self.erin, self.dan):
            response = self.get(person, self.world.alice_appreciation)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("lift", response.content.decode())

    def test_after_unpairing_the_former_partner_gets_404(self):
        couple_unpair(user=self.bob)
        for person in (self.alice, self.bob):
            forget_couple(person)
        self.assertEqual(self.get(self.bob, self.world.alice_appreciation).status_code, 404)
        self.assertEqual(self.get(self.alice, self.world.alice_appreciation).status_code, 200)

    def test_unknown_and_malformed_ids_give_404(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(f"/appreciations/{uuid.uuid4()}/").status_code, 404)
        for raw in ("not-a-uuid", "1234", "%3Cscript%3E"):
            self.assertEqual(self.client.get(f"/appreciations/{raw}/").status_code, 404)

    def test_script_text_is_shown_escaped(self):
        sent = make_appreciation(self.alice, SCRIPT)
        draft = make_appreciation(self.alice, SCRIPT, sent=False)
        for person, appreciation in ((self.alice, sent), (self.bob, sent), (self.alice, draft)):
            main = main_of(self.get(person, appreciation))
            self.assertNotIn("<script>alert", main)
            self.assertNotIn("<b>bold</b>", main)
            self.assertIn("&lt;script&gt;", main)

    # Changing a draft

    def test_the_author_changes_a_draft(self):
        draft = self.world.alice_appreciation_draft
        self.client.force_login(self.alice)
        response = self.client.post(
            url("detail", draft),
            {"what": " Better words ", "meant": "Much", "action": "keep"},
            follow=True,
        )
        self.assertRedirects(response, url("detail", draft))
        self.assertContains(response, "Kept for later. Only you can see it")
        draft = fresh(draft)
        self.assertEqual((draft.what, draft.meant), ("Better words", "Much"))
        self.assertEqual(draft.visibility, Visibility.PRIVATE)
        self.assertIsNone(draft.sent_at)

    def test_the_author_changes_and_sends_a_draft(self):
        draft = self.world.alice_appreciation_draft
        response = self.post(self.alice, draft, {"what": "Sent words", "action": "send"})
        self.assertRedirects(response, url("detail", draft))
        draft = fresh(draft)
        self.assertEqual(draft.what, "Sent words")
        self.assertEqual(draft.visibility, Visibility.SHARED)
        self.assertIsNotNone(draft.sent_at)
        self.assertEqual(self.get(self.bob, draft).status_code, 200)

    def test_a_bad_change_is_refused_and_keeps_the_draft(self):
        draft = self.world.alice_appreciation_draft
        before = snapshot()
        for data in (
            {"what": ""},
            {"what": "   "},
            {"what": "x" * 401},
            {"what": "ok", "meant": "y" * 401},
        ):
            response = self.post(self.alice, draft, data)
            self.assertEqual(response.status_code, 422, data)
            self.assertIn('role="alert"', main_of(response))
        self.assertEqual(snapshot(), before)

    def test_a_solo_author_sending_a_draft_is_told_why_and_nothing_changes(self):
        draft = make_appreciation(self.dan, "Dan's draft", sent=False)
        before = snapshot()
        response = self.post(self.dan, draft, {"what": "Dan's new words", "action": "send"})
        self.assertEqual(response.status_code, 422)
        main = main_of(response)
        self.assertIn('role="alert"', main)
        self.assertIn("once you&#x27;re paired", main)
        self.assertEqual(snapshot(), before)
        self.assertEqual(fresh(draft).what, "Dan's draft")

    def test_a_sent_one_cannot_be_changed(self):
        sent = self.world.alice_appreciation
        before = snapshot()
        for person in (self.alice, self.bob):
            response = self.post(person, sent, {"what": "Rewritten", "action": "keep"})
            self.assertEqual(response.status_code, 409)
            self.assertContains(response, "A sent appreciation stays as it is.", status_code=409)
        self.assertEqual(snapshot(), before)

    def test_others_cannot_post_to_it(self):
        before = snapshot()
        for person in (self.bob, self.carol, self.dan):
            response = self.post(person, self.world.alice_appreciation_draft, {"what": "Mine now"})
            self.assertEqual(response.status_code, 404)
        for person in (self.carol, self.dan):
            response = self.post(person, self.world.alice_appreciation, {"what": "Mine now"})
            self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login_and_rejects_other_methods(self):
        draft = self.world.alice_appreciation_draft
        response = self.client.get(url("detail", draft))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(self.alice)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(url("detail", draft)).status_code, 405)
        self.assertEqual(fresh(draft).what, "Alice's draft thanks")
