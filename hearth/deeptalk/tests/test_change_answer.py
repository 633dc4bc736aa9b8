from hearth.deeptalk.models import DeepTalkAnswer
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, url
from hearth.testing import main_of


class ChangeAnswerTests(DeepTalkTestCase):
    """Alice answered and waits for Bob; she may change her answer meanwhile."""

    def test_the_waiting_page_polls_and_offers_a_link(self):
        main = main_of(self.get_page(self.alice))
        self.assertIn('hx-trigger="every 10s"', main)
        self.assertIn(url("talk", self.talk) + "?edit=1", main)
        self.assertNotIn('name="text"', main)

    def test_while_changing_the_page_stops_polling_so_nothing_typed_is_lost(self):
        self.client.force_login(self.alice)
        main = main_of(self.client.get(url("talk", self.talk) + "?edit=1"))
        self.assertNotIn("hx-trigger", main)
        self.assertIn('name="text"', main)
        self.assertIn(self.world.alice_deep_answer.text.replace("'", "&#x27;"), main)

    def test_a_refused_change_keeps_the_form_open_without_polling(self):
        response = self.post(self.alice, "answer", {"text": "   "}, item=self.item)
        self.assertEqual(response.status_code, 422)
        main = main_of(response)
        self.assertNotIn("hx-trigger", main)
        self.assertIn("Write your answer, or skip this one", main)
        answer = DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk)
        self.assertEqual(answer.text, "Alice's sealed deep answer")

    def test_saving_the_change_goes_back_to_waiting(self):
        response = self.post(self.alice, "answer", {"text": "A better answer"}, item=self.item)
        self.assertRedirects(response, url("talk", self.talk), fetch_redirect_response=False)
        answer = DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk)
        self.assertEqual(answer.text, "A better answer")
        self.assertIn('hx-trigger="every 10s"', main_of(self.get_page(self.alice)))
