import uuid

from hearth.deeptalk import services
from hearth.deeptalk.models import ANSWER_MAX, DeepTalkAnswer, ItemStatus
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, make_deep_talk, words


class AnswerViewTests(DeepTalkTestCase):
    """POST /deep-talk/<id>/<item>/answer/: write or change my answer (apart)."""

    def send(self, person, text, *, talk=None, item=None, htmx=False):
        return self.post(
            person, "answer", {"text": text}, talk=talk, item=item or self.item, htmx=htmx
        )

    def assertRefusedWith(self, response, message):
        self.assertEqual(response.status_code, 422)
        self.assertIn(message, " ".join(alerts(response)))

    def test_it_works(self):
        response = self.send(self.bob, "  Bob's answer  ")
        self.assertRedirects(response, url("talk", self.talk))
        answer = DeepTalkAnswer.objects.get(item=self.item, author=self.bob)
        self.assertEqual((answer.text, answer.visibility), ("Bob's answer", "sealed"))
        self.assertEqual(self.fresh_item().status, ItemStatus.DONE)
        self.assertEqual(self.open_item().first, self.bob)

    def test_it_works_with_htmx(self):
        response = self.send(self.bob, "Bob's answer", htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        text = words(response)
        self.assertIn("Bob's answer", text)
        self.assertIn("Alice's sealed deep answer", text)  # released to Bob now
        self.assertIn("You go first", text)  # Bob goes first on the next one
        self.assertEqual(DeepTalkAnswer.objects.filter(item=self.item).count(), 2)

    def test_the_one_going_first_waits_afterwards(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        response = self.send(self.carol, "Carol first", talk=talk, item=item, htmx=True)
        self.assertShows(response, "Waiting for Erin.")
        self.assertEqual(self.fresh_item(item).status, ItemStatus.OPEN)
        self.assertEqual(DeepTalkAnswer.objects.get(item=item).text, "Carol first")

    def test_the_answer_can_be_changed_until_the_partner_answers(self):
        response = self.send(self.alice, "Alice thought again")
        self.assertRedirects(response, url("talk", self.talk))
        self.assertEqual(
            DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk).text,
            "Alice thought again",
        )
        self.assertEqual(DeepTalkAnswer.objects.filter(item=self.item).count(), 1)

    def test_it_refuses_an_empty_answer(self):
        for text in ("", "   \n "):
            with self.subTest(text=text):
                before = snapshot()
                response = self.send(self.bob, text)
                self.assertRefusedWith(
                    response, "Write your answer, or skip this one: that's always fine."
                )
                self.assertEqual(snapshot(), before)

    def test_it_refuses_an_empty_change(self):
        # The change form (after answering, while waiting) must say why too.
        before = snapshot()
        for htmx in (False, True):
            response = self.send(self.alice, "  ", htmx=htmx)
            self.assertRefusedWith(
                response, "Write your answer, or skip this one: that's always fine."
            )
        self.assertEqual(snapshot(), before)

    def test_an_empty_answer_out_of_turn_says_why(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        before = snapshot()
        response = self.send(self.erin, "", talk=talk, item=item)
        self.assertRefusedWith(response, "Write your answer, or skip this one")
        self.assertEqual(snapshot(), before)

    def test_a_refused_change_keeps_the_words_typed(self):
        response = self.send(self.alice, "a" * (ANSWER_MAX + 1))
        self.assertContains(response, "a" * (ANSWER_MAX + 1), status_code=422)

    def test_it_refuses_a_long_answer(self):
        before = snapshot()
        response = self.send(self.bob, "b" * (ANSWER_MAX + 1))
        self.assertRefusedWith(
            response, f"An answer can be at most {ANSWER_MAX} characters; yours has 1501."
        )
        # The words are kept in the box, so nothing typed is lost.
        self.assertContains(response, "b" * (ANSWER_MAX + 1), status_code=422)
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_long_change(self):
        before = snapshot()
        response = self.send(self.alice, "a" * (ANSWER_MAX + 1))
        self.assertRefusedWith(response, f"An answer can be at most {ANSWER_MAX} characters")
        self.assertEqual(snapshot(), before)

    def test_it_allows_the_longest_answer(self):
        self.send(self.bob, "b" * ANSWER_MAX)
        self.assertEqual(
            DeepTalkAnswer.objects.get(item=self.item, author=self.bob).text, "b" * ANSWER_MAX
        )

    def test_the_other_must_wait_for_the_one_going_first(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        before = snapshot()
        response = self.send(self.erin, "Erin too soon", talk=talk, item=item)
        self.assertRefusedWith(response, "Carol goes first on this one. You'll answer after them.")
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        before = snapshot()
        response = self.send(self.bob, "While paused")
        self.assertRefusedWith(response, "The talk is paused.")
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        before = snapshot()
        response = self.send(self.bob, "Too late", htmx=True)
        self.assertRefusedWith(response, "This talk has ended.")
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_question_already_behind_us(self):
        self.send(self.bob, "Bob's answer")
        before = snapshot()
        response = self.send(self.alice, "On the old one")
        self.assertRefusedWith(response, "You've moved on from that question.")
        self.assertEqual(snapshot(), before)

    def test_it_refuses_together(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        before = snapshot()
        response = self.send(self.carol, "Typed", talk=talk, item=item)
        self.assertRefusedWith(response, "Together, you talk it through and tick it off")
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.send(person, "Not mine").status_code, 404)
                self.assertEqual(self.send(person, "Not mine", htmx=True).status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_a_former_partner_cannot_answer_in_an_old_talk(self):
        old = self.world.old_deep_talk
        item = old.items.get()
        before = snapshot()
        response = self.send(self.dan, "Dan again", talk=old, item=item)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_is_404_for_an_unknown_or_foreign_question(self):
        _, foreign = make_deep_talk(self.world.other_couple, starter=self.carol)
        before = snapshot()
        self.client.force_login(self.bob)
        for item_id in (uuid.uuid4(), foreign.public_id):
            response = self.client.post(
                f"/deep-talk/{self.talk.public_id}/{item_id}/answer/", {"text": "x"}
            )
            self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(url("answer", self.talk, self.item), {"text": "x"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url("answer", self.talk, self.item)).status_code, 405)
