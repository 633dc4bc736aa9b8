import uuid

from django.utils.html import escape

from hearth.stateofus.models import NOTE_MAX, MeetingNote
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import alerts, main_of

SCRIPT = "<script>alert('hi')</script> & <b>bold</b> \"quoted\""


class BadInputTests(MeetingTestCase):
    """What people (or scripts) may send that the meeting pages and API must survive:
    a clear message or a 4xx, never a 500, and nothing changed."""

    def test_the_note_form_refuses_bad_input(self):
        cases = [
            ("empty", {"step": "plan", "text": ""}),
            ("blank", {"step": "plan", "text": "  \n\t "}),
            ("long", {"step": "plan", "text": "x" * (NOTE_MAX + 1)}),
            ("NUL", {"step": "plan", "text": "a\x00b"}),
            ("unknown step", {"step": "feelings", "text": "Something"}),
            ("no step", {"text": "Something"}),
            ("no text", {"step": "plan"}),
            ("nothing", {}),
        ]
        before = snapshot()
        for name, data in cases:
            for extra in ({}, {"coach": "1"}):
                for htmx in (False, True):
                    with self.subTest(case=name, coach=bool(extra), htmx=htmx):
                        response = self.post(
                            self.alice, url("note_add", self.meeting), {**data, **extra}, htmx=htmx
                        )
                        self.assertEqual(response.status_code, 422)
                        self.assertTrue(alerts(response), "no message shown")
        self.assertEqual(snapshot(), before)

    def test_the_time_form_refuses_bad_input(self):
        cases = [
            {"weekday": "9", "at": "19:00", "minutes": "30"},
            {"weekday": "7", "at": "19:00", "minutes": "30"},
            {"weekday": "x", "at": "19:00", "minutes": "30"},
            {"weekday": "6", "at": "25:00", "minutes": "30"},
            {"weekday": "6", "at": "24:00", "minutes": "30"},
            {"weekday": "6", "at": "19", "minutes": "30"},
            {"weekday": "6", "at": "19:00\x00", "minutes": "30"},
            {"weekday": "6", "at": "19:00", "minutes": "17"},
            {"weekday": "6", "at": "19:00", "minutes": "-15"},
            {"weekday": "6", "at": "19:00", "minutes": "half"},
        ]
        before = snapshot()
        for data in cases:
            with self.subTest(data=data):
                response = self.post(self.bob, url("time_set"), data)
                self.assertEqual(response.status_code, 422)
                self.assertTrue(alerts(response), "no message shown")
        self.assertEqual(snapshot(), before)

    def test_the_api_refuses_bad_notes(self):
        path = f"/state-of-us/{self.meeting.public_id}/notes"
        cases = [
            {"step": "plan", "text": ""},
            {"step": "plan", "text": "   "},
            {"step": "plan", "text": "x" * (NOTE_MAX + 1)},
            {"step": "plan", "text": "a\x00b"},
            {"step": "plan", "text": "\ud800"},
            {"step": "plan", "text": None},
            {"step": "plan", "text": 3},
            {"step": "plan"},
            {"step": "feelings", "text": "x"},
            {"step": "", "text": "x"},
            {"step": None, "text": "x"},
            {"text": "x"},
            {},
        ]
        before = snapshot()
        for body in cases:
            with self.subTest(body=body):
                response = self.api("post", path, self.alice, body)
                self.assertEqual(response.status_code, 422, response.content)
                self.assertEqual(response.json()["code"], "invalid")
        self.assertEqual(snapshot(), before)

    def test_the_api_refuses_bad_times(self):
        cases = [
            {"weekday": 9, "at": "19:00"},
            {"weekday": 7, "at": "19:00"},
            {"weekday": -1, "at": "19:00"},
            {"weekday": "3", "at": "19:00"},
            {"weekday": True, "at": "19:00"},
            {"weekday": 2.5, "at": "19:00"},
            {"weekday": None, "at": "19:00"},
            {"weekday": 3, "at": "25:00"},
            {"weekday": 3, "at": "24:00"},
            {"weekday": 3, "at": "19:60"},
            {"weekday": 3, "at": "7:00"},
            {"weekday": 3, "at": "19:00:00"},
            {"weekday": 3, "at": "19:00+01:00"},
            {"weekday": 3, "at": 1900},
            {"weekday": 3, "at": ""},
            {"weekday": 3, "at": "19:00", "minutes": 17},
            {"weekday": 3, "at": "19:00", "minutes": "30"},
            {"weekday": 3, "at": "19:00", "minutes": True},
            {"weekday": 3, "at": "19:00", "minutes": 0},
            {"weekday": 3},
            {"at": "19:00"},
        ]
        before = snapshot()
        for body in cases:
            with self.subTest(body=body):
                response = self.api("put", "/state-of-us/time", self.alice, body)
                self.assertEqual(response.status_code, 422, response.content)
                self.assertEqual(response.json()["code"], "invalid")
        self.assertEqual(snapshot(), before)

    def test_the_api_refuses_a_body_that_is_not_json(self):
        before = snapshot()
        self.api("get", "/state-of-us", self.alice)  # makes the token
        header = {"HTTP_AUTHORIZATION": f"Bearer {self._api_tokens[self.alice.pk]}"}
        for method, path in (
            ("post", f"/api/state-of-us/{self.meeting.public_id}/notes"),
            ("put", "/api/state-of-us/time"),
        ):
            response = getattr(self.client, method)(
                path, data="{not json", content_type="application/json", **header
            )
            self.assertEqual(response.status_code, 400, path)
        self.assertEqual(snapshot(), before)

    def test_malformed_and_unknown_ids(self):
        before = snapshot()
        self.client.force_login(self.alice)
        m = self.meeting.public_id
        self.assertEqual(self.client.get("/state-of-us/not-a-uuid/").status_code, 404)
        for path in (
            "/state-of-us/not-a-uuid/notes/",
            f"/state-of-us/{m}/notes/not-a-uuid/delete/",
            "/state-of-us/123/close/",
            f"/state-of-us/{uuid.uuid4()}/notes/",
            f"/state-of-us/{uuid.uuid4()}/close/",
            f"/state-of-us/{m}/notes/{uuid.uuid4()}/delete/",
        ):
            with self.subTest(path=path):
                response = self.client.post(path, {"step": "plan", "text": "x"})
                self.assertEqual(response.status_code, 404)
        for method, path, body in (
            ("get", "/state-of-us/not-a-uuid", None),
            ("post", "/state-of-us/not-a-uuid/notes", {"step": "plan", "text": "x"}),
            ("delete", f"/state-of-us/{m}/notes/not-a-uuid", None),
            ("post", "/state-of-us/1/close", None),
        ):
            with self.subTest(path=path):
                response = self.api(method, path, self.alice, body)
                self.assertEqual(response.status_code, 422)
        self.assertEqual(snapshot(), before)

    def test_wrong_methods_get_405(self):
        before = snapshot()
        self.client.force_login(self.alice)
        m, n = self.meeting, self.world.alice_meeting_note
        for path in (
            url("note_add", m),
            url("note_delete", m, n),
            url("close", m),
            url("time_set"),
        ):
            self.assertEqual(self.client.get(path).status_code, 405, path)
        for method in ("put", "delete", "patch"):
            for path in (url("index"), url("meeting", m), url("time_ics")):
                self.assertEqual(getattr(self.client, method)(path).status_code, 405, path)
        for method, path in (
            ("delete", "/state-of-us"),
            ("put", f"/state-of-us/{m.public_id}"),
            ("delete", f"/state-of-us/{m.public_id}"),
            ("get", f"/state-of-us/{m.public_id}/close"),
            ("get", f"/state-of-us/{m.public_id}/notes"),
            ("post", "/state-of-us/time"),
        ):
            with self.subTest(method=method, path=path):
                body = None if method == "get" else {}
                self.assertEqual(self.api(method, path, self.alice, body).status_code, 405)
        self.assertEqual(snapshot(), before)

    def test_script_text_is_stored_as_written_and_shown_escaped(self):
        response = self.post(
            self.alice, url("note_add", self.meeting), {"step": "plan", "text": SCRIPT}
        )
        self.assertRedirects(response, url("meeting", self.meeting) + "#step-plan")
        self.assertEqual(MeetingNote.objects.get(author=self.alice, step="plan").text, SCRIPT)
        for person in (self.alice, self.bob):
            for htmx in (False, True):
                with self.subTest(person=person.display_name, htmx=htmx):
                    main = main_of(self.get(person, url("meeting", self.meeting), htmx=htmx))
                    self.assertEqual(main.count(escape(SCRIPT)), 1)
                    self.assertNotIn("<script>alert", main)
                    self.assertNotIn("<b>bold</b>", main)
            body = self.api("get", f"/state-of-us/{self.meeting.public_id}", person).json()
            self.assertIn(SCRIPT, [n["text"] for n in body["notes"]])

    def test_script_text_in_the_coach_is_shown_escaped(self):
        response = self.post(
            self.alice,
            url("note_add", self.meeting),
            {"step": "topic", "text": f"You never listen {SCRIPT}", "coach": "1"},
        )
        main = main_of(response)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<script>alert", main)
        self.assertNotIn("<b>bold</b>", main)
        self.assertIn(escape("<script>alert('hi')</script>"), main)
        self.assertFalse(MeetingNote.objects.filter(author=self.alice, step="topic").exists())
