from datetime import timedelta

from django.utils import timezone

from hearth.listening import selectors, services
from hearth.listening.models import Kind, State
from hearth.listening.tests.helpers import ListeningTestCase, url, words


class SessionEndTests(ListeningTestCase):
    """Either partner ends the session; both then see what was heard."""

    def three_pieces(self):
        """One piece landed first time, one after a "not quite", one never landed."""
        self.reflect(text="You felt alone")
        self.got_it()
        self.say(text="Piece two")
        self.reflect(text="You were angry")
        self.not_quite(correction="Not angry: hurt")
        self.reflect(text="You were hurt")
        self.got_it()
        self.pass_floor()
        self.say(self.bob, "Bob's piece")
        self.reflect(self.alice, "You were busy")
        self.not_quite(self.bob)

    def test_it_works(self):
        response = self.post(self.bob, "end")
        self.assertRedirects(response, url("session", self.session), fetch_redirect_response=False)
        session = self.fresh()
        self.assertEqual(session.state, State.ENDED)
        self.assertAlmostEqual(session.ended_at, timezone.now(), delta=timedelta(seconds=10))
        ended = self.session.entries.get(kind=Kind.ENDED)
        self.assertEqual(ended.author, self.bob)
        page = self.client.get(response["Location"])
        self.assertShows(page, "Thank you both for listening.")
        self.assertShows(page, "What you heard from each other")

    def test_either_partner_may_end(self):
        response = self.post(self.alice, "end")
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.fresh().state, State.ENDED)
        self.assertEqual(self.session.entries.get(kind=Kind.ENDED).author, self.alice)

    def test_a_paused_session_can_end(self):
        services.time_out(session=self.session, person=self.alice)
        response = self.post(self.bob, "end")
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_it_counts_what_landed(self):
        self.three_pieces()
        self.end(self.bob)
        view = selectors.session_view(self.fresh(), self.alice)
        self.assertEqual(len(view.pieces), 3)
        self.assertEqual(view.landed_count, 2)
        self.assertEqual(view.landed_first_time, 1)
        self.assertEqual(
            [(p.landed, p.landed_first_time) for p in view.pieces],
            [(True, True), (True, False), (False, False)],
        )
        self.assertEqual(
            [[r.text for r in p.reflections] for p in view.pieces],
            [["You felt alone"], ["You were angry", "You were hurt"], ["You were busy"]],
        )

    def test_the_summary_shows_each_piece_with_who_said_it(self):
        self.three_pieces()
        self.post(self.bob, "end")
        alice = words(self.get_page(self.alice))
        self.assertIn("1 of 3 reflections landed the first time, 2 in the end.", alice)
        self.assertIn("You said · landed first time Alice's piece Heard as: You felt alone", alice)
        self.assertIn(
            "You said · landed Piece two Heard as: You were angry Heard as: You were hurt", alice
        )
        self.assertIn("Bob said Bob's piece Heard as: You were busy", alice)
        bob = words(self.get_page(self.bob))
        self.assertIn("1 of 3 reflections landed the first time, 2 in the end.", bob)
        self.assertIn("Alice said · landed first time Alice's piece", bob)
        self.assertIn("You said Bob's piece", bob)
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_a_piece_the_end_came_before_is_not_counted_as_a_reflection(self):
        self.to_landed()
        self.say(text="Piece two")
        self.end(self.bob)
        alice = words(self.get_page(self.alice))
        self.assertIn("1 of 1 reflection landed the first time.", alice)
        self.assertIn("You said Piece two", alice)
        self.assertNotIn("Piece two Heard as", alice)
        view = selectors.session_view(self.fresh(), self.alice)
        self.assertEqual((len(view.pieces), view.landed_count, view.landed_first_time), (2, 1, 1))

    def test_the_summary_offers_understood_for_the_partners_pieces_only(self):
        self.three_pieces()
        self.end()
        response = self.get_page(self.bob)
        forms = response.content.decode().count('action="/listening/')
        self.assertShows(response, "I understand this better now")
        pieces = self.session.entries.filter(kind=Kind.PIECE).order_by("position")
        for piece in pieces[:2]:
            self.assertContains(response, url("understood", self.session, piece))
        self.assertNotContains(response, url("understood", self.session, pieces[2]))
        # Only the mark forms remain: no step, time-out or end buttons.
        self.assertEqual(forms, 2)
        self.assertNotContains(response, url("end", self.session))

    def test_nothing_said_is_shown_gently(self):
        services.time_out(session=self.session, person=self.alice)
        self.world.alice_piece.delete()
        self.end()
        self.assertShows(self.get_page(self.bob), "Nothing was said in this session.")
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_no_more_moves_after_the_end(self):
        self.end()
        before = self.snapshot()
        moves = {
            "reflect": lambda: self.reflect(self.bob),
            "say": lambda: self.say(self.alice),
            "verdict": lambda: self.got_it(self.alice),
            "pass": lambda: self.pass_floor(self.alice),
            "time-out": lambda: services.time_out(session=self.session, person=self.bob),
            "resume": lambda: services.resume(session=self.session, person=self.bob),
            "end": lambda: self.end(self.bob),
        }
        for name, move in moves.items():
            with self.subTest(move=name):
                self.assertRefused(move, code="ended", status=409)
                self.assertEqual(self.snapshot(), before)
        response = self.post(self.bob, "reflect", {"text": "Too late"})
        self.assertShows(response, "This session has ended.", status=422)
        response = self.post(self.bob, "end")
        self.assertShows(response, "This session has ended.", status=422)
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.post(person, "end")
                self.assertEqual(response.status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_cannot_end_an_old_session(self):
        old = self.world.old_listening
        before = self.snapshot(old)
        self.assertRefused(lambda: self.end(self.dan, session=old), code="not_member", status=404)
        self.assertEqual(self.snapshot(old), before)

    def test_it_rejects_get(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(url("end", self.session)).status_code, 405)
        self.assertEqual(self.snapshot(), before)
