from hearth.listening import services
from hearth.listening.models import Kind, ListeningSession, Mode, State
from hearth.listening.selectors import session_view
from hearth.listening.tests.helpers import ListeningTestCase


class SessionViewTests(ListeningTestCase):
    """selectors.session_view: what each person sees, and whose move it is."""

    def view(self, person, session=None):
        return session_view(self.fresh(session), person)

    def turns(self, session=None) -> dict:
        return {
            person.display_name: (
                self.view(person, session).step,
                self.view(person, session).my_role,
                self.view(person, session).my_turn,
            )
            for person in (self.alice, self.bob)
        }

    def test_it_works(self):
        view = self.view(self.bob)
        self.assertTrue(view.current)
        self.assertEqual(view.topic, "How this week felt")
        self.assertEqual((view.speaker, view.listener), (self.alice, self.bob))
        self.assertEqual(view.last_piece, self.world.alice_piece)
        self.assertIsNone(view.last_reflection)
        self.assertEqual([e.kind for e in view.entries], [Kind.TOPIC, Kind.PIECE])
        self.assertEqual([p.piece for p in view.pieces], [self.world.alice_piece])
        self.assertFalse(view.together)

    def test_it_follows_the_turns_apart(self):
        self.assertEqual(
            self.turns(),
            {"Alice": ("reflect", "speaker", False), "Bob": ("reflect", "listener", True)},
        )
        self.reflect(text="Heard")
        self.assertEqual(
            self.turns(),
            {"Alice": ("confirm", "speaker", True), "Bob": ("confirm", "listener", False)},
        )
        self.assertEqual(self.view(self.alice).last_reflection.text, "Heard")
        self.got_it()
        self.assertEqual(
            self.turns(),
            {"Alice": ("landed", "speaker", True), "Bob": ("landed", "listener", False)},
        )
        self.pass_floor()
        self.assertEqual(
            self.turns(),
            {"Alice": ("say", "listener", False), "Bob": ("say", "speaker", True)},
        )

    def test_together_both_may_move(self):
        self.end()
        session = services.session_start(starter=self.alice, topic="Us", mode=Mode.TOGETHER)
        self.assertEqual(
            self.turns(session),
            {"Alice": ("say", "speaker", True), "Bob": ("say", "listener", True)},
        )
        self.say(self.bob, "", session=session)
        self.assertEqual(
            self.turns(session),
            {"Alice": ("reflect", "speaker", True), "Bob": ("reflect", "listener", True)},
        )
        self.assertTrue(self.view(self.alice, session).together)

    def test_nobody_moves_while_paused_or_ended(self):
        services.time_out(session=self.session, person=self.alice)
        self.assertEqual(
            self.turns(),
            {"Alice": ("paused", "speaker", False), "Bob": ("paused", "listener", False)},
        )
        self.end()
        self.assertEqual(
            self.turns(),
            {"Alice": ("ended", "speaker", False), "Bob": ("ended", "listener", False)},
        )
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_a_former_partner_sees_only_his_words(self):
        view = self.view(self.dan, self.world.old_listening)
        self.assertFalse(view.current)
        self.assertEqual(view.step, "earlier")
        self.assertFalse(view.my_turn)
        self.assertEqual([e.author for e in view.entries], [self.dan, self.dan])
        self.assertEqual(view.topic, "How this week felt")
        self.assertEqual([p.piece for p in view.pieces], [self.world.dan_old_piece])
        self.assertEqual(view.pieces[0].reflections, [])
        self.assertIsNone(view.last_reflection)

    def test_alice_sees_only_her_reflection_in_the_old_session(self):
        view = self.view(self.alice, self.world.old_listening)
        self.assertFalse(view.current)
        self.assertEqual(view.step, "earlier")
        self.assertEqual(view.entries, [self.world.alice_old_reflection])
        self.assertIsNone(view.topic)
        self.assertIsNone(view.last_piece)
        self.assertEqual(view.pieces, [])

    def test_it_counts_pieces_landed(self):
        self.reflect()
        self.not_quite()
        self.reflect()
        self.got_it()
        self.say(text="Second")
        self.reflect()
        self.got_it()
        view = self.view(self.bob)
        self.assertEqual((len(view.pieces), view.landed_count, view.landed_first_time), (2, 2, 1))
        self.assertEqual([p.landed_first_time for p in view.pieces], [False, True])
        self.assertEqual([len(p.corrections) for p in view.pieces], [1, 0])

    def test_understood_marks_are_listed_on_their_piece(self):
        self.to_landed()
        self.end()
        services.understood_mark(
            session=self.session, person=self.bob, piece=self.world.alice_piece
        )
        view = self.view(self.alice)
        self.assertEqual(view.pieces[0].understood_by, [self.bob.pk])
        self.assertEqual(
            ListeningSession.objects.get(pk=self.session.pk)
            .entries.filter(kind=Kind.UNDERSTOOD)
            .count(),
            1,
        )
