from hearth.listening.models import Kind, Phase
from hearth.listening.tests.helpers import ListeningTestCase, page_text, url


class ReflectionAddTests(ListeningTestCase):
    """The listener says back what they heard (POST /listening/<id>/reflect/)."""

    def reflections(self):
        return self.session.entries.filter(kind=Kind.REFLECTION).order_by("position")

    def test_it_works(self):
        response = self.post(
            self.bob, "reflect", {"text": "  You felt alone  ", "question": "Since when? "}
        )
        self.assertRedirects(response, url("session", self.session))
        reflection = self.reflections().get()
        self.assertEqual(reflection.text, "You felt alone")
        self.assertEqual(reflection.question, "Since when?")
        self.assertEqual(reflection.author, self.bob)
        self.assertEqual(reflection.floor, self.alice)
        self.assertEqual(reflection.piece, self.world.alice_piece)
        session = self.fresh()
        self.assertEqual(session.phase, Phase.CONFIRMING)
        self.assertEqual(session.speaker, self.alice)

    def test_the_question_is_optional(self):
        response = self.post(self.bob, "reflect", {"text": "You felt alone"})
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.reflections().get().question, "")
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_the_speaker_sees_the_reflection_and_question(self):
        self.post(self.bob, "reflect", {"text": "You felt alone", "question": "Since when?"})
        text = page_text(self.get_page(self.alice))
        self.assertIn("Bob heard:", text)
        self.assertIn("You felt alone", text)
        self.assertIn("and asks:", text)
        self.assertIn("Since when?", text)
        self.assertIn("Did it land?", text)
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_it_returns_the_session_to_htmx(self):
        response = self.post(self.bob, "reflect", {"text": "You felt alone"}, htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertContains(response, "Waiting for Alice")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.reflections().get().text, "You felt alone")

    def test_it_is_the_listeners_move(self):
        before = self.snapshot()
        response = self.post(self.alice, "reflect", {"text": "I heard myself"})
        self.assertContains(response, "It&#x27;s the listener&#x27;s turn", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.reflect(self.alice), code="not_your_turn", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_out_of_order(self):
        self.reflect()
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "Again"})
        self.assertContains(response, "That step isn&#x27;t next.", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.reflect(self.bob), code="wrong_step", status=409)
        self.got_it()
        landed = self.snapshot()
        self.assertRefused(lambda: self.reflect(self.bob), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), landed)

    def test_it_requires_text_apart(self):
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "  ", "question": "Why?"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Please write what you heard", page_text(response))
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.reflect(self.bob, ""), code="empty", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_allows_500_characters_and_a_question_of_200(self):
        response = self.post(self.bob, "reflect", {"text": "r" * 500, "question": "q" * 200})
        self.assertRedirects(response, url("session", self.session))
        reflection = self.reflections().get()
        self.assertEqual((reflection.text, reflection.question), ("r" * 500, "q" * 200))

    def test_it_refuses_a_reflection_over_500(self):
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "r" * 501})
        self.assertEqual(response.status_code, 422)
        self.assertIn("at most 500 characters", page_text(response))
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.reflect(self.bob, "r" * 501), code="too_long", status=400)
        self.assertEqual(self.snapshot(), before)

    def test_it_refuses_a_question_over_200(self):
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "Fine", "question": "q" * 201})
        self.assertEqual(response.status_code, 422)
        self.assertIn("at most 200 characters", page_text(response))
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(
            lambda: self.reflect(self.bob, "Fine", question="q" * 201),
            code="too_long",
            status=400,
        )
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.post(person, "reflect", {"text": "Intruding"})
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_cannot_reflect_in_an_old_session(self):
        old = self.world.old_listening
        before = self.snapshot(old)
        self.assertRefused(
            lambda: self.reflect(self.alice, "Late", session=old), code="not_member", status=404
        )
        self.assertEqual(self.snapshot(old), before)

    def test_it_rejects_get(self):
        before = self.snapshot()
        self.client.force_login(self.bob)
        response = self.client.get(url("reflect", self.session))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.snapshot(), before)
