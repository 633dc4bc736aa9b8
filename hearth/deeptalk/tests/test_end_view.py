from hearth.deeptalk.models import ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, words


class EndViewTests(DeepTalkTestCase):
    """POST /deep-talk/<id>/end/: stop here."""

    def test_it_works(self):
        response = self.post(self.bob, "end")
        self.assertRedirects(response, url("talk", self.talk), fetch_redirect_response=False)
        talk = self.fresh()
        self.assertEqual((talk.state, talk.completed), (State.ENDED, False))
        self.assertEqual(self.fresh_item().status, ItemStatus.SKIPPED)
        page = self.client.get(url("talk", self.talk))
        self.assertIn("Stopped here. Thank you for sharing what you did.", words(page))
        self.assertIn("You stopped here", words(page))

    def test_it_works_with_htmx(self):
        response = self.post(self.alice, "end", htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertIn("You stopped here", words(response))
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_it_refuses_an_ended_talk(self):
        self.post(self.alice, "end")
        before = snapshot()
        response = self.post(self.bob, "end")
        self.assertEqual(response.status_code, 422)
        self.assertIn("This talk has ended.", alerts(response))
        self.assertEqual(snapshot(), before)

    def test_a_former_partner_cannot_stop_an_old_talk(self):
        before = snapshot()
        response = self.post(self.dan, "end", talk=self.world.old_deep_talk)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.post(person, "end").status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        response = self.client.post(url("end", self.talk))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_it_refuses_get(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url("end", self.talk)).status_code, 405)
        self.assertEqual(self.fresh().state, State.ACTIVE)
