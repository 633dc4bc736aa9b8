from hearth.appreciation.models import Appreciation
from hearth.appreciation.tests.helpers import snapshot, url
from hearth.testing import HearthTestCase


class DeleteViewTests(HearthTestCase):
    def test_the_author_deletes_a_draft(self):
        draft = self.world.alice_appreciation_draft
        self.client.force_login(self.alice)
        response = self.client.post(url("delete", draft), follow=True)
        self.assertRedirects(response, url("index"))
        self.assertContains(response, "Deleted.")
        self.assertFalse(Appreciation.objects.filter(pk=draft.pk).exists())
        self.assertEqual(self.client.get(url("detail", draft)).status_code, 404)

    def test_the_author_deletes_a_sent_one_and_the_partner_no_longer_has_it(self):
        sent = self.world.alice_appreciation
        self.client.force_login(self.alice)
        self.assertRedirects(self.client.post(url("delete", sent)), url("index"))
        self.assertFalse(Appreciation.objects.filter(pk=sent.pk).exists())
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(url("detail", sent)).status_code, 404)
        self.assertEqual(list(self.client.get(url("index")).context["items"]), [])

    def test_nobody_else_can_delete(self):
        before = snapshot()
        for person in (self.bob, self.carol, self.dan):
            self.client.force_login(person)
            for appreciation in (
                self.world.alice_appreciation,
                self.world.alice_appreciation_draft,
            ):
                response = self.client.post(url("delete", appreciation))
                self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login_and_post(self):
        draft = self.world.alice_appreciation_draft
        before = snapshot()
        response = self.client.post(url("delete", draft))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(url("delete", draft)).status_code, 405)
        self.assertEqual(self.client.delete(url("delete", draft)).status_code, 405)
        self.assertEqual(self.client.post("/appreciations/nope/delete/").status_code, 404)
        self.assertEqual(snapshot(), before)
