from datetime import timedelta

import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import invitation_create, invitation_revoke
from hearth.testing import HearthTestCase, make_couple, make_person


class AcceptTests(HearthTestCase):
    url = reverse("couples:accept")

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay", timezone="America/Chicago")
        cls.gus = make_person("Gus")
        User.objects.filter(pk=cls.dan.pk).update(timezone="Asia/Tokyo")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.couples = Couple.objects.count()

    def post(self, user=None, **data):
        self.client.force_login(user or self.fay)
        data.setdefault("confirm", "on")
        if data["confirm"] is None:
            del data["confirm"]
        return self.client.post(self.url, data)

    def assertNothingCreated(self):
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def assertRefused(self, response, status, message):
        self.assertEqual(response.status_code, status)
        self.assertContains(response, escape(message), status_code=status)
        self.assertNothingCreated()

    def assertPaired(self, response):
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        self.assertIn("You and Dan are paired. Welcome, both of you.", messages)

        couple = Couple.objects.get(memberships__user=self.fay)
        self.assertIsNone(couple.ended_at)
        self.assertEqual(couple.timezone, "Asia/Tokyo")
        members = couple.memberships.order_by("user__display_name")
        self.assertEqual([m.user for m in members], [self.dan, self.fay])
        self.assertTrue(all(m.left_at is None for m in members))
        self.invitation.refresh_from_db()
        self.assertEqual(self.invitation.accepted_by, self.fay)
        self.assertIsNotNone(self.invitation.accepted_at)
        return couple

    def test_it_works_with_a_code(self):
        response = self.post(code=self.invitation.code)
        self.assertPaired(response)

    def test_it_works_with_a_token(self):
        response = self.post(token=self.invitation.token)
        self.assertPaired(response)

    def test_it_accepts_lower_case_spaces_and_dashes(self):
        code = self.invitation.code
        response = self.post(code=f"{code[:4].lower()} - {code[4:].lower()}")
        self.assertPaired(response)

    def test_the_pair_sees_each_other_afterwards(self):
        self.post(code=self.invitation.code)
        response = self.client.get(reverse("couples:pairing"))
        self.assertContains(response, "You're paired with Dan")
        self.client.force_login(self.dan)
        response = self.client.get(reverse("couples:pairing"))
        self.assertContains(response, "You're paired with Fay")

    def test_it_requires_the_confirmation(self):
        response = self.post(code=self.invitation.code, confirm=None)
        self.assertEqual(response.status_code, 422)
        self.assertTemplateUsed(response, "couples/confirm.html")
        self.assertContains(response, "Tick the box to confirm", status_code=422)
        self.assertContains(response, f'value="{self.invitation.code}"', status_code=422)
        self.assertNothingCreated()
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_it_requires_an_invitation(self):
        response = self.post()
        self.assertRefused(response, 400, "This confirmation has no invitation in it.")
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_it_rejects_an_unknown_code(self):
        code = "ZZZZZZZZ" if self.invitation.code != "ZZZZZZZZ" else "YYYYYYYY"
        response = self.post(code=code)
        self.assertRefused(response, 404, "We couldn't find that invitation.")

    def test_it_rejects_an_unknown_token(self):
        response = self.post(token="not-a-real-token")
        self.assertRefused(response, 404, "We couldn't find that invitation.")

    def test_it_rejects_an_expired_invitation(self):
        Invitation.objects.filter(pk=self.invitation.pk).update(expires_at=timezone.now())
        response = self.post(code=self.invitation.code)
        self.assertRefused(response, 410, "This invitation has expired.")
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).accepted_at)

    def test_it_rejects_an_invitation_after_seven_days(self):
        with time_machine.travel(timezone.now() + timedelta(days=7, seconds=1), tick=False):
            response = self.post(token=self.invitation.token)
        self.assertRefused(response, 410, "This invitation has expired.")

    def test_it_is_single_use(self):
        self.assertPaired(self.post(code=self.invitation.code))
        couples = Couple.objects.count()
        response = self.post(user=self.gus, code=self.invitation.code)
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "already been used", status_code=410)
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.gus).exists())
        self.invitation.refresh_from_db()
        self.assertEqual(self.invitation.accepted_by, self.fay)

    def test_it_rejects_a_revoked_invitation(self):
        invitation_revoke(invitation=self.invitation)
        response = self.post(token=self.invitation.token)
        self.assertRefused(response, 410, "This invitation was withdrawn.")

    def test_it_rejects_ones_own_invitation(self):
        response = self.post(user=self.dan, code=self.invitation.code)
        self.assertRefused(response, 409, "This is your own invitation.")
        self.assertFalse(Membership.objects.filter(user=self.dan, left_at=None).exists())

    def test_it_rejects_a_paired_person(self):
        response = self.post(user=self.bob, code=self.invitation.code)
        self.assertRefused(response, 409, "You are already paired.")
        self.assertEqual(
            Membership.objects.get(user=self.bob, left_at=None).couple, self.world.couple
        )
        self.assertFalse(Membership.objects.filter(user=self.dan, left_at=None).exists())

    def test_it_rejects_an_inviter_who_paired_since(self):
        make_couple(self.dan, self.gus)
        self.couples = Couple.objects.count()
        response = self.post(code=self.invitation.code)
        self.assertRefused(response, 409, "The person who invited you is now paired")
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).accepted_at)

    def test_it_revokes_other_pending_invitations_of_both(self):
        fays = invitation_create(inviter=self.fay)
        self.assertPaired(self.post(code=self.invitation.code))
        fays.refresh_from_db()
        self.assertIsNotNone(fays.revoked_at)
        self.assertFalse(
            Invitation.objects.filter(
                inviter__in=[self.fay, self.dan], accepted_at=None, revoked_at=None
            ).exists()
        )

    def test_it_limits_attempts(self):
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.post(token="not-a-real-token")
            response = self.post(code=self.invitation.code)
        self.assertRefused(response, 429, "Too many tries.")
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)

    def test_the_limit_covers_unconfirmed_posts_too(self):
        # Without the box ticked the view still looks the code up; that lookup must
        # not become a way to keep guessing codes once the limit is reached.
        with time_machine.travel(timezone.now(), tick=False):
            self.client.force_login(self.fay)
            for _ in range(10):
                self.client.post(reverse("couples:enter_code"), {"code": "ZZZZZZZZ"})
            response = self.post(code=self.invitation.code, confirm=None)
        self.assertRefused(response, 429, "Too many tries.")
        self.assertNotContains(response, "Pair with Dan?", status_code=429)

    def test_an_unconfirmed_post_does_not_reveal_a_withdrawn_invitation(self):
        invitation_revoke(invitation=self.invitation)
        response = self.post(code=self.invitation.code, confirm=None)
        self.assertRefused(response, 410, "This invitation was withdrawn.")
        self.assertNotContains(response, "Dan", status_code=410)

    def test_code_attempts_count_towards_the_same_limit(self):
        with time_machine.travel(timezone.now(), tick=False):
            self.client.force_login(self.fay)
            for _ in range(10):
                self.client.post(reverse("couples:enter_code"), {"code": "ZZZZZZZZ"})
            response = self.post(code=self.invitation.code)
        self.assertRefused(response, 429, "Too many tries.")

    def test_it_rejects_get(self):
        self.client.force_login(self.fay)
        response = self.client.get(self.url, {"code": self.invitation.code, "confirm": "on"})
        self.assertEqual(response.status_code, 405)
        self.assertNothingCreated()

    def test_it_requires_login(self):
        response = self.client.post(self.url, {"code": self.invitation.code, "confirm": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertNothingCreated()
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)
