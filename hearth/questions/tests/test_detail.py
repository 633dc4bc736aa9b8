import re
import uuid

from django.urls import reverse
from django.utils.html import escape

from hearth.questions.models import Answer, AnswerReply
from hearth.testing import HearthTestCase, make_answer

SEALED = "sealed thought about quiet mornings"
OLD_ALICE = "an old answer for Dan only"
OLD_DAN = "Dan remembers the lake"


def url(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


def without_tokens(html: str) -> str:
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", html)


class DetailTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        # Give the answers texts that appear nowhere else on any page.
        Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).update(text=SEALED)
        Answer.objects.filter(pk=self.world.alice_old_answer.pk).update(text=OLD_ALICE)
        Answer.objects.filter(pk=self.world.dan_old_answer.pk).update(text=OLD_DAN)

    def get(self, person, question, **extra):
        self.client.force_login(person)
        return self.client.get(url(question), **extra)

    def test_it_requires_login(self):
        target = url(self.world.question_today)
        response = self.client.get(target)
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertEqual(Answer.objects.get(pk=self.world.alice_sealed_answer.pk).text, SEALED)

    def test_the_partner_sees_that_i_answered_but_not_what(self):
        response = self.get(self.bob, self.world.question_today)
        self.assertContains(response, "Alice has answered")
        self.assertContains(response, "Seal my answer")
        self.assertNotContains(response, SEALED)
        self.assertEqual(response.context["qv"].state, "open")
        self.assertIsNone(response.context["qv"].theirs)
        self.assertFalse(
            Answer.objects.filter(
                author=self.bob, daily_question=self.world.question_today
            ).exists()
        )

    def test_the_home_page_keeps_the_seal_too(self):
        self.client.force_login(self.bob)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Alice has answered")
        self.assertNotContains(response, SEALED)

    def test_i_see_that_i_am_waiting(self):
        response = self.get(self.alice, self.world.question_today)
        self.assertContains(response, "Waiting for Bob.")
        self.assertContains(response, SEALED)
        self.assertContains(response, "Delete my answer")
        self.assertEqual(response.context["qv"].state, "waiting")

    def test_both_see_both_answers_once_revealed(self):
        question = self.world.question_yesterday
        for person in (self.alice, self.bob):
            response = self.get(person, question)
            self.assertEqual(response.context["qv"].state, "revealed")
            self.assertContains(response, escape(self.world.alice_released_answer.text))
            self.assertContains(response, escape(self.world.bob_released_answer.text))
            self.assertContains(response, escape(self.world.bob_reply_on_alice_answer.text))

    def test_the_reveal_offers_a_reply_to_the_partners_answer_only(self):
        response = self.get(self.bob, self.world.question_yesterday)
        alice_answer = self.world.alice_released_answer
        self.assertContains(response, reverse("questions:reply", args=[alice_answer.public_id]))
        own = reverse("questions:reply", args=[self.world.bob_released_answer.public_id])
        self.assertNotContains(response, own)

    def test_it_marks_replies_seen_for_the_answers_author(self):
        reply = self.world.bob_reply_on_alice_answer
        self.get(self.bob, self.world.question_yesterday)
        self.assertIsNone(AnswerReply.objects.get(pk=reply.pk).seen_at)
        self.get(self.alice, self.world.question_yesterday)
        self.assertIsNotNone(AnswerReply.objects.get(pk=reply.pk).seen_at)

    def test_a_pass_looks_like_no_answer_at_all_to_the_partner(self):
        question = self.world.question_today
        self.world.alice_sealed_answer.delete()
        before = without_tokens(self.get(self.bob, question).content.decode())
        make_answer(question, self.alice, passed=True)
        response = self.get(self.bob, question)
        after = without_tokens(response.content.decode())
        self.assertEqual(after, before)
        self.assertNotContains(response, "has answered")
        self.assertNotContains(response, "You chose")
        self.assertFalse(response.context["qv"].partner_answered)
        self.assertIsNone(response.context["qv"].theirs)
        self.assertTrue(Answer.objects.get(author=self.alice, daily_question=question).passed)

    def test_i_see_my_own_pass(self):
        question = self.world.question_today
        self.world.alice_sealed_answer.delete()
        make_answer(question, self.alice, passed=True)
        response = self.get(self.alice, question)
        self.assertContains(response, 'You chose "not today".')
        self.assertContains(response, "Seal my answer")
        self.assertEqual(response.context["qv"].state, "passed")

    def test_it_returns_the_card_to_htmx(self):
        question = self.world.question_today
        response = self.get(self.alice, question, HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="question-{question.public_id}"')
        self.assertNotContains(response, "<html")

    def test_it_checks_the_couple(self):
        response = self.get(self.carol, self.world.question_today)
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, SEALED, status_code=404)
        response = self.get(self.alice, self.world.carol_question)
        self.assertEqual(response.status_code, 404)

    def test_a_former_partner_gets_404_for_the_new_couples_question(self):
        response = self.get(self.dan, self.world.question_today)
        self.assertEqual(response.status_code, 404)

    def test_a_former_partner_sees_only_his_own_old_answer(self):
        response = self.get(self.dan, self.world.question_old)
        self.assertContains(response, OLD_DAN)
        self.assertContains(response, "This question is from an earlier pairing.")
        self.assertNotContains(response, OLD_ALICE)
        self.assertIsNone(response.context["qv"].theirs)

    def test_i_see_only_my_own_answer_from_an_earlier_pairing(self):
        response = self.get(self.alice, self.world.question_old)
        self.assertContains(response, OLD_ALICE)
        self.assertNotContains(response, OLD_DAN)
        self.assertNotContains(response, "Seal my answer")

    def test_a_question_from_an_earlier_pairing_is_gone_once_my_answer_is(self):
        self.world.dan_old_answer.delete()
        response = self.get(self.dan, self.world.question_old)
        self.assertEqual(response.status_code, 404)

    def test_it_gives_404_for_an_unknown_id(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("questions:detail", args=[uuid.uuid4()]))
        self.assertEqual(response.status_code, 404)

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(url(self.world.question_today))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(Answer.objects.filter(author=self.alice).count(), 3)
