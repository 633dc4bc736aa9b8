from hearth.access import Visibility, forget_couple
from hearth.couples.services import couple_unpair
from hearth.stateofus import services
from hearth.stateofus.models import NOTE_MAX, MeetingNote
from hearth.stateofus.tests.helpers import MeetingTestCase

LIMITS = {"appreciations": 3, "went_well": 3, "topic": 1, "plan": 1}
UP_TO_3 = "Up to 3 here is plenty. Remove one first if you'd like to add another."
LIMIT_MESSAGES = {
    "appreciations": UP_TO_3,
    "went_well": UP_TO_3,
    "topic": "One topic a week is plenty. Remove yours first if you'd like to raise another.",
    "plan": "One small plan is enough for a week. Remove yours first to write another.",
}


class NoteAddTests(MeetingTestCase):
    """services.note_add: a shared note in one of the four steps, a few per person."""

    def add(self, author, step="went_well", text="Our walk was lovely", meeting=None):
        return services.note_add(
            meeting=meeting or self.meeting, author=author, step=step, text=text
        )

    def test_it_works(self):
        note = self.add(self.bob, "appreciations", "  Thank you for the flowers  ")
        row = MeetingNote.objects.get(pk=note.pk)
        self.assertEqual(row.text, "Thank you for the flowers")
        self.assertEqual((row.author, row.step), (self.bob, "appreciations"))
        self.assertEqual((row.meeting, row.couple), (self.meeting, self.world.couple))
        self.assertEqual(row.visibility, Visibility.SHARED)
        self.assertEqual(
            self.notes(),
            [
                ("Alice", "appreciations", "Alice thanks Bob for the soup"),
                ("Bob", "topic", "Bob's topic about the weekend"),
                ("Bob", "appreciations", "Thank you for the flowers"),
            ],
        )

    def test_each_step_takes_notes(self):
        for step in LIMITS:
            with self.subTest(step=step):
                note = self.add(self.erin, step, f"Erin's {step}", meeting=self.carols_meeting())
                self.assertEqual(MeetingNote.objects.get(pk=note.pk).step, step)

    def carols_meeting(self):
        found = services.open_meeting(self.world.other_couple)
        return found or services.meeting_start(starter=self.carol)

    def test_each_step_has_its_limit_per_person(self):
        meeting = self.carols_meeting()
        for step, limit in LIMITS.items():
            with self.subTest(step=step):
                for n in range(limit):
                    self.add(self.carol, step, f"{step} {n}", meeting=meeting)
                error = self.assertRefused(
                    lambda step=step: self.add(self.carol, step, "One more", meeting=meeting),
                    code="limit",
                    status=409,
                )
                self.assertEqual(error.message, LIMIT_MESSAGES[step])
                self.assertEqual(
                    MeetingNote.objects.filter(
                        meeting=meeting, author=self.carol, step=step
                    ).count(),
                    limit,
                )

    def test_the_limit_messages(self):
        meeting = self.carols_meeting()
        self.add(self.carol, "topic", "Money", meeting=meeting)
        error = self.assertRefused(
            lambda: self.add(self.carol, "topic", "Chores", meeting=meeting),
            code="limit",
            status=409,
        )
        self.assertEqual(
            error.message,
            "One topic a week is plenty. Remove yours first if you'd like to raise another.",
        )
        self.add(self.carol, "plan", "Walk on Sunday", meeting=meeting)
        error = self.assertRefused(
            lambda: self.add(self.carol, "plan", "Cook", meeting=meeting), code="limit", status=409
        )
        self.assertEqual(
            error.message,
            "One small plan is enough for a week. Remove yours first to write another.",
        )
        for n in range(3):
            self.add(self.carol, "appreciations", f"Thanks {n}", meeting=meeting)
        error = self.assertRefused(
            lambda: self.add(self.carol, "appreciations", "More", meeting=meeting),
            code="limit",
            status=409,
        )
        self.assertEqual(
            error.message, "Up to 3 here is plenty. Remove one first if you'd like to add another."
        )

    def test_the_limit_is_per_person_not_per_couple(self):
        # Bob wrote the topic; Alice may still write hers.
        self.add(self.alice, "topic", "Alice's topic")
        self.assertRefused(lambda: self.add(self.bob, "topic", "Another"), code="limit", status=409)
        self.assertRefused(
            lambda: self.add(self.alice, "topic", "Another"), code="limit", status=409
        )
        self.assertEqual(len(self.notes(step="topic")), 2)

    def test_the_limit_is_per_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.bob)
        meeting = services.meeting_start(starter=self.bob)
        self.add(self.bob, "topic", "This week's topic", meeting=meeting)
        self.assertEqual(len(self.notes(meeting, step="topic")), 1)

    def test_removing_a_note_frees_its_place(self):
        self.assertRefused(lambda: self.add(self.bob, "topic", "Another"), code="limit", status=409)
        services.note_delete(note=self.world.bob_meeting_note, author=self.bob)
        self.add(self.bob, "topic", "Another")
        self.assertEqual(self.notes(step="topic"), [("Bob", "topic", "Another")])

    def test_it_refuses_an_unknown_step(self):
        for step in ("feelings", "", "Topic", None):
            with self.subTest(step=step):
                error = self.assertRefused(
                    lambda step=step: self.add(self.bob, step), code="step", status=400
                )
                self.assertEqual(error.message, "Choose one of the meeting's steps.")

    def test_it_refuses_an_empty_note(self):
        for text in ("", "   ", "\n\t", None):
            with self.subTest(text=text):
                error = self.assertRefused(
                    lambda text=text: self.add(self.bob, text=text), code="empty", status=400
                )
                self.assertEqual(error.message, "Write a few words first.")

    def test_it_allows_the_longest_note(self):
        note = self.add(self.bob, text="n" * NOTE_MAX)
        self.assertEqual(MeetingNote.objects.get(pk=note.pk).text, "n" * NOTE_MAX)

    def test_it_refuses_a_long_note(self):
        error = self.assertRefused(
            lambda: self.add(self.bob, text="n" * (NOTE_MAX + 1)), code="too_long", status=400
        )
        self.assertEqual(
            error.message, f"A note can be at most {NOTE_MAX} characters; yours has {NOTE_MAX + 1}."
        )

    def test_it_refuses_a_closed_meeting(self):
        services.meeting_close(meeting=self.meeting, person=self.alice)
        error = self.assertRefused(lambda: self.add(self.bob), code="closed", status=409)
        self.assertEqual(
            error.message, "This meeting is closed. Start a new one whenever you like."
        )

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                error = self.assertRefused(
                    lambda person=person: self.add(person), code="not_member", status=404
                )
                self.assertIn("no longer part of", error.message)

    def test_a_former_partner_cannot_write_in_an_old_meeting(self):
        self.assertRefused(
            lambda: self.add(self.dan, meeting=self.world.old_meeting),
            code="not_member",
            status=404,
        )
        self.assertRefused(
            lambda: self.add(self.alice, meeting=self.world.old_meeting),
            code="not_member",
            status=404,
        )

    def test_after_unpairing_nobody_writes_in_the_meeting(self):
        couple_unpair(user=self.bob)
        forget_couple(self.alice)
        for person in (self.alice, self.bob):
            self.assertRefused(
                lambda person=person: self.add(person), code="not_member", status=404
            )
