import uuid

from hearth.stateofus import services
from hearth.stateofus.models import NOTE_MAX, MeetingNote
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import alerts, words

HARSH = "You never listen to me and you always ignore me."
GENTLE = (
    "I feel lonely when we don't talk in the evenings. Could we have dinner together on Friday?"
)


class NoteAddViewTests(MeetingTestCase):
    """POST /state-of-us/<id>/notes/: add a note; coach=1 only shows how it might land."""

    def add(self, person, step="went_well", text="The walk on Saturday", *, htmx=False, **extra):
        return self.post(
            person,
            url("note_add", self.meeting),
            {"step": step, "text": text, **extra},
            htmx=htmx,
        )

    def test_it_works(self):
        response = self.add(self.bob, "went_well", "  The walk on Saturday  ")
        self.assertRedirects(response, url("meeting", self.meeting) + "#step-went_well")
        note = MeetingNote.objects.get(author=self.bob, step="went_well")
        self.assertEqual(
            (note.text, note.visibility, note.couple),
            ("The walk on Saturday", "shared", self.world.couple),
        )

    def test_it_works_with_htmx(self):
        response = self.add(self.alice, "plan", "Dinner on Friday", htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertIn("Dinner on Friday", words(response))
        self.assertEqual(self.notes(step="plan"), [("Alice", "plan", "Dinner on Friday")])

    def test_the_partner_sees_it(self):
        self.add(self.alice, "went_well", "Our Sunday lunch")
        self.assertIn(
            "Alice Our Sunday lunch", words(self.get(self.bob, url("meeting", self.meeting)))
        )

    def test_it_refuses_an_empty_note(self):
        for text in ("", "   \n"):
            for htmx in (False, True):
                with self.subTest(text=text, htmx=htmx):
                    before = snapshot()
                    response = self.add(self.alice, "went_well", text, htmx=htmx)
                    self.assertEqual(response.status_code, 422)
                    self.assertEqual(alerts(response), ["Write a few words first."])
                    self.assertEqual(snapshot(), before)

    def test_it_refuses_a_long_note_and_keeps_the_words(self):
        before = snapshot()
        response = self.add(self.alice, "appreciations", "w" * (NOTE_MAX + 1))
        self.assertEqual(response.status_code, 422)
        self.assertEqual(alerts(response), ["A note can be at most 500 characters; yours has 501."])
        self.assertContains(response, "w" * (NOTE_MAX + 1), status_code=422)
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_unknown_step(self):
        before = snapshot()
        for step in ("feelings", ""):
            with self.subTest(step=step):
                response = self.add(self.alice, step, "Something")
                self.assertEqual(response.status_code, 422)
                self.assertTrue(alerts(response), "no message shown")
        response = self.post(self.alice, url("note_add", self.meeting), {"text": "No step"})
        self.assertEqual(response.status_code, 422)
        self.assertTrue(alerts(response), "no message shown")
        self.assertEqual(snapshot(), before)

    def test_an_unknown_step_says_so(self):
        response = self.add(self.alice, "feelings", "Something")
        self.assertEqual(alerts(response), ["Choose one of the meeting's steps."])

    def test_bad_words_for_a_full_step_still_say_why(self):
        # Bob's topic form is gone (he has one), but a stale page may still send one.
        before = snapshot()
        response = self.add(self.bob, "topic", "   ")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(alerts(response), ["Write a few words first."])
        self.assertEqual(snapshot(), before)
        services.meeting_close(meeting=self.meeting, person=self.bob)
        before = snapshot()
        response = self.add(self.alice, "plan", "p" * (NOTE_MAX + 1))
        self.assertEqual(response.status_code, 422)
        self.assertEqual(alerts(response), ["A note can be at most 500 characters; yours has 501."])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_over_the_limit(self):
        before = snapshot()
        response = self.add(self.bob, "topic", "A second topic")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            alerts(response),
            ["One topic a week is plenty. Remove yours first if you'd like to raise another."],
        )
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        before = snapshot()
        response = self.add(self.alice, "plan", "Too late", htmx=True)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            alerts(response), ["This meeting is closed. Start a new one whenever you like."]
        )
        self.assertEqual(snapshot(), before)

    # "See how it might land"

    def test_the_coach_saves_nothing_and_shows_feedback(self):
        before = snapshot()
        response = self.add(self.alice, "topic", HARSH, coach="1")
        self.assertEqual(response.status_code, 200)
        text = words(response)
        self.assertIn("This might land harder than you mean.", text)
        self.assertIn("“You never listen to”", text)
        self.assertIn("A gentler way to say it", text)
        # The words stay in the box, to change or to add as they are.
        self.assertContains(response, f">{HARSH}</textarea>".replace("'", "&#x27;"))
        self.assertEqual(snapshot(), before)

    def test_the_coach_with_htmx(self):
        before = snapshot()
        response = self.add(self.alice, "topic", GENTLE, coach="1", htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertIn("This reads kindly.", words(response))
        self.assertIn("naming a feeling", words(response))
        self.assertEqual(snapshot(), before)

    def test_the_coach_with_nothing_to_flag(self):
        response = self.add(self.alice, "topic", "Money", coach="1")
        self.assertIn("Nothing here looks likely to sting.", words(response))
        self.assertFalse(MeetingNote.objects.filter(author=self.alice, step="topic").exists())

    def test_the_coach_needs_words_too(self):
        before = snapshot()
        response = self.add(self.alice, "topic", "  ", coach="1")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(alerts(response), ["Write a few words first."])
        self.assertEqual(snapshot(), before)

    def test_adding_after_the_coach_saves_the_words(self):
        self.add(self.alice, "topic", HARSH, coach="1")
        response = self.add(self.alice, "topic", HARSH)
        self.assertRedirects(response, url("meeting", self.meeting) + "#step-topic")
        self.assertEqual(self.notes(step="topic", author=self.alice), [("Alice", "topic", HARSH)])

    # Who may

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            for coach in ({}, {"coach": "1"}):
                with self.subTest(person=person.display_name, coach=coach):
                    response = self.add(person, "plan", "Not mine", **coach)
                    self.assertEqual(response.status_code, 404)
        response = self.post(
            self.dan, url("note_add", self.world.old_meeting), {"step": "plan", "text": "Again"}
        )
        self.assertEqual(response.status_code, 404)
        response = self.post(
            self.alice, f"/state-of-us/{uuid.uuid4()}/notes/", {"step": "plan", "text": "x"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(url("note_add", self.meeting), {"step": "plan", "text": "x"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        self.assertEqual(self.get(self.alice, url("note_add", self.meeting)).status_code, 405)
