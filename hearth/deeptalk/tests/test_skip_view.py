import uuid

from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalkAnswer, ItemStatus
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, words


class SkipViewTests(DeepTalkTestCase):
    """POST /deep-talk/<id>/<item>/skip/: skip without a word."""

    def test_it_works(self):
        response = self.post(self.bob, "skip", item=self.item)
        self.assertRedirects(response, url("talk", self.talk))
        self.assertEqual(self.fresh_item().status, ItemStatus.SKIPPED)
        replacement = self.open_item()
        self.assertEqual((replacement.depth, replacement.first), ("light", self.alice))
        self.assertTrue(DeepTalkAnswer.objects.filter(pk=self.world.alice_deep_answer.pk).exists())

    def test_it_works_with_htmx(self):
        response = self.post(self.alice, "skip", item=self.item, htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        text = words(response)
        self.assertIn(self.open_item().prompt.text, text)
        self.assertIn("Skipped.", text)
        self.assertIn("You go first", text)
        # Alice's lone answer is hers alone now, and says so.
        self.assertIn("You wrote (only you can see it)", text)

    def test_bob_never_sees_the_lone_answer_after_the_skip(self):
        response = self.post(self.bob, "skip", item=self.item, htmx=True)
        self.assertNotIn("Alice's sealed deep answer", words(response))
        self.assertNotIn("Alice's sealed deep answer", words(self.get_page(self.bob)))

    def test_it_refuses_a_question_already_skipped(self):
        self.post(self.bob, "skip", item=self.item)
        before = snapshot()
        response = self.post(self.alice, "skip", item=self.item)
        self.assertEqual(response.status_code, 422)
        self.assertIn("moved on from that question", " ".join(alerts(response)))
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        before = snapshot()
        response = self.post(self.bob, "skip", item=self.item, htmx=True)
        self.assertEqual(response.status_code, 422)
        self.assertIn("The talk is paused", " ".join(alerts(response)))
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        before = snapshot()
        response = self.post(self.bob, "skip", item=self.item)
        self.assertEqual(response.status_code, 422)
        self.assertIn("This talk has ended.", alerts(response))
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.post(person, "skip", item=self.item).status_code, 404)
        old = self.world.old_deep_talk
        self.assertEqual(
            self.post(self.dan, "skip", talk=old, item=old.items.get()).status_code, 404
        )
        self.client.force_login(self.bob)
        response = self.client.post(f"/deep-talk/{self.talk.public_id}/{uuid.uuid4()}/skip/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(url("skip", self.talk, self.item))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url("skip", self.talk, self.item)).status_code, 405)
        self.assertEqual(self.fresh_item().status, ItemStatus.OPEN)
