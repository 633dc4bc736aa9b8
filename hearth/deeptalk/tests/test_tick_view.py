import uuid

from hearth.deeptalk import services
from hearth.deeptalk.models import ItemStatus
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, make_deep_talk, words


class TickViewTests(DeepTalkTestCase):
    """POST /deep-talk/<id>/<item>/tick/: together, we talked it through."""

    def setUp(self):
        super().setUp()
        self.together, self.first = make_deep_talk(
            self.world.other_couple, starter=self.carol, mode="together"
        )

    def tick_post(self, person, *, item=None, htmx=False, talk=None):
        return self.post(
            person, "tick", talk=talk or self.together, item=item or self.first, htmx=htmx
        )

    def test_it_works(self):
        response = self.tick_post(self.erin)
        self.assertRedirects(response, url("talk", self.together))
        self.assertEqual(self.fresh_item(self.first).status, ItemStatus.DONE)
        nxt = self.open_item(self.together)
        self.assertEqual((nxt.position, nxt.first), (2, self.erin))

    def test_it_works_with_htmx(self):
        response = self.tick_post(self.carol, htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        nxt = self.open_item(self.together)
        self.assertIn(nxt.prompt.text, words(response))
        self.assertIn("Talked through together.", words(response))
        self.assertIn("Erin goes first", words(response))

    def test_it_refuses_apart(self):
        before = snapshot()
        response = self.post(self.bob, "tick", item=self.item)
        self.assertEqual(response.status_code, 422)
        self.assertIn(
            "Apart, a question is done when you've both written an answer.", alerts(response)
        )
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_question_already_ticked(self):
        self.tick_post(self.carol)
        before = snapshot()
        response = self.tick_post(self.erin, htmx=True)
        self.assertEqual(response.status_code, 422)
        self.assertIn("moved on from that question", " ".join(alerts(response)))
        self.assertEqual(snapshot(), before)

    def test_it_refuses_a_paused_talk(self):
        services.deeptalk_pause(talk=self.together, person=self.carol)
        before = snapshot()
        response = self.tick_post(self.erin)
        self.assertEqual(response.status_code, 422)
        self.assertIn("The talk is paused", " ".join(alerts(response)))
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.alice, self.bob, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.tick_post(person).status_code, 404)
        self.client.force_login(self.carol)
        response = self.client.post(f"/deep-talk/{self.together.public_id}/{uuid.uuid4()}/tick/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(url("tick", self.together, self.first))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(url("tick", self.together, self.first)).status_code, 405)
        self.assertEqual(self.fresh_item(self.first).status, ItemStatus.OPEN)
