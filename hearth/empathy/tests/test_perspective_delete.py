from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse
from hearth.empathy.services import perspective_delete, perspective_validate
from hearth.empathy.tests.helpers import fresh, guessed_check
from hearth.testing import HearthTestCase


class PerspectiveDeleteTests(HearthTestCase):
    def revealed_with_response(self):
        check = guessed_check(self.alice, self.bob, "The party", {"hurt": 4}, {"sad": 2})
        perspective_validate(check=check, guesser=self.bob, text="It makes sense")
        return check

    def test_it_works(self):
        check = self.revealed_with_response()
        perspective_delete(check=check, author=self.alice)
        self.assertFalse(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        # The feelings (hers and the guess) and the response go with it.
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=check.pk).exists())
        self.assertFalse(PerspectiveResponse.objects.exists())
        self.assertEqual(
            set(PerspectiveCheck.objects.values_list("pk", flat=True)),
            {self.world.alice_perspective.pk, self.world.alice_perspective_draft.pk},
        )

    def test_it_deletes_a_draft(self):
        draft = fresh(self.world.alice_perspective_draft)
        perspective_delete(check=draft, author=self.alice)
        self.assertFalse(PerspectiveCheck.objects.filter(pk=draft.pk).exists())
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=draft.pk).exists())

    def test_it_deletes_one_from_an_earlier_pairing(self):
        check = self.revealed_with_response()
        couple_unpair(user=self.bob)
        perspective_delete(check=fresh(check), author=self.alice)
        self.assertFalse(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=check.pk).exists())
        self.assertFalse(PerspectiveResponse.objects.exists())

    def test_only_the_author_can_delete(self):
        check = self.revealed_with_response()
        for person in (self.bob, self.carol, self.dan):
            with self.assertRaises(ServiceError) as caught:
                perspective_delete(check=check, author=person)
            self.assertEqual(caught.exception.code, "not_yours")
            self.assertEqual(caught.exception.status, 404)
        self.assertTrue(PerspectiveCheck.objects.filter(pk=check.pk).exists())
        self.assertEqual(PerspectiveFeeling.objects.filter(perspective_id=check.pk).count(), 2)
        self.assertTrue(PerspectiveResponse.objects.filter(perspective_id=check.pk).exists())
