from django.test import Client

from hearth.listening import services
from hearth.listening.models import Kind, Mode, Phase, State
from hearth.listening.tests.helpers import ListeningTestCase, url, words

# Each move's view, with the form data a browser sends.
MOVES = {
    "say": {"text": "A piece"},
    "reflect": {"text": "What I heard"},
    "verdict": {"got_it": "yes"},
    "pass": {},
}


class MovesViewsTests(ListeningTestCase):
    """All the move views together: whole conversations, wrong people, wrong steps."""

    def clients(self):
        made = {}
        for person in (self.alice, self.bob):
            made[person.display_name] = Client()
            made[person.display_name].force_login(person)
        return made

    def test_a_whole_conversation_apart(self):
        c = self.clients()
        s = self.session

        def move(who, name, data=None):
            response = c[who].post(url(name, s), data or {})
            self.assertRedirects(response, url("session", s))
            return self.fresh()

        self.assertEqual(move("Bob", "reflect", {"text": "You missed me"}).phase, "confirming")
        session = move("Alice", "verdict", {"got_it": "no", "correction": "Not missed: lonely"})
        self.assertEqual(session.phase, Phase.REFLECTING)
        self.assertEqual(move("Bob", "reflect", {"text": "You were lonely"}).phase, "confirming")
        self.assertEqual(move("Alice", "verdict", {"got_it": "yes"}).phase, Phase.LANDED)
        self.assertEqual(move("Alice", "say", {"text": "And tired"}).phase, "reflecting")
        self.assertEqual(move("Bob", "reflect", {"text": "And tired"}).phase, "confirming")
        self.assertEqual(move("Alice", "verdict", {"got_it": "yes"}).phase, Phase.LANDED)
        session = move("Alice", "pass")
        self.assertEqual((session.speaker, session.phase), (self.bob, Phase.SPEAKING))
        self.assertEqual(move("Bob", "say", {"text": "I was busy"}).phase, "reflecting")
        self.assertEqual(move("Alice", "reflect", {"text": "You were busy"}).phase, "confirming")
        self.assertEqual(move("Bob", "verdict", {"got_it": "yes"}).phase, Phase.LANDED)
        self.assertEqual(move("Alice", "end").state, State.ENDED)
        self.assertEqual(
            self.kinds(),
            [
                Kind.TOPIC,
                Kind.PIECE,
                Kind.REFLECTION,
                Kind.NOT_QUITE,
                Kind.REFLECTION,
                Kind.GOT_IT,
                Kind.PIECE,
                Kind.REFLECTION,
                Kind.GOT_IT,
                Kind.FLOOR_PASSED,
                Kind.PIECE,
                Kind.REFLECTION,
                Kind.GOT_IT,
                Kind.ENDED,
            ],
        )
        page = words(c["Bob"].get(url("session", s)))
        self.assertIn("2 of 3 reflections landed the first time, 3 in the end.", page)

    def test_every_wrong_person_is_refused(self):
        # (what brings the session to the step, who tries, the move that is not theirs)
        steps = [
            (None, self.alice, "reflect"),
            (self.reflect, self.bob, "verdict"),
            (self.got_it, self.bob, "say"),
            (None, self.bob, "pass"),
            (self.pass_floor, self.alice, "say"),
            (lambda: self.say(self.bob, "Bob speaks"), self.bob, "reflect"),
        ]
        for setup, person, name in steps:
            if setup is not None:
                setup()
            before = self.snapshot()
            with self.subTest(move=name, person=person.display_name):
                response = self.post(person, name, MOVES[name], htmx=True)
                self.assertShows(response, "turn for this step.", status=422)
                self.assertContains(
                    response, f'id="session-{self.session.public_id}"', status_code=422
                )
                self.assertNotContains(response, "<html", status_code=422)
                self.assertEqual(self.snapshot(), before)

    def test_every_move_out_of_order_is_refused(self):
        # (what brings the session to the step, who tries, a move that is not for this step)
        steps = [
            (None, self.alice, "say"),
            (None, self.alice, "verdict"),
            (None, self.alice, "pass"),
            (self.reflect, self.bob, "reflect"),
            (None, self.alice, "say"),
            (None, self.alice, "pass"),
            (self.got_it, self.bob, "reflect"),
            (None, self.alice, "verdict"),
        ]
        for setup, person, name in steps:
            if setup is not None:
                setup()
            before = self.snapshot()
            with self.subTest(phase=before[1], move=name):
                response = self.post(person, name, MOVES[name])
                self.assertShows(response, "That step isn't next.", status=422)
                self.assertEqual(self.snapshot(), before)

    def test_together_either_partner_makes_each_move(self):
        self.end()
        session = services.session_start(starter=self.alice, topic="Us", mode=Mode.TOGETHER)
        steps = [
            (self.bob, "say", {"text": ""}, Phase.REFLECTING),
            (self.alice, "reflect", {"text": ""}, Phase.CONFIRMING),
            (self.bob, "verdict", {"got_it": "no"}, Phase.REFLECTING),
            (self.bob, "reflect", {"text": "Heard"}, Phase.CONFIRMING),
            (self.bob, "verdict", {"got_it": "yes"}, Phase.LANDED),
            (self.bob, "pass", {}, Phase.SPEAKING),
        ]
        for person, name, data, phase in steps:
            with self.subTest(move=name, person=person.display_name):
                response = self.post(person, name, data, session=session)
                self.assertRedirects(response, url("session", session))
                self.assertEqual(self.fresh(session).phase, phase)
        self.assertEqual(self.fresh(session).speaker, self.bob)
        piece = session.entries.get(kind=Kind.PIECE)
        self.assertEqual((piece.author, piece.floor, piece.text), (self.bob, self.alice, ""))
        reflections = session.entries.filter(kind=Kind.REFLECTION).order_by("position")
        self.assertEqual([r.author for r in reflections], [self.alice, self.bob])

    def test_together_text_is_still_limited(self):
        self.end()
        session = services.session_start(starter=self.alice, topic="Us", mode=Mode.TOGETHER)
        before = self.snapshot(session)
        response = self.post(self.bob, "say", {"text": "x" * 301}, session=session)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(session), before)

    def test_the_partner_in_another_couple_gets_404_for_every_move(self):
        before = self.snapshot()
        for name in [*MOVES, "time_out", "resume", "end"]:
            for person in (self.carol, self.erin, self.dan):
                with self.subTest(move=name, person=person.display_name):
                    response = self.post(person, name, MOVES.get(name))
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn("Alice's piece", words(response))
        self.assertEqual(self.snapshot(), before)
