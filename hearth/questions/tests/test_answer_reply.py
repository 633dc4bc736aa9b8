import uuid

from django.urls import reverse

from hearth.access import Visibility
from hearth.questions.models import AnswerReply
from hearth.testing import HearthTestCase, make_answer


def url(answer) -> str:
    return reverse("questions:reply", args=[answer.public_id])


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class AnswerReplyTests(HearthTestCase):
    def reply(self, person, answer, text, **extra):
        self.client.force_login(person)
        return self.client.post(url(answer), {"text": text}, **extra)

    def new_replies(self):
        return AnswerReply.objects.exclude(pk=self.world.bob_reply_on_alice_answer.pk)

    def test_it_works(self):
        answer = self.world.bob_released_answer
        response = self.reply(self.alice, answer, "  That made me laugh  ")
        self.assertRedirects(response, detail(self.world.question_yesterday))
        reply = self.new_replies().get()
        self.assertEqual(reply.answer, answer)
        self.assertEqual(reply.author, self.alice)
        self.assertEqual(reply.text, "That made me laugh")
        self.assertEqual(reply.couple, self.world.couple)
        self.assertEqual(reply.visibility, Visibility.SHARED)
        self.assertIsNone(reply.felt_heard_at)

    def test_the_answers_author_sees_it(self):
        self.reply(self.alice, self.world.bob_released_answer, "That made me laugh")
        self.client.force_login(self.bob)
        response = self.client.get(detail(self.world.question_yesterday))
        self.assertContains(response, "Alice replied")
        self.assertContains(response, "That made me laugh")
        self.assertContains(response, "I felt heard")
        self.assertIsNotNone(self.new_replies().get().seen_at)

    def test_it_returns_the_card_to_htmx(self):
        question = self.world.question_yesterday
        response = self.reply(
            self.alice, self.world.bob_released_answer, "Lovely", HTTP_HX_REQUEST="true"
        )
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertContains(response, "Lovely")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.new_replies().get().text, "Lovely")

    def test_it_refuses_a_reply_to_my_own_answer(self):
        response = self.reply(self.alice, self.world.alice_released_answer, "Me again")
        self.assertContains(
            response,
            "You can reply to your partner&#x27;s answer, not your own.",
            status_code=422,
        )
        self.assertFalse(self.new_replies().exists())

    def test_it_gives_404_for_an_unrevealed_answer(self):
        response = self.reply(self.bob, self.world.alice_sealed_answer, "Peeking")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_gives_404_for_a_pass(self):
        question = self.world.question_today
        passed = make_answer(question, self.bob, passed=True)
        response = self.reply(self.alice, passed, "Why not?")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_checks_the_couple(self):
        response = self.reply(self.carol, self.world.alice_released_answer, "Hi")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_a_former_partner_gets_404(self):
        response = self.reply(self.dan, self.world.alice_old_answer, "Remember?")
        self.assertEqual(response.status_code, 404)
        response = self.reply(self.alice, self.world.dan_old_answer, "Remember?")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_gives_404_for_an_unknown_answer(self):
        self.client.force_login(self.alice)
        response = self.client.post(reverse("questions:reply", args=[uuid.uuid4()]), {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_requires_text(self):
        response = self.reply(self.alice, self.world.bob_released_answer, "  ")
        self.assertContains(response, "Write a reply first.", status_code=422)
        self.assertFalse(self.new_replies().exists())

    def test_it_rejects_a_long_reply(self):
        response = self.reply(self.alice, self.world.bob_released_answer, "x" * 1001)
        self.assertContains(response, "at most 1000 characters (it has 1001)", status_code=422)
        self.assertFalse(self.new_replies().exists())

    def test_it_requires_login(self):
        target = url(self.world.bob_released_answer)
        response = self.client.post(target, {"text": "Hi"})
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertFalse(self.new_replies().exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.bob_released_answer))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self.new_replies().exists())
