from hearth.content import catalog
from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalkAnswer, DeepTalkItem, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase
from hearth.testing import make_deep_talk


class ItemSkipTests(DeepTalkTestCase):
    """services.item_skip: always allowed, no reason asked; same step, same person first."""

    def test_it_works(self):
        skipped = self.skip(self.bob)
        self.assertEqual(skipped.pk, self.item.pk)
        item = self.fresh_item()
        self.assertEqual(item.status, ItemStatus.SKIPPED)
        self.assertIsNotNone(item.finished_at)
        replacement = self.open_item()
        self.assertEqual(replacement.position, 2)
        self.assertEqual(replacement.depth, "light")
        self.assertEqual(catalog.deep_talk_by_key[replacement.prompt_key].depth, "light")
        self.assertNotEqual(replacement.prompt_key, self.item.prompt_key)
        # A skip is not a turn: Alice went first on the skipped one, so she goes first again.
        self.assertEqual(replacement.first, self.alice)
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_the_answer_already_written_stays(self):
        self.skip(self.alice)
        answer = DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk)
        self.assertEqual(answer.text, "Alice's sealed deep answer")
        self.assertFalse(answer.is_released())

    def test_either_partner_may_skip_at_any_turn(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        # Erin does not go first and Carol has not answered: Erin may still skip.
        self.skip(self.erin, talk=talk)
        self.assertEqual(self.fresh_item(item).status, ItemStatus.SKIPPED)
        self.assertEqual(self.open_item(talk).first, self.carol)

    def test_it_works_together_too(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.erin, mode="together")
        self.skip(self.carol, talk=talk)
        self.assertEqual(self.fresh_item(item).status, ItemStatus.SKIPPED)
        replacement = self.open_item(talk)
        self.assertEqual((replacement.first, replacement.depth), (self.erin, "light"))

    def test_a_skipped_question_does_not_count_towards_the_step(self):
        for _ in range(5):
            self.skip(self.bob)
        self.both_answer()
        self.both_answer()
        # Two done, five skipped: the third light question is still to come.
        self.assertEqual(self.open_item().depth, "light")
        self.both_answer()
        self.assertEqual(self.open_item().depth, "deeper")
        depths = [(i.depth, i.status) for i in self.items()]
        self.assertEqual(depths.count(("light", "done")), 3)
        self.assertEqual(depths.count(("light", "skipped")), 5)

    def test_skipped_questions_are_not_asked_again_in_the_talk(self):
        for _ in range(10):
            self.skip(self.alice)
        keys = [i.prompt_key for i in self.items()]
        self.assertEqual(len(keys), 11)
        self.assertEqual(len(set(keys)), 11)

    def test_the_first_person_is_kept_over_several_skips(self):
        self.both_answer()  # Bob goes first on question 2
        for _ in range(3):
            self.skip(self.alice)
            self.assertEqual(self.open_item().first, self.bob)

    def test_it_refuses_a_question_already_skipped(self):
        self.skip(self.bob)
        self.assertRefused(
            lambda: self.skip(self.alice, item=self.item), code="moved_on", status=409
        )

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: self.skip(person), code="not_member", status=404
                )

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        self.assertRefused(lambda: self.skip(self.bob), code="paused", status=409)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertRefused(lambda: self.skip(self.bob, item=self.item), code="ended", status=409)

    def test_it_refuses_an_item_of_another_talk(self):
        _, other_item = make_deep_talk(self.world.other_couple, starter=self.carol)
        self.assertRefused(
            lambda: services.item_skip(talk=self.talk, item=other_item, person=self.alice),
            code="not_here",
            status=404,
        )
        self.assertEqual(DeepTalkItem.objects.get(pk=other_item.pk).status, ItemStatus.OPEN)
