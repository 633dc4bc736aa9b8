import re

from django.urls import reverse

from hearth.listening import services
from hearth.listening.models import Kind, ListeningSession, Phase, State
from hearth.listening.tests.helpers import ListeningTestCase, page_text, url


class PieceSayTests(ListeningTestCase):
    """The speaker says a piece (POST /listening/<id>/say/, services.piece_say)."""

    def pieces(self, session=None):
        return (session or self.session).entries.filter(kind=Kind.PIECE).order_by("position")

    def test_it_works(self):
        self.to_landed()
        response = self.post(self.alice, "say", {"text": "  And I missed you on Tuesday  "})
        self.assertRedirects(response, url("session", self.session))
        piece = self.pieces().last()
        self.assertEqual(piece.text, "And I missed you on Tuesday")
        self.assertEqual((piece.author, piece.floor), (self.alice, self.alice))
        self.assertEqual(piece.couple, self.world.couple)
        self.assertIsNone(piece.piece)
        session = self.fresh()
        self.assertEqual(session.phase, Phase.REFLECTING)
        self.assertEqual(session.speaker, self.alice)
        self.assertEqual(self.pieces().count(), 2)

    def test_it_works_as_the_first_move(self):
        self.end()
        session = services.session_start(starter=self.bob, topic="My week")
        response = self.post(self.bob, "say", {"text": "I was tired"}, session=session)
        self.assertRedirects(response, url("session", session))
        self.assertEqual(self.kinds(session), [Kind.TOPIC, Kind.PIECE])
        self.assertEqual(self.pieces(session).get().text, "I was tired")
        self.assertEqual(self.fresh(session).phase, Phase.REFLECTING)

    def test_it_returns_the_session_to_htmx(self):
        self.to_landed()
        response = self.post(self.alice, "say", {"text": "A new piece"}, htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertContains(response, "A new piece")
        self.assertContains(response, "Bob is listening")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.fresh().phase, Phase.REFLECTING)

    def test_the_listener_sees_the_piece_to_reflect(self):
        self.to_landed()
        self.post(self.alice, "say", {"text": "A new piece"})
        text = page_text(self.get_page(self.bob))
        self.assertIn("Alice said:", text)
        self.assertIn("A new piece", text)
        self.assertIn("Say back what you heard", text)
        self.assertEqual(self.pieces().last().text, "A new piece")

    def test_it_is_the_speakers_move(self):
        self.to_landed()
        before = self.snapshot()
        response = self.post(self.bob, "say", {"text": "Me first"})
        self.assertContains(response, "It&#x27;s the speaker&#x27;s turn", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.say(self.bob, "Me first"), code="not_your_turn", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_out_of_order(self):
        before = self.snapshot()
        response = self.post(self.alice, "say", {"text": "And another thing"})
        self.assertContains(response, "That step isn&#x27;t next.", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.say(self.alice), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_while_waiting_for_the_verdict(self):
        self.reflect()
        before = self.snapshot()
        self.assertRefused(lambda: self.say(self.alice), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_requires_text_apart(self):
        self.to_landed()
        before = self.snapshot()
        response = self.post(self.alice, "say", {"text": "   "})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Please write what you want to say", page_text(response))
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.say(self.alice, ""), code="empty", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_allows_300_characters(self):
        self.to_landed()
        response = self.post(self.alice, "say", {"text": "p" * 300})
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.pieces().last().text, "p" * 300)

    def test_it_explains_when_a_piece_is_too_long(self):
        self.to_landed()
        before = self.snapshot()
        response = self.post(self.alice, "say", {"text": "p" * 301})
        text = page_text(response)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(), before)
        # What was typed stays in the box, so nothing is lost.
        self.assertIn("p" * 301, text)
        # The service's message says the limit, the length, and how to go on.
        errors = re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', text, re.S)
        self.assertTrue(
            any("Shorter pieces are easier to hear" in e for e in errors),
            f"the page shows only {errors}",
        )
        self.assertTrue(any("yours has 301" in e for e in errors), f"the page shows {errors}")

    def test_the_service_explains_a_piece_too_long(self):
        self.to_landed()
        before = self.snapshot()
        error = self.assertRefused(
            lambda: self.say(self.alice, "p" * 301), code="too_long", status=400
        )
        self.assertIn("at most 300 characters; yours has 301", error.message)
        self.assertIn("Shorter pieces are easier to hear", error.message)
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        self.to_landed()
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.post(person, "say", {"text": "Intruding"})
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_cannot_say_in_an_old_session(self):
        old = self.world.old_listening
        ListeningSession.objects.filter(pk=old.pk).update(state=State.ACTIVE, phase="speaking")
        before = self.snapshot(old)
        response = self.post(self.dan, "say", {"text": "Still here"}, session=old)
        # The page answers as for anyone outside the couple: not found.
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.snapshot(old), before)
        self.assertRefused(
            lambda: self.say(self.dan, "Still here", session=old), code="not_member", status=404
        )
        self.assertEqual(self.snapshot(old), before)

    def test_it_requires_login(self):
        self.to_landed()
        before = self.snapshot()
        response = self.client.post(url("say", self.session), {"text": "Anon"})
        self.assertRedirects(
            response,
            f"{reverse('account_login')}?next={url('say', self.session)}",
            fetch_redirect_response=False,
        )
        self.assertEqual(self.snapshot(), before)

    def test_it_rejects_get(self):
        self.to_landed()
        before = self.snapshot()
        self.client.force_login(self.alice)
        response = self.client.get(url("say", self.session))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.snapshot(), before)
