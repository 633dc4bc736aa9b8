from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import couple_pair, invitation_revoke
from hearth.testing import HearthTestCase, make_couple, make_person


class JoinTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay", pronouns="he/him")
        cls.gus = make_person("Gus")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.url = reverse("couples:join", args=[self.invitation.token])
        self.couples = Couple.objects.count()

    def get(self, user=None, url=None):
        self.client.force_login(user or self.fay)
        return self.client.get(url or self.url)

    def assertNothingCreated(self):
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def assertRefused(self, response, status, message):
        self.assertEqual(response.status_code, status)
        self.assertTemplateUsed(response, "couples/invitation_error.html")
        self.assertContains(response, escape(message), status_code=status)
        self.assertNothingCreated()

    def test_it_shows_a_confirmation(self):
        response = self.get()
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "couples/confirm.html")
        self.assertContains(response, "Pair with Dan?")
        self.assertContains(response, f'name="token" value="{self.invitation.token}"')
        self.assertContains(response, 'name="confirm"')
        self.assertNothingCreated()
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_it_rejects_an_unknown_token(self):
        response = self.get(url=reverse("couples:join", args=["not-a-real-token"]))
        self.assertRefused(response, 404, "We couldn't find that invitation.")

    def test_it_rejects_an_expired_invitation(self):
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            response = self.get()
        self.assertRefused(response, 410, "This invitation has expired.")

    def test_it_rejects_a_used_invitation(self):
        couple_pair(invitation=self.invitation, user=self.gus)
        self.couples = Couple.objects.count()
        response = self.get()
        self.assertRefused(response, 410, "This invitation has already been used.")

    def test_it_rejects_a_revoked_invitation(self):
        invitation_revoke(invitation=self.invitation)
        response = self.get()
        self.assertRefused(response, 410, "This invitation was withdrawn.")

    def test_it_rejects_ones_own_invitation(self):
        response = self.get(user=self.dan)
        self.assertRefused(response, 409, "This is your own invitation.")

    def test_it_rejects_a_paired_person(self):
        response = self.get(user=self.carol)
        self.assertRefused(response, 409, "You are already paired.")
        self.assertEqual(Membership.objects.filter(user=self.carol, left_at=None).count(), 1)

    def test_it_rejects_an_inviter_who_paired_since(self):
        make_couple(self.dan, self.gus)
        self.couples = Couple.objects.count()
        response = self.get()
        self.assertRefused(response, 409, "The person who invited you is now paired")

    def test_it_limits_attempts(self):
        bad = reverse("couples:join", args=["not-a-real-token"])
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.assertEqual(self.get(url=bad).status_code, 404)
            response = self.get()
        self.assertRefused(response, 429, "Too many tries.")

    def test_it_rejects_post(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url, {"confirm": "on"})
        self.assertEqual(response.status_code, 405)
        self.assertNothingCreated()

    def test_without_an_account_it_shows_who_invited_and_how_to_answer(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pair with Dan?")
        self.assertContains(response, f"/accounts/signup/?next={self.url}")
        self.assertContains(response, reverse("couples:respond", args=[self.invitation.token]))
        self.assertContains(response, "No, thank you")
        self.assertNotContains(response, 'action="/pair/accept/"')
        self.assertNothingCreated()
        self.invitation.refresh_from_db()
        self.assertEqual(self.invitation.response, "")

    def test_without_an_account_a_used_link_is_refused(self):
        invitation_revoke(invitation=self.invitation)
        response = self.client.get(self.url)
        self.assertRefused(response, 410, "This invitation was withdrawn.")
