from django.urls import reverse
from django.utils.html import escape

from hearth.checkins.models import CheckIn, CheckInFeeling, CheckInReaction, CheckInReply
from hearth.testing import HearthTestCase


def url(checkin) -> str:
    return reverse("checkins:delete", args=[checkin.public_id])


class DeleteTests(HearthTestCase):
    def test_it_works(self):
        checkin = self.world.alice_shared_checkin
        CheckInReaction.objects.create(
            checkin=checkin, couple=self.world.couple, author=self.bob, reaction="hug"
        )
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin))
        self.assertRedirects(response, reverse("checkins:history"))
        self.assertFalse(CheckIn.objects.filter(pk=checkin.pk).exists())
        # Replies, reactions and feelings go with it.
        self.assertFalse(CheckInReply.objects.filter(checkin_id=checkin.pk).exists())
        self.assertFalse(CheckInReaction.objects.exists())
        self.assertFalse(CheckInFeeling.objects.filter(checkin_id=checkin.pk).exists())
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 2)

    def test_it_says_it_is_deleted(self):
        self.client.force_login(self.alice)
        response = self.client.post(url(self.world.alice_private_checkin), follow=True)
        self.assertContains(response, "That check-in is deleted.")
        self.assertNotContains(response, escape(self.world.alice_private_checkin.note))
        self.assertFalse(CheckIn.objects.filter(pk=self.world.alice_private_checkin.pk).exists())

    def test_i_can_delete_my_checkin_from_an_earlier_pairing(self):
        self.client.force_login(self.dan)
        response = self.client.post(url(self.world.dan_old_shared_checkin))
        self.assertRedirects(response, reverse("checkins:history"))
        self.assertFalse(CheckIn.objects.filter(author=self.dan).exists())

    def test_it_checks_ownership(self):
        checkin = self.world.alice_shared_checkin
        self.client.force_login(self.bob)
        response = self.client.post(url(checkin))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(CheckIn.objects.filter(pk=checkin.pk).exists())
        self.assertTrue(CheckInReply.objects.filter(checkin=checkin).exists())

    def test_it_gives_404_to_another_couple(self):
        self.client.force_login(self.carol)
        response = self.client.post(url(self.world.alice_shared_checkin))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(CheckIn.objects.filter(pk=self.world.alice_shared_checkin.pk).exists())

    def test_it_gives_404_to_a_former_partner(self):
        self.client.force_login(self.dan)
        response = self.client.post(url(self.world.alice_old_shared_checkin))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(CheckIn.objects.filter(pk=self.world.alice_old_shared_checkin.pk).exists())

    def test_it_requires_login(self):
        target = url(self.world.alice_shared_checkin)
        response = self.client.post(target)
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertTrue(CheckIn.objects.filter(pk=self.world.alice_shared_checkin.pk).exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertEqual(response.status_code, 405)
        self.assertTrue(CheckIn.objects.filter(pk=self.world.alice_shared_checkin.pk).exists())
