from django.urls import reverse

from hearth.core.errors import ServiceError
from hearth.questions.models import AnswerReply
from hearth.questions.services import reply_felt_heard
from hearth.testing import HearthTestCase


def url(reply) -> str:
    return reverse("questions:felt_heard", args=[reply.public_id])


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class ReplyFeltHeardTests(HearthTestCase):
    def mark(self, person, felt_heard="on", **extra):
        self.client.force_login(person)
        reply = self.world.bob_reply_on_alice_answer
        return self.client.post(url(reply), {"felt_heard": felt_heard}, **extra)

    def stored(self) -> AnswerReply:
        return AnswerReply.objects.get(pk=self.world.bob_reply_on_alice_answer.pk)

    def test_it_works(self):
        response = self.mark(self.alice)
        self.assertRedirects(response, detail(self.world.question_yesterday))
        reply = self.stored()
        self.assertIsNotNone(reply.felt_heard_at)
        self.assertIsNotNone(reply.seen_at)

    def test_both_see_it(self):
        self.mark(self.alice)
        response = self.client.get(detail(self.world.question_yesterday))
        self.assertContains(response, "You felt heard")
        self.client.force_login(self.bob)
        response = self.client.get(detail(self.world.question_yesterday))
        self.assertContains(response, "Alice felt heard")
        self.assertIsNotNone(self.stored().felt_heard_at)

    def test_it_can_be_undone(self):
        self.mark(self.alice)
        response = self.mark(self.alice, felt_heard="")
        self.assertRedirects(response, detail(self.world.question_yesterday))
        self.assertIsNone(self.stored().felt_heard_at)

    def test_it_returns_the_card_to_htmx(self):
        question = self.world.question_yesterday
        response = self.mark(self.alice, HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertContains(response, "You felt heard")
        self.assertNotContains(response, "<html")
        self.assertIsNotNone(self.stored().felt_heard_at)

    def test_the_replier_cannot_mark_their_own_reply(self):
        response = self.mark(self.bob)
        self.assertContains(
            response,
            "Only the person who wrote the answer can mark a reply",
            status_code=403,
        )
        self.assertIsNone(self.stored().felt_heard_at)

    def test_it_checks_the_couple(self):
        for person in (self.carol, self.dan):
            response = self.mark(person)
            self.assertEqual(response.status_code, 404)
        self.assertIsNone(self.stored().felt_heard_at)

    def test_it_requires_login(self):
        target = url(self.world.bob_reply_on_alice_answer)
        response = self.client.post(target, {"felt_heard": "on"})
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertIsNone(self.stored().felt_heard_at)

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.bob_reply_on_alice_answer))
        self.assertEqual(response.status_code, 405)
        self.assertIsNone(self.stored().felt_heard_at)

    def test_the_service_stores_the_time(self):
        reply = reply_felt_heard(reply=self.stored(), person=self.alice)
        self.assertEqual(self.stored().felt_heard_at, reply.felt_heard_at)
        reply_felt_heard(reply=self.stored(), person=self.alice, felt_heard=False)
        self.assertIsNone(self.stored().felt_heard_at)

    def test_the_service_refuses_the_replier(self):
        with self.assertRaises(ServiceError) as caught:
            reply_felt_heard(reply=self.stored(), person=self.bob)
        self.assertEqual(caught.exception.status, 403)
        self.assertEqual(caught.exception.code, "not_answer_author")
        self.assertIsNone(self.stored().felt_heard_at)
