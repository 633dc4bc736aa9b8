from hearth.appreciation.models import Appreciation
from hearth.appreciation.services import appreciation_delete
from hearth.appreciation.tests.helpers import snapshot
from hearth.core.errors import ServiceError
from hearth.testing import HearthTestCase


class AppreciationDeleteTests(HearthTestCase):
    def test_the_author_deletes_a_draft(self):
        draft = self.world.alice_appreciation_draft
        appreciation_delete(appreciation=draft, author=self.alice)
        self.assertFalse(Appreciation.objects.filter(pk=draft.pk).exists())
        self.assertTrue(Appreciation.objects.filter(pk=self.world.alice_appreciation.pk).exists())

    def test_the_author_deletes_a_sent_one(self):
        sent = self.world.alice_appreciation
        appreciation_delete(appreciation=sent, author=self.alice)
        self.assertFalse(Appreciation.objects.filter(pk=sent.pk).exists())
        self.assertEqual(Appreciation.objects.count(), 1)

    def test_nobody_else_can_delete(self):
        before = snapshot()
        for person in (self.bob, self.carol, self.dan):
            for appreciation in (
                self.world.alice_appreciation,
                self.world.alice_appreciation_draft,
            ):
                with self.assertRaises(ServiceError) as caught:
                    appreciation_delete(appreciation=appreciation, author=person)
                self.assertEqual(caught.exception.code, "not_yours")
                self.assertEqual(caught.exception.status, 404)
        self.assertEqual(snapshot(), before)
