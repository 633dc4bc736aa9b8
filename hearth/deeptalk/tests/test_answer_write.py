from hearth.access import Visibility, forget_couple
from hearth.couples.services import couple_unpair
from hearth.deeptalk import services
from hearth.deeptalk.models import ANSWER_MAX, DeepTalkAnswer, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase
from hearth.testing import make_deep_talk


class AnswerWriteTests(DeepTalkTestCase):
    """services.answer_write: apart, the one going first answers, then the other."""

    def test_it_works(self):
        answer = self.answer(self.bob, "  Bob's answer  ")
        answer = DeepTalkAnswer.objects.get(pk=answer.pk)
        self.assertEqual(answer.text, "Bob's answer")
        self.assertEqual(answer.author, self.bob)
        self.assertEqual(answer.couple, self.world.couple)
        self.assertEqual(answer.visibility, Visibility.SEALED)
        self.assertEqual(answer.item, self.item)
        item = self.fresh_item()
        self.assertEqual(item.status, ItemStatus.DONE)
        self.assertIsNotNone(item.finished_at)
        # The next question is asked, the other partner going first.
        nxt = self.open_item()
        self.assertEqual((nxt.position, nxt.first), (2, self.bob))
        self.assertEqual(nxt.depth, "light")
        self.assertNotEqual(nxt.prompt_key, self.item.prompt_key)
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_the_one_going_first_answers_and_the_question_stays_open(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        before = self.fresh(talk).updated_at
        answer = self.answer(self.carol, "Carol first", talk=talk)
        self.assertEqual(DeepTalkAnswer.objects.get(pk=answer.pk).text, "Carol first")
        self.assertEqual(self.fresh_item(item).status, ItemStatus.OPEN)
        self.assertEqual(len(self.items(talk)), 1)
        self.assertGreater(self.fresh(talk).updated_at, before)

    def test_the_one_going_first_may_change_the_answer_until_the_partner_answers(self):
        mine = self.answer(self.alice, "Changed my mind")
        self.assertEqual(mine.pk, self.world.alice_deep_answer.pk)
        self.assertEqual(DeepTalkAnswer.objects.get(pk=mine.pk).text, "Changed my mind")
        self.assertEqual(DeepTalkAnswer.objects.filter(item=self.item).count(), 1)
        self.assertEqual(self.fresh_item().status, ItemStatus.OPEN)

    def test_once_both_answered_nobody_can_change_it(self):
        self.answer(self.bob, "Bob's answer")
        error = self.assertRefused(
            lambda: self.answer(self.alice, "Too late", item=self.item),
            code="moved_on",
            status=409,
        )
        self.assertIn("moved on from that question", error.message)
        self.assertEqual(
            DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk).text,
            "Alice's sealed deep answer",
        )

    def test_the_other_waits_for_the_one_going_first(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol)
        error = self.assertRefused(
            lambda: self.answer(self.erin, "Me first", talk=talk),
            code="not_your_turn",
            status=409,
        )
        self.assertEqual(error.message, "Carol goes first on this one. You'll answer after them.")

    def test_turns_alternate(self):
        self.answer(self.bob, "Bob follows")
        # Bob goes first on question 2: Alice must wait.
        self.assertRefused(
            lambda: self.answer(self.alice, "Alice too soon"), code="not_your_turn", status=409
        )
        self.answer(self.bob, "Bob first this time")
        self.answer(self.alice, "Alice follows")
        third = self.open_item()
        self.assertEqual((third.position, third.first), (3, self.alice))

    def test_it_refuses_an_empty_answer(self):
        for text in ("", "   ", "\n\t ", None):
            with self.subTest(text=text):
                error = self.assertRefused(
                    lambda text=text: self.answer(self.bob, text), code="empty", status=400
                )
                self.assertEqual(
                    error.message, "Write your answer, or skip this one: that's always fine."
                )

    def test_it_allows_the_longest_answer(self):
        answer = self.answer(self.bob, "b" * ANSWER_MAX)
        self.assertEqual(len(DeepTalkAnswer.objects.get(pk=answer.pk).text), ANSWER_MAX)

    def test_it_refuses_a_long_answer(self):
        error = self.assertRefused(
            lambda: self.answer(self.bob, "b" * (ANSWER_MAX + 1)), code="too_long", status=400
        )
        self.assertEqual(
            error.message,
            f"An answer can be at most {ANSWER_MAX} characters; yours has {ANSWER_MAX + 1}.",
        )

    def test_spaces_around_do_not_count_towards_the_limit(self):
        answer = self.answer(self.bob, "  " + "b" * ANSWER_MAX + "  ")
        self.assertEqual(DeepTalkAnswer.objects.get(pk=answer.pk).text, "b" * ANSWER_MAX)

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                error = self.assertRefused(
                    lambda person=person: self.answer(person, "Not mine"),
                    code="not_member",
                    status=404,
                )
                self.assertIn("no longer part of", error.message)

    def test_a_former_partner_cannot_answer_after_unpairing(self):
        couple_unpair(user=self.alice)
        forget_couple(self.bob)
        self.assertRefused(lambda: self.answer(self.bob, "Late"), code="not_member", status=404)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        error = self.assertRefused(
            lambda: self.answer(self.bob, "Late", item=self.item), code="ended", status=409
        )
        self.assertEqual(error.message, "This talk has ended.")

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.bob)
        error = self.assertRefused(
            lambda: self.answer(self.bob, "While paused"), code="paused", status=409
        )
        self.assertIn("The talk is paused", error.message)

    def test_it_refuses_a_together_talk(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        error = self.assertRefused(
            lambda: self.answer(self.carol, "Typed", talk=talk), code="together", status=409
        )
        self.assertIn("tick it off", error.message)

    def test_it_refuses_an_item_of_another_talk(self):
        _, other_item = make_deep_talk(self.world.other_couple, starter=self.carol)
        self.assertRefused(
            lambda: services.answer_write(
                talk=self.talk, item=other_item, person=self.bob, text="Wrong place"
            ),
            code="not_here",
            status=404,
        )

    def test_it_refuses_a_skipped_question(self):
        skipped = self.item
        self.skip(self.alice)
        self.assertRefused(
            lambda: self.answer(self.bob, "On the skipped one", item=skipped),
            code="moved_on",
            status=409,
        )
