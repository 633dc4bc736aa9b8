from hearth.deeptalk import services
from hearth.deeptalk.models import State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, words


class ResumeViewTests(DeepTalkTestCase):
    """POST /deep-talk/<id>/resume/."""

    def setUp(self):
        super().setUp()
        services.deeptalk_pause(talk=self.talk, person=self.alice)

    def test_it_works(self):
        response = self.post(self.bob, "resume")
        self.assertRedirects(response, url("talk", self.talk))
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_it_works_with_htmx(self):
        response = self.post(self.bob, "resume", htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertIn("Alice has answered; you'll see it once", words(response))
        self.assertEqual(self.fresh().state, State.ACTIVE)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        before = snapshot()
        response = self.post(self.bob, "resume")
        self.assertEqual(response.status_code, 422)
        self.assertIn("This talk has ended.", alerts(response))
        self.assertEqual(snapshot(), before)

    def test_it_is_404_to_outsiders(self):
        before = snapshot()
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.post(person, "resume").status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        response = self.client.post(url("resume", self.talk))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(self.fresh().state, State.PAUSED)

    def test_it_refuses_get(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url("resume", self.talk)).status_code, 405)
        self.assertEqual(self.fresh().state, State.PAUSED)
