from hearth.access import Visibility, can_see, visible
from hearth.core.errors import ServiceError
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling
from hearth.empathy.services import perspective_save
from hearth.empathy.tests.helpers import choices, fresh, stored_feelings
from hearth.testing import HearthTestCase, make_person


class PerspectiveSaveTests(HearthTestCase):
    def save(self, sharer, situation="We missed the train.", feelings=None, check=None):
        return perspective_save(
            sharer=sharer,
            situation=situation,
            feelings=choices(feelings if feelings is not None else {"hurt": 2}),
            check=check,
        )

    def assertRefused(self, code, **kwargs):
        before = PerspectiveCheck.objects.count(), PerspectiveFeeling.objects.count()
        with self.assertRaises(ServiceError) as caught:
            self.save(self.alice, **kwargs)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(
            (PerspectiveCheck.objects.count(), PerspectiveFeeling.objects.count()), before
        )
        return caught.exception

    def test_it_works(self):
        check = self.save(self.alice, "  We missed the train.  ", {"hurt": 4, "tired": 2})
        check = fresh(check)
        self.assertEqual(check.author, self.alice)
        self.assertEqual(check.situation, "We missed the train.")
        self.assertEqual(check.visibility, Visibility.PRIVATE)
        self.assertIsNone(check.couple)
        self.assertIsNone(check.sent_at)
        self.assertIsNone(check.guessed_at)
        self.assertIsNone(check.overlap)
        self.assertEqual(stored_feelings(check), {"hurt": 4, "tired": 2})
        for row in check.feelings.all():
            self.assertEqual(row.visibility, Visibility.SEALED)
            self.assertEqual(row.author, self.alice)
            self.assertIsNone(row.couple)

    def test_a_draft_is_private(self):
        check = self.save(self.alice, "Only mine for now")
        self.assertTrue(can_see(self.alice, check))
        for person in (self.bob, self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, check))
            self.assertFalse(visible(PerspectiveCheck.objects.filter(pk=check.pk), person).exists())
            self.assertFalse(visible(check.feelings.all(), person).exists())

    def test_it_works_on_my_own(self):
        pat = make_person("Pat")
        check = self.save(pat, "Preparing before we pair", {"nervous": 3})
        self.assertEqual(fresh(check).visibility, Visibility.PRIVATE)
        self.assertEqual(stored_feelings(check), {"nervous": 3})
        self.assertTrue(can_see(pat, check))
        self.assertFalse(can_see(self.alice, check))

    def test_it_requires_a_situation(self):
        self.assertRefused("empty", situation="")
        self.assertRefused("empty", situation="  \n\t ")

    def test_the_situation_can_have_600_characters(self):
        check = self.save(self.alice, "x" * 600)
        self.assertEqual(len(fresh(check).situation), 600)

    def test_the_situation_can_have_no_more_than_600_characters(self):
        error = self.assertRefused("too_long", situation="x" * 601)
        self.assertIn("601", error.message)

    def test_it_requires_a_feeling(self):
        self.assertRefused("no_feelings", feelings={})

    def test_it_takes_six_feelings(self):
        six = {"hurt": 1, "sad": 2, "lonely": 3, "angry": 4, "tired": 5, "calm": 1}
        check = self.save(self.alice, feelings=six)
        self.assertEqual(stored_feelings(check), six)

    def test_it_refuses_seven_feelings(self):
        seven = {"hurt": 1, "sad": 2, "lonely": 3, "angry": 4, "tired": 5, "calm": 1, "happy": 2}
        self.assertRefused("too_many", feelings=seven)

    def test_it_refuses_an_unknown_feeling(self):
        self.assertRefused("unknown", feelings={"hurt": 2, "grumpish": 3})

    def test_it_refuses_an_intensity_out_of_range(self):
        self.assertRefused("range", feelings={"hurt": 0})
        self.assertRefused("range", feelings={"hurt": 6})
        check = self.save(self.alice, feelings={"hurt": 1, "sad": 5})
        self.assertEqual(stored_feelings(check), {"hurt": 1, "sad": 5})

    def test_it_refuses_the_same_feeling_twice(self):
        before = PerspectiveCheck.objects.count()
        with self.assertRaises(ServiceError) as caught:
            perspective_save(
                sharer=self.alice,
                situation="Twice",
                feelings=[*choices({"hurt": 2}), *choices({"hurt": 4})],
            )
        self.assertEqual(caught.exception.code, "duplicate")
        self.assertEqual(PerspectiveCheck.objects.count(), before)

    def test_editing_a_draft_replaces_its_feelings(self):
        draft = fresh(self.world.alice_perspective_draft)
        self.save(self.alice, "Told differently", {"lonely": 5, "tired": 2}, check=draft)
        draft = fresh(draft)
        self.assertEqual(draft.situation, "Told differently")
        self.assertEqual(stored_feelings(draft), {"lonely": 5, "tired": 2})
        self.assertEqual(draft.visibility, Visibility.PRIVATE)
        self.assertIsNone(draft.sent_at)
        self.assertEqual(PerspectiveCheck.objects.filter(author=self.alice).count(), 2)

    def test_a_refused_edit_keeps_the_draft_as_it_was(self):
        draft = fresh(self.world.alice_perspective_draft)
        with self.assertRaises(ServiceError):
            self.save(self.alice, "Told differently", {"hurt": 9}, check=draft)
        self.assertEqual(fresh(draft).situation, "Alice's draft situation")
        self.assertEqual(stored_feelings(draft), {"happy": 3})

    def test_a_sent_check_cannot_be_edited(self):
        sent = fresh(self.world.alice_perspective)
        with self.assertRaises(ServiceError) as caught:
            self.save(self.alice, "Rewritten", {"happy": 5}, check=sent)
        self.assertEqual(caught.exception.code, "sent")
        self.assertEqual(caught.exception.status, 409)
        self.assertEqual(fresh(sent).situation, "Alice's situation")
        self.assertEqual(stored_feelings(sent), {"hurt": 4})

    def test_only_the_author_can_edit(self):
        draft = fresh(self.world.alice_perspective_draft)
        with self.assertRaises(ServiceError) as caught:
            self.save(self.bob, "Bob's version", {"happy": 5}, check=draft)
        self.assertEqual(caught.exception.code, "not_yours")
        self.assertEqual(caught.exception.status, 404)
        self.assertEqual(fresh(draft).situation, "Alice's draft situation")
        self.assertEqual(stored_feelings(draft), {"happy": 3})
        self.assertFalse(PerspectiveFeeling.objects.filter(author=self.bob).exists())
