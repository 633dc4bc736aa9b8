from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from hearth.questions.models import AnswerReply, DailyQuestion
from hearth.questions.services import couple_today
from hearth.testing import (
    HearthTestCase,
    make_answer,
    make_couple,
    make_person,
    make_question,
)

URL = reverse("questions:history")


class HistoryTests(HearthTestCase):
    def listed(self, response) -> list:
        return [view.question.pk for view in response.context["views"]]

    def make_days(self, couple, count, *, answered_by=()):
        today = couple_today(couple)
        questions = []
        for back in range(count):
            question = make_question(couple, day=today - timedelta(days=back))
            for person in answered_by:
                make_answer(question, person)
            questions.append(question)
        return questions

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"{reverse('account_login')}?next={URL}")
        self.assertEqual(DailyQuestion.objects.count(), 4)

    def test_it_lists_my_questions_newest_first(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(
            self.listed(response),
            [
                self.world.question_today.pk,
                self.world.question_yesterday.pk,
                # Alice answered this one with Dan, so it stays in her history.
                self.world.question_old.pk,
            ],
        )
        self.assertContains(response, escape(self.world.alice_released_answer.text))
        self.assertContains(response, escape(self.world.bob_released_answer.text))
        self.assertContains(response, "waiting for both answers")
        self.assertNotContains(response, escape(self.world.dan_old_answer.text))

    def test_it_never_shows_the_partners_unrevealed_answer(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertEqual(
            self.listed(response),
            [self.world.question_today.pk, self.world.question_yesterday.pk],
        )
        self.assertContains(response, "your partner has written theirs")
        self.assertNotContains(response, escape(self.world.alice_sealed_answer.text))
        self.assertNotContains(response, escape(self.world.alice_old_answer.text))

    def test_it_never_shows_a_pass(self):
        self.world.alice_sealed_answer.delete()
        make_answer(self.world.question_today, self.alice, passed=True)
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertNotContains(response, "your partner has written theirs")
        self.assertNotContains(response, "Not that day.")
        self.assertContains(response, "Not answered.")
        self.assertFalse(response.context["views"][0].partner_answered)

    def test_a_former_partner_sees_only_his_own_old_answer(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        self.assertEqual(self.listed(response), [self.world.question_old.pk])
        self.assertNotContains(response, escape(self.world.alice_old_answer.text))
        self.assertIsNone(response.context["views"][0].theirs)

    def test_it_shows_nothing_of_another_couple(self):
        self.client.force_login(self.carol)
        response = self.client.get(URL)
        self.assertEqual(self.listed(response), [self.world.carol_question.pk])
        self.assertNotContains(response, escape(self.world.alice_released_answer.text))

    def test_it_pages_fifteen_at_a_time(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        questions = self.make_days(couple, 17)
        self.client.force_login(pat)
        first = self.client.get(URL)
        self.assertEqual(self.listed(first), [q.pk for q in questions[:15]])
        cursor = questions[14].public_id
        self.assertContains(first, f'href="?before={cursor}"')
        second = self.client.get(URL, {"before": cursor})
        self.assertEqual(self.listed(second), [q.pk for q in questions[15:]])
        self.assertIsNone(second.context["next_before"])
        self.assertNotContains(second, "Older questions")

    def test_it_pages_through_questions_of_two_pairings_on_the_same_day(self):
        # Pat answered with Quinn in the morning, unpaired, then paired with Sam
        # the same day: two questions share a date, and both must be reachable.
        pat, quinn, sam = make_person("Pat"), make_person("Quinn"), make_person("Sam")
        old = make_couple(pat, quinn, ended=True)
        couple = make_couple(pat, sam)
        questions = self.make_days(couple, 15)
        old_question = make_question(old, day=questions[-1].local_date)
        make_answer(old_question, pat)
        self.client.force_login(pat)
        first = self.client.get(URL)
        second = self.client.get(URL, {"before": first.context["next_before"]})
        seen = self.listed(first) + self.listed(second)
        self.assertEqual(sorted(seen), sorted([q.pk for q in questions] + [old_question.pk]))

    def test_it_ignores_a_malformed_cursor(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL, {"before": "last-week"})
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["before"])
        self.assertEqual(len(self.listed(response)), 3)

    def test_its_query_count_does_not_grow_with_history(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        self.make_days(couple, 2, answered_by=(pat, sam))
        self.client.force_login(pat)
        with CaptureQueriesContext(connection) as short:
            self.client.get(URL)
        DailyQuestion.objects.filter(couple=couple).delete()
        for question in self.make_days(couple, 15, answered_by=(pat, sam)):
            answer = question.answers.get(author=pat)
            AnswerReply.objects.create(answer=answer, couple=couple, author=sam, text="Yes!")
        with CaptureQueriesContext(connection) as long:
            response = self.client.get(URL)
        self.assertEqual(len(self.listed(response)), 15)
        self.assertEqual(len(long), len(short))

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(DailyQuestion.objects.count(), 4)
