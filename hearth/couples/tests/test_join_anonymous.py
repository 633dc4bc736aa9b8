"""The invitation link opened without an account: who invited you, their words, and a way
to say "not now" or "no, thank you" without signing up."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.core.tests.html import tags
from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import (
    couple_pair,
    invitation_message_set,
    invitation_respond,
    invitation_revoke,
)
from hearth.testing import HearthTestCase, main_of, make_couple, make_person

SCRIPT = "<script>alert('hi')</script> & <b>bold</b>"


class JoinAnonymousTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.get(pk=self.world.dan_invitation.pk)
        self.url = reverse("couples:join", args=[self.invitation.token])
        self.before = self.state()

    def state(self):
        return (
            Couple.objects.count(),
            Membership.objects.count(),
            list(
                Invitation.objects.order_by("pk").values_list(
                    "pk", "response", "accepted_at", "revoked_at", "message"
                )
            ),
        )

    def assertRefused(self, response, status, message):
        self.assertEqual(response.status_code, status)
        self.assertTemplateUsed(response, "couples/invitation_error.html")
        self.assertContains(response, escape(message), status_code=status)
        self.assertNotContains(response, self.invitation.token, status_code=status)

    def test_it_shows_who_invited_and_both_gentle_answers(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "couples/confirm.html")
        main = main_of(response)
        self.assertIn("Pair with Dan?", main)
        self.assertIn("Not ready? That's fine.", main)
        self.assertIn("You can answer without an account.", main)
        forms = tags(main, "form")
        self.assertEqual(
            [f["action"] for f in forms], [reverse("couples:respond", args=[self.invitation.token])]
        )
        buttons = {(b.get("name"), b.get("value")): b for b in tags(main, "button")}
        self.assertIn(("response", "not_now"), buttons)
        self.assertIn(("response", "declined"), buttons)
        self.assertIn("Not now", main)
        self.assertIn("No, thank you", main)
        self.assertIn(f"/accounts/signup/?next={self.url}", main)
        self.assertIn(f"/accounts/login/?next={self.url}", main)
        self.assertNotIn('name="confirm"', main)
        self.assertNotIn(reverse("couples:accept"), main)
        self.assertNotIn("dan@example.org", response.content.decode())
        self.assertNotIn(self.invitation.code, main)
        self.assertEqual(self.state(), self.before)

    def test_it_says_how_long_not_now_keeps_the_link(self):
        main = main_of(self.client.get(self.url))
        expires = timezone.localtime(self.invitation.expires_at)
        self.assertIn(f"keeps this link working until {expires.day} {expires:%B}", main)
        self.assertIn("closes it", main)

    def test_it_shows_the_inviters_message(self):
        invitation_message_set(invitation=self.invitation, message="I'd love to try this with you.")
        main = main_of(self.client.get(self.url))
        self.assertIn("Dan wrote:", main)
        self.assertIn(escape("I'd love to try this with you."), main)

    def test_without_a_message_it_shows_none(self):
        main = main_of(self.client.get(self.url))
        self.assertNotIn("wrote:", main)

    def test_the_message_and_name_are_shown_escaped(self):
        invitation_message_set(invitation=self.invitation, message=SCRIPT)
        self.dan.pronouns = "<i>he</i>"
        self.dan.save(update_fields=["pronouns"])
        main = main_of(self.client.get(self.url))
        self.assertIn(escape(SCRIPT), main)
        self.assertNotIn("<script>alert", main)
        self.assertNotIn("<b>bold</b>", main)
        self.assertNotIn("<i>he</i>", main)
        self.assertIn(escape("<i>he</i>"), main)

    def test_after_not_now_the_link_still_opens(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pair with Dan?")
        self.assertContains(response, reverse("couples:respond", args=[self.invitation.token]))

    def test_after_no_thank_you_the_link_is_closed(self):
        invitation_respond(invitation=self.invitation, response="declined")
        self.assertRefused(self.client.get(self.url), 410, "This invitation was declined")

    def test_a_closed_link_is_refused(self):
        invitation_revoke(invitation=self.invitation)
        self.assertRefused(self.client.get(self.url), 410, "This invitation was withdrawn.")

    def test_an_expired_link_is_refused(self):
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            response = self.client.get(self.url)
        self.assertRefused(response, 410, "This invitation has expired.")

    def test_a_used_link_is_refused(self):
        couple_pair(invitation=self.invitation, user=make_person("Gus"))
        self.assertRefused(self.client.get(self.url), 410, "This invitation has already been used.")

    def test_a_link_from_an_inviter_now_paired_is_refused(self):
        make_couple(self.dan, make_person("Gus"))
        self.assertRefused(self.client.get(self.url), 409, "now paired with someone else")

    def test_unknown_and_odd_tokens_are_refused(self):
        for token in ("not-a-real-token", "x" * 300, "%3Cscript%3E", "'--"):
            response = self.client.get(f"/pair/join/{token}/")
            self.assertEqual(response.status_code, 404, token)
            self.assertTemplateUsed(response, "couples/invitation_error.html")
        self.assertEqual(self.state(), self.before)

    def test_it_limits_attempts(self):
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.assertEqual(self.client.get("/pair/join/guess/").status_code, 404)
            response = self.client.get(self.url)
        self.assertRefused(response, 429, "Too many tries.")

    def test_someone_signed_in_can_accept_or_answer(self):
        fay = make_person("Fay")
        self.client.force_login(fay)
        main = main_of(self.client.get(self.url))
        self.assertIn(reverse("couples:accept"), main)
        self.assertIn('name="confirm"', main)
        self.assertIn(reverse("couples:respond", args=[self.invitation.token]), main)
        self.assertNotIn("Create an account to accept", main)

    def test_the_inviter_cannot_open_their_own_link(self):
        self.client.force_login(self.dan)
        self.assertRefused(self.client.get(self.url), 409, "This is your own invitation.")

    def test_it_rejects_other_methods(self):
        for method in ("post", "put", "delete"):
            self.assertEqual(getattr(self.client, method)(self.url).status_code, 405, method)
        self.assertEqual(self.state(), self.before)
