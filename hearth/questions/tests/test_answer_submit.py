import uuid

from django.urls import reverse
from django.utils.html import escape

from hearth.access import Visibility
from hearth.core.errors import ServiceError
from hearth.questions.models import Answer
from hearth.questions.services import answer_submit
from hearth.testing import HearthTestCase, make_answer


def url(question) -> str:
    return reverse("questions:answer", args=[question.public_id])


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class AnswerSubmitTests(HearthTestCase):
    def answer(self, person, question, text, **extra):
        self.client.force_login(person)
        return self.client.post(url(question), {"text": text}, **extra)

    def bobs_answer(self):
        return Answer.objects.filter(author=self.bob, daily_question=self.world.question_today)

    def test_it_works(self):
        question = self.world.question_today
        response = self.answer(self.bob, question, "  Slow coffee together  ")
        self.assertRedirects(response, detail(question))
        answer = self.bobs_answer().get()
        self.assertEqual(answer.text, "Slow coffee together")
        self.assertEqual(answer.visibility, Visibility.SEALED)
        self.assertFalse(answer.passed)
        self.assertEqual(answer.couple, self.world.couple)

    def test_the_second_answer_reveals_both(self):
        question = self.world.question_today
        alice_text = escape(self.world.alice_sealed_answer.text)
        self.answer(self.bob, question, "Slow coffee together")
        for person in (self.bob, self.alice):
            self.client.force_login(person)
            response = self.client.get(detail(question))
            self.assertEqual(response.context["qv"].state, "revealed")
            self.assertContains(response, alice_text)
            self.assertContains(response, "Slow coffee together")
        self.assertEqual(Answer.objects.filter(daily_question=question).count(), 2)

    def test_it_returns_the_revealed_card_to_htmx(self):
        question = self.world.question_today
        response = self.answer(self.bob, question, "Slow coffee", HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertContains(response, escape(self.world.alice_sealed_answer.text))
        self.assertNotContains(response, "<html")
        self.assertTrue(self.bobs_answer().exists())

    def test_the_first_answer_stays_sealed(self):
        question = self.world.question_today
        self.world.alice_sealed_answer.delete()
        self.answer(self.bob, question, "Bob goes first")
        self.client.force_login(self.alice)
        response = self.client.get(detail(question))
        self.assertContains(response, "Bob has answered")
        self.assertNotContains(response, "Bob goes first")
        self.assertEqual(self.bobs_answer().get().text, "Bob goes first")

    def test_i_can_edit_before_the_reveal(self):
        answer = self.world.alice_sealed_answer
        response = self.answer(self.alice, self.world.question_today, "Second thoughts")
        self.assertRedirects(response, detail(self.world.question_today))
        answer.refresh_from_db()
        self.assertEqual(answer.text, "Second thoughts")
        self.assertEqual(Answer.objects.filter(author=self.alice).count(), 3)

    def test_i_cannot_edit_after_the_reveal(self):
        answer = self.world.alice_released_answer
        text = answer.text
        response = self.answer(self.alice, self.world.question_yesterday, "Rewritten")
        self.assertContains(
            response, "Your answer has already been revealed to your partner", status_code=422
        )
        answer.refresh_from_db()
        self.assertEqual(answer.text, text)

    def test_a_pass_can_become_an_answer_later(self):
        question = self.world.question_today
        make_answer(question, self.bob, passed=True)
        response = self.answer(self.bob, question, "Changed my mind")
        self.assertRedirects(response, detail(question))
        answer = self.bobs_answer().get()
        self.assertFalse(answer.passed)
        self.assertEqual(answer.visibility, Visibility.SEALED)
        self.assertEqual(answer.text, "Changed my mind")

    def test_it_requires_text(self):
        response = self.answer(self.bob, self.world.question_today, "   ")
        self.assertContains(response, "Write an answer, or choose", status_code=422)
        self.assertFalse(self.bobs_answer().exists())

    def test_it_returns_the_card_with_the_error_to_htmx(self):
        question = self.world.question_today
        response = self.answer(self.bob, question, "", HTTP_HX_REQUEST="true")
        self.assertContains(response, "Write an answer, or choose", status_code=422)
        self.assertContains(response, f'id="question-{question.public_id}"', status_code=422)
        self.assertNotContains(response, "<html", status_code=422)
        self.assertFalse(self.bobs_answer().exists())

    def test_it_rejects_a_long_answer(self):
        response = self.answer(self.bob, self.world.question_today, "x" * 2001)
        self.assertContains(response, "at most 2000 characters (it has 2001)", status_code=422)
        self.assertFalse(self.bobs_answer().exists())

    def test_it_accepts_the_longest_answer(self):
        self.answer(self.bob, self.world.question_today, "x" * 2000)
        self.assertEqual(len(self.bobs_answer().get().text), 2000)

    def test_it_keeps_my_answer_on_bad_input(self):
        answer = self.world.alice_sealed_answer
        text = answer.text
        response = self.answer(self.alice, self.world.question_today, "")
        self.assertEqual(response.status_code, 422)
        answer.refresh_from_db()
        self.assertEqual(answer.text, text)

    def test_it_checks_the_couple(self):
        response = self.answer(self.carol, self.world.question_today, "Hello")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(
            Answer.objects.filter(
                author=self.carol, daily_question=self.world.question_today
            ).exists()
        )

    def test_a_former_partner_gets_404_for_the_new_couples_question(self):
        response = self.answer(self.dan, self.world.question_today, "Hello")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(
            Answer.objects.filter(
                author=self.dan, daily_question=self.world.question_today
            ).exists()
        )

    def test_a_former_partner_cannot_change_an_old_answer(self):
        answer = self.world.dan_old_answer
        text = answer.text
        response = self.answer(self.dan, self.world.question_old, "Rewriting history")
        self.assertContains(response, "a pairing you are no longer part of", status_code=422)
        answer.refresh_from_db()
        self.assertEqual(answer.text, text)

    def test_it_gives_404_for_an_unknown_question(self):
        self.client.force_login(self.bob)
        response = self.client.post(
            reverse("questions:answer", args=[uuid.uuid4()]), {"text": "Hi"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Answer.objects.filter(author=self.bob, text="Hi").exists())

    def test_it_requires_login(self):
        target = url(self.world.question_today)
        response = self.client.post(target, {"text": "Hello"})
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertFalse(self.bobs_answer().exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.question_today))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self.bobs_answer().exists())

    def test_the_service_refuses_a_revealed_answer_with_409(self):
        answer = self.world.alice_released_answer
        text = answer.text
        with self.assertRaises(ServiceError) as caught:
            answer_submit(
                daily_question=self.world.question_yesterday, author=self.alice, text="Rewritten"
            )
        self.assertEqual(caught.exception.status, 409)
        self.assertEqual(caught.exception.code, "revealed")
        answer.refresh_from_db()
        self.assertEqual(answer.text, text)

    def test_the_service_refuses_someone_outside_the_couple(self):
        with self.assertRaises(ServiceError) as caught:
            answer_submit(daily_question=self.world.question_today, author=self.carol, text="Hi")
        self.assertEqual(caught.exception.status, 404)
        self.assertFalse(Answer.objects.filter(author=self.carol, text="Hi").exists())
