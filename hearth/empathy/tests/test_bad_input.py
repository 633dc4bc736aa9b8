import uuid

from django.utils.html import escape

from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse, Role
from hearth.empathy.services import perspective_guess
from hearth.empathy.tests.helpers import (
    choices,
    form_data,
    fresh,
    picker_data,
    stored_feelings,
    url,
)
from hearth.testing import HearthTestCase, main_of

SEVEN = {"hurt": 1, "sad": 2, "lonely": 3, "angry": 4, "tired": 5, "calm": 1, "happy": 2}
MARKUP = "<script>alert('hi')</script> & <b>bold</b> \"quoted\""


class BadInputTests(HearthTestCase):
    def snapshot(self):
        draft = fresh(self.world.alice_perspective_draft)
        sent = fresh(self.world.alice_perspective)
        return (
            PerspectiveCheck.objects.count(),
            PerspectiveFeeling.objects.count(),
            PerspectiveResponse.objects.count(),
            draft.situation,
            stored_feelings(draft),
            sent.guessed_at,
            stored_feelings(sent, Role.GUESS),
        )

    def form_cases(self):
        return [
            ("empty situation", form_data("", {"hurt": 2})),
            ("blank situation", form_data("   \n  ", {"hurt": 2})),
            ("long situation", form_data("x" * 601, {"hurt": 2})),
            ("no feeling", form_data("Something", {})),
            ("seven feelings", form_data("Something", SEVEN)),
            ("unknown feeling", {"situation": "Something", "feel_grumpish": "on"}),
            ("intensity 0", form_data("Something", {"hurt": 0})),
            ("intensity 6", form_data("Something", {"hurt": 6})),
            ("intensity word", form_data("Something", {"hurt": "lots"})),
            ("NUL in text", form_data("Some\x00thing", {"hurt": 2})),
        ]

    def api_cases(self):
        return [
            ("empty situation", {"situation": "", "feelings": {"hurt": 2}}),
            ("blank situation", {"situation": "  \n ", "feelings": {"hurt": 2}}),
            ("long situation", {"situation": "x" * 601, "feelings": {"hurt": 2}}),
            ("no situation", {"feelings": {"hurt": 2}}),
            ("no feeling", {"situation": "Something", "feelings": {}}),
            ("no feelings field", {"situation": "Something"}),
            ("seven feelings", {"situation": "Something", "feelings": SEVEN}),
            ("unknown feeling", {"situation": "Something", "feelings": {"grumpish": 2}}),
            ("intensity 0", {"situation": "Something", "feelings": {"hurt": 0}}),
            ("intensity 6", {"situation": "Something", "feelings": {"hurt": 6}}),
            ("intensity text", {"situation": "Something", "feelings": {"hurt": "3"}}),
            ("intensity true", {"situation": "Something", "feelings": {"hurt": True}}),
            ("intensity 2.5", {"situation": "Something", "feelings": {"hurt": 2.5}}),
            ("feelings as list", {"situation": "Something", "feelings": ["hurt"]}),
            ("NUL in text", {"situation": "Some\x00thing", "feelings": {"hurt": 2}}),
        ]

    def test_the_new_page_refuses_bad_input(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        for name, data in self.form_cases():
            response = self.client.post(url("new"), data)
            self.assertEqual(response.status_code, 422, name)
            self.assertIn('role="alert"', main_of(response), name)
        self.assertEqual(self.snapshot(), before)

    def test_the_edit_page_refuses_bad_input(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        for name, data in self.form_cases():
            response = self.client.post(url("edit", self.world.alice_perspective_draft), data)
            self.assertEqual(response.status_code, 422, name)
        self.assertEqual(self.snapshot(), before)

    def test_the_guess_page_refuses_bad_input(self):
        before = self.snapshot()
        self.client.force_login(self.bob)
        for name, data in (
            ("no feeling", {}),
            ("seven feelings", picker_data(SEVEN)),
            ("unknown feeling", {"feel_grumpish": "on"}),
            ("intensity 0", picker_data({"hurt": 0})),
            ("intensity 6", picker_data({"hurt": 6})),
        ):
            response = self.client.post(url("guess", self.world.alice_perspective), data)
            self.assertEqual(response.status_code, 422, name)
            self.assertNotIn("(4/5)", main_of(response), name)
        self.assertEqual(self.snapshot(), before)

    def test_the_api_refuses_bad_input(self):
        before = self.snapshot()
        draft = self.world.alice_perspective_draft
        for name, body in self.api_cases():
            response = self.api("post", "/perspective", self.alice, body)
            self.assertEqual(response.status_code, 422, name)
            self.assertEqual(response.json()["code"], "invalid", name)
            response = self.api("put", f"/perspective/{draft.public_id}", self.alice, body)
            self.assertEqual(response.status_code, 422, name)
        self.assertEqual(self.snapshot(), before)

    def test_the_api_refuses_a_bad_guess_or_response(self):
        before = self.snapshot()
        path = f"/perspective/{self.world.alice_perspective.public_id}"
        for feelings in ({}, SEVEN, {"grumpish": 2}, {"hurt": 0}, {"hurt": 6}, {"hurt": "3"}, None):
            response = self.api("post", f"{path}/guess", self.bob, {"feelings": feelings})
            self.assertEqual(response.status_code, 422, feelings)
            self.assertEqual(response.json()["code"], "invalid")
        self.assertEqual(self.snapshot(), before)
        perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices({"sad": 1}),
        )
        for text in ("", "  ", "x" * 501, "a\x00b", None, 5):
            response = self.api("put", f"{path}/response", self.bob, {"text": text})
            self.assertEqual(response.status_code, 422, repr(text))
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_the_api_refuses_a_body_that_is_not_json(self):
        before = self.snapshot()
        self.assertEqual(self.api("get", "/perspective", self.alice).status_code, 200)  # a token
        header = {"HTTP_AUTHORIZATION": f"Bearer {self._api_tokens[self.alice.pk]}"}
        response = self.client.post(
            "/api/perspective", data="{not json", content_type="application/json", **header
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["detail"], "Cannot parse request body")
        self.assertEqual(self.snapshot(), before)

    def test_markup_is_stored_as_written_and_shown_escaped(self):
        self.client.force_login(self.alice)
        response = self.client.post(url("new"), form_data(MARKUP, {"hurt": 2}, "send"))
        check = PerspectiveCheck.objects.order_by("-created_at", "-pk")[0]
        self.assertRedirects(response, url("detail", check))
        self.assertEqual(check.situation, MARKUP)
        for person in (self.alice, self.bob):
            self.client.force_login(person)
            for page in (self.client.get(url("detail", check)), self.client.get(url("index"))):
                main = main_of(page)
                self.assertIn(escape(MARKUP), main)
                self.assertNotIn("<script>alert", main)
                self.assertNotIn("<b>bold</b>", main)
        self.assertEqual(
            self.api("get", f"/perspective/{check.public_id}", self.bob).json()["situation"], MARKUP
        )

    def test_a_markup_response_is_shown_escaped(self):
        check = perspective_guess(
            check=fresh(self.world.alice_perspective),
            guesser=self.bob,
            feelings=choices({"sad": 1}),
        )
        self.client.force_login(self.bob)
        self.client.post(url("validate", check), {"text": MARKUP})
        self.assertEqual(PerspectiveResponse.objects.get().text, MARKUP)
        self.client.force_login(self.alice)
        main = main_of(self.client.get(url("detail", check)))
        self.assertIn(escape(MARKUP), main)
        self.assertNotIn("<script>alert", main)

    def test_unknown_ids_get_404(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        missing = uuid.uuid4()
        self.assertEqual(self.client.get(f"/perspective/{missing}/").status_code, 404)
        for name in ("edit", "send", "guess", "validate", "delete"):
            response = self.client.post(
                f"/perspective/{missing}/{name}/", form_data("x", {"hurt": 1})
            )
            self.assertEqual(response.status_code, 404, name)
        for method, suffix, body in (
            ("get", "", None),
            ("put", "", {"situation": "x", "feelings": {"hurt": 1}}),
            ("delete", "", None),
            ("post", "/send", None),
            ("post", "/guess", {"feelings": {"hurt": 1}}),
            ("put", "/response", {"text": "x"}),
        ):
            response = self.api(method, f"/perspective/{missing}{suffix}", self.alice, body)
            self.assertEqual(response.status_code, 404, (method, suffix))
        response = self.api("get", "/perspective/not-a-uuid", self.alice)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(), before)

    def test_wrong_methods_get_405(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        for name in ("edit", "send", "guess", "validate", "delete"):
            response = self.client.get(url(name, self.world.alice_perspective_draft))
            self.assertEqual(response.status_code, 405, name)
        for method in ("put", "delete", "patch"):
            response = getattr(self.client, method)(url("new"))
            self.assertEqual(response.status_code, 405, method)
            response = getattr(self.client, method)(url("detail", self.world.alice_perspective))
            self.assertEqual(response.status_code, 405, method)
        self.assertEqual(self.snapshot(), before)
