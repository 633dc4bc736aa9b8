from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hearth.couples.models import Invitation
from hearth.testing import HearthTestCase, make_person


class PairingPageTests(HearthTestCase):
    url = reverse("couples:pairing")

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def test_it_offers_a_solo_person_an_invitation_and_a_code_form(self):
        self.client.force_login(self.fay)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Invite your partner")
        self.assertContains(response, f'action="{reverse("couples:invite")}"')
        self.assertContains(response, "Create an invitation")
        self.assertContains(response, f'action="{reverse("couples:enter_code")}"')
        self.assertContains(response, 'name="code"')
        self.assertIsNone(response.context["invitation"])
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_it_shows_the_pending_invitation(self):
        invitation = self.world.dan_invitation
        self.client.force_login(self.dan)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        code = invitation.code
        self.assertContains(response, f"{code[:4]}-{code[4:]}")
        self.assertContains(response, f"http://testserver/pair/join/{invitation.token}/")
        self.assertContains(response, 'src="data:image/svg+xml')
        self.assertContains(response, reverse("couples:revoke", args=[invitation.public_id]))
        self.assertNotContains(response, "Create an invitation")
        # The code form is there too: Dan may have been invited by someone else.
        self.assertContains(response, f'action="{reverse("couples:enter_code")}"')
        self.assertEqual(Invitation.objects.filter(inviter=self.dan).count(), 1)

    def test_it_hides_an_expired_invitation(self):
        Invitation.objects.filter(pk=self.world.dan_invitation.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        self.client.force_login(self.dan)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, self.world.dan_invitation.token)
        self.assertContains(response, "Create an invitation")
        self.assertIsNone(Invitation.objects.get(inviter=self.dan).revoked_at)

    def test_it_hides_someone_elses_invitation(self):
        self.client.force_login(self.fay)
        response = self.client.get(self.url)
        self.assertNotContains(response, self.world.dan_invitation.token)
        self.assertNotContains(response, self.world.dan_invitation.code[4:])

    def test_it_shows_a_paired_person_their_partner(self):
        self.client.force_login(self.alice)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "You're paired with Bob")
        self.assertNotContains(response, "Create an invitation")
        self.assertNotContains(response, 'name="code"')
        self.assertContains(response, reverse("couples:settings"))
        self.assertFalse(Invitation.objects.filter(inviter=self.alice).exists())

    def test_it_rejects_post(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_it_requires_login(self):
        response = self.client.get(self.url)
        self.assertRedirects(
            response, f"/accounts/login/?next={self.url}", fetch_redirect_response=False
        )
        self.assertEqual(Invitation.objects.count(), 1)
