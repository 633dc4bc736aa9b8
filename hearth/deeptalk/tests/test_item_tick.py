from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalkAnswer, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase
from hearth.testing import make_deep_talk


class ItemTickTests(DeepTalkTestCase):
    """services.item_tick: together, either ticks the question off after talking."""

    def setUp(self):
        super().setUp()
        self.together, self.first_item = make_deep_talk(
            self.world.other_couple, starter=self.carol, mode="together"
        )

    def test_it_works(self):
        ticked = self.tick(self.carol, talk=self.together)
        self.assertEqual(ticked.pk, self.first_item.pk)
        item = self.fresh_item(self.first_item)
        self.assertEqual(item.status, ItemStatus.DONE)
        self.assertIsNotNone(item.finished_at)
        nxt = self.open_item(self.together)
        self.assertEqual((nxt.position, nxt.first, nxt.depth), (2, self.erin, "light"))
        self.assertNotEqual(nxt.prompt_key, self.first_item.prompt_key)
        self.assertFalse(DeepTalkAnswer.objects.filter(item__talk=self.together).exists())
        self.assertEqual(self.fresh(self.together).state, State.ACTIVE)

    def test_either_partner_may_tick(self):
        # Erin does not go first, but together there is no written turn to wait for.
        self.tick(self.erin, talk=self.together)
        self.assertEqual(self.fresh_item(self.first_item).status, ItemStatus.DONE)
        self.tick(self.erin, talk=self.together)
        self.assertEqual([i.status for i in self.items(self.together)], ["done", "done", "open"])
        self.assertEqual(self.open_item(self.together).first, self.carol)

    def test_it_refuses_an_apart_talk(self):
        error = self.assertRefused(lambda: self.tick(self.alice), code="apart", status=409)
        self.assertEqual(
            error.message, "Apart, a question is done when you've both written an answer."
        )

    def test_it_refuses_a_question_already_done(self):
        self.tick(self.carol, talk=self.together)
        error = self.assertRefused(
            lambda: self.tick(self.erin, talk=self.together, item=self.first_item),
            code="moved_on",
            status=409,
        )
        self.assertIn("The page shows the current one", error.message)

    def test_it_checks_membership(self):
        for person in (self.alice, self.bob, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: self.tick(person, talk=self.together),
                    code="not_member",
                    status=404,
                )

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.together, person=self.erin)
        self.assertRefused(
            lambda: self.tick(self.carol, talk=self.together), code="paused", status=409
        )

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.together, person=self.erin)
        self.assertRefused(
            lambda: self.tick(self.carol, talk=self.together, item=self.first_item),
            code="ended",
            status=409,
        )

    def test_it_refuses_an_item_of_another_talk(self):
        self.assertRefused(
            lambda: services.item_tick(talk=self.together, item=self.item, person=self.carol),
            code="not_here",
            status=404,
        )
        self.assertEqual(self.fresh_item().status, ItemStatus.OPEN)
