import uuid
from datetime import UTC, datetime, time, timedelta

import time_machine
from django.utils import timezone

from hearth.couples.models import Couple
from hearth.stateofus import services
from hearth.stateofus.models import Meeting, MeetingNote, MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot
from hearth.testing import make_meeting

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # a Tuesday


class ApiStateOfUsTests(MeetingTestCase):
    """/api/state-of-us: every operation, through HTTP with a token."""

    def call(self, method, path, person, body=None):
        return self.api(method, f"/state-of-us{path}", person, body)

    def assertError(self, response, status, code):
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json()["code"], code)
        self.assertTrue(response.json()["detail"])

    def shown_notes(self, body) -> list[tuple]:
        return [
            (n["author"]["display_name"], n["step"], n["text"], n["mine"]) for n in body["notes"]
        ]

    # GET /api/state-of-us

    def test_list_works(self):
        response = self.call("get", "", self.bob)
        self.assertEqual(response.status_code, 200)
        [meeting] = response.json()["items"]
        self.assertEqual(meeting["id"], str(self.meeting.public_id))
        self.assertEqual(meeting["week_of"], self.meeting.week_of.isoformat())
        self.assertEqual((meeting["open"], meeting["closed_at"]), (True, None))
        self.assertEqual(
            self.shown_notes(meeting),
            [
                ("Alice", "appreciations", "Alice thanks Bob for the soup", False),
                ("Bob", "topic", "Bob's topic about the weekend", True),
            ],
        )
        self.assertIsNone(response.json()["next_before"])

    def test_list_shows_each_only_what_they_may(self):
        dan = self.call("get", "", self.dan).json()["items"]
        self.assertEqual([m["id"] for m in dan], [str(self.world.old_meeting.public_id)])
        self.assertEqual(self.shown_notes(dan[0]), [("Dan", "plan", "Dan's old plan", True)])
        self.assertFalse(dan[0]["open"])
        alice = self.call("get", "", self.alice).json()["items"]
        self.assertEqual([m["id"] for m in alice], [str(self.meeting.public_id)])
        self.assertEqual(self.call("get", "", self.carol).json()["items"], [])

    def test_list_pages(self):
        now = timezone.now()
        made = []
        for n in range(4):
            meeting, _ = make_meeting(self.world.other_couple, starter=self.carol, closed=True)
            Meeting.objects.filter(pk=meeting.pk).update(created_at=now - timedelta(days=n + 1))
            made.append(meeting)
        first = self.call("get", "?limit=3", self.erin).json()
        self.assertEqual([m["id"] for m in first["items"]], [str(m.public_id) for m in made[:3]])
        self.assertEqual(first["next_before"], str(made[2].public_id))
        rest = self.call("get", f"?before={first['next_before']}", self.erin).json()
        self.assertEqual([m["id"] for m in rest["items"]], [str(made[3].public_id)])
        self.assertIsNone(rest["next_before"])

    def test_list_checks_its_query(self):
        for query in ("?limit=0", "?limit=51", "?limit=x", "?before=nope"):
            with self.subTest(query=query):
                self.assertError(self.call("get", query, self.alice), 422, "invalid")

    # POST /api/state-of-us

    def test_start_works(self):
        with time_machine.travel(NOW, tick=False):
            response = self.call("post", "", self.carol)
        self.assertEqual(response.status_code, 201)
        body = response.json()
        meeting = Meeting.objects.get(couple=self.world.other_couple)
        self.assertEqual(body["id"], str(meeting.public_id))
        self.assertEqual((body["week_of"], body["open"], body["notes"]), ("2026-11-30", True, []))
        self.assertEqual((meeting.started_by, meeting.closed_at), (self.carol, None))

    def test_start_refuses_a_second_open_meeting(self):
        before = snapshot()
        response = self.call("post", "", self.bob)
        self.assertError(response, 409, "already_open")
        self.assertEqual(snapshot(), before)

    def test_start_needs_a_partner(self):
        before = snapshot()
        self.assertError(self.call("post", "", self.dan), 409, "not_paired")
        self.assertEqual(snapshot(), before)

    # GET /api/state-of-us/{id}

    def test_get_works(self):
        body = self.call("get", f"/{self.meeting.public_id}", self.alice).json()
        self.assertEqual(
            self.shown_notes(body),
            [
                ("Alice", "appreciations", "Alice thanks Bob for the soup", True),
                ("Bob", "topic", "Bob's topic about the weekend", False),
            ],
        )
        self.assertEqual(body["notes"][0]["id"], str(self.world.alice_meeting_note.public_id))

    def test_get_is_404_to_outsiders(self):
        for person, meeting in (
            (self.carol, self.meeting),
            (self.dan, self.meeting),
            (self.alice, self.world.old_meeting),
            (self.bob, self.world.old_meeting),
        ):
            with self.subTest(person=person.display_name):
                response = self.call("get", f"/{meeting.public_id}", person)
                self.assertError(response, 404, "not_found")
                self.assertNotIn("plan", response.content.decode())
        self.assertError(self.call("get", f"/{uuid.uuid4()}", self.alice), 404, "not_found")

    # POST /api/state-of-us/{id}/notes

    def test_note_add_works(self):
        response = self.call(
            "post",
            f"/{self.meeting.public_id}/notes",
            self.bob,
            {"step": "plan", "text": " Picnic "},
        )
        self.assertEqual(response.status_code, 201)
        self.assertIn(("Bob", "plan", "Picnic", True), self.shown_notes(response.json()))
        note = MeetingNote.objects.get(author=self.bob, step="plan")
        self.assertEqual((note.text, note.visibility), ("Picnic", "shared"))

    def test_note_add_refusals(self):
        path = f"/{self.meeting.public_id}/notes"
        before = snapshot()
        self.assertError(
            self.call("post", path, self.bob, {"step": "topic", "text": "Another"}), 409, "limit"
        )
        self.assertError(
            self.call("post", path, self.carol, {"step": "plan", "text": "x"}), 404, "not_found"
        )
        old = f"/{self.world.old_meeting.public_id}/notes"
        self.assertError(
            self.call("post", old, self.dan, {"step": "plan", "text": "x"}), 404, "not_member"
        )
        self.assertEqual(snapshot(), before)
        services.meeting_close(meeting=self.meeting, person=self.alice)
        before = snapshot()
        self.assertError(
            self.call("post", path, self.alice, {"step": "plan", "text": "x"}), 409, "closed"
        )
        self.assertEqual(snapshot(), before)

    # DELETE /api/state-of-us/{id}/notes/{note}

    def test_note_delete_works(self):
        note = self.world.alice_meeting_note
        response = self.call(
            "delete", f"/{self.meeting.public_id}/notes/{note.public_id}", self.alice
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [n["id"] for n in response.json()["notes"]],
            [str(self.world.bob_meeting_note.public_id)],
        )
        self.assertFalse(MeetingNote.objects.filter(pk=note.pk).exists())

    def test_note_delete_refusals(self):
        before = snapshot()
        alices = f"/{self.meeting.public_id}/notes/{self.world.alice_meeting_note.public_id}"
        self.assertError(self.call("delete", alices, self.bob), 404, "not_found")
        self.assertError(self.call("delete", alices, self.carol), 404, "not_found")
        self.assertError(
            self.call("delete", f"/{self.meeting.public_id}/notes/{uuid.uuid4()}", self.alice),
            404,
            "not_found",
        )
        old = (
            f"/{self.world.old_meeting.public_id}/notes/{self.world.dan_old_meeting_note.public_id}"
        )
        self.assertError(self.call("delete", old, self.dan), 409, "closed")
        self.assertEqual(snapshot(), before)

    # POST /api/state-of-us/{id}/close

    def test_close_works(self):
        response = self.call("post", f"/{self.meeting.public_id}/close", self.bob)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertFalse(body["open"])
        self.assertIsNotNone(body["closed_at"])
        self.assertEqual(len(body["notes"]), 2)
        self.assertFalse(self.fresh().is_open)

    def test_close_refusals(self):
        before = snapshot()
        self.assertError(
            self.call("post", f"/{self.meeting.public_id}/close", self.carol), 404, "not_found"
        )
        self.assertError(
            self.call("post", f"/{self.world.old_meeting.public_id}/close", self.dan),
            404,
            "not_member",
        )
        self.assertEqual(snapshot(), before)
        self.call("post", f"/{self.meeting.public_id}/close", self.alice)
        before = snapshot()
        self.assertError(
            self.call("post", f"/{self.meeting.public_id}/close", self.bob), 409, "closed"
        )
        self.assertEqual(snapshot(), before)

    # /api/state-of-us/time

    def test_time_get_works(self):
        with time_machine.travel(NOW, tick=False):
            response = self.call("get", "/time", self.bob)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"weekday": 6, "at": "19:00", "minutes": 30, "next_at": "2026-12-06T19:00:00Z"},
        )

    def test_time_is_given_in_the_couples_zone(self):
        Couple.objects.filter(pk=self.world.couple.pk).update(timezone="America/New_York")
        with time_machine.travel(NOW, tick=False):
            body = self.call("get", "/time", self.alice).json()
        self.assertEqual(body["next_at"], "2026-12-06T19:00:00-05:00")

    def test_time_get_without_a_time(self):
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                self.assertError(self.call("get", "/time", person), 404, "not_set")

    def test_time_set_works(self):
        with time_machine.travel(NOW, tick=False):
            response = self.call(
                "put", "/time", self.erin, {"weekday": 3, "at": "08:45", "minutes": 15}
            )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"weekday": 3, "at": "08:45", "minutes": 15, "next_at": "2026-12-03T08:45:00Z"},
        )
        row = MeetingTime.objects.get(couple=self.world.other_couple)
        self.assertEqual(
            (row.weekday, row.at, row.minutes, row.set_by), (3, time(8, 45), 15, self.erin)
        )

    def test_time_set_defaults_to_half_an_hour_and_changes_the_one_time(self):
        response = self.call("put", "/time", self.bob, {"weekday": 0, "at": "21:00"})
        self.assertEqual(response.json()["minutes"], 30)
        self.assertEqual(MeetingTime.objects.filter(couple=self.world.couple).count(), 1)
        row = MeetingTime.objects.get(couple=self.world.couple)
        self.assertEqual((row.weekday, row.at, row.set_by), (0, time(21, 0), self.bob))

    def test_time_set_needs_a_partner(self):
        before = snapshot()
        self.assertError(
            self.call("put", "/time", self.dan, {"weekday": 1, "at": "19:00"}), 409, "not_paired"
        )
        self.assertEqual(snapshot(), before)

    def test_time_clear_works(self):
        response = self.call("delete", "/time", self.alice)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.content, b"")
        self.assertFalse(MeetingTime.objects.filter(couple=self.world.couple).exists())
        self.assertError(self.call("get", "/time", self.bob), 404, "not_set")

    def test_time_clear_needs_a_partner(self):
        before = snapshot()
        self.assertError(self.call("delete", "/time", self.dan), 409, "not_paired")
        self.assertEqual(snapshot(), before)

    def test_everything_requires_a_token(self):
        before = snapshot()
        m = self.meeting.public_id
        n = self.world.alice_meeting_note.public_id
        for method, path in (
            ("get", ""),
            ("post", ""),
            ("get", f"/{m}"),
            ("post", f"/{m}/notes"),
            ("delete", f"/{m}/notes/{n}"),
            ("post", f"/{m}/close"),
            ("get", "/time"),
            ("put", "/time"),
            ("delete", "/time"),
        ):
            with self.subTest(method=method, path=path):
                kwargs = (
                    {} if method == "get" else {"data": "{}", "content_type": "application/json"}
                )
                response = getattr(self.client, method)(f"/api/state-of-us{path}", **kwargs)
                self.assertError(response, 401, "unauthenticated")
        self.assertEqual(snapshot(), before)
