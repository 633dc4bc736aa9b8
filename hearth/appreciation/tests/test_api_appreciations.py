import uuid

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hearth.access import Visibility
from hearth.appreciation.models import Appreciation
from hearth.appreciation.tests.helpers import SCRIPT, fresh, snapshot
from hearth.testing import HearthTestCase, make_appreciation, make_couple, make_person

KEYS = {"id", "author", "mine", "what", "meant", "created_at", "sent_at", "reactions"}


class ApiAppreciationsTests(HearthTestCase):
    def call(self, method, path, person, body=None):
        return self.api(method, f"/appreciations{path}", person, body)

    def ids(self, response) -> list[str]:
        return [item["id"] for item in response.json()["items"]]

    def assertError(self, response, status, code, msg=None):
        self.assertEqual(response.status_code, status, msg or response.content)
        self.assertEqual(response.json()["code"], code, msg)
        self.assertTrue(response.json()["detail"], msg)

    # GET /api/appreciations

    def test_list_gives_each_box(self):
        sent, draft = self.world.alice_appreciation, self.world.alice_appreciation_draft
        response = self.call("get", "", self.bob)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.ids(response), [str(sent.public_id)])
        item = response.json()["items"][0]
        self.assertEqual(set(item), KEYS)
        self.assertFalse(item["mine"])
        self.assertEqual(item["author"]["display_name"], "Alice")
        self.assertNotIn("email", item["author"])
        self.assertEqual(item["what"], "Alice thanked Bob for the lift")
        self.assertIsNotNone(item["sent_at"])
        self.assertIsNone(response.json()["next_before"])
        self.assertEqual(self.ids(self.call("get", "?box=sent", self.alice)), [str(sent.public_id)])
        drafts = self.call("get", "?box=drafts", self.alice).json()["items"]
        self.assertEqual([d["id"] for d in drafts], [str(draft.public_id)])
        self.assertTrue(drafts[0]["mine"])
        self.assertIsNone(drafts[0]["sent_at"])
        self.assertEqual(self.ids(self.call("get", "?box=received", self.alice)), [])

    def test_list_shows_others_nothing(self):
        for person in (self.carol, self.erin, self.dan):
            for name in ("received", "sent", "drafts"):
                response = self.call("get", f"?box={name}", person)
                self.assertEqual(response.json(), {"items": [], "next_before": None})

    def test_list_pages_and_a_vanished_cursor_gives_an_empty_page(self):
        pat = make_person("Pat")
        made = [make_appreciation(pat, f"Draft {n}", sent=False) for n in range(5)]
        first = self.call("get", "?box=drafts&limit=2", pat)
        self.assertEqual(self.ids(first), [str(made[4].public_id), str(made[3].public_id)])
        cursor = first.json()["next_before"]
        second = self.call("get", f"?box=drafts&limit=2&before={cursor}", pat)
        self.assertEqual(self.ids(second), [str(made[2].public_id), str(made[1].public_id)])
        self.assertEqual(self.call("delete", f"/{cursor}", pat).status_code, 204)
        again = self.call("get", f"?box=drafts&limit=2&before={cursor}", pat)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again.json(), {"items": [], "next_before": None})
        self.assertEqual(Appreciation.objects.filter(author=pat).count(), 4)

    def test_list_refuses_bad_parameters(self):
        for query, field in (
            ("?box=inbox", "query.box"),
            ("?limit=0", "query.limit"),
            ("?limit=51", "query.limit"),
            ("?limit=ten", "query.limit"),
            ("?before=yesterday", "query.before"),
        ):
            response = self.call("get", query, self.alice)
            self.assertError(response, 422, "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], field, query)

    def test_list_query_count_does_not_grow(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        make_couple(pat, sam)

        def count():
            self.call("get", "?box=received", sam)
            with CaptureQueriesContext(connection) as queries:
                response = self.call("get", "?box=received", sam)
            return len(queries), len(response.json()["items"])

        for n in range(3):
            make_appreciation(pat, f"Sent {n}")
        few = count()
        for n in range(22):
            make_appreciation(pat, f"More {n}")
        many = count()
        self.assertEqual((few[1], many[1]), (3, 20))
        self.assertEqual(many[0], few[0])

    def test_list_requires_authentication(self):
        response = self.client.get("/api/appreciations")
        self.assertError(response, 401, "unauthenticated")
        self.assertNotIn("lift", response.content.decode())

    # POST /api/appreciations

    def test_create_keeps_a_draft(self):
        response = self.call("post", "", self.alice, {"what": "  The soup  ", "meant": " Care "})
        self.assertEqual(response.status_code, 201)
        data = response.json()
        self.assertEqual(set(data), KEYS)
        made = Appreciation.objects.get(public_id=data["id"])
        self.assertEqual((made.what, made.meant), ("The soup", "Care"))
        self.assertEqual(made.visibility, Visibility.PRIVATE)
        self.assertIsNone(made.couple)
        self.assertEqual((data["what"], data["meant"], data["sent_at"]), ("The soup", "Care", None))
        self.assertTrue(data["mine"])
        self.assertEqual(self.call("get", f"/{data['id']}", self.bob).status_code, 404)

    def test_create_can_send(self):
        response = self.call("post", "", self.alice, {"what": "The soup", "send": True})
        self.assertEqual(response.status_code, 201)
        made = Appreciation.objects.get(public_id=response.json()["id"])
        self.assertEqual(made.visibility, Visibility.SHARED)
        self.assertEqual(made.couple, self.world.couple)
        self.assertIsNotNone(response.json()["sent_at"])
        seen = self.call("get", f"/{made.public_id}", self.bob)
        self.assertEqual(seen.status_code, 200)
        self.assertFalse(seen.json()["mine"])

    def test_create_works_alone_but_a_refused_send_keeps_no_copy(self):
        response = self.call("post", "", self.dan, {"what": "Alone"})
        self.assertEqual(response.status_code, 201)
        before = snapshot()
        response = self.call("post", "", self.dan, {"what": "Alone, sent", "send": True})
        self.assertError(response, 409, "not_paired")
        self.assertIn("nothing was saved", response.json()["detail"])
        self.assertEqual(snapshot(), before)

    def test_script_text_is_returned_as_written(self):
        response = self.call("post", "", self.alice, {"what": SCRIPT, "meant": SCRIPT})
        self.assertEqual(response.status_code, 201)
        self.assertEqual((response.json()["what"], response.json()["meant"]), (SCRIPT, SCRIPT))
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(Appreciation.objects.get(public_id=response.json()["id"]).what, SCRIPT)

    def bad_bodies(self):
        return [
            ("empty what", {"what": ""}),
            ("blank what", {"what": " \n\t "}),
            ("no what", {"meant": "x"}),
            ("long what", {"what": "x" * 401}),
            ("long meant", {"what": "ok", "meant": "y" * 401}),
            ("what a number", {"what": 5}),
            ("what a list", {"what": ["a"]}),
            ("what null", {"what": None}),
            ("meant a number", {"what": "ok", "meant": 5}),
            ("send a word", {"what": "ok", "send": "please"}),
            ("NUL", {"what": "o\x00k"}),
            ("body a list", ["what"]),
            ("body a string", "what"),
        ]

    def test_create_and_update_refuse_bad_input(self):
        before = snapshot()
        draft = self.world.alice_appreciation_draft
        for name, body in self.bad_bodies():
            response = self.call("post", "", self.alice, body)
            self.assertError(response, 422, "invalid", name)
            response = self.call("put", f"/{draft.public_id}", self.alice, body)
            self.assertError(response, 422, "invalid", name)
        self.assertEqual(snapshot(), before)

    def test_create_refuses_malformed_json(self):
        from hearth.accounts.services import token_create

        before = snapshot()
        response = self.client.post(
            "/api/appreciations",
            data="{not json",
            content_type="application/json",
            HTTP_AUTHORIZATION="Bearer " + token_create(user=self.alice, name="t")[1],
        )
        self.assertIn(response.status_code, (400, 422))
        self.assertEqual(snapshot(), before)

    def test_create_with_the_session_needs_a_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        before = snapshot()
        response = client.post("/api/appreciations", {"what": "x"}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(snapshot(), before)

    # GET /api/appreciations/{id}

    def test_get_follows_who_may_see(self):
        sent, draft = self.world.alice_appreciation, self.world.alice_appreciation_draft
        self.assertEqual(self.call("get", f"/{sent.public_id}", self.bob).status_code, 200)
        self.assertEqual(self.call("get", f"/{draft.public_id}", self.alice).status_code, 200)
        for person, item in (
            (self.bob, draft),
            (self.carol, sent),
            (self.dan, sent),
            (self.dan, draft),
        ):
            self.assertError(self.call("get", f"/{item.public_id}", person), 404, "not_found")
        self.assertError(self.call("get", f"/{uuid.uuid4()}", self.alice), 404, "not_found")
        self.assertError(self.call("get", "/not-a-uuid", self.alice), 422, "invalid")

    # PUT /api/appreciations/{id}

    def test_update_changes_a_draft(self):
        draft = self.world.alice_appreciation_draft
        response = self.call(
            "put", f"/{draft.public_id}", self.alice, {"what": " New ", "meant": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual((response.json()["what"], response.json()["meant"]), ("New", ""))
        draft = fresh(draft)
        self.assertEqual((draft.what, draft.meant), ("New", ""))
        self.assertIsNone(draft.sent_at)

    def test_update_can_send(self):
        draft = self.world.alice_appreciation_draft
        response = self.call(
            "put", f"/{draft.public_id}", self.alice, {"what": "New", "send": True}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(response.json()["sent_at"])
        self.assertEqual(fresh(draft).visibility, Visibility.SHARED)

    def test_update_refuses_a_sent_one_and_other_peoples(self):
        before = snapshot()
        sent, draft = self.world.alice_appreciation, self.world.alice_appreciation_draft
        self.assertError(
            self.call("put", f"/{sent.public_id}", self.alice, {"what": "Rewritten"}), 409, "sent"
        )
        for person in (self.bob, self.carol):
            for item in (sent, draft):
                response = self.call("put", f"/{item.public_id}", person, {"what": "Mine"})
                self.assertError(response, 404, "not_found")
        self.assertError(
            self.call("put", f"/{uuid.uuid4()}", self.alice, {"what": "x"}), 404, "not_found"
        )
        self.assertError(self.call("put", "/nope", self.alice, {"what": "x"}), 422, "invalid")
        self.assertEqual(snapshot(), before)

    # POST /api/appreciations/{id}/send

    def test_send_shares_a_draft(self):
        draft = self.world.alice_appreciation_draft
        response = self.call("post", f"/{draft.public_id}/send", self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(response.json()["sent_at"])
        self.assertEqual(fresh(draft).couple, self.world.couple)
        self.assertEqual(self.call("get", f"/{draft.public_id}", self.bob).status_code, 200)

    def test_send_refusals(self):
        dan_draft = make_appreciation(self.dan, "Dan's draft", sent=False)
        before = snapshot()
        response = self.call("post", f"/{dan_draft.public_id}/send", self.dan)
        self.assertError(response, 409, "not_paired")
        draft = self.world.alice_appreciation_draft
        self.assertError(self.call("post", f"/{draft.public_id}/send", self.bob), 404, "not_found")
        self.assertError(self.call("post", f"/{uuid.uuid4()}/send", self.alice), 404, "not_found")
        self.assertEqual(snapshot(), before)

    def test_sending_a_sent_one_again_changes_nothing(self):
        sent = self.world.alice_appreciation
        before = snapshot()
        response = self.call("post", f"/{sent.public_id}/send", self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(snapshot(), before)

    # DELETE /api/appreciations/{id}

    def test_delete_own(self):
        for item in (self.world.alice_appreciation, self.world.alice_appreciation_draft):
            response = self.call("delete", f"/{item.public_id}", self.alice)
            self.assertEqual(response.status_code, 204)
            self.assertFalse(Appreciation.objects.filter(pk=item.pk).exists())

    def test_delete_refuses_others(self):
        before = snapshot()
        for person in (self.bob, self.carol, self.dan):
            for item in (self.world.alice_appreciation, self.world.alice_appreciation_draft):
                response = self.call("delete", f"/{item.public_id}", person)
                self.assertError(response, 404, "not_found")
        self.assertError(self.call("delete", "/not-a-uuid", self.alice), 422, "invalid")
        self.assertEqual(snapshot(), before)

    def test_wrong_methods_are_refused(self):
        before = snapshot()
        sent = self.world.alice_appreciation
        self.assertEqual(self.call("patch", f"/{sent.public_id}", self.alice, {}).status_code, 405)
        self.assertEqual(self.call("delete", "", self.alice).status_code, 405)
        self.assertEqual(self.call("get", f"/{sent.public_id}/send", self.alice).status_code, 405)
        self.assertEqual(snapshot(), before)
