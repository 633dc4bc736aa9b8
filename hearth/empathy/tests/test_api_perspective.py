import uuid

from hearth.access import Visibility
from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse, Role
from hearth.empathy.services import perspective_guess, perspective_validate
from hearth.empathy.tests.helpers import choices, fresh, sent_check, stored_feelings
from hearth.testing import HearthTestCase, make_person, make_perspective

KEYS = {
    "id",
    "state",
    "mine",
    "author",
    "situation",
    "created_at",
    "sent_at",
    "guessed_at",
    "feelings",
    "guess",
    "overlap",
    "response",
}


class ApiPerspectiveTests(HearthTestCase):
    def call(self, method, path, person, body=None):
        return self.api(method, f"/perspective{path}", person, body)

    def path(self, check, suffix="") -> str:
        return f"/{check.public_id}{suffix}"

    def ids(self, response) -> list[str]:
        return [item["id"] for item in response.json()["items"]]

    def guessed(self):
        return perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices({"hurt": 3, "embarrassed": 1}),
        )

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)

    # GET /api/perspective

    def test_list_returns_what_i_may_see(self):
        response = self.call("get", "", self.alice)
        self.assertEqual(response.status_code, 200)
        draft, sent = self.world.alice_perspective_draft, self.world.alice_perspective
        self.assertEqual(self.ids(response), [str(draft.public_id), str(sent.public_id)])
        self.assertIsNone(response.json()["next_before"])
        for item in response.json()["items"]:
            self.assertEqual(set(item), KEYS)
        response = self.call("get", "", self.bob)
        self.assertEqual(self.ids(response), [str(sent.public_id)])
        self.assertEqual(response.json()["items"][0]["feelings"], [])
        self.assertNotIn("draft", response.content.decode())
        for person in (self.carol, self.dan):
            self.assertEqual(
                self.call("get", "", person).json(), {"items": [], "next_before": None}
            )

    def test_list_pages_with_before(self):
        pat = make_person("Pat")
        made = [make_perspective(pat, f"Situation {n}") for n in range(5)]
        first = self.call("get", "?limit=2", pat)
        self.assertEqual(self.ids(first), [str(made[4].public_id), str(made[3].public_id)])
        cursor = first.json()["next_before"]
        self.assertEqual(cursor, str(made[3].public_id))
        second = self.call("get", f"?limit=2&before={cursor}", pat)
        self.assertEqual(self.ids(second), [str(made[2].public_id), str(made[1].public_id)])
        third = self.call("get", f"?limit=2&before={second.json()['next_before']}", pat)
        self.assertEqual(self.ids(third), [str(made[0].public_id)])
        self.assertIsNone(third.json()["next_before"])
        self.assertEqual(PerspectiveCheck.objects.filter(author=pat).count(), 5)

    def test_list_never_repeats_a_page_when_the_cursor_was_deleted(self):
        pat = make_person("Pat")
        made = [make_perspective(pat, f"Situation {n}") for n in range(5)]
        first = self.call("get", "?limit=2", pat)
        cursor = first.json()["next_before"]
        self.assertEqual(cursor, str(made[3].public_id))
        # The last check shown is deleted (in another tab) before "older" is asked for.
        self.assertEqual(self.call("delete", f"/{cursor}", pat).status_code, 204)
        second = self.call("get", f"?limit=2&before={cursor}", pat)
        shown_again = (
            set(self.ids(first)) & set(self.ids(second)) if second.status_code == 200 else set()
        )
        self.assertEqual(shown_again, set(), "older checks must not start again from the newest")
        self.assertEqual(PerspectiveCheck.objects.filter(author=pat).count(), 4)

    def test_list_rejects_a_bad_limit_or_cursor(self):
        for query, field in (
            ("?limit=0", "query.limit"),
            ("?limit=51", "query.limit"),
            ("?before=yesterday", "query.before"),
        ):
            response = self.call("get", query, self.alice)
            self.assertError(response, 422, "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], field)

    def test_list_requires_a_token(self):
        response = self.client.get("/api/perspective")
        self.assertError(response, 401, "unauthenticated")
        self.assertNotIn("Alice", response.content.decode())

    # POST /api/perspective

    def test_create_keeps_one_for_later(self):
        body = {"situation": "  The long drive  ", "feelings": {"tired": 4, "calm": 2}}
        response = self.call("post", "", self.alice, body)
        self.assertEqual(response.status_code, 201)
        data = response.json()
        check = PerspectiveCheck.objects.get(public_id=data["id"])
        self.assertEqual(check.situation, "The long drive")
        self.assertEqual(check.visibility, Visibility.PRIVATE)
        self.assertIsNone(check.couple)
        self.assertEqual(stored_feelings(check), {"tired": 4, "calm": 2})
        self.assertEqual(data["state"], "draft")
        self.assertTrue(data["mine"])
        self.assertEqual(data["author"]["display_name"], "Alice")
        self.assertIsNone(data["sent_at"])
        self.assertIsNone(data["overlap"])
        self.assertIsNone(data["response"])
        self.assertEqual(
            sorted(data["feelings"], key=lambda f: f["feeling"]),
            [
                {"feeling": "calm", "label": "calm", "intensity": 2},
                {"feeling": "tired", "label": "tired", "intensity": 4},
            ],
        )

    def test_create_can_send(self):
        body = {"situation": "The call", "feelings": {"hurt": 2}, "send": True}
        response = self.call("post", "", self.alice, body)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["state"], "waiting")
        check = PerspectiveCheck.objects.get(public_id=response.json()["id"])
        self.assertEqual(check.couple, self.world.couple)
        self.assertEqual(check.visibility, Visibility.SHARED)
        self.assertIsNotNone(check.sent_at)
        seen = self.call("get", self.path(check), self.bob).json()
        self.assertEqual((seen["state"], seen["feelings"]), ("to_guess", []))

    def test_create_works_on_my_own(self):
        response = self.call("post", "", self.dan, {"situation": "Alone", "feelings": {"low": 2}})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["state"], "draft")
        self.assertEqual(PerspectiveCheck.objects.filter(author=self.dan).count(), 1)

    def test_create_and_send_on_my_own_is_refused_and_stores_nothing(self):
        body = {"situation": "Alone", "feelings": {"low": 2}, "send": True}
        response = self.call("post", "", self.dan, body)
        self.assertError(response, 409, "not_paired")
        self.assertIn("once you're paired", response.json()["detail"])
        # A 409 gives the client no id: anything kept would be a hidden copy.
        self.assertFalse(PerspectiveCheck.objects.filter(author=self.dan).exists())

    # GET /api/perspective/{id}

    def test_get_keeps_the_feelings_sealed_until_the_guess(self):
        check = self.world.alice_perspective
        mine = self.call("get", self.path(check), self.alice).json()
        self.assertEqual(set(mine), KEYS)
        self.assertEqual(mine["state"], "waiting")
        self.assertEqual(mine["feelings"], [{"feeling": "hurt", "label": "hurt", "intensity": 4}])
        self.assertIsNone(mine["overlap"])
        theirs = self.call("get", self.path(check), self.bob).json()
        self.assertEqual(theirs["state"], "to_guess")
        self.assertFalse(theirs["mine"])
        self.assertEqual(theirs["situation"], "Alice's situation")
        self.assertEqual((theirs["feelings"], theirs["guess"]), ([], []))
        self.assertIsNone(theirs["overlap"])
        self.assertIsNone(theirs["guessed_at"])

    def test_get_gives_404_to_others(self):
        for person in (self.carol, self.erin, self.dan):
            for check in (self.world.alice_perspective, self.world.alice_perspective_draft):
                response = self.call("get", self.path(check), person)
                self.assertError(response, 404, "not_found")
                self.assertNotIn("Alice", response.content.decode())
        response = self.call("get", self.path(self.world.alice_perspective_draft), self.bob)
        self.assertError(response, 404, "not_found")
        self.assertError(self.call("get", f"/{uuid.uuid4()}", self.alice), 404, "not_found")

    def test_after_unpairing(self):
        check = self.guessed()
        perspective_validate(check=check, guesser=self.bob, text="It made sense")
        couple_unpair(user=self.alice)
        self.assertError(self.call("get", self.path(check), self.bob), 404, "not_found")
        self.assertEqual(self.ids(self.call("get", "", self.bob)), [])
        mine = self.call("get", self.path(check), self.alice).json()
        self.assertEqual(mine["state"], "earlier")
        self.assertEqual(mine["situation"], "Alice's situation")
        self.assertEqual(mine["feelings"], [{"feeling": "hurt", "label": "hurt", "intensity": 4}])
        self.assertEqual(mine["guess"], [])
        self.assertIsNone(mine["overlap"])
        self.assertIsNone(mine["response"])

    # PUT /api/perspective/{id}

    def test_update_changes_a_draft(self):
        draft = self.world.alice_perspective_draft
        body = {"situation": "Retold", "feelings": {"proud": 5}}
        response = self.call("put", self.path(draft), self.alice, body)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["situation"], "Retold")
        self.assertEqual(response.json()["state"], "draft")
        self.assertEqual(fresh(draft).situation, "Retold")
        self.assertEqual(stored_feelings(draft), {"proud": 5})

    def test_update_can_send(self):
        draft = self.world.alice_perspective_draft
        body = {"situation": "Retold", "feelings": {"proud": 5}, "send": True}
        response = self.call("put", self.path(draft), self.alice, body)
        self.assertEqual(response.json()["state"], "waiting")
        self.assertEqual(fresh(draft).couple, self.world.couple)

    def test_update_and_send_on_my_own_keeps_a_draft(self):
        couple_unpair(user=self.alice)
        draft = self.world.alice_perspective_draft
        body = {"situation": "Retold", "feelings": {"proud": 5}, "send": True}
        self.assertError(self.call("put", self.path(draft), self.alice, body), 409, "not_paired")
        stored = fresh(draft)
        self.assertEqual(stored.visibility, Visibility.PRIVATE)
        self.assertIsNone(stored.sent_at)
        self.assertIsNone(stored.couple)

    def test_update_refuses_a_sent_check(self):
        sent = self.world.alice_perspective
        body = {"situation": "Rewritten", "feelings": {"happy": 5}}
        self.assertError(self.call("put", self.path(sent), self.alice, body), 409, "sent")
        self.assertEqual(fresh(sent).situation, "Alice's situation")
        self.assertEqual(stored_feelings(sent), {"hurt": 4})

    def test_update_checks_ownership(self):
        draft = self.world.alice_perspective_draft
        body = {"situation": "Bob's", "feelings": {"happy": 5}}
        self.assertError(self.call("put", self.path(draft), self.bob, body), 404, "not_found")
        self.assertError(
            self.call("put", self.path(self.world.alice_perspective), self.bob, body),
            404,
            "not_found",
        )
        self.assertEqual(fresh(draft).situation, "Alice's draft situation")

    # POST /api/perspective/{id}/send

    def test_send_works(self):
        draft = self.world.alice_perspective_draft
        response = self.call("post", self.path(draft, "/send"), self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["state"], "waiting")
        self.assertIsNotNone(response.json()["sent_at"])
        self.assertEqual(fresh(draft).visibility, Visibility.SHARED)

    def test_send_twice_is_harmless(self):
        sent = fresh(self.world.alice_perspective)
        response = self.call("post", self.path(sent, "/send"), self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(fresh(sent).sent_at, sent.sent_at)

    def test_send_on_my_own_is_refused(self):
        draft = make_perspective(self.dan, "Dan's draft")
        self.assertError(self.call("post", self.path(draft, "/send"), self.dan), 409, "not_paired")
        self.assertEqual(fresh(draft).visibility, Visibility.PRIVATE)
        self.assertIsNone(fresh(draft).sent_at)

    def test_send_checks_ownership(self):
        draft = self.world.alice_perspective_draft
        self.assertError(self.call("post", self.path(draft, "/send"), self.bob), 404, "not_found")
        self.assertIsNone(fresh(draft).sent_at)

    # POST /api/perspective/{id}/guess

    def test_guess_reveals(self):
        check = self.world.alice_perspective
        body = {"feelings": {"hurt": 3, "embarrassed": 1}}
        response = self.call("post", self.path(check, "/guess"), self.bob, body)
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["state"], "revealed")
        self.assertEqual(data["feelings"], [{"feeling": "hurt", "label": "hurt", "intensity": 4}])
        self.assertEqual(
            sorted((g["feeling"], g["intensity"]) for g in data["guess"]),
            [("embarrassed", 1), ("hurt", 3)],
        )
        self.assertEqual(data["overlap"], {"exact": 1, "close": 0, "total": 1})
        self.assertIsNotNone(data["guessed_at"])
        self.assertEqual(fresh(check).overlap, 0.5)
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 3, "embarrassed": 1})
        shared = self.call("get", self.path(check), self.alice).json()
        self.assertEqual(shared["state"], "revealed")
        self.assertEqual(shared["overlap"], {"exact": 1, "close": 0, "total": 1})

    def test_guess_refuses_the_sharer(self):
        check = self.world.alice_perspective
        body = {"feelings": {"hurt": 4}}
        self.assertError(
            self.call("post", self.path(check, "/guess"), self.alice, body), 403, "own"
        )
        self.assertIsNone(fresh(check).guessed_at)

    def test_guess_gives_404_to_others_and_drafts(self):
        body = {"feelings": {"hurt": 4}}
        for person in (self.carol, self.dan):
            path = self.path(self.world.alice_perspective, "/guess")
            self.assertError(self.call("post", path, person, body), 404, "not_found")
        path = self.path(self.world.alice_perspective_draft, "/guess")
        self.assertError(self.call("post", path, self.bob, body), 404, "not_found")
        self.assertFalse(PerspectiveFeeling.objects.filter(role=Role.GUESS).exists())

    def test_guess_is_once(self):
        check = self.guessed()
        body = {"feelings": {"sad": 2}}
        self.assertError(
            self.call("post", self.path(check, "/guess"), self.bob, body), 409, "guessed"
        )
        self.assertEqual(stored_feelings(check, Role.GUESS), {"hurt": 3, "embarrassed": 1})

    # PUT /api/perspective/{id}/response

    def test_response_works_and_replaces(self):
        check = self.guessed()
        path = self.path(check, "/response")
        response = self.call("put", path, self.bob, {"text": "It makes sense."})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["response"]["text"], "It makes sense.")
        self.assertEqual(response.json()["response"]["author"]["display_name"], "Bob")
        response = self.call("put", path, self.bob, {"text": "It really does."})
        self.assertEqual(response.json()["response"]["text"], "It really does.")
        self.assertEqual(PerspectiveResponse.objects.get().text, "It really does.")
        shared = self.call("get", self.path(check), self.alice).json()
        self.assertEqual(shared["response"]["text"], "It really does.")

    def test_response_waits_for_the_guess(self):
        path = self.path(self.world.alice_perspective, "/response")
        response = self.call("put", path, self.bob, {"text": "Early"})
        self.assertError(response, 409, "not_guessed")
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_response_is_the_guessers(self):
        check = self.guessed()
        path = self.path(check, "/response")
        self.assertError(self.call("put", path, self.alice, {"text": "Mine"}), 409, "not_guessed")
        self.assertError(self.call("put", path, self.carol, {"text": "Mine"}), 404, "not_found")
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_response_text_is_required_and_limited(self):
        check = self.guessed()
        path = self.path(check, "/response")
        for text in ("", "   ", "x" * 501):
            self.assertError(self.call("put", path, self.bob, {"text": text}), 422, "invalid")
        self.assertEqual(self.call("put", path, self.bob, {"text": "x" * 500}).status_code, 200)
        self.assertEqual(len(PerspectiveResponse.objects.get().text), 500)

    # DELETE /api/perspective/{id}

    def test_delete_works(self):
        check = self.guessed()
        perspective_validate(check=check, guesser=self.bob, text="Sure")
        response = self.call("delete", self.path(check), self.alice)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.content, b"")
        self.assertFalse(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=check.pk).exists())
        self.assertFalse(PerspectiveResponse.objects.exists())
        self.assertError(self.call("get", self.path(check), self.alice), 404, "not_found")

    def test_delete_checks_ownership(self):
        check = self.world.alice_perspective
        for person in (self.bob, self.carol):
            self.assertError(self.call("delete", self.path(check), person), 404, "not_found")
        self.assertTrue(PerspectiveCheck.objects.filter(pk=check.pk).exists())

    # Methods and shapes

    def test_it_rejects_other_methods(self):
        check = self.world.alice_perspective
        for method, path in (
            ("patch", self.path(check)),
            ("get", self.path(check, "/send")),
            ("get", self.path(check, "/guess")),
            ("post", self.path(check, "/response")),
            ("delete", ""),
        ):
            body = None if method in ("get", "delete") else {}
            response = self.call(method, path, self.alice, body)
            self.assertEqual(response.status_code, 405, (method, path))
        self.assertEqual(PerspectiveCheck.objects.count(), 2)
        self.assertIsNone(fresh(check).guessed_at)

    def test_overlap_stays_null_until_revealed_and_has_no_score(self):
        check = sent_check(self.alice, "Shapes", {"hurt": 2})
        for state_person in (self.alice, self.bob):
            self.assertIsNone(self.call("get", self.path(check), state_person).json()["overlap"])
        self.call("post", self.path(check, "/guess"), self.bob, {"feelings": {"sad": 2}})
        overlap = self.call("get", self.path(check), self.alice).json()["overlap"]
        self.assertEqual(overlap, {"exact": 0, "close": 0, "total": 1})
        self.assertEqual(fresh(check).overlap, 0.0)
