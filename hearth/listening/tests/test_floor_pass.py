from hearth.listening import services
from hearth.listening.models import Kind, Phase
from hearth.listening.tests.helpers import ListeningTestCase, page_text, url


class FloorPassTests(ListeningTestCase):
    """The speaker passes the floor (POST /listening/<id>/pass/)."""

    def test_it_works(self):
        self.to_landed()
        response = self.post(self.alice, "pass")
        self.assertRedirects(response, url("session", self.session))
        session = self.fresh()
        self.assertEqual(session.speaker, self.bob)
        self.assertEqual(session.phase, Phase.SPEAKING)
        passed = self.session.entries.get(kind=Kind.FLOOR_PASSED)
        self.assertEqual(passed.author, self.alice)
        self.assertEqual(passed.floor, self.alice)

    def test_the_roles_swap(self):
        self.to_landed()
        self.post(self.alice, "pass")
        bob_page = page_text(self.get_page(self.bob))
        self.assertIn("You have the floor", bob_page)
        self.assertIn("Alice listens", bob_page)
        self.assertIn("Your turn to speak", bob_page)
        alice_page = page_text(self.get_page(self.alice))
        self.assertIn("Bob has the floor", alice_page)
        self.assertIn("you listen", alice_page)
        self.assertNotIn("Send this piece", alice_page)
        # Bob now speaks and Alice reflects.
        self.say(self.bob, "My turn now")
        self.assertRefused(lambda: self.reflect(self.bob), code="not_your_turn", status=409)
        self.reflect(self.alice, "You said it's your turn")
        piece = self.session.entries.filter(kind=Kind.PIECE).last()
        self.assertEqual((piece.author, piece.floor), (self.bob, self.bob))
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_it_can_pass_before_saying_anything(self):
        self.end()
        session = services.session_start(starter=self.alice, topic="Your week")
        response = self.post(self.alice, "pass", session=session)
        self.assertRedirects(response, url("session", session))
        self.assertEqual(self.fresh(session).speaker, self.bob)
        self.assertEqual(self.kinds(session), [Kind.TOPIC, Kind.FLOOR_PASSED])

    def test_it_returns_the_session_to_htmx(self):
        self.to_landed()
        response = self.post(self.alice, "pass", htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertContains(response, "Bob has the floor")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.fresh().speaker, self.bob)

    def test_it_is_the_speakers_move(self):
        self.to_landed()
        before = self.snapshot()
        response = self.post(self.bob, "pass")
        self.assertContains(response, "It&#x27;s the speaker&#x27;s turn", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.pass_floor(self.bob), code="not_your_turn", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_out_of_order(self):
        before = self.snapshot()
        response = self.post(self.alice, "pass")
        self.assertContains(response, "That step isn&#x27;t next.", status_code=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.pass_floor(), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_is_refused_while_waiting_for_the_verdict(self):
        self.reflect()
        before = self.snapshot()
        response = self.post(self.alice, "pass")
        self.assertContains(response, "That step isn&#x27;t next.", status_code=422)
        self.assertRefused(lambda: self.pass_floor(), code="wrong_step", status=409)
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.fresh().speaker, self.alice)

    def test_it_checks_ownership(self):
        self.to_landed()
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.post(person, "pass")
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_it_rejects_get(self):
        self.to_landed()
        before = self.snapshot()
        self.client.force_login(self.alice)
        response = self.client.get(url("pass", self.session))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.snapshot(), before)
