from django.utils import timezone

from hearth.access import Visibility, can_see, visible
from hearth.appreciation.models import Appreciation
from hearth.appreciation.services import appreciation_send
from hearth.appreciation.tests.helpers import fresh, snapshot
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, make_appreciation, make_couple, make_person


class AppreciationSendTests(HearthTestCase):
    def test_it_sends_a_draft_to_the_partner(self):
        draft = self.world.alice_appreciation_draft
        before = timezone.now()
        sent = appreciation_send(appreciation=draft, author=self.alice)
        self.assertEqual(sent.pk, draft.pk)
        draft = fresh(draft)
        self.assertEqual(draft.couple, self.world.couple)
        self.assertEqual(draft.visibility, Visibility.SHARED)
        self.assertGreaterEqual(draft.sent_at, before)
        self.assertEqual(draft.what, "Alice's draft thanks")
        self.assertTrue(can_see(self.bob, draft))
        self.assertTrue(visible(Appreciation.objects.filter(pk=draft.pk), self.bob).exists())
        for person in (self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, draft))
            self.assertFalse(visible(Appreciation.objects.filter(pk=draft.pk), person).exists())

    def test_sending_twice_changes_nothing(self):
        sent = self.world.alice_appreciation
        first = fresh(sent).sent_at
        again = appreciation_send(appreciation=sent, author=self.alice)
        self.assertEqual(again.sent_at, first)
        self.assertEqual(fresh(sent).sent_at, first)
        self.assertEqual(fresh(sent).couple, self.world.couple)

    def test_it_needs_a_partner(self):
        pat = make_person("Pat")
        draft = make_appreciation(pat, "You smiled", sent=False)
        before = snapshot()
        with self.assertRaises(ServiceError) as caught:
            appreciation_send(appreciation=draft, author=pat)
        self.assertEqual((caught.exception.code, caught.exception.status), ("not_paired", 409))
        self.assertEqual(snapshot(), before)

    def test_a_draft_written_alone_can_be_sent_once_paired(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        draft = make_appreciation(pat, "You smiled", sent=False)
        make_couple(pat, sam)
        appreciation_send(appreciation=draft, author=pat)
        draft = fresh(draft)
        self.assertEqual(draft.visibility, Visibility.SHARED)
        self.assertTrue(can_see(sam, draft))
        self.assertFalse(can_see(self.alice, draft))

    def test_only_the_author_can_send(self):
        draft = self.world.alice_appreciation_draft
        before = snapshot()
        with self.assertRaises(ServiceError) as caught:
            appreciation_send(appreciation=draft, author=self.bob)
        self.assertEqual((caught.exception.code, caught.exception.status), ("not_yours", 404))
        self.assertEqual(snapshot(), before)

    def test_after_unpairing_what_was_sent_stays_with_its_author_only(self):
        sent = self.world.alice_appreciation
        couple_unpair(user=self.bob)
        for person in (self.alice, self.bob):
            from hearth.access import forget_couple

            forget_couple(person)
        self.assertTrue(can_see(self.alice, fresh(sent)))
        self.assertFalse(can_see(self.bob, fresh(sent)))
        draft = self.world.alice_appreciation_draft
        with self.assertRaises(ServiceError):
            appreciation_send(appreciation=draft, author=self.alice)
        self.assertIsNone(fresh(draft).sent_at)
