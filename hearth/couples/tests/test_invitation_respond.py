""" "Not now" and "no, thank you": answering an invitation without accepting it."""

import re
from datetime import timedelta

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.core.errors import ServiceError
from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import (
    couple_pair,
    invitation_create,
    invitation_respond,
    invitation_revoke,
    invitation_usable,
)
from hearth.testing import HearthTestCase, main_of, make_person


def stored() -> list[tuple]:
    return list(
        Invitation.objects.order_by("pk").values_list(
            "pk", "response", "responded_at", "accepted_at", "revoked_at"
        )
    )


class InvitationRespondTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.get(pk=self.world.dan_invitation.pk)
        self.url = reverse("couples:respond", args=[self.invitation.token])
        self.couples = Couple.objects.count()

    def fresh(self) -> Invitation:
        return Invitation.objects.get(pk=self.invitation.pk)

    def assertRefused(self, code, status, response="not_now", invitation=None):
        before = stored()
        with self.assertRaises(ServiceError) as caught:
            invitation_respond(invitation=invitation or self.invitation, response=response)
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        self.assertEqual(stored(), before)
        return caught.exception

    # The service

    def test_not_now_is_kept_and_the_link_still_works(self):
        now = timezone.now()
        version = User.objects.get(pk=self.dan.pk).content_version
        with time_machine.travel(now, tick=False):
            invitation_respond(invitation=self.invitation, response="not_now")
        invitation = self.fresh()
        self.assertEqual(invitation.response, "not_now")
        self.assertEqual(invitation.responded_at, now)
        self.assertIsNone(invitation.revoked_at)
        self.assertTrue(invitation.is_pending)
        self.assertEqual(invitation_usable(invitation=invitation), invitation)
        self.assertGreater(User.objects.get(pk=self.dan.pk).content_version, version)
        couple_pair(invitation=invitation, user=self.fay)
        self.assertEqual(Couple.objects.count(), self.couples + 1)
        self.assertIsNotNone(self.fresh().accepted_at)

    def test_no_thank_you_closes_the_link(self):
        version = User.objects.get(pk=self.dan.pk).content_version
        invitation_respond(invitation=self.invitation, response="declined")
        invitation = self.fresh()
        self.assertEqual(invitation.response, "declined")
        self.assertIsNotNone(invitation.responded_at)
        self.assertGreater(User.objects.get(pk=self.dan.pk).content_version, version)
        with self.assertRaises(ServiceError) as caught:
            invitation_usable(invitation=invitation)
        self.assertEqual((caught.exception.code, caught.exception.status), ("declined", 410))
        self.assertIn("That's all right.", caught.exception.message)
        with self.assertRaises(ServiceError):
            couple_pair(invitation=invitation, user=self.fay)
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_not_now_can_become_no_thank_you_but_not_the_other_way(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        invitation_respond(invitation=self.invitation, response="declined")
        self.assertEqual(self.fresh().response, "declined")
        self.assertRefused("declined", 410, "not_now")

    def test_only_the_two_answers_are_accepted(self):
        for response in ("", "maybe", "accepted", "NOT_NOW", None):
            error = self.assertRefused("response", 400, response)
            self.assertIn("not now", error.message)

    def test_a_closed_invitation_cannot_be_answered(self):
        revoked = invitation_create(inviter=self.fay)
        invitation_revoke(invitation=revoked)
        self.assertRefused("revoked", 410, invitation=revoked)
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            self.assertRefused("expired", 410)
        couple_pair(invitation=self.invitation, user=make_person("Gus"))
        self.assertRefused("used", 410)

    # The web page: POST /pair/join/<token>/answer/

    def test_anyone_with_the_link_can_say_not_now_without_an_account(self):
        response = self.client.post(self.url, {"response": "not_now"})
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "couples/responded.html")
        main = main_of(response)
        self.assertIn('We\'ve told Dan "not now"', main)
        self.assertIn("won't remind you", main)
        self.assertIn(reverse("couples:join", args=[self.invitation.token]), main)
        self.assertEqual(self.fresh().response, "not_now")
        self.assertEqual(Couple.objects.count(), self.couples)
        # The link still opens the invitation.
        self.assertEqual(
            self.client.get(reverse("couples:join", args=[self.invitation.token])).status_code, 200
        )

    def test_anyone_with_the_link_can_say_no_thank_you_without_an_account(self):
        response = self.client.post(self.url, {"response": "declined"})
        self.assertEqual(response.status_code, 200)
        main = main_of(response)
        self.assertIn('told Dan "no, thank you"', main)
        self.assertIn("closed the invitation", main)
        self.assertNotIn(reverse("couples:join", args=[self.invitation.token]), main)
        self.assertEqual(self.fresh().response, "declined")
        again = self.client.get(reverse("couples:join", args=[self.invitation.token]))
        self.assertEqual(again.status_code, 410)
        self.assertContains(again, "This invitation was declined", status_code=410)

    def test_the_real_form_works_with_csrf_checks(self):
        client = Client(enforce_csrf_checks=True)
        page = client.get(reverse("couples:join", args=[self.invitation.token]))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
        self.assertEqual(client.post(self.url, {"response": "not_now"}).status_code, 403)
        self.assertEqual(self.fresh().response, "")
        response = client.post(self.url, {"response": "not_now", "csrfmiddlewaretoken": token})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.fresh().response, "not_now")

    def test_someone_signed_in_can_answer(self):
        self.client.force_login(self.fay)
        response = self.client.post(self.url, {"response": "declined"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.fresh().response, "declined")
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_the_inviter_cannot_answer_their_own_invitation(self):
        before = stored()
        self.client.force_login(self.dan)
        for answer in ("not_now", "declined"):
            response = self.client.post(self.url, {"response": answer})
            self.assertEqual(response.status_code, 409)
            self.assertTemplateUsed(response, "couples/invitation_error.html")
            self.assertContains(response, "This is your own invitation.", status_code=409)
        self.assertEqual(stored(), before)

    def test_a_bad_answer_is_refused(self):
        before = stored()
        for data in ({}, {"response": ""}, {"response": "maybe"}, {"response": "<script>"}):
            response = self.client.post(self.url, data)
            self.assertEqual(response.status_code, 422, data)
            self.assertTemplateUsed(response, "couples/confirm.html")
            self.assertNotIn("<script>", main_of(response))
        self.assertEqual(stored(), before)

    def test_a_closed_or_unknown_invitation_cannot_be_answered(self):
        unknown = reverse("couples:respond", args=["not-a-real-token"])
        response = self.client.post(unknown, {"response": "declined"})
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "We couldn&#x27;t find that invitation", status_code=404)
        invitation_respond(invitation=self.invitation, response="declined")
        before = stored()
        response = self.client.post(self.url, {"response": "not_now"})
        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "This invitation was declined", status_code=410)
        self.assertEqual(stored(), before)

    def test_an_expired_invitation_cannot_be_answered(self):
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            response = self.client.post(self.url, {"response": "declined"})
        self.assertEqual(response.status_code, 410)
        self.assertEqual(self.fresh().response, "")

    def test_it_limits_attempts(self):
        bad = reverse("couples:respond", args=["not-a-real-token"])
        with time_machine.travel(timezone.now(), tick=False):
            for _ in range(10):
                self.assertEqual(self.client.post(bad, {"response": "declined"}).status_code, 404)
            response = self.client.post(self.url, {"response": "declined"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many tries.", status_code=429)
        self.assertEqual(self.fresh().response, "")

    def test_it_rejects_get(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.fresh().response, "")

    # What the inviter sees

    def pairing_page(self):
        self.client.force_login(self.dan)
        response = self.client.get(reverse("couples:pairing"))
        self.assertEqual(response.status_code, 200)
        return main_of(response)

    def test_after_not_now_the_inviter_is_told_gently_and_not_nudged(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        main = self.pairing_page()
        self.assertIn("They've said <strong>not now</strong>", main)
        self.assertIn("no need to ask again", main)
        self.assertIn(self.invitation.token, main)  # the link still works
        self.assertNotIn("Or let Hearth email it", main)
        self.assertNotIn("Send it again", main)
        self.assertNotIn("Fay", main)

    def test_after_no_thank_you_the_inviter_is_told_gently_and_the_dead_link_is_gone(self):
        invitation_respond(invitation=self.invitation, response="declined")
        main = self.pairing_page()
        self.assertIn("answered with a no, thank you", main)
        self.assertIn("still yours to use on your own", main)
        self.assertNotIn(self.invitation.token, main)
        self.assertNotIn(self.invitation.code[4:], main)
        self.assertNotIn("Or let Hearth email it", main)
        self.assertNotIn(reverse("couples:revoke", args=[self.invitation.public_id]), main)

    def test_an_old_no_thank_you_is_not_shown_as_the_last_answer(self):
        invitation_respond(invitation=self.invitation, response="declined")
        newer = invitation_create(inviter=self.dan)
        invitation_revoke(invitation=newer)
        main = self.pairing_page()
        self.assertNotIn("no, thank you", main)
        self.assertIn("Create an invitation", main)

    def test_the_api_tells_the_inviter_the_answer(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        doc = self.api("get", "/pairing", self.dan).json()
        self.assertEqual(doc["invitation"]["response"], "not_now")
        self.assertEqual(doc["invitation"]["id"], str(self.invitation.public_id))

    def test_the_answer_reaches_the_inviters_cached_home_page_version(self):
        before = User.objects.get(pk=self.dan.pk).content_version
        self.client.post(self.url, {"response": "not_now"})
        self.assertEqual(User.objects.get(pk=self.dan.pk).content_version, before + 1)

    def test_the_confirmation_page_shows_the_inviter_escaped(self):
        odd = make_person("<b>Odd</b>")
        invitation = invitation_create(inviter=odd)
        response = self.client.post(
            reverse("couples:respond", args=[invitation.token]), {"response": "not_now"}
        )
        main = main_of(response)
        self.assertNotIn("<b>Odd</b>", main)
        self.assertIn(escape("<b>Odd</b>"), main)
