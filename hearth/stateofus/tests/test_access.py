from hearth.access import can_see, forget_couple, visible
from hearth.couples.services import couple_unpair
from hearth.stateofus import services
from hearth.stateofus.models import Meeting, MeetingNote, MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase, url
from hearth.testing import main_of, make_couple, make_person, words

VIEWERS = ("alice", "bob", "carol", "erin", "dan")


class AccessTests(MeetingTestCase):
    """Notes are shared with the partner while both are in the couple; a former partner
    keeps only their own; nobody else sees anything. visible() and can_see() agree."""

    def assertFormsAgree(self, extra_people=()):
        people = [getattr(self, name) for name in VIEWERS] + list(extra_people)
        for model in (Meeting, MeetingNote, MeetingTime):
            rows = list(model.objects.all())
            for person in people:
                forget_couple(person)
                seen = set(visible(model.objects.all(), person).values_list("pk", flat=True))
                for row in rows:
                    self.assertEqual(can_see(person, row), row.pk in seen, (person, model, row.pk))

    def texts(self, person) -> set[str]:
        forget_couple(person)
        return {n.text for n in visible(MeetingNote.objects.all(), person)}

    def test_partners_see_each_others_notes(self):
        both = {"Alice thanks Bob for the soup", "Bob's topic about the weekend"}
        self.assertEqual(self.texts(self.alice), both)
        self.assertEqual(self.texts(self.bob), both)
        self.assertEqual(self.texts(self.carol), set())
        self.assertEqual(self.texts(self.dan), {"Dan's old plan"})
        self.assertFormsAgree()

    def test_a_former_partner_keeps_only_their_own(self):
        self.assertFalse(can_see(self.alice, self.world.dan_old_meeting_note))
        self.assertFalse(can_see(self.alice, self.world.old_meeting))
        self.assertTrue(can_see(self.dan, self.world.old_meeting))
        self.assertTrue(can_see(self.dan, self.world.dan_old_meeting_note))
        self.assertFalse(can_see(self.dan, self.meeting))

    def test_after_unpairing_each_keeps_only_their_own(self):
        couple_unpair(user=self.alice)
        self.assertEqual(self.texts(self.alice), {"Alice thanks Bob for the soup"})
        self.assertEqual(self.texts(self.bob), {"Bob's topic about the weekend"})
        for person, own, other in (
            (self.alice, "Alice thanks Bob for the soup", "Bob's topic"),
            (self.bob, "Bob's topic about the weekend", "Alice thanks Bob"),
        ):
            with self.subTest(person=person.display_name):
                page = self.get(person, url("meeting", self.meeting))
                self.assertEqual(page.status_code, 200)
                self.assertIn(own, words(page))
                self.assertNotIn(other, words(page))
                self.assertNotIn("<form", main_of(page))  # nothing to do in a past pairing
                api = self.api("get", f"/state-of-us/{self.meeting.public_id}", person).json()
                self.assertEqual([n["text"] for n in api["notes"]], [own])
        # The weekly time is the couple's: neither sees it any more.
        for person in (self.alice, self.bob):
            forget_couple(person)
            self.assertFalse(can_see(person, MeetingTime.objects.get(couple=self.world.couple)))
            self.assertEqual(self.get(person, url("time_ics")).status_code, 404)
        self.assertFormsAgree()

    def test_a_new_partner_never_sees_an_earlier_pairings_meeting(self):
        couple_unpair(user=self.bob)
        pat = make_person("Pat")
        forget_couple(self.alice)
        make_couple(self.alice, pat)
        self.assertEqual(self.texts(pat), set())
        self.assertEqual(self.get(pat, url("meeting", self.meeting)).status_code, 404)
        # The meeting left open with Bob does not stop Alice and Pat from opening theirs.
        meeting = services.meeting_start(starter=pat)
        self.assertNotEqual(meeting.couple_id, self.meeting.couple_id)
        self.assertTrue(can_see(pat, meeting))
        self.assertFalse(can_see(pat, self.meeting))
        self.assertFormsAgree(extra_people=[pat])
