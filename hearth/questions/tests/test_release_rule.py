from hearth.access import Visibility, can_see, visible
from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import answer_delete, answer_pass, answer_submit
from hearth.testing import HearthTestCase


class ReleaseRuleTests(HearthTestCase):
    """The release rule's two forms (release_q and is_released) and the access layer agree."""

    def people(self):
        return (self.alice, self.bob, self.carol, self.erin, self.dan)

    def released_ids(self) -> set[int]:
        return set(
            Answer.objects.filter(visibility=Visibility.SEALED)
            .filter(Answer.release_q())
            .values_list("pk", flat=True)
        )

    def assertFormsAgree(self):
        one_by_one = {
            a.pk for a in Answer.objects.filter(visibility=Visibility.SEALED) if a.is_released()
        }
        self.assertEqual(self.released_ids(), one_by_one)
        for model in (Answer, AnswerReply, DailyQuestion):
            for person in self.people():
                in_bulk = set(visible(model.objects.all(), person).values_list("pk", flat=True))
                single = {obj.pk for obj in model.objects.all() if can_see(person, obj)}
                self.assertEqual(in_bulk, single, f"{model.__name__} for {person}")

    def visible_answers(self, person) -> set[int]:
        return set(visible(Answer.objects.all(), person).values_list("pk", flat=True))

    def test_the_world_agrees(self):
        self.assertFormsAgree()
        self.assertEqual(
            self.released_ids(),
            {
                self.world.alice_released_answer.pk,
                self.world.bob_released_answer.pk,
                self.world.alice_old_answer.pk,
                self.world.dan_old_answer.pk,
            },
        )

    def test_a_lone_answer_is_sealed(self):
        self.assertNotIn(self.world.alice_sealed_answer.pk, self.released_ids())
        self.assertFalse(self.world.alice_sealed_answer.is_released())
        self.assertNotIn(self.world.alice_sealed_answer.pk, self.visible_answers(self.bob))
        self.assertIn(self.world.alice_sealed_answer.pk, self.visible_answers(self.alice))

    def test_the_second_answer_releases_both(self):
        question = self.world.question_today
        bobs = answer_submit(daily_question=question, author=self.bob, text="Mine too")
        self.assertFormsAgree()
        self.assertIn(self.world.alice_sealed_answer.pk, self.visible_answers(self.bob))
        self.assertIn(bobs.pk, self.visible_answers(self.alice))

    def test_a_pass_releases_nothing(self):
        question = self.world.question_today
        passed = answer_pass(daily_question=question, author=self.bob)
        self.assertFormsAgree()
        self.assertNotIn(self.world.alice_sealed_answer.pk, self.visible_answers(self.bob))
        self.assertNotIn(passed.pk, self.visible_answers(self.alice))

    def test_a_pass_after_an_answer_is_still_invisible(self):
        question = self.world.question_today
        answer_pass(daily_question=question, author=self.alice)
        self.assertFormsAgree()
        self.assertEqual(
            Answer.objects.filter(daily_question=question)
            .filter(pk__in=self.visible_answers(self.bob))
            .count(),
            0,
        )

    def test_deleting_one_answer_seals_the_other_again(self):
        answer_delete(answer=self.world.bob_released_answer, author=self.bob)
        self.assertFormsAgree()
        self.assertNotIn(self.world.alice_released_answer.pk, self.visible_answers(self.bob))
        self.assertNotIn(self.world.alice_released_answer.pk, self.released_ids())

    def test_an_answer_to_another_days_question_releases_nothing(self):
        # Bob answered yesterday's question; Alice's answer today stays sealed.
        self.assertFalse(Answer.objects.get(pk=self.world.alice_sealed_answer.pk).is_released())
        self.assertFormsAgree()

    def test_former_partners_see_only_their_own(self):
        self.assertNotIn(self.world.alice_old_answer.pk, self.visible_answers(self.dan))
        self.assertIn(self.world.dan_old_answer.pk, self.visible_answers(self.dan))
        self.assertNotIn(self.world.dan_old_answer.pk, self.visible_answers(self.alice))
        self.assertNotIn(self.world.alice_old_answer.pk, self.visible_answers(self.bob))
