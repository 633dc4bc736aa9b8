import uuid

from django.utils.html import escape

from hearth.deeptalk.models import ANSWER_MAX, DeepTalkAnswer
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, main_of

SCRIPT = "<script>alert('hi')</script> & <b>bold</b> \"quoted\""


class BadInputTests(DeepTalkTestCase):
    """What people (or scripts) may send that the deep-talk pages and API must survive:
    a clear message or a 4xx, never a 500, and nothing changed."""

    def form_texts(self):
        return [
            ("empty", ""),
            ("blank", "   \n\t  "),
            ("long", "x" * (ANSWER_MAX + 1)),
            ("NUL", "Some\x00thing"),
        ]

    def api_bodies(self):
        return [
            ("empty", {"text": ""}),
            ("blank", {"text": "  \n "}),
            ("long", {"text": "x" * (ANSWER_MAX + 1)}),
            ("NUL", {"text": "Some\x00thing"}),
            ("null", {"text": None}),
            ("number", {"text": 5}),
            ("list", {"text": ["a"]}),
            ("missing", {}),
            ("lone surrogate", {"text": "\ud800"}),
        ]

    def test_the_answer_page_refuses_bad_text(self):
        before = snapshot()
        for who in (self.bob, self.alice):  # answering, and changing an answer
            for name, text in self.form_texts():
                for htmx in (False, True):
                    with self.subTest(who=who.display_name, case=name, htmx=htmx):
                        response = self.post(
                            who, "answer", {"text": text}, item=self.item, htmx=htmx
                        )
                        self.assertEqual(response.status_code, 422)
                        self.assertTrue(alerts(response), "no message shown")
        self.assertEqual(snapshot(), before)

    def test_the_answer_page_refuses_a_missing_field(self):
        before = snapshot()
        response = self.post(self.bob, "answer", {}, item=self.item)
        self.assertEqual(response.status_code, 422)
        self.assertIn("Write your answer, or skip this one: that's always fine.", alerts(response))
        self.assertEqual(snapshot(), before)

    def test_the_start_form_refuses_bad_modes(self):
        before = snapshot()
        self.client.force_login(self.carol)
        for mode in ("", "shouting", "APART", "apart\x00"):
            with self.subTest(mode=mode):
                response = self.client.post(url("index"), {"mode": mode})
                self.assertEqual(response.status_code, 422)
                self.assertTrue(alerts(response))
        self.assertEqual(snapshot(), before)

    def test_the_api_refuses_bad_answers(self):
        before = snapshot()
        path = f"/deep-talk/{self.talk.public_id}/items/{self.item.public_id}/answer"
        for who in (self.bob, self.alice):
            for name, body in self.api_bodies():
                with self.subTest(who=who.display_name, case=name):
                    response = self.api("put", path, who, body)
                    self.assertEqual(response.status_code, 422, response.content)
                    self.assertEqual(response.json()["code"], "invalid")
                    self.assertEqual(response.json()["errors"][0]["field"], "text")
        self.assertEqual(snapshot(), before)

    def test_the_api_refuses_a_body_that_is_not_json(self):
        before = snapshot()
        self.api("get", "/deep-talk", self.bob)  # makes the token
        header = {"HTTP_AUTHORIZATION": f"Bearer {self._api_tokens[self.bob.pk]}"}
        for method, path in (
            ("post", "/api/deep-talk"),
            ("put", f"/api/deep-talk/{self.talk.public_id}/items/{self.item.public_id}/answer"),
        ):
            response = getattr(self.client, method)(
                path, data="{not json", content_type="application/json", **header
            )
            self.assertEqual(response.status_code, 400, path)
            self.assertEqual(response.json()["detail"], "Cannot parse request body")
        self.assertEqual(snapshot(), before)

    def test_malformed_and_unknown_ids(self):
        before = snapshot()
        self.client.force_login(self.bob)
        talk, item = self.talk.public_id, self.item.public_id
        for path in (
            "/deep-talk/not-a-uuid/",
            f"/deep-talk/{talk}/not-a-uuid/answer/",
            f"/deep-talk/{talk}/{item}x/skip/",
            "/deep-talk/1/pause/",
        ):
            with self.subTest(path=path):
                method = self.client.get if path.count("/") == 3 else self.client.post
                self.assertEqual(method(path, {"text": "x"}).status_code, 404)
        missing = uuid.uuid4()
        for name in ("pause", "resume", "end"):
            self.assertEqual(self.client.post(f"/deep-talk/{missing}/{name}/").status_code, 404)
        for name in ("answer", "tick", "skip"):
            response = self.client.post(f"/deep-talk/{missing}/{item}/{name}/", {"text": "x"})
            self.assertEqual(response.status_code, 404, name)
        for method, path, body in (
            ("get", "/deep-talk/not-a-uuid", None),
            ("put", f"/deep-talk/{talk}/items/not-a-uuid/answer", {"text": "x"}),
            ("post", "/deep-talk/123/pause", None),
        ):
            with self.subTest(path=path):
                response = self.api(method, path, self.bob, body)
                self.assertEqual(response.status_code, 422)
                self.assertEqual(response.json()["code"], "invalid")
        for method, path, body in (
            ("get", f"/deep-talk/{missing}", None),
            ("put", f"/deep-talk/{talk}/items/{missing}/answer", {"text": "x"}),
            ("post", f"/deep-talk/{missing}/items/{item}/skip", None),
            ("post", f"/deep-talk/{missing}/end", None),
        ):
            with self.subTest(path=path):
                self.assertEqual(self.api(method, path, self.bob, body).status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_wrong_methods_get_405(self):
        before = snapshot()
        self.client.force_login(self.bob)
        for name in ("pause", "resume", "end"):
            self.assertEqual(self.client.get(url(name, self.talk)).status_code, 405, name)
        for name in ("answer", "tick", "skip"):
            self.assertEqual(self.client.get(url(name, self.talk, self.item)).status_code, 405)
            self.assertEqual(self.client.put(url(name, self.talk, self.item)).status_code, 405)
        for method in ("put", "delete", "patch"):
            self.assertEqual(getattr(self.client, method)(url("talk", self.talk)).status_code, 405)
            self.assertEqual(getattr(self.client, method)(url("index")).status_code, 405)
        item_base = f"/deep-talk/{self.talk.public_id}/items/{self.item.public_id}"
        for method, path in (
            ("delete", f"/deep-talk/{self.talk.public_id}"),
            ("put", f"/deep-talk/{self.talk.public_id}"),
            ("get", f"{item_base}/answer"),
            ("post", f"{item_base}/answer"),
            ("get", f"{item_base}/skip"),
            ("get", f"/deep-talk/{self.talk.public_id}/end"),
            ("delete", "/deep-talk"),
        ):
            with self.subTest(method=method, path=path):
                body = None if method == "get" else {"text": "x"}
                self.assertEqual(self.api(method, path, self.bob, body).status_code, 405)
        self.assertEqual(snapshot(), before)

    def test_script_text_is_stored_as_written_and_shown_escaped(self):
        self.answer(self.alice, SCRIPT)  # Alice changes her sealed answer
        response = self.post(self.bob, "answer", {"text": SCRIPT}, item=self.item)
        self.assertRedirects(response, url("talk", self.talk))
        stored = [a.text for a in DeepTalkAnswer.objects.filter(item=self.item)]
        self.assertEqual(stored, [SCRIPT, SCRIPT])
        for person in (self.alice, self.bob):
            for htmx in (False, True):
                with self.subTest(person=person.display_name, htmx=htmx):
                    main = main_of(self.get_page(person, htmx=htmx))
                    self.assertEqual(main.count(escape(SCRIPT)), 2)
                    self.assertNotIn("<script>alert", main)
                    self.assertNotIn("<b>bold</b>", main)
            body = self.api("get", f"/deep-talk/{self.talk.public_id}", person).json()
            first = body["items"][0]
            self.assertEqual((first["mine"]["text"], first["theirs"]["text"]), (SCRIPT, SCRIPT))

    def test_script_text_in_a_sealed_answer_is_escaped_for_its_author(self):
        self.post(self.alice, "answer", {"text": SCRIPT}, item=self.item)
        main = main_of(self.get_page(self.alice))
        self.assertEqual(main.count(escape(SCRIPT)), 1)
        self.assertNotIn("<script>alert", main)
        # Changing it: shown once as the answer, once in the change box.
        self.client.force_login(self.alice)
        editing = main_of(self.client.get(url("talk", self.talk) + "?edit=1"))
        self.assertEqual(editing.count(escape(SCRIPT)), 2)
        self.assertNotIn("<script>alert", editing)
        self.assertNotIn(escape(SCRIPT), main_of(self.get_page(self.bob)))
