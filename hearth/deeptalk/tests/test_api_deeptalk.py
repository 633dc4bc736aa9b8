import uuid
from datetime import timedelta

from django.utils import timezone

from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalk, DeepTalkAnswer, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot
from hearth.testing import make_deep_talk


class ApiDeepTalkTests(DeepTalkTestCase):
    """/api/deep-talk: every operation, through HTTP with a token."""

    def call(self, method, path, person, body=None):
        return self.api(method, f"/deep-talk{path}", person, body)

    def item_path(self, action, talk=None, item=None):
        talk = talk or self.talk
        item = item or self.item
        return f"/{talk.public_id}/items/{item.public_id}/{action}"

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])

    # GET /api/deep-talk

    def test_list_works(self):
        response = self.call("get", "", self.alice)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(
            [t["id"] for t in body["items"]],
            [str(self.world.old_deep_talk.public_id), str(self.talk.public_id)],
        )
        self.assertEqual(
            [(t["mode"], t["state"], t["completed"]) for t in body["items"]],
            [("apart", "ended", False), ("apart", "active", False)],
        )
        self.assertIsNone(body["next_before"])
        self.assertNotIn("Alice's", response.content.decode())  # no answers in the list

    def test_list_shows_each_only_theirs(self):
        for person, expected in (
            (self.bob, [self.talk]),
            (self.dan, [self.world.old_deep_talk]),
            (self.carol, []),
        ):
            with self.subTest(person=person.display_name):
                body = self.call("get", "", person).json()
                self.assertEqual(
                    [t["id"] for t in body["items"]], [str(t.public_id) for t in expected]
                )

    def test_list_pages(self):
        now = timezone.now()
        made = [
            DeepTalk.objects.create(
                couple=self.world.other_couple,
                started_by=self.carol,
                state=State.ENDED,
                created_at=now - timedelta(hours=n + 1),
            )
            for n in range(5)
        ]
        first = self.call("get", "?limit=2", self.erin).json()
        self.assertEqual([t["id"] for t in first["items"]], [str(t.public_id) for t in made[:2]])
        self.assertEqual(first["next_before"], str(made[1].public_id))
        rest = self.call("get", f"?limit=50&before={first['next_before']}", self.erin).json()
        self.assertEqual([t["id"] for t in rest["items"]], [str(t.public_id) for t in made[2:]])
        self.assertIsNone(rest["next_before"])

    def test_list_checks_its_query(self):
        for query in ("?limit=0", "?limit=51", "?limit=ten", "?before=not-a-uuid"):
            with self.subTest(query=query):
                self.assertError(self.call("get", query, self.alice), 422, "invalid")

    def test_list_requires_a_token(self):
        response = self.client.get("/api/deep-talk")
        self.assertError(response, 401, "unauthenticated")

    # POST /api/deep-talk

    def test_start_works(self):
        response = self.call("post", "", self.carol, {"mode": "together"})
        self.assertEqual(response.status_code, 201)
        body = response.json()
        talk = DeepTalk.objects.get(couple=self.world.other_couple)
        item = talk.items.get()
        self.assertEqual(body["id"], str(talk.public_id))
        self.assertEqual(
            (body["mode"], body["state"], body["step"]), ("together", "active", "talk")
        )
        self.assertEqual(
            (body["cap"], body["completed"], body["ended_at"]), ("vulnerable", False, None)
        )
        self.assertEqual(body["current_item"], str(item.public_id))
        [shown] = body["items"]
        self.assertEqual(shown["id"], str(item.public_id))
        self.assertEqual((shown["position"], shown["depth"], shown["status"]), (1, "light", "open"))
        self.assertEqual(shown["text"], item.prompt.text)
        self.assertEqual(shown["first"]["id"], str(self.carol.public_id))
        self.assertEqual(
            (shown["mine"], shown["theirs"], shown["partner_answered"]), (None, None, False)
        )
        self.assertEqual(
            (talk.mode, talk.started_by, item.first), ("together", self.carol, self.carol)
        )

    def test_start_defaults_to_apart(self):
        response = self.call("post", "", self.erin, {})
        self.assertEqual(response.status_code, 201)
        self.assertEqual((response.json()["mode"], response.json()["step"]), ("apart", "answer"))
        self.assertEqual(DeepTalk.objects.get(couple=self.world.other_couple).mode, "apart")

    def test_start_refuses_a_second_open_talk(self):
        before = snapshot()
        response = self.call("post", "", self.bob, {"mode": "apart"})
        self.assertError(response, 409, "already_open")
        self.assertIn("already have a deep talk going", response.json()["detail"])
        self.assertEqual(snapshot(), before)

    def test_start_needs_a_partner(self):
        before = snapshot()
        response = self.call("post", "", self.dan, {})
        self.assertError(response, 409, "not_paired")
        self.assertEqual(snapshot(), before)

    def test_start_checks_its_input(self):
        before = snapshot()
        for body in (
            {"mode": "loud"},
            {"mode": ""},
            {"mode": None},
            {"mode": 1},
            {"mode": ["apart"]},
        ):
            with self.subTest(body=body):
                self.assertError(self.call("post", "", self.carol, body), 422, "invalid")
        self.assertEqual(snapshot(), before)

    def test_start_requires_a_token(self):
        before = snapshot()
        response = self.client.post("/api/deep-talk", {}, content_type="application/json")
        self.assertError(response, 401, "unauthenticated")
        self.assertEqual(snapshot(), before)

    # GET /api/deep-talk/{id}

    def test_get_shows_the_talk_as_each_sees_it(self):
        alice = self.call("get", f"/{self.talk.public_id}", self.alice).json()
        self.assertEqual(alice["step"], "wait_partner")
        self.assertEqual(alice["items"][0]["mine"]["text"], "Alice's sealed deep answer")
        self.assertEqual(alice["items"][0]["mine"]["author"]["id"], str(self.alice.public_id))
        self.assertIsNone(alice["items"][0]["theirs"])
        bob = self.call("get", f"/{self.talk.public_id}", self.bob).json()
        self.assertEqual(bob["step"], "answer")
        self.assertEqual(bob["current_item"], str(self.item.public_id))
        self.assertIsNone(bob["items"][0]["mine"])
        self.assertIsNone(bob["items"][0]["theirs"])
        self.assertTrue(bob["items"][0]["partner_answered"])

    def test_get_is_404_to_outsiders(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertError(
                    self.call("get", f"/{self.talk.public_id}", person), 404, "not_found"
                )
        self.assertError(self.call("get", f"/{uuid.uuid4()}", self.alice), 404, "not_found")
        self.assertError(self.call("get", "/not-a-uuid", self.alice), 422, "invalid")

    # PUT /api/deep-talk/{id}/items/{item}/answer

    def test_answer_works(self):
        response = self.call("put", self.item_path("answer"), self.bob, {"text": " Bob's answer "})
        self.assertEqual(response.status_code, 200)
        body = response.json()
        first = body["items"][0]
        self.assertEqual(first["status"], "done")
        self.assertEqual(first["mine"]["text"], "Bob's answer")
        self.assertEqual(first["theirs"]["text"], "Alice's sealed deep answer")
        self.assertEqual(first["theirs"]["author"]["display_name"], "Alice")
        self.assertEqual(len(body["items"]), 2)
        self.assertEqual(body["current_item"], body["items"][1]["id"])
        self.assertEqual(body["items"][1]["first"]["id"], str(self.bob.public_id))
        self.assertEqual(body["step"], "answer")
        self.assertEqual(
            DeepTalkAnswer.objects.get(item=self.item, author=self.bob).text, "Bob's answer"
        )
        self.assertEqual(self.fresh_item().status, ItemStatus.DONE)

    def test_answer_changes_mine_while_sealed(self):
        response = self.call("put", self.item_path("answer"), self.alice, {"text": "Changed"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["items"][0]["mine"]["text"], "Changed")
        self.assertEqual(response.json()["step"], "wait_partner")
        self.assertEqual(
            DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk).text, "Changed"
        )

    def test_answer_waits_for_the_one_going_first(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        before = snapshot()
        response = self.call("put", self.item_path("answer", talk, item), self.erin, {"text": "Me"})
        self.assertError(response, 409, "not_your_turn")
        self.assertEqual(
            response.json()["detail"], "Carol goes first on this one. You'll answer after them."
        )
        self.assertEqual(snapshot(), before)

    def test_answer_refuses_moves_that_are_not_allowed(self):
        together, titem = make_deep_talk(
            self.world.other_couple, starter=self.carol, mode="together"
        )
        cases = [
            (self.bob, self.item_path("answer", together, titem), 404, "not_found"),
            (self.carol, self.item_path("answer", together, titem), 409, "together"),
            (self.carol, self.item_path("answer"), 404, "not_found"),
            (self.dan, self.item_path("answer"), 404, "not_found"),
        ]
        before = snapshot()
        for person, path, status, code in cases:
            with self.subTest(person=person.display_name, path=path):
                self.assertError(self.call("put", path, person, {"text": "x"}), status, code)
        self.assertEqual(snapshot(), before)

    def test_answer_refuses_a_paused_or_ended_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        before = snapshot()
        self.assertError(
            self.call("put", self.item_path("answer"), self.bob, {"text": "x"}), 409, "paused"
        )
        self.assertEqual(snapshot(), before)
        services.deeptalk_end(talk=self.talk, person=self.alice)
        before = snapshot()
        self.assertError(
            self.call("put", self.item_path("answer"), self.bob, {"text": "x"}), 409, "ended"
        )
        self.assertEqual(snapshot(), before)

    def test_a_former_partner_cannot_answer(self):
        old = self.world.old_deep_talk
        before = snapshot()
        response = self.call(
            "put", self.item_path("answer", old, old.items.get()), self.dan, {"text": "x"}
        )
        self.assertError(response, 404, "not_member")
        self.assertEqual(snapshot(), before)

    # POST .../tick

    def test_tick_works(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        response = self.call("post", self.item_path("tick", talk, item), self.erin)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual([i["status"] for i in body["items"]], ["done", "open"])
        self.assertEqual(body["items"][1]["first"]["id"], str(self.erin.public_id))
        self.assertEqual(self.fresh_item(item).status, ItemStatus.DONE)

    def test_tick_refuses_apart(self):
        before = snapshot()
        self.assertError(self.call("post", self.item_path("tick"), self.alice), 409, "apart")
        self.assertEqual(snapshot(), before)

    def test_tick_is_404_to_outsiders(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        before = snapshot()
        self.assertError(
            self.call("post", self.item_path("tick", talk, item), self.alice), 404, "not_found"
        )
        self.assertError(
            self.call("post", f"/{talk.public_id}/items/{uuid.uuid4()}/tick", self.carol),
            404,
            "not_found",
        )
        self.assertEqual(snapshot(), before)

    # POST .../skip

    def test_skip_works(self):
        response = self.call("post", self.item_path("skip"), self.bob)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual([i["status"] for i in body["items"]], ["skipped", "open"])
        self.assertEqual(body["items"][1]["first"]["id"], str(self.alice.public_id))
        self.assertEqual(body["items"][1]["depth"], "light")
        self.assertIsNone(body["items"][0]["theirs"])  # the lone answer stays sealed
        self.assertNotIn("Alice's sealed deep answer", response.content.decode())
        self.assertEqual(self.fresh_item().status, ItemStatus.SKIPPED)

    def test_skip_refuses_a_question_behind_us(self):
        self.call("post", self.item_path("skip"), self.bob)
        before = snapshot()
        self.assertError(self.call("post", self.item_path("skip"), self.alice), 409, "moved_on")
        self.assertEqual(snapshot(), before)

    def test_skip_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.dan):
            self.assertError(self.call("post", self.item_path("skip"), person), 404, "not_found")
        self.assertEqual(snapshot(), before)

    # POST .../pause, .../resume, .../end

    def test_pause_and_resume_work(self):
        response = self.call("post", f"/{self.talk.public_id}/pause", self.bob)
        self.assertEqual(response.status_code, 200)
        self.assertEqual((response.json()["state"], response.json()["step"]), ("paused", "paused"))
        self.assertEqual(self.fresh().state, State.PAUSED)
        response = self.call("post", f"/{self.talk.public_id}/resume", self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            (response.json()["state"], response.json()["step"]), ("active", "wait_partner")
        )
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_end_works(self):
        response = self.call("post", f"/{self.talk.public_id}/end", self.alice)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(
            (body["state"], body["step"], body["completed"]), ("ended", "ended", False)
        )
        self.assertIsNotNone(body["ended_at"])
        self.assertIsNone(body["current_item"])
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_talk_moves_refuse_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        before = snapshot()
        for action in ("pause", "resume", "end"):
            with self.subTest(action=action):
                self.assertError(
                    self.call("post", f"/{self.talk.public_id}/{action}", self.bob), 409, "ended"
                )
        self.assertEqual(snapshot(), before)

    def test_talk_moves_are_404_to_outsiders(self):
        before = snapshot()
        for action in ("pause", "resume", "end"):
            for person in (self.carol, self.dan):
                with self.subTest(action=action, person=person.display_name):
                    self.assertError(
                        self.call("post", f"/{self.talk.public_id}/{action}", person),
                        404,
                        "not_found",
                    )
            response = self.call(
                "post", f"/{self.world.old_deep_talk.public_id}/{action}", self.dan
            )
            self.assertError(response, 404, "not_member")
        self.assertEqual(snapshot(), before)

    def test_moves_require_a_token(self):
        before = snapshot()
        for method, path in (
            ("get", f"/{self.talk.public_id}"),
            ("put", self.item_path("answer")),
            ("post", self.item_path("tick")),
            ("post", self.item_path("skip")),
            ("post", f"/{self.talk.public_id}/pause"),
            ("post", f"/{self.talk.public_id}/resume"),
            ("post", f"/{self.talk.public_id}/end"),
        ):
            with self.subTest(method=method, path=path):
                response = getattr(self.client, method)(
                    f"/api/deep-talk{path}", {"text": "x"}, content_type="application/json"
                )
                self.assertError(response, 401, "unauthenticated")
        self.assertEqual(snapshot(), before)

    def test_a_whole_talk_through_the_api(self):
        talk_id = self.call("post", "", self.carol, {"mode": "apart"}).json()["id"]
        seen_keys = []
        for _ in range(20):
            body = self.call("get", f"/{talk_id}", self.carol).json()
            if body["state"] == "ended":
                break
            current = next(i for i in body["items"] if i["id"] == body["current_item"])
            seen_keys.append(current["text"])
            first = self.carol if current["first"]["id"] == str(self.carol.public_id) else self.erin
            other = self.erin if first == self.carol else self.carol
            path = f"/{talk_id}/items/{current['id']}/answer"
            self.assertEqual(
                self.call(
                    "put", path, first, {"text": f"{first.display_name} {len(seen_keys)}"}
                ).status_code,
                200,
            )
            self.assertEqual(
                self.call(
                    "put", path, other, {"text": f"{other.display_name} {len(seen_keys)}"}
                ).status_code,
                200,
            )
        self.assertEqual((body["state"], body["completed"], body["step"]), ("ended", True, "ended"))
        self.assertEqual(len(seen_keys), 9)
        self.assertEqual(len(set(seen_keys)), 9)
        self.assertEqual(
            [i["depth"] for i in body["items"]], ["light"] * 3 + ["deeper"] * 3 + ["vulnerable"] * 3
        )
        self.assertTrue(all(i["mine"] and i["theirs"] for i in body["items"]))
