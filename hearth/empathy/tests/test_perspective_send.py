from hearth.access import Visibility, can_see, visible
from hearth.core.errors import ServiceError
from hearth.empathy import selectors
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling
from hearth.empathy.services import perspective_send
from hearth.empathy.tests.helpers import fresh, stored_feelings, url
from hearth.testing import HearthTestCase, make_perspective


class PerspectiveSendTests(HearthTestCase):
    def test_it_works(self):
        draft = fresh(self.world.alice_perspective_draft)
        sent = perspective_send(check=draft, sharer=self.alice)
        stored = fresh(draft)
        self.assertEqual(sent.pk, draft.pk)
        self.assertEqual(stored.couple, self.world.couple)
        self.assertEqual(stored.visibility, Visibility.SHARED)
        self.assertIsNotNone(stored.sent_at)
        self.assertIsNone(stored.guessed_at)
        for row in stored.feelings.all():
            self.assertEqual(row.couple, self.world.couple)
            self.assertEqual(row.visibility, Visibility.SEALED)
        self.assertEqual(stored_feelings(stored), {"happy": 3})

    def test_the_partner_sees_the_situation_but_not_the_feelings(self):
        check = fresh(self.world.alice_perspective_draft)
        perspective_send(check=check, sharer=self.alice)
        self.assertTrue(can_see(self.bob, fresh(check)))
        self.assertTrue(visible(PerspectiveCheck.objects.filter(pk=check.pk), self.bob).exists())
        self.assertFalse(visible(check.feelings.all(), self.bob).exists())
        for row in check.feelings.all():
            self.assertFalse(can_see(self.bob, row))
            self.assertTrue(can_see(self.alice, row))
        view = selectors.perspective_view(fresh(check), self.bob)
        self.assertEqual(view.state, "to_guess")
        self.assertEqual(view.actual, [])
        self.assertIsNone(view.overlap)

    def test_the_partners_page_shows_no_feelings(self):
        check = fresh(self.world.alice_perspective)
        self.client.force_login(self.bob)
        response = self.client.get(url("detail", check))
        self.assertContains(response, "Alice&#x27;s situation")
        self.assertContains(response, "How do you think Alice felt?")
        self.assertNotContains(response, "(4/5)")
        self.assertNotContains(response, "You felt")
        self.assertNotContains(response, "Alice felt</h3>")
        self.assertIsNone(fresh(check).guessed_at)

    def test_strangers_and_former_partners_see_nothing(self):
        check = fresh(self.world.alice_perspective)
        for person in (self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, check))
            self.assertFalse(visible(check.feelings.all(), person).exists())

    def test_it_needs_a_partner(self):
        check = make_perspective(self.dan, "Dan's situation", feelings={"lonely": 3})
        with self.assertRaises(ServiceError) as caught:
            perspective_send(check=check, sharer=self.dan)
        self.assertEqual(caught.exception.code, "not_paired")
        self.assertEqual(caught.exception.status, 409)
        self.assertIn("once you're paired", caught.exception.message)
        stored = fresh(check)
        self.assertIsNone(stored.sent_at)
        self.assertIsNone(stored.couple)
        self.assertEqual(stored.visibility, Visibility.PRIVATE)
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective=check, couple__isnull=False))

    def test_sending_twice_is_harmless(self):
        check = fresh(self.world.alice_perspective)
        first_sent_at = check.sent_at
        again = perspective_send(check=check, sharer=self.alice)
        self.assertEqual(again.sent_at, first_sent_at)
        stored = fresh(check)
        self.assertEqual(stored.sent_at, first_sent_at)
        self.assertEqual(stored.couple, self.world.couple)
        self.assertEqual(stored_feelings(stored), {"hurt": 4})

    def test_only_the_author_can_send(self):
        draft = fresh(self.world.alice_perspective_draft)
        with self.assertRaises(ServiceError) as caught:
            perspective_send(check=draft, sharer=self.bob)
        self.assertEqual(caught.exception.code, "not_yours")
        self.assertEqual(caught.exception.status, 404)
        self.assertIsNone(fresh(draft).sent_at)
        self.assertEqual(fresh(draft).visibility, Visibility.PRIVATE)
