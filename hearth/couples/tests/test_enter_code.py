from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import couple_pair, invitation_revoke
from hearth.testing import HearthTestCase, make_couple, make_person


class EnterCodeTests(HearthTestCase):
    url = reverse("couples:enter_code")

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")
        cls.gus = make_person("Gus")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.couples = Couple.objects.count()

    def post(self, code, user=None):
        self.client.force_login(user or self.fay)
        return self.client.post(self.url, {"code": code})

    def assertNothingCreated(self):
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())
        self.assertFalse(Membership.objects.filter(user=self.dan, left_at=None).exists())

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 422)
        self.assertIn(message, " ".join(response.context["code_form"].errors["code"]))
        self.assertContains(response, escape(message), status_code=422)
        self.assertNothingCreated()

    def test_it_shows_a_confirmation(self):
        response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "couples/confirm.html")
        self.assertContains(response, "Pair with Dan?")
        self.assertContains(response, f'name="code" value="{self.invitation.code}"')
        self.assertContains(response, f'action="{reverse("couples:accept")}"')
        # Entering the code only asks; nothing is paired yet.
        self.assertNothingCreated()
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.accepted_at)

    def test_it_accepts_lower_case_spaces_and_dashes(self):
        code = self.invitation.code
        typed = f" {code[:2].lower()} {code[2:4]}-{code[4:].lower()} "
        response = self.post(typed)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pair with Dan?")
        self.assertContains(response, f'name="code" value="{code}"')
        self.assertNothingCreated()

    def test_it_rejects_an_unknown_code(self):
        response = self.post("ZZZZ-ZZZZ" if self.invitation.code != "ZZZZZZZZ" else "YYYY-YYYY")
        self.assertRefused(response, "couldn't find that invitation")

    def test_it_rejects_a_code_of_the_wrong_length(self):
        response = self.post(self.invitation.code[:7])
        self.assertRefused(response, "couldn't find that invitation")

    def test_it_rejects_an_empty_code(self):
        response = self.post("")
        self.assertRefused(response, "Type the code your partner gave you.")

    def test_it_rejects_an_expired_invitation(self):
        later = timezone.now() + timedelta(days=7, minutes=1)
        with time_machine.travel(later, tick=False):
            response = self.post(self.invitation.code)
        self.assertRefused(response, "This invitation has expired.")

    def test_it_accepts_an_invitation_just_before_it_expires(self):
        later = self.invitation.expires_at - timedelta(seconds=1)
        with time_machine.travel(later, tick=False):
            response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 200)
        self.assertNothingCreated()

    def test_it_rejects_a_used_invitation(self):
        couple_pair(invitation=self.invitation, user=self.gus)
        couples = Couple.objects.count()
        response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "already been used", status_code=422)
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_it_rejects_a_revoked_invitation(self):
        invitation_revoke(invitation=self.invitation)
        response = self.post(self.invitation.code)
        self.assertRefused(response, "This invitation was withdrawn.")

    def test_it_rejects_ones_own_invitation(self):
        response = self.post(self.invitation.code, user=self.dan)
        self.assertRefused(response, "This is your own invitation.")

    def test_it_rejects_a_paired_person(self):
        response = self.post(self.invitation.code, user=self.alice)
        # A paired person has no code form on the pairing page, so the refusal
        # comes as a page of its own.
        self.assertContains(response, "You are already paired.", status_code=422)
        self.assertTemplateUsed(response, "couples/invitation_error.html")
        self.assertNothingCreated()
        self.assertEqual(Membership.objects.filter(user=self.alice, left_at=None).count(), 1)

    def test_it_rejects_an_inviter_who_paired_since(self):
        make_couple(self.dan, self.gus)
        couples = Couple.objects.count()
        response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "now paired with someone else", status_code=422)
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_it_limits_attempts(self):
        with time_machine.travel(timezone.now(), tick=False):
            for attempt in range(10):
                response = self.post(f"ZZZZZZZ{'ABCDEFGHJK'[attempt]}")
                self.assertEqual(response.status_code, 422)
            # Even the right code is refused once the hour's attempts are used up.
            response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many tries", status_code=429)
        self.assertNotContains(response, "Pair with Dan?", status_code=429)
        self.assertNothingCreated()

    def test_the_limit_resets_after_an_hour(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            for _ in range(11):
                self.post("ZZZZZZZZ")
        with time_machine.travel(now + timedelta(hours=1, seconds=1), tick=False):
            response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pair with Dan?")
        self.assertNothingCreated()

    def test_the_limit_is_per_person(self):
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.post("ZZZZZZZZ", user=self.gus)
            response = self.post(self.invitation.code)
        self.assertEqual(response.status_code, 200)
        self.assertNothingCreated()

    def test_it_rejects_get(self):
        self.client.force_login(self.fay)
        response = self.client.get(self.url, {"code": self.invitation.code})
        self.assertEqual(response.status_code, 405)
        self.assertNothingCreated()

    def test_it_requires_login(self):
        response = self.client.post(self.url, {"code": self.invitation.code})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertNothingCreated()
        self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_pending)
