from django.urls import reverse
from django.utils.html import escape

from hearth.questions.models import Answer, AnswerReply
from hearth.testing import HearthTestCase


def url(question) -> str:
    return reverse("questions:delete_answer", args=[question.public_id])


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class AnswerDeleteTests(HearthTestCase):
    def delete(self, person, question, **extra):
        self.client.force_login(person)
        return self.client.post(url(question), **extra)

    def test_it_works_before_the_reveal(self):
        question = self.world.question_today
        response = self.delete(self.alice, question)
        self.assertRedirects(response, detail(question))
        self.assertFalse(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_the_partner_no_longer_sees_that_i_answered(self):
        question = self.world.question_today
        self.delete(self.alice, question)
        self.client.force_login(self.bob)
        response = self.client.get(detail(question))
        self.assertNotContains(response, "Alice has answered")
        self.assertFalse(response.context["qv"].partner_answered)
        self.assertFalse(Answer.objects.filter(daily_question=question).exists())

    def test_it_works_after_the_reveal_and_takes_the_replies(self):
        question = self.world.question_yesterday
        answer = self.world.alice_released_answer
        response = self.delete(self.alice, question)
        self.assertRedirects(response, detail(question))
        self.assertFalse(Answer.objects.filter(pk=answer.pk).exists())
        self.assertFalse(AnswerReply.objects.filter(answer_id=answer.pk).exists())
        self.assertTrue(Answer.objects.filter(pk=self.world.bob_released_answer.pk).exists())

    def test_the_partner_no_longer_sees_a_deleted_revealed_answer(self):
        question = self.world.question_yesterday
        self.delete(self.alice, question)
        self.client.force_login(self.bob)
        response = self.client.get(detail(question))
        self.assertNotContains(response, escape(self.world.alice_released_answer.text))
        self.assertEqual(response.context["qv"].state, "waiting")
        self.assertIsNone(response.context["qv"].theirs)
        # And Alice no longer sees Bob's answer either, until she writes one again.
        self.client.force_login(self.alice)
        response = self.client.get(detail(question))
        self.assertNotContains(response, escape(self.world.bob_released_answer.text))
        self.assertContains(response, "Bob has answered")

    def test_it_says_it_is_deleted(self):
        response = self.delete(self.alice, self.world.question_today, follow=True)
        self.assertContains(response, "Your answer is deleted.")
        self.assertFalse(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_it_returns_the_card_to_htmx(self):
        question = self.world.question_today
        response = self.delete(self.alice, question, HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertContains(response, "Seal my answer")
        self.assertNotContains(response, "<html")
        self.assertFalse(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_it_gives_404_without_an_answer(self):
        response = self.delete(self.bob, self.world.question_today)
        self.assertEqual(response.status_code, 404)
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_it_checks_the_couple(self):
        for person in (self.carol, self.dan):
            response = self.delete(person, self.world.question_today)
            self.assertEqual(response.status_code, 404)
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_a_former_partner_can_delete_his_old_answer(self):
        response = self.delete(self.dan, self.world.question_old)
        self.assertRedirects(
            response, detail(self.world.question_old), fetch_redirect_response=False
        )
        self.assertFalse(Answer.objects.filter(pk=self.world.dan_old_answer.pk).exists())
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_old_answer.pk).exists())

    def test_it_requires_login(self):
        target = url(self.world.question_today)
        response = self.client.post(target)
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.question_today))
        self.assertEqual(response.status_code, 405)
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())
