from hearth.listening import services
from hearth.listening.models import Kind, ListeningSession, Mode
from hearth.listening.tests.helpers import ListeningTestCase, url


class UnderstoodMarkTests(ListeningTestCase):
    """Marking a piece of the partner's as understood better now."""

    def setUp(self):
        super().setUp()
        self.piece = self.world.alice_piece
        self.to_landed()
        self.pass_floor()
        self.bob_piece = self.say(self.bob, "Bob's piece")
        self.end()

    def marks(self):
        return self.session.entries.filter(kind=Kind.UNDERSTOOD)

    def mark(self, person, piece=None, *, htmx=False):
        return self.post(person, "understood", piece=piece or self.piece, htmx=htmx)

    def test_it_works(self):
        response = self.mark(self.bob)
        self.assertRedirects(response, url("session", self.session))
        mark = self.marks().get()
        self.assertEqual(mark.author, self.bob)
        self.assertEqual(mark.piece, self.piece)
        self.assertEqual(mark.couple, self.world.couple)
        self.assertShows(self.get_page(self.bob), "You understand this better now")

    def test_each_partner_marks_the_others_pieces(self):
        self.mark(self.bob)
        response = self.mark(self.alice, self.bob_piece)
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(
            sorted((m.author.display_name, m.piece.text) for m in self.marks()),
            [("Alice", "Bob's piece"), ("Bob", "Alice's piece")],
        )

    def test_it_returns_the_session_to_htmx(self):
        response = self.mark(self.bob, htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertShows(response, "You understand this better now")
        self.assertNotContains(response, url("understood", self.session, self.piece))
        self.assertNotContains(response, "<html")
        self.assertEqual(self.marks().count(), 1)

    def test_a_second_mark_is_not_duplicated(self):
        self.mark(self.bob)
        response = self.mark(self.bob)
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.marks().count(), 1)
        first = self.marks().get()
        again = services.understood_mark(session=self.session, person=self.bob, piece=self.piece)
        self.assertEqual(again.pk, first.pk)
        self.assertEqual(self.marks().count(), 1)

    def test_it_refuses_my_own_piece(self):
        before = self.snapshot()
        response = self.mark(self.alice)
        self.assertShows(response, "Choose something your partner said.", status=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(
            lambda: services.understood_mark(
                session=self.session, person=self.alice, piece=self.piece
            ),
            code="own",
            status=403,
        )
        self.assertEqual(self.snapshot(), before)

    def test_together_the_floor_says_whose_words_it_was(self):
        # Bob typed it while Alice held the floor: her words, so only Bob may mark it.
        self.session.entries.all().delete()
        ListeningSession.objects.filter(pk=self.session.pk).delete()
        session = services.session_start(starter=self.alice, topic="Us", mode=Mode.TOGETHER)
        typed_by_bob = self.say(self.bob, "Alice's words, typed by Bob", session=session)
        self.end(session=session)
        self.assertEqual((typed_by_bob.author, typed_by_bob.floor), (self.bob, self.alice))
        self.assertRefused(
            lambda: services.understood_mark(
                session=session, person=self.alice, piece=typed_by_bob
            ),
            code="own",
            status=403,
        )
        response = self.post(self.bob, "understood", session=session, piece=typed_by_bob)
        self.assertRedirects(response, url("session", session))
        self.assertEqual(session.entries.get(kind=Kind.UNDERSTOOD).author, self.bob)

    def test_a_piece_of_another_session_is_not_found(self):
        before = self.snapshot()
        other = self.world.old_listening
        response = self.mark(self.bob, self.world.dan_old_piece)
        self.assertEqual(response.status_code, 404)
        response = self.mark(self.alice, self.world.dan_old_piece)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(
            lambda: services.understood_mark(
                session=self.session, person=self.bob, piece=self.world.dan_old_piece
            ),
            code="not_a_piece",
            status=404,
        )
        self.assertEqual(self.snapshot(), before)
        self.assertFalse(other.entries.filter(kind=Kind.UNDERSTOOD).exists())

    def test_only_pieces_can_be_marked(self):
        reflection = self.session.entries.filter(kind=Kind.REFLECTION).get()
        before = self.snapshot()
        response = self.mark(self.alice, reflection)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(
            lambda: services.understood_mark(
                session=self.session, person=self.alice, piece=reflection
            ),
            code="not_a_piece",
            status=404,
        )
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        before = self.snapshot()
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.mark(person).status_code, 404)
                self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_cannot_mark_in_an_old_session(self):
        old = self.world.old_listening
        before = self.snapshot(old)
        response = self.post(self.alice, "understood", session=old, piece=self.world.dan_old_piece)
        self.assertEqual(response.status_code, 404)
        self.assertRefused(
            lambda: services.understood_mark(
                session=old, person=self.alice, piece=self.world.dan_old_piece
            ),
            code="not_member",
            status=404,
        )
        self.assertEqual(self.snapshot(old), before)

    def test_it_rejects_get(self):
        before = self.snapshot()
        self.client.force_login(self.bob)
        response = self.client.get(url("understood", self.session, self.piece))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.snapshot(), before)
