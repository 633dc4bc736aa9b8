import uuid

from django.urls import reverse

from hearth.listening.models import Kind, ListeningEntry, ListeningSession
from hearth.listening.tests.helpers import ListeningTestCase, url, words

SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
MOVE_NAMES = ("say", "reflect", "verdict", "pass", "time_out", "resume", "end")


class BadInputTests(ListeningTestCase):
    """What people (or scripts) may send that the listening pages must survive."""

    def test_html_is_stored_as_written_and_shown_escaped(self):
        response = self.post(self.bob, "reflect", {"text": SCRIPT, "question": SCRIPT})
        self.assertRedirects(response, url("session", self.session))
        reflection = self.session.entries.get(kind=Kind.REFLECTION)
        self.assertEqual((reflection.text, reflection.question), (SCRIPT, SCRIPT))
        page = self.get_page(self.alice).content.decode()
        self.assertEqual(page.count(ESCAPED), 2)
        self.assertNotIn("<script>alert", page)
        self.assertNotIn("<img src=x", page)

    def test_html_in_a_topic_and_piece_is_escaped_everywhere(self):
        self.end()
        self.client.force_login(self.alice)
        self.client.post(
            reverse("listening:index"), {"topic": SCRIPT, "mode": "apart", "timer_minutes": "0"}
        )
        session = ListeningSession.objects.get(couple=self.world.couple, state="active")
        self.post(self.alice, "say", {"text": SCRIPT}, session=session)
        self.assertEqual([e.text for e in session.entries.order_by("position")], [SCRIPT, SCRIPT])
        for page in (
            self.get_page(self.bob, session),
            self.client.get(reverse("listening:index")),
        ):
            body = page.content.decode()
            self.assertIn(ESCAPED, body)
            self.assertNotIn("<script>alert", body)
        api = self.api("get", f"/listening/{session.public_id}", self.bob).json()
        self.assertEqual(api["topic"], SCRIPT)

    def test_unicode_is_kept(self):
        text = "Ich fühlte mich 🫶 — 寂しかった"
        self.post(self.bob, "reflect", {"text": text})
        self.assertEqual(self.session.entries.get(kind=Kind.REFLECTION).text, text)
        self.assertIn(text, words(self.get_page(self.alice)))

    def test_empty_and_blank_text_changes_nothing(self):
        before = self.snapshot()
        for data in ({}, {"text": ""}, {"text": " \n\t "}):
            with self.subTest(data=data):
                response = self.post(self.bob, "reflect", data)
                self.assertShows(response, "Please write what you heard", status=422)
                self.assertEqual(self.snapshot(), before)

    def test_too_long_text_changes_nothing(self):
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "r" * 5000})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(), before)
        self.to_landed()
        before = self.snapshot()
        response = self.post(self.alice, "say", {"text": "p" * 5000})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(), before)

    def test_nul_characters_are_refused(self):
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "a\x00b"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(self.snapshot(), before)

    def test_a_strange_verdict_is_refused(self):
        self.reflect()
        before = self.snapshot()
        for value in ("", "maybe", "YES", "1"):
            with self.subTest(value=value):
                response = self.post(self.alice, "verdict", {"got_it": value})
                self.assertEqual(response.status_code, 422)
                self.assertEqual(self.snapshot(), before)

    def test_unknown_sessions_are_not_found(self):
        self.client.force_login(self.alice)
        for name in ("session", *MOVE_NAMES):
            with self.subTest(view=name):
                target = reverse(f"listening:{name}", args=[uuid.uuid4()])
                method = self.client.get if name == "session" else self.client.post
                self.assertEqual(method(target, {"text": "x"}).status_code, 404)
        self.assertEqual(ListeningEntry.objects.filter(text="x").count(), 0)

    def test_malformed_ids_are_not_found(self):
        self.client.force_login(self.alice)
        before = self.snapshot()
        for path in ("/listening/123/", "/listening/not-a-uuid/say/", "/listening/../end/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.post(path, {"text": "x"}).status_code, 404)
        response = self.api("get", "/listening/not-a-uuid", self.alice)
        self.assertEqual((response.status_code, response.json()["code"]), (422, "invalid"))
        self.assertEqual(self.snapshot(), before)

    def test_an_unknown_piece_is_not_found(self):
        self.end()
        before = self.snapshot()
        self.client.force_login(self.bob)
        target = reverse("listening:understood", args=[self.session.public_id, uuid.uuid4()])
        self.assertEqual(self.client.post(target).status_code, 404)
        self.assertEqual(self.snapshot(), before)

    def test_move_urls_reject_get(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        for name in MOVE_NAMES:
            with self.subTest(view=name):
                self.assertEqual(self.client.get(url(name, self.session)).status_code, 405)
        target = url("understood", self.session, self.world.alice_piece)
        self.assertEqual(self.client.get(target).status_code, 405)
        self.assertEqual(self.snapshot(), before)

    def test_other_methods_are_refused_on_the_page(self):
        before = self.snapshot()
        self.client.force_login(self.alice)
        for method in ("put", "delete", "patch"):
            with self.subTest(method=method):
                response = getattr(self.client, method)(url("session", self.session))
                self.assertEqual(response.status_code, 405)
                self.assertEqual(self.snapshot(), before)

    def test_the_start_form_ignores_extra_fields(self):
        # A crafted request cannot choose the speaker or the state.
        self.end()
        self.client.force_login(self.bob)
        self.client.post(
            reverse("listening:index"),
            {
                "topic": "Us",
                "mode": "apart",
                "timer_minutes": "0",
                "speaker": self.alice.pk,
                "state": "ended",
                "phase": "landed",
            },
        )
        session = ListeningSession.objects.get(couple=self.world.couple, state="active")
        self.assertEqual((session.speaker, session.phase), (self.bob, "speaking"))
