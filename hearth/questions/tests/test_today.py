from django.urls import reverse

from hearth.questions.models import DailyQuestion
from hearth.questions.services import couple_today
from hearth.testing import HearthTestCase, make_couple, make_person

URL = reverse("questions:today")


def detail(question) -> str:
    return reverse("questions:detail", args=[question.public_id])


class TodayTests(HearthTestCase):
    def test_it_redirects_to_todays_question(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertRedirects(response, detail(self.world.question_today))
        self.assertEqual(DailyQuestion.objects.filter(couple=self.world.couple).count(), 2)

    def test_both_partners_get_the_same_question(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        self.client.force_login(pat)
        first = self.client.get(URL)
        self.client.force_login(sam)
        second = self.client.get(URL)
        question = DailyQuestion.objects.get(couple=couple)
        self.assertEqual(question.local_date, couple_today(couple))
        self.assertRedirects(first, detail(question))
        self.assertRedirects(second, detail(question))

    def test_it_sends_someone_on_their_own_to_pairing(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL, follow=True)
        self.assertRedirects(response, reverse("couples:pairing"))
        self.assertContains(response, "The daily question starts once you&#x27;re paired.")
        self.assertEqual(DailyQuestion.objects.count(), 4)

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertRedirects(response, f"{reverse('account_login')}?next={URL}")
        self.assertEqual(DailyQuestion.objects.count(), 4)

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(URL)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(DailyQuestion.objects.count(), 4)
