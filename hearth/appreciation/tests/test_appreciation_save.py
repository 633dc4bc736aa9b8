from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.access import Visibility, can_see
from hearth.appreciation.models import Appreciation
from hearth.appreciation.services import appreciation_save
from hearth.appreciation.tests.helpers import SCRIPT, fresh, snapshot
from hearth.core.errors import ServiceError
from hearth.testing import HearthTestCase, make_person


class AppreciationSaveTests(HearthTestCase):
    def assertRefused(self, code, *, author=None, status=400, **kwargs):
        before = snapshot()
        kwargs.setdefault("what", "You made me tea")
        with self.assertRaises(ServiceError) as caught:
            appreciation_save(author=author or self.alice, **kwargs)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(caught.exception.status, status)
        self.assertEqual(snapshot(), before)
        return caught.exception

    # Keeping a draft

    def test_it_keeps_a_private_draft(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            saved = appreciation_save(
                author=self.alice, what="  You made me tea  ", meant="\n It felt warm \t"
            )
        saved = fresh(saved)
        self.assertEqual(saved.author, self.alice)
        self.assertEqual(saved.what, "You made me tea")
        self.assertEqual(saved.meant, "It felt warm")
        self.assertEqual(saved.visibility, Visibility.PRIVATE)
        self.assertIsNone(saved.couple)
        self.assertIsNone(saved.sent_at)
        self.assertEqual(saved.created_at, now)
        self.assertFalse(saved.is_sent)
        self.assertTrue(can_see(self.alice, saved))
        for person in (self.bob, self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, saved))

    def test_what_it_meant_is_optional(self):
        saved = appreciation_save(author=self.alice, what="You made me tea")
        self.assertEqual(fresh(saved).meant, "")
        saved = appreciation_save(author=self.alice, what="You made me tea", meant="   ")
        self.assertEqual(fresh(saved).meant, "")

    def test_it_works_before_pairing(self):
        pat = make_person("Pat")
        saved = appreciation_save(author=pat, what="You listened on the phone")
        saved = fresh(saved)
        self.assertEqual(saved.visibility, Visibility.PRIVATE)
        self.assertIsNone(saved.couple)
        self.assertTrue(can_see(pat, saved))
        self.assertFalse(can_see(self.alice, saved))

    def test_script_text_is_stored_as_written(self):
        saved = appreciation_save(author=self.alice, what=SCRIPT, meant=SCRIPT)
        saved = fresh(saved)
        self.assertEqual((saved.what, saved.meant), (SCRIPT, SCRIPT))

    def test_the_text_is_encrypted_at_rest(self):
        from django.db import connection

        saved = appreciation_save(author=self.alice, what="The secret picnic", meant="Bliss")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT what, meant FROM appreciation_appreciation WHERE id = %s", [saved.pk]
            )
            what, meant = cursor.fetchone()
        self.assertNotIn("picnic", what)
        self.assertNotIn("Bliss", meant)

    # Bad input

    def test_it_requires_what_they_did(self):
        error = self.assertRefused("empty", what="")
        self.assertIn("Say what they did", error.message)
        self.assertRefused("empty", what=" \n\t ")
        self.assertRefused("empty", what=None)

    def test_what_they_did_can_have_400_characters(self):
        saved = appreciation_save(author=self.alice, what="x" * 400, meant="y" * 400)
        saved = fresh(saved)
        self.assertEqual((len(saved.what), len(saved.meant)), (400, 400))

    def test_what_they_did_can_have_no_more_than_400_characters(self):
        error = self.assertRefused("too_long", what="x" * 401)
        self.assertIn("at most 400", error.message)
        self.assertIn("401", error.message)

    def test_what_it_meant_can_have_no_more_than_400_characters(self):
        error = self.assertRefused("too_long", meant="y" * 401)
        self.assertIn("What it meant", error.message)
        self.assertIn("401", error.message)

    def test_spaces_around_the_text_do_not_count(self):
        saved = appreciation_save(author=self.alice, what=f"  {'x' * 400}  ")
        self.assertEqual(fresh(saved).what, "x" * 400)

    # Sending at once

    def test_with_send_it_shares_it_with_the_partner(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            saved = appreciation_save(author=self.alice, what="You fixed my bike", send=True)
        saved = fresh(saved)
        self.assertEqual(saved.couple, self.world.couple)
        self.assertEqual(saved.visibility, Visibility.SHARED)
        self.assertEqual(saved.sent_at, now)
        self.assertTrue(can_see(self.bob, saved))
        for person in (self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, saved))

    def test_a_refused_send_keeps_no_copy(self):
        pat = make_person("Pat")
        before = snapshot()
        with self.assertRaises(ServiceError) as caught:
            appreciation_save(author=pat, what="You waved at me", send=True)
        self.assertEqual(caught.exception.code, "not_paired")
        self.assertEqual(caught.exception.status, 409)
        self.assertEqual(snapshot(), before)
        self.assertFalse(Appreciation.objects.filter(author=pat).exists())

    def test_a_refused_send_message_does_not_claim_it_was_kept(self):
        pat = make_person("Pat")
        with self.assertRaises(ServiceError) as caught:
            appreciation_save(author=pat, what="You waved at me", send=True)
        self.assertIn("once you're paired", caught.exception.message)
        self.assertNotIn("Kept for later", caught.exception.message)
        self.assertFalse(Appreciation.objects.filter(author=pat).exists())

    def test_a_refused_send_of_a_changed_draft_keeps_the_draft_as_it_was(self):
        pat = make_person("Pat")
        draft = appreciation_save(author=pat, what="First words")
        with self.assertRaises(ServiceError):
            appreciation_save(author=pat, what="Better words", appreciation=draft, send=True)
        draft = fresh(draft)
        self.assertEqual(draft.what, "First words")
        self.assertIsNone(draft.sent_at)
        self.assertEqual(draft.visibility, Visibility.PRIVATE)

    def test_dan_cannot_send_to_his_former_partner(self):
        self.assertRefused("not_paired", author=self.dan, status=409, send=True)
        self.assertFalse(Appreciation.objects.filter(author=self.dan).exists())

    # Changing a draft

    def test_it_changes_a_draft(self):
        draft = self.world.alice_appreciation_draft
        created = fresh(draft).created_at
        saved = appreciation_save(
            author=self.alice, what=" Told better ", meant="", appreciation=draft
        )
        self.assertEqual(saved.pk, draft.pk)
        draft = fresh(draft)
        self.assertEqual(draft.what, "Told better")
        self.assertEqual(draft.meant, "")
        self.assertEqual(draft.visibility, Visibility.PRIVATE)
        self.assertIsNone(draft.sent_at)
        self.assertEqual(draft.created_at, created)
        self.assertEqual(Appreciation.objects.filter(author=self.alice).count(), 2)

    def test_it_changes_and_sends_a_draft(self):
        draft = self.world.alice_appreciation_draft
        appreciation_save(author=self.alice, what="Final words", appreciation=draft, send=True)
        draft = fresh(draft)
        self.assertEqual(draft.what, "Final words")
        self.assertEqual(draft.visibility, Visibility.SHARED)
        self.assertEqual(draft.couple, self.world.couple)
        self.assertIsNotNone(draft.sent_at)
        self.assertEqual(Appreciation.objects.filter(author=self.alice).count(), 2)

    def test_a_refused_change_keeps_the_draft(self):
        draft = self.world.alice_appreciation_draft
        self.assertRefused("too_long", what="x" * 401, appreciation=draft)
        self.assertRefused("empty", what="  ", appreciation=draft)
        self.assertEqual(fresh(draft).what, "Alice's draft thanks")

    def test_a_sent_one_cannot_be_changed(self):
        sent = self.world.alice_appreciation
        error = self.assertRefused("sent", status=409, what="Rewritten", appreciation=sent)
        self.assertIn("already sent", error.message)
        self.assertEqual(fresh(sent).what, "Alice thanked Bob for the lift")

    def test_a_sent_one_cannot_be_changed_even_with_send(self):
        sent = self.world.alice_appreciation
        self.assertRefused("sent", status=409, what="Rewritten", appreciation=sent, send=True)

    def test_only_the_author_can_change_a_draft(self):
        draft = self.world.alice_appreciation_draft
        self.assertRefused("not_yours", author=self.bob, status=404, appreciation=draft)
        self.assertRefused("not_yours", author=self.bob, status=404, appreciation=draft, send=True)
        self.assertEqual(fresh(draft).what, "Alice's draft thanks")
        self.assertFalse(Appreciation.objects.filter(author=self.bob).exists())

    def test_a_changed_draft_sent_later_gets_the_time_it_was_sent(self):
        draft = self.world.alice_appreciation_draft
        later = timezone.now() + timedelta(days=2)
        with time_machine.travel(later, tick=False):
            appreciation_save(author=self.alice, what="Later", appreciation=draft, send=True)
        draft = fresh(draft)
        self.assertEqual(draft.sent_at, later)
        self.assertLess(draft.created_at, later)
