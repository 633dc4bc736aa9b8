import uuid
from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.content import catalog
from hearth.listening.models import Kind, ListeningSession, Phase, State
from hearth.listening.tests.helpers import ListeningTestCase
from hearth.testing import make_listening, make_listening_entry


class ApiListeningTests(ListeningTestCase):
    """/api/listening: every operation, through HTTP with a token."""

    def call(self, method, path, person, body=None):
        return self.api(method, f"/listening{path}", person, body)

    def move(self, person, action, body=None, session=None):
        session = session or self.session
        return self.call("post", f"/{session.public_id}/{action}", person, body)

    def totals(self, body) -> tuple[int, int, int]:
        """(pieces, landed, landed first time) from a session's totals."""
        totals = body["totals"]
        return totals["pieces"], totals["landed"], totals["landed_first_time"]

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])

    # POST /api/listening

    def test_start_works(self):
        response = self.call(
            "post", "", self.carol, {"topic": " Our move ", "mode": "together", "timer_minutes": 3}
        )
        self.assertEqual(response.status_code, 201)
        body = response.json()
        session = ListeningSession.objects.get(couple=self.world.other_couple)
        self.assertEqual(body["id"], str(session.public_id))
        self.assertEqual(body["mode"], "together")
        self.assertEqual(body["state"], "active")
        self.assertEqual(body["step"], "say")
        self.assertTrue(body["my_turn"])
        self.assertEqual(body["my_role"], "speaker")
        self.assertEqual(body["topic"], "Our move")
        self.assertEqual(body["speaker"]["display_name"], "Carol")
        self.assertEqual(body["listener"]["display_name"], "Erin")
        self.assertEqual(body["timer_minutes"], 3)
        self.assertIsNone(body["resume_after"])
        self.assertEqual(self.totals(body), (0, 0, 0))
        self.assertEqual([e["kind"] for e in body["entries"]], ["topic"])
        self.assertEqual(body["entries"][0]["author"]["id"], str(self.carol.public_id))
        self.assertEqual(
            (session.speaker, session.mode, session.timer_minutes), (self.carol, "together", 3)
        )
        self.assertEqual(session.entries.get().author, self.carol)

    def test_start_defaults_to_apart_without_a_timer(self):
        response = self.call("post", "", self.erin, {"topic": "Us"})
        self.assertEqual(response.status_code, 201)
        self.assertEqual((response.json()["mode"], response.json()["timer_minutes"]), ("apart", 0))
        session = ListeningSession.objects.get(couple=self.world.other_couple)
        self.assertEqual((session.mode, session.speaker), ("apart", self.erin))

    def test_start_needs_a_partner(self):
        before = ListeningSession.objects.count()
        response = self.call("post", "", self.dan, {"topic": "Alone"})
        self.assertError(response, 409, "not_paired")
        self.assertEqual(ListeningSession.objects.count(), before)

    def test_start_allows_one_open_session(self):
        before = ListeningSession.objects.count()
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                response = self.call("post", "", person, {"topic": "Another"})
                self.assertError(response, 409, "already_open")
                self.assertIn("already have a listening session", response.json()["detail"])
        self.assertEqual(ListeningSession.objects.count(), before)

    def test_start_checks_its_input(self):
        bodies = [
            {},
            {"topic": ""},
            {"topic": "   "},
            {"topic": "t" * 201},
            {"topic": "Us", "mode": "loud"},
            {"topic": "Us", "timer_minutes": 4},
            {"topic": "Us", "timer_minutes": "3"},
            {"topic": "Us", "timer_minutes": -1},
        ]
        for body in bodies:
            with self.subTest(body=body):
                self.assertError(self.call("post", "", self.carol, body), 422, "invalid")
        self.assertFalse(ListeningSession.objects.filter(couple=self.world.other_couple).exists())

    def test_start_accepts_200_characters_and_each_timer(self):
        for minutes in (0, 2, 3, 5):
            with self.subTest(minutes=minutes):
                ListeningSession.objects.filter(couple=self.world.other_couple).update(
                    state=State.ENDED
                )
                response = self.call(
                    "post", "", self.carol, {"topic": "t" * 200, "timer_minutes": minutes}
                )
                self.assertEqual(response.status_code, 201)
                self.assertEqual(response.json()["topic"], "t" * 200)
        self.assertEqual(ListeningSession.objects.filter(couple=self.world.other_couple).count(), 4)

    def test_start_requires_a_token(self):
        response = self.client.post(
            "/api/listening", {"topic": "Us"}, content_type="application/json"
        )
        self.assertError(response, 401, "unauthenticated")
        self.assertFalse(ListeningSession.objects.filter(couple=self.world.other_couple).exists())

    # GET /api/listening/{id}

    def test_get_shows_both_partners_words(self):
        self.reflect(text="Bob heard you", question="Since when?")
        for person, role, turn in ((self.alice, "speaker", True), (self.bob, "listener", False)):
            with self.subTest(person=person.display_name):
                response = self.call("get", f"/{self.session.public_id}", person)
                self.assertEqual(response.status_code, 200)
                body = response.json()
                self.assertEqual(body["step"], "confirm")
                self.assertEqual((body["my_role"], body["my_turn"]), (role, turn))
                self.assertEqual(body["topic"], "How this week felt")
                texts = [(e["kind"], e["text"], e["question"]) for e in body["entries"]]
                self.assertEqual(
                    texts,
                    [
                        ("topic", "How this week felt", ""),
                        ("piece", "Alice's piece", ""),
                        ("reflection", "Bob heard you", "Since when?"),
                    ],
                )
                piece_id = str(self.world.alice_piece.public_id)
                self.assertEqual(body["entries"][2]["piece_id"], piece_id)
                self.assertEqual(body["entries"][1]["floor"]["display_name"], "Alice")
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_get_checks_ownership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                response = self.call("get", f"/{self.session.public_id}", person)
                self.assertError(response, 404, "not_found")
                self.assertNotIn("Alice's piece", response.content.decode())

    def test_get_unknown_is_not_found(self):
        self.assertError(self.call("get", f"/{uuid.uuid4()}", self.alice), 404, "not_found")

    def test_get_shows_a_former_partner_only_his_words(self):
        old = self.world.old_listening
        response = self.call("get", f"/{old.public_id}", self.dan)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["step"], "earlier")
        self.assertFalse(body["my_turn"])
        self.assertEqual(
            [(e["kind"], e["text"]) for e in body["entries"]],
            [("topic", "How this week felt"), ("piece", "Dan's old piece")],
        )
        self.assertNotIn("Alice heard Dan", response.content.decode())
        self.assertEqual(self.totals(body), (1, 0, 0))

    def test_get_shows_alice_only_her_reflection_in_the_old_session(self):
        old = self.world.old_listening
        response = self.call("get", f"/{old.public_id}", self.alice)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(
            [(e["kind"], e["text"]) for e in body["entries"]], [("reflection", "Alice heard Dan")]
        )
        # Not even the id of Dan's piece comes through.
        self.assertIsNone(body["entries"][0]["piece_id"])
        self.assertIsNone(body["topic"])
        self.assertNotIn("Dan's old piece", response.content.decode())
        self.assertNotIn(str(self.world.dan_old_piece.public_id), response.content.decode())

    def test_get_requires_a_token(self):
        response = self.client.get(f"/api/listening/{self.session.public_id}")
        self.assertError(response, 401, "unauthenticated")
        self.assertNotIn("Alice's piece", response.content.decode())

    # GET /api/listening

    def test_list_works(self):
        make_listening(self.world.other_couple, speaker=self.carol, topic="Carol's topic")
        ListeningSession.objects.filter(pk=self.world.old_listening.pk).update(
            created_at=timezone.now() - timedelta(days=30)
        )
        response = self.call("get", "", self.alice)
        self.assertEqual(response.status_code, 200)
        items = response.json()["items"]
        self.assertEqual(
            [(i["id"], i["topic"], i["state"]) for i in items],
            [
                (str(self.session.public_id), "How this week felt", "active"),
                (str(self.world.old_listening.public_id), None, "ended"),
            ],
        )
        self.assertIsNone(response.json()["next_before"])
        self.assertNotIn("Carol's topic", response.content.decode())

    def test_list_never_shows_another_couples_topics(self):
        make_listening(self.world.other_couple, speaker=self.carol, topic="Carol's topic")
        for person, hidden in (
            (self.alice, "Carol's topic"),
            (self.bob, "Carol's topic"),
            (self.dan, "Carol's topic"),
            (self.carol, "How this week felt"),
            (self.erin, "How this week felt"),
        ):
            with self.subTest(person=person.display_name):
                response = self.call("get", "", person)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(hidden, response.content.decode())
        erin = self.call("get", "", self.erin).json()["items"]
        self.assertEqual([i["topic"] for i in erin], ["Carol's topic"])
        dan = self.call("get", "", self.dan).json()["items"]
        self.assertEqual(
            [(i["id"], i["topic"]) for i in dan],
            [(str(self.world.old_listening.public_id), "How this week felt")],
        )

    def test_list_pages_with_before(self):
        now = timezone.now()
        older = []
        for n in range(3):
            session = ListeningSession.objects.create(
                couple=self.world.couple,
                started_by=self.bob,
                speaker=self.bob,
                state=State.ENDED,
                created_at=now - timedelta(days=n + 1),
            )
            make_listening_entry(session, self.bob, Kind.TOPIC, text=f"Old {n + 1}")
            older.append(session)
        ListeningSession.objects.filter(pk=self.world.old_listening.pk).update(
            created_at=now - timedelta(days=30)
        )
        first = self.call("get", "?limit=2", self.bob).json()
        self.assertEqual([i["topic"] for i in first["items"]], ["How this week felt", "Old 1"])
        self.assertEqual(first["next_before"], str(older[0].public_id))
        second = self.call("get", f"?limit=2&before={first['next_before']}", self.bob).json()
        self.assertEqual([i["topic"] for i in second["items"]], ["Old 2", "Old 3"])
        self.assertIsNone(second["next_before"])
        alice = self.call("get", f"?limit=2&before={older[1].public_id}", self.alice).json()
        self.assertEqual([i["topic"] for i in alice["items"]], ["Old 3", None])

    def test_list_pages_through_sessions_started_at_the_same_moment(self):
        moment = timezone.now() - timedelta(days=2)
        ListeningSession.objects.filter(couple=self.world.couple).update(created_at=moment)
        for n in range(3):
            session = ListeningSession.objects.create(
                couple=self.world.couple, speaker=self.bob, state=State.ENDED, created_at=moment
            )
            make_listening_entry(session, self.bob, Kind.TOPIC, text=f"Same moment {n}")
        seen, before = [], ""
        for _ in range(5):
            page = self.call("get", f"?limit=1{before}", self.bob).json()
            seen += [item["id"] for item in page["items"]]
            if page["next_before"] is None:
                break
            before = f"&before={page['next_before']}"
        expected = ListeningSession.objects.filter(couple=self.world.couple).order_by("-pk")
        self.assertEqual(seen, [str(s.public_id) for s in expected])

    def test_list_checks_its_input(self):
        for query in ("?limit=0", "?limit=51", "?before=nope"):
            with self.subTest(query=query):
                self.assertError(self.call("get", query, self.alice), 422, "invalid")

    def test_list_requires_a_token(self):
        self.assertError(self.client.get("/api/listening"), 401, "unauthenticated")

    # The moves

    def test_a_whole_turn_cycle(self):
        response = self.move(self.bob, "reflections", {"text": "You felt alone"})
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(
            (body["step"], body["my_role"], body["my_turn"]), ("confirm", "listener", False)
        )
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

        response = self.move(self.alice, "verdict", {"got_it": False, "correction": "Lonely"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual((response.json()["step"], response.json()["my_turn"]), ("reflect", False))
        self.assertEqual(self.fresh().phase, Phase.REFLECTING)

        self.move(self.bob, "reflections", {"text": "You felt lonely"})
        response = self.move(self.alice, "verdict", {"got_it": True})
        body = response.json()
        self.assertEqual((body["step"], body["my_turn"]), ("landed", True))
        self.assertEqual(self.totals(body), (1, 1, 0))

        response = self.move(self.alice, "pieces", {"text": "And tired"})
        self.assertEqual(response.json()["step"], "reflect")
        self.move(self.bob, "reflections", {"text": "And tired"})
        body = self.move(self.alice, "verdict", {"got_it": True}).json()
        self.assertEqual(self.totals(body), (2, 2, 1))

        response = self.move(self.alice, "pass")
        body = response.json()
        self.assertEqual(
            (body["step"], body["my_role"], body["my_turn"]), ("say", "listener", False)
        )
        self.assertEqual(body["speaker"]["display_name"], "Bob")
        self.assertEqual(self.fresh().speaker, self.bob)
        body = self.call("get", f"/{self.session.public_id}", self.bob).json()
        self.assertEqual((body["my_role"], body["my_turn"]), ("speaker", True))

    def test_moves_by_the_wrong_person(self):
        # (what brings the session to the step, who tries, the move that is not theirs)
        steps = [
            (None, self.alice, "reflections", {"text": "Me"}),
            (self.reflect, self.bob, "verdict", {"got_it": True}),
            (self.got_it, self.bob, "pieces", {"text": "Me"}),
            (None, self.bob, "pass", None),
            (self.pass_floor, self.alice, "pieces", {"text": "Me"}),
            (lambda: self.say(self.bob, "Bob speaks"), self.bob, "reflections", {"text": "Me"}),
        ]
        for setup, person, action, body in steps:
            if setup is not None:
                setup()
            before = self.snapshot()
            with self.subTest(action=action, person=person.display_name):
                response = self.move(person, action, body)
                self.assertError(response, 409, "not_your_turn")
                self.assertEqual(self.snapshot(), before)

    def test_moves_out_of_order(self):
        before = self.snapshot()
        for action, person, body in (
            ("pieces", self.alice, {"text": "More"}),
            ("verdict", self.alice, {"got_it": True}),
            ("pass", self.alice, None),
        ):
            with self.subTest(action=action):
                self.assertError(self.move(person, action, body), 409, "wrong_step")
                self.assertEqual(self.snapshot(), before)

    def test_moves_need_text_apart(self):
        before = self.snapshot()
        self.assertError(self.move(self.bob, "reflections", {"text": " "}), 409, "empty")
        self.assertError(self.move(self.bob, "reflections", {}), 409, "empty")
        self.assertEqual(self.snapshot(), before)

    def test_moves_check_their_input(self):
        before = self.snapshot()
        bodies = [
            ("reflections", {"text": "r" * 501}),
            ("reflections", {"text": "ok", "question": "q" * 201}),
            ("reflections", {"text": "nul\x00"}),
            ("verdict", {}),
            ("verdict", {"got_it": "perhaps"}),
            ("verdict", {"got_it": False, "correction": "c" * 301}),
            ("pieces", {"text": "p" * 301}),
            ("understood", {"piece_id": "nope"}),
        ]
        for action, body in bodies:
            with self.subTest(action=action, body=str(body)[:40]):
                self.assertError(self.move(self.bob, action, body), 422, "invalid")
                self.assertEqual(self.snapshot(), before)

    def test_moves_check_ownership(self):
        before = self.snapshot()
        for action in ("pieces", "reflections", "verdict", "pass", "time-out", "resume", "end"):
            for person in (self.carol, self.dan):
                with self.subTest(action=action, person=person.display_name):
                    body = {"text": "x", "got_it": True}
                    self.assertError(self.move(person, action, body), 404, "not_found")
                    self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_gets_404_on_the_old_session(self):
        old = self.world.old_listening
        before = self.snapshot(old)
        for person in (self.dan, self.alice):
            for action in ("time-out", "end", "pieces"):
                with self.subTest(action=action, person=person.display_name):
                    response = self.move(person, action, {"text": "Again"}, session=old)
                    self.assertError(response, 404, "not_member")
                    self.assertEqual(self.snapshot(old), before)

    def test_time_out_and_resume(self):
        start = timezone.now().replace(microsecond=0) + timedelta(hours=1)
        with time_machine.travel(start, tick=False) as clock:
            response = self.move(self.alice, "time-out")
            self.assertEqual(response.status_code, 200)
            body = response.json()
            self.assertEqual(
                (body["state"], body["step"], body["my_turn"]), ("paused", "paused", False)
            )
            resume_after = start + timedelta(minutes=20)
            self.assertEqual(body["resume_after"].replace("Z", "+00:00"), resume_after.isoformat())
            self.assertEqual(self.fresh().resume_after, resume_after)

            before = self.snapshot()
            self.assertError(self.move(self.bob, "reflections", {"text": "Hi"}), 409, "paused")
            self.assertEqual(self.move(self.bob, "time-out").status_code, 200)
            self.assertEqual(self.snapshot(), before)

            clock.shift(timedelta(minutes=19))
            response = self.move(self.bob, "resume")
            self.assertError(response, 409, "too_soon")
            local = timezone.localtime(resume_after, self.bob.zone)
            self.assertIn(f"{local:%H:%M}", response.json()["detail"])
            self.assertEqual(self.snapshot(), before)

            clock.shift(timedelta(minutes=1))
            response = self.move(self.bob, "resume")
            self.assertEqual(response.status_code, 200)
            body = response.json()
            self.assertEqual(
                (body["state"], body["step"], body["my_turn"]), ("active", "reflect", True)
            )
            self.assertIsNone(body["resume_after"])
            self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_end_and_no_more_moves(self):
        self.reflect()
        self.got_it()
        response = self.move(self.bob, "end")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual((body["state"], body["step"], body["my_turn"]), ("ended", "ended", False))
        self.assertIsNotNone(body["ended_at"])
        self.assertEqual(self.totals(body), (1, 1, 1))
        self.assertEqual(self.fresh().state, State.ENDED)
        before = self.snapshot()
        for action, body in (
            ("pieces", {"text": "More"}),
            ("reflections", {"text": "More"}),
            ("verdict", {"got_it": True}),
            ("pass", None),
            ("time-out", None),
            ("resume", None),
            ("end", None),
        ):
            with self.subTest(action=action):
                self.assertError(self.move(self.alice, action, body), 409, "ended")
                self.assertEqual(self.snapshot(), before)

    def test_understood(self):
        self.end()
        piece = str(self.world.alice_piece.public_id)
        response = self.move(self.bob, "understood", {"piece_id": piece})
        self.assertEqual(response.status_code, 200)
        marks = [e for e in response.json()["entries"] if e["kind"] == "understood"]
        self.assertEqual(
            [(m["piece_id"], m["author"]["display_name"]) for m in marks], [(piece, "Bob")]
        )
        self.assertEqual(self.move(self.bob, "understood", {"piece_id": piece}).status_code, 200)
        self.assertEqual(self.session.entries.filter(kind=Kind.UNDERSTOOD).count(), 1)

    def test_understood_refuses_my_own_piece(self):
        self.end()
        before = self.snapshot()
        response = self.move(
            self.alice, "understood", {"piece_id": str(self.world.alice_piece.public_id)}
        )
        self.assertError(response, 403, "own")
        self.assertEqual(self.snapshot(), before)

    def test_understood_needs_a_piece_of_this_session(self):
        self.end()
        before = self.snapshot()
        for piece_id in (self.world.dan_old_piece.public_id, uuid.uuid4()):
            with self.subTest(piece_id=piece_id):
                response = self.move(self.bob, "understood", {"piece_id": str(piece_id)})
                self.assertError(response, 404, "not_found")
                self.assertEqual(self.snapshot(), before)
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                response = self.move(
                    person, "understood", {"piece_id": str(self.world.alice_piece.public_id)}
                )
                self.assertError(response, 404, "not_found")
                self.assertEqual(self.snapshot(), before)

    def test_moves_reject_get(self):
        before = self.snapshot()
        for action in (
            "pieces",
            "reflections",
            "verdict",
            "pass",
            "time-out",
            "resume",
            "end",
            "understood",
        ):
            with self.subTest(action=action):
                response = self.call("get", f"/{self.session.public_id}/{action}", self.bob)
                self.assertEqual(response.status_code, 405)
                self.assertEqual(self.snapshot(), before)

    def test_moves_on_an_unknown_session(self):
        for action in ("pieces", "pass", "end"):
            with self.subTest(action=action):
                response = self.call("post", f"/{uuid.uuid4()}/{action}", self.alice, {"text": "x"})
                self.assertError(response, 404, "not_found")
        self.assertEqual(self.fresh().phase, Phase.REFLECTING)

    # GET /api/content/listening-topics

    def test_content_topics(self):
        response = self.api("get", "/content/listening-topics", self.dan)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), [{"key": t.key, "label": t.text} for t in catalog.listening_topics]
        )
        self.assertEqual(
            response.json()[0], {"key": "week", "label": "How this week has felt for me"}
        )
        keys = [t["key"] for t in response.json()]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertError(self.client.get("/api/content/listening-topics"), 401, "unauthenticated")
