import re

from django.urls import reverse
from django.utils.html import escape

from hearth.access import Visibility
from hearth.questions.models import Answer
from hearth.testing import HearthTestCase


def without_tokens(response) -> str:
    return re.sub(
        r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", response.content.decode()
    )


def url(question) -> str:
    return reverse("questions:pass", args=[question.public_id])


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class AnswerPassTests(HearthTestCase):
    def pass_today(self, person, question, **extra):
        self.client.force_login(person)
        return self.client.post(url(question), **extra)

    def answer_of(self, person, question):
        return Answer.objects.filter(author=person, daily_question=question)

    def test_it_works(self):
        question = self.world.question_today
        response = self.pass_today(self.bob, question)
        self.assertRedirects(response, detail(question))
        answer = self.answer_of(self.bob, question).get()
        self.assertTrue(answer.passed)
        self.assertEqual(answer.text, "")
        self.assertEqual(answer.visibility, Visibility.PRIVATE)

    def test_it_is_kind_about_it(self):
        response = self.pass_today(self.bob, self.world.question_today, follow=True)
        self.assertContains(response, "That&#x27;s fine. Not today is always an option.")
        self.assertContains(response, 'You chose "not today".')
        self.assertTrue(self.answer_of(self.bob, self.world.question_today).get().passed)

    def test_it_returns_the_card_to_htmx(self):
        question = self.world.question_today
        response = self.pass_today(self.bob, question, HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertContains(response, 'You chose "not today".')
        self.assertNotContains(response, "<html")
        self.assertTrue(self.answer_of(self.bob, question).get().passed)

    def test_the_partner_is_never_told(self):
        question = self.world.question_today
        self.client.force_login(self.alice)
        before = self.client.get(detail(question))
        self.pass_today(self.bob, question)
        self.client.cookies.clear()  # Bob's "that's fine" message is not for Alice's eyes
        self.client.force_login(self.alice)
        after = self.client.get(detail(question))
        self.assertEqual(after.context["qv"].state, "waiting")
        self.assertFalse(after.context["qv"].partner_answered)
        self.assertIsNone(after.context["qv"].theirs)
        self.assertContains(after, "Waiting for Bob.")
        self.assertNotContains(after, "not today&quot;")
        self.assertNotContains(after, 'chose "not today"')
        # The page is the same as before Bob passed, apart from its CSRF token.
        self.assertEqual(without_tokens(after), without_tokens(before))
        self.assertTrue(self.answer_of(self.bob, question).get().passed)

    def test_a_pass_does_not_reveal_the_partners_answer(self):
        question = self.world.question_today
        self.pass_today(self.bob, question)
        self.client.force_login(self.bob)
        response = self.client.get(detail(question))
        self.assertNotContains(response, escape(self.world.alice_sealed_answer.text))
        self.assertIsNone(response.context["qv"].theirs)
        self.assertEqual(response.context["qv"].state, "passed")

    def test_a_pass_is_not_an_answer_for_the_partner(self):
        question = self.world.question_today
        self.world.alice_sealed_answer.delete()
        self.pass_today(self.alice, question)
        self.client.force_login(self.bob)
        self.client.post(reverse("questions:answer", args=[question.public_id]), {"text": "Mine"})
        response = self.client.get(detail(question))
        self.assertEqual(response.context["qv"].state, "waiting")
        self.assertIsNone(response.context["qv"].theirs)
        self.client.force_login(self.alice)
        response = self.client.get(detail(question))
        self.assertEqual(response.context["qv"].state, "passed")
        self.assertNotContains(response, "Mine</p>")
        self.assertEqual(self.answer_of(self.bob, question).get().text, "Mine")

    def test_passing_withdraws_an_unrevealed_answer(self):
        question = self.world.question_today
        self.pass_today(self.alice, question)
        answer = self.answer_of(self.alice, question).get()
        self.assertEqual(answer.pk, self.world.alice_sealed_answer.pk)
        self.assertTrue(answer.passed)
        self.assertEqual(answer.text, "")
        self.client.force_login(self.bob)
        response = self.client.get(detail(question))
        self.assertFalse(response.context["qv"].partner_answered)
        self.assertNotContains(response, "Alice has answered")

    def test_it_refuses_after_the_reveal(self):
        answer = self.world.alice_released_answer
        text = answer.text
        response = self.pass_today(self.alice, self.world.question_yesterday)
        self.assertContains(response, "already been revealed", status_code=422)
        answer.refresh_from_db()
        self.assertFalse(answer.passed)
        self.assertEqual(answer.text, text)

    def test_it_checks_the_couple(self):
        for person in (self.carol, self.dan):
            response = self.pass_today(person, self.world.question_today)
            self.assertEqual(response.status_code, 404)
        self.assertEqual(Answer.objects.filter(daily_question=self.world.question_today).count(), 1)

    def test_it_requires_login(self):
        target = url(self.world.question_today)
        response = self.client.post(target)
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertFalse(self.answer_of(self.bob, self.world.question_today).exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.question_today))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self.answer_of(self.bob, self.world.question_today).exists())
