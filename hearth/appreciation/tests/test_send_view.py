from django.utils.html import escape

from hearth.access import Visibility
from hearth.appreciation.tests.helpers import fresh, snapshot, url
from hearth.testing import HearthTestCase, make_appreciation


class SendViewTests(HearthTestCase):
    def test_it_sends_a_draft(self):
        draft = self.world.alice_appreciation_draft
        self.client.force_login(self.alice)
        response = self.client.post(url("send", draft), follow=True)
        self.assertRedirects(response, url("index"))
        self.assertContains(response, escape("Sent. It's waiting for them"))
        draft = fresh(draft)
        self.assertEqual(draft.visibility, Visibility.SHARED)
        self.assertEqual(draft.couple, self.world.couple)
        self.assertIsNotNone(draft.sent_at)
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(url("index")), escape("Alice's draft thanks"))

    def test_sending_again_changes_nothing(self):
        sent = self.world.alice_appreciation
        before = snapshot()
        self.client.force_login(self.alice)
        response = self.client.post(url("send", sent))
        self.assertRedirects(response, url("index"))
        self.assertEqual(snapshot(), before)

    def test_a_solo_author_is_told_to_wait_and_the_draft_is_kept(self):
        draft = make_appreciation(self.dan, "Dan's draft", sent=False)
        before = snapshot()
        self.client.force_login(self.dan)
        response = self.client.post(url("send", draft), follow=True)
        self.assertRedirects(response, url("detail", draft))
        self.assertContains(response, escape("you can send it once you're paired"))
        self.assertEqual(snapshot(), before)

    def test_only_the_author_can_send(self):
        before = snapshot()
        for person in (self.bob, self.carol, self.dan):
            self.client.force_login(person)
            response = self.client.post(url("send", self.world.alice_appreciation_draft))
            self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login_and_post(self):
        draft = self.world.alice_appreciation_draft
        before = snapshot()
        response = self.client.post(url("send", draft))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(url("send", draft)).status_code, 405)
        self.assertEqual(self.client.post("/appreciations/not-a-uuid/send/").status_code, 404)
        self.assertEqual(snapshot(), before)
