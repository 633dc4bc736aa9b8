from hearth.listening.models import Kind, Phase
from hearth.listening.tests.helpers import ListeningTestCase, page_text, url


class VerdictGiveTests(ListeningTestCase):
    """The speaker says whether the reflection landed (POST /listening/<id>/verdict/)."""

    def setUp(self):
        super().setUp()
        self.reflect(text="You felt alone")

    def test_it_works(self):
        response = self.post(self.alice, "verdict", {"got_it": "yes"})
        self.assertRedirects(response, url("session", self.session))
        verdict = self.session.entries.get(kind=Kind.GOT_IT)
        self.assertEqual(verdict.author, self.alice)
        self.assertEqual(verdict.piece, self.world.alice_piece)
        self.assertEqual(verdict.text, "")
        session = self.fresh()
        self.assertEqual(session.phase, Phase.LANDED)
        self.assertEqual(session.speaker, self.alice)

    def test_landed_offers_another_piece_or_passing_the_floor(self):
        self.post(self.alice, "verdict", {"got_it": "yes"})
        text = page_text(self.get_page(self.alice))
        self.assertIn("It landed", text)
        self.assertIn("Your turn to speak", text)
        self.assertIn("Pass the floor to Bob", text)
        self.assertEqual(self.fresh().phase, Phase.LANDED)

    def test_not_quite_goes_back_to_the_listener(self):
        response = self.post(
            self.alice, "verdict", {"got_it": "no", "correction": " It was more lonely "}
        )
        self.assertRedirects(response, url("session", self.session))
        verdict = self.session.entries.get(kind=Kind.NOT_QUITE)
        self.assertEqual(verdict.text, "It was more lonely")
        self.assertEqual(verdict.piece, self.world.alice_piece)
        self.assertEqual(verdict.author, self.alice)
        self.assertEqual(self.fresh().phase, Phase.REFLECTING)
        self.assertFalse(self.session.entries.filter(kind=Kind.GOT_IT).exists())

    def test_the_listener_sees_the_correction_and_reflects_again(self):
        self.post(self.alice, "verdict", {"got_it": "no", "correction": "More lonely"})
        text = page_text(self.get_page(self.bob))
        self.assertIn("Not quite; what was missed:", text)
        self.assertIn("More lonely", text)
        self.assertIn("Say back what you heard", text)
        response = self.post(self.bob, "reflect", {"text": "You felt lonely"})
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(
            list(
                self.session.entries.filter(kind=Kind.REFLECTION)
                .order_by("position")
                .values_list("text", "piece")
            ),
            [
                ("You felt alone", self.world.alice_piece.pk),
                ("You felt lonely", self.world.alice_piece.pk),
            ],
        )
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_the_correction_is_optional(self):
        response = self.post(self.alice, "verdict", {"got_it": "no"})
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.session.entries.get(kind=Kind.NOT_QUITE).text, "")
        self.assertEqual(self.fresh().phase, Phase.REFLECTING)
        self.assertIn("Not quite yet. Try again.", page_text(self.get_page(self.bob)))

    def test_it_returns_the_session_to_htmx(self):
        response = self.post(self.alice, "verdict", {"got_it": "yes"}, htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertContains(response, "It landed")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.fresh().phase, Phase.LANDED)

    def test_it_requires_a_verdict(self):
        before = self.snapshot()
        response = self.post(self.alice, "verdict", {"correction": "Hmm"})
        self.assertEqual(self.snapshot(), before)
        self.assertShows(response, "Say whether it landed.", status=422)

    def test_it_refuses_a_correction_over_300(self):
        before = self.snapshot()
        response = self.post(self.alice, "verdict", {"got_it": "no", "correction": "c" * 301})
        self.assertEqual(response.status_code, 422)
        self.assertIn("at most 300 characters", page_text(response))
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(
            lambda: self.not_quite(self.alice, "c" * 301), code="too_long", status=400
        )
        self.assertEqual(self.snapshot(), before)

    def test_it_is_the_speakers_move(self):
        before = self.snapshot()
        response = self.post(self.bob, "verdict", {"got_it": "yes"})
        self.assertContains(response, "It&#x27;s the speaker&#x27;s turn", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.got_it(self.bob), code="not_your_turn", status=409)
        self.assertRefused(lambda: self.not_quite(self.bob), code="not_your_turn", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_out_of_order(self):
        self.got_it()
        before = self.snapshot()
        response = self.post(self.alice, "verdict", {"got_it": "yes"})
        self.assertContains(response, "That step isn&#x27;t next.", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.got_it(self.alice), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.post(person, "verdict", {"got_it": "yes"})
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_it_rejects_get(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        response = self.client.get(url("verdict", self.session))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.snapshot(), before)
