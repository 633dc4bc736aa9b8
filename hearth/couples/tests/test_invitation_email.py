"""Hearth emails an invitation: its message and link only, at most once a week, never to
someone who answered, and never to an address that said no, thank you lately."""

import re
import uuid
from datetime import timedelta

import time_machine
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.core.errors import ServiceError
from hearth.couples.models import Invitation
from hearth.couples.services import (
    couple_pair,
    invitation_create,
    invitation_email,
    invitation_respond,
    invitation_revoke,
    next_email_at,
)
from hearth.testing import HearthTestCase, main_of, make_couple, make_person

TO = "fay@example.org"
SCRIPT = "<script>alert('hi')</script> & <b>bold</b>"


def link_of(invitation) -> str:
    return f"http://testserver/pair/join/{invitation.token}/"


def stored() -> list[tuple]:
    return list(
        Invitation.objects.order_by("pk").values_list(
            "pk", "email", "email_hash", "emailed_at", "response", "revoked_at"
        )
    )


class InvitationEmailTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.gus = make_person("Gus")

    def setUp(self):
        super().setUp()
        self.invitation = Invitation.objects.get(pk=self.world.dan_invitation.pk)

    def send(self, invitation=None, email=TO):
        invitation = invitation or self.invitation
        return invitation_email(invitation=invitation, link=link_of(invitation), email=email)

    def assertRefused(self, code, status, *, invitation=None, email=TO, contains=""):
        before, outbox = stored(), len(mail.outbox)
        with self.assertRaises(ServiceError) as caught:
            self.send(invitation, email)
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        self.assertIn(contains, caught.exception.message)
        self.assertEqual(stored(), before)
        self.assertEqual(len(mail.outbox), outbox)
        return caught.exception

    # What is sent

    def test_it_sends_the_message_and_the_link(self):
        self.invitation.message = "Shall we try this together? No pressure."
        self.invitation.save(update_fields=["message"])
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            self.send(email="  Fay@Example.org ")
        self.assertEqual(len(mail.outbox), 1)
        sent = mail.outbox[0]
        self.assertEqual(sent.to, ["Fay@Example.org"])
        self.assertEqual((sent.cc, sent.bcc, sent.reply_to), ([], [], []))
        self.assertEqual(sent.from_email, settings.DEFAULT_FROM_EMAIL)
        self.assertEqual(sent.subject, f"Dan invited you to {settings.HEARTH_SITE_NAME}")
        self.assertIn("Shall we try this together? No pressure.", sent.body)
        self.assertIn(link_of(self.invitation), sent.body)
        self.assertEqual(re.findall(r"https?://\S+", sent.body), [link_of(self.invitation)])
        self.assertNotIn("dan@example.org", sent.body)
        self.assertNotIn("dan@example.org", str(sent.message()))
        self.assertEqual(sent.alternatives, [])
        self.assertEqual(sent.attachments, [])
        invitation = Invitation.objects.get(pk=self.invitation.pk)
        self.assertEqual(invitation.email, "Fay@Example.org")
        self.assertEqual(invitation.emailed_at, now)
        self.assertTrue(invitation.email_hash)
        self.assertNotIn("fay", invitation.email_hash)

    def test_it_sends_nothing_but_the_link_without_a_message(self):
        self.send()
        body = mail.outbox[0].body
        self.assertNotIn("wrote:", body)
        self.assertIn(link_of(self.invitation), body)
        self.assertIn('"not now"', body)

    def test_the_plain_text_email_holds_the_message_as_written(self):
        self.invitation.message = SCRIPT
        self.invitation.save(update_fields=["message"])
        self.send()
        body = mail.outbox[0].body
        self.assertIn(SCRIPT, body)
        self.assertNotIn("&lt;", body)
        self.assertNotIn("&amp;", body)

    def test_the_address_is_encrypted_at_rest(self):
        self.send()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT email, email_hash FROM couples_invitation WHERE id = %s",
                [self.invitation.pk],
            )
            email, digest = cursor.fetchone()
        self.assertNotIn("fay", email.lower())
        self.assertNotIn("example", digest)

    # Bad addresses

    def test_it_refuses_a_bad_address(self):
        for email in (
            "",
            "   ",
            "not-an-address",
            "fay@",
            "@example.org",
            "fay@example.org\nBcc: eve@example.org",
            "fay@example.org, eve@example.org",
            "x" * 250 + "@example.org",
            "<script>@example.org",
        ):
            error = self.assertRefused("email", 400, email=email)
            self.assertIn("email address", error.message)

    def test_again_without_an_address_needs_one_used_before(self):
        self.assertRefused("email", 400, email="")

    # At most once a week

    def long_lived(self, inviter=None):
        """An invitation that outlives a week (HEARTH_INVITATION_DAYS is 7 by default)."""
        with override_settings(HEARTH_INVITATION_DAYS=30):
            return invitation_create(inviter=inviter or self.dan)

    def test_with_the_default_settings_it_can_be_sent_once_more_after_it_ran_out(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.send()
        later = start + timedelta(days=settings.HEARTH_INVITATION_DAYS)
        with time_machine.travel(later, tick=False):
            self.assertTrue(Invitation.objects.get(pk=self.invitation.pk).is_expired)
            self.client.force_login(self.dan)
            page = main_of(self.client.get(reverse("couples:pairing")))
            self.assertIn("ran out without an answer", page)
            self.assertIn(reverse("couples:email", args=[self.invitation.public_id]), page)
            sent = self.send(email="")
        fresh = Invitation.objects.get(pk=self.invitation.pk)
        self.assertEqual(sent.pk, fresh.pk)
        self.assertEqual(fresh.expires_at, later + timedelta(days=settings.HEARTH_INVITATION_DAYS))
        self.assertEqual(fresh.emailed_at, later)
        self.assertEqual([m.to for m in mail.outbox], [[TO], [TO]])
        # The same link as before, now working again.
        self.assertIn(link_of(fresh), mail.outbox[1].body)
        with time_machine.travel(later + timedelta(days=1), tick=False):
            self.assertTrue(fresh.is_pending)

    def test_an_invitation_that_ran_out_without_an_email_is_not_sent(self):
        with time_machine.travel(timezone.now() + timedelta(days=30), tick=False):
            self.assertRefused("expired", 410)
        self.assertEqual(mail.outbox, [])

    def test_it_sends_at_most_once_a_week(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.invitation = self.long_lived()
            self.send()
            self.assertEqual(next_email_at(self.dan), start + timedelta(days=7))
        with time_machine.travel(start + timedelta(days=6, hours=23), tick=False):
            error = self.assertRefused("too_soon", 429, email="")
            self.assertIn("at most once a week", error.message)
            when = timezone.localtime(start + timedelta(days=7), self.dan.zone)
            self.assertIn(f"{when:%A} {when.day} {when:%B}", error.message)
            self.assertRefused("too_soon", 429, email="other@example.org")
        with time_machine.travel(start + timedelta(days=7), tick=False):
            self.assertIsNone(next_email_at(self.dan))
            self.send(email="")
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(mail.outbox[1].to, [TO])

    def test_the_week_counts_per_inviter_across_invitations(self):
        self.send()
        newer = invitation_create(inviter=self.dan)
        self.assertRefused("too_soon", 429, invitation=newer)
        other = invitation_create(inviter=self.gus)
        invitation_email(invitation=other, link=link_of(other), email="someone@example.org")
        self.assertEqual(len(mail.outbox), 2)

    def test_next_email_at_is_none_before_any_email(self):
        self.assertIsNone(next_email_at(self.dan))
        self.assertIsNone(next_email_at(self.gus))

    # Never after an answer

    def test_never_after_not_now(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.invitation = self.long_lived()
            self.send()
        invitation_respond(invitation=self.invitation, response="not_now")
        for later in (timedelta(days=1), timedelta(days=7, minutes=1)):
            with time_machine.travel(start + later, tick=False):
                invitation = Invitation.objects.get(pk=self.invitation.pk)
                error = self.assertRefused("answered", 409, invitation=invitation, email="")
                self.assertIn("link still works", error.message)
        self.assertEqual(len(mail.outbox), 1)

    def test_never_after_no_thank_you(self):
        invitation_respond(invitation=self.invitation, response="declined")
        invitation = Invitation.objects.get(pk=self.invitation.pk)
        self.assertRefused("declined", 410, invitation=invitation)

    def test_never_to_an_address_that_declined_in_the_last_90_days(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.send()
            invitation_respond(invitation=self.invitation, response="declined")
        with time_machine.travel(start + timedelta(days=89), tick=False):
            newer = invitation_create(inviter=self.gus)
            error = self.assertRefused(
                "declined_address", 409, invitation=newer, email="FAY@example.ORG "
            )
            self.assertIn("said no, thank you recently", error.message)
        with time_machine.travel(start + timedelta(days=91), tick=False):
            newest = invitation_create(inviter=self.gus)
            invitation_email(invitation=newest, link=link_of(newest), email=TO)
        self.assertEqual(len(mail.outbox), 2)

    def test_not_now_does_not_block_the_address(self):
        self.send()
        invitation_respond(invitation=self.invitation, response="not_now")
        other = invitation_create(inviter=self.gus)
        invitation_email(invitation=other, link=link_of(other), email=TO)
        self.assertEqual(len(mail.outbox), 2)

    # Never for a closed invitation

    def test_never_for_a_closed_invitation(self):
        revoked = invitation_create(inviter=self.gus)
        invitation_revoke(invitation=revoked)
        self.assertRefused("revoked", 410, invitation=revoked)
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            self.assertRefused("expired", 410)
        couple_pair(invitation=self.invitation, user=make_person("Hal"))
        self.assertRefused("used", 410, invitation=Invitation.objects.get(pk=self.invitation.pk))

    def test_never_once_the_inviter_is_paired(self):
        invitation = invitation_create(inviter=self.gus)
        make_couple(self.gus, make_person("Ivy"))
        from hearth.access import forget_couple

        forget_couple(invitation.inviter)
        self.assertRefused("inviter_paired", 409, invitation=invitation)

    # The web page

    def post(self, data, person=None, invitation=None):
        self.client.force_login(person or self.dan)
        invitation = invitation or self.invitation
        return self.client.post(reverse("couples:email", args=[invitation.public_id]), data)

    def test_the_page_emails_it(self):
        self.client.force_login(self.dan)
        url = reverse("couples:email", args=[self.invitation.public_id])
        page = self.client.post(url, {"email": TO}, follow=True)
        self.assertRedirects(page, reverse("couples:pairing"))
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [TO])
        self.assertIn(link_of(self.invitation), mail.outbox[0].body)
        self.assertContains(page, "Sent. There&#x27;s nothing more to do")
        main = main_of(page)
        self.assertIn("Emailed on", main)
        self.assertIn("at most once a week", main)
        self.assertIn("You can send it again from", main)
        self.assertNotIn(reverse("couples:email", args=[self.invitation.public_id]), main)
        self.assertIsNotNone(Invitation.objects.get(pk=self.invitation.pk).emailed_at)

    def test_the_page_offers_to_send_again_after_a_week(self):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            self.invitation = self.long_lived()
            self.post({"email": TO})
        with time_machine.travel(start + timedelta(days=7, minutes=1), tick=False):
            self.client.force_login(self.dan)
            main = main_of(self.client.get(reverse("couples:pairing")))
            self.assertIn("Send it again", main)
            self.assertIn("same address as before", main)
            self.assertNotIn(TO, main)
            response = self.post({"email": ""})
            self.assertRedirects(response, reverse("couples:pairing"))
        self.assertEqual([m.to for m in mail.outbox], [[TO], [TO]])

    def test_the_page_refuses_too_soon_with_a_clear_message(self):
        self.post({"email": TO})
        before = stored()
        response = self.post({"email": "other@example.org"})
        self.assertEqual(response.status_code, 422)
        self.assertRegex(
            main_of(response), r'role="alert"><li>Hearth sends an invitation at most once'
        )
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(stored(), before)

    def test_the_page_refuses_a_bad_address(self):
        before = stored()
        for email in ("", "nope", "fay@", "x" * 250 + "@example.org", "a@b.c\nBcc: e@x.org"):
            response = self.post({"email": email})
            self.assertEqual(response.status_code, 422, email)
            self.assertIn('role="alert"', main_of(response), email)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(stored(), before)

    def test_the_page_shows_a_bad_address_escaped(self):
        response = self.post({"email": SCRIPT})
        self.assertEqual(response.status_code, 422)
        self.assertNotIn("<script>alert", main_of(response))

    def test_after_not_now_the_page_offers_no_email_and_refuses_one(self):
        invitation_respond(invitation=self.invitation, response="not_now")
        self.client.force_login(self.dan)
        main = main_of(self.client.get(reverse("couples:pairing")))
        self.assertIn("not now", main)
        self.assertIn("no need to ask again", main)
        self.assertNotIn("Or let Hearth email it", main)
        self.assertNotIn(reverse("couples:email", args=[self.invitation.public_id]), main)
        response = self.post({"email": TO})
        self.assertEqual(response.status_code, 422)
        self.assertIn('role="alert"', main_of(response))
        self.assertIn(escape("They've answered already"), main_of(response))
        self.assertEqual(mail.outbox, [])

    def test_after_no_thank_you_the_page_says_why_nothing_was_sent(self):
        invitation_respond(invitation=self.invitation, response="declined")
        before = stored()
        response = self.post({"email": TO})
        self.assertEqual(response.status_code, 422)
        main = main_of(response)
        self.assertIn('role="alert"', main)
        self.assertIn("This invitation was declined", main)
        self.assertNotIn(self.invitation.token, main)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(stored(), before)

    def test_only_the_inviter_may_email_it(self):
        before = stored()
        for person in (self.gus, self.alice):
            self.assertEqual(self.post({"email": TO}, person=person).status_code, 404)
        self.client.force_login(self.dan)
        url = reverse("couples:email", args=[uuid.uuid4()])
        self.assertEqual(self.client.post(url, {"email": TO}).status_code, 404)
        self.assertEqual(self.client.post("/pair/invite/not-a-uuid/email/").status_code, 404)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(stored(), before)

    def test_the_page_requires_login_and_post(self):
        url = reverse("couples:email", args=[self.invitation.public_id])
        response = self.client.post(url, {"email": TO})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.client.force_login(self.dan)
        self.assertEqual(self.client.get(url).status_code, 405)
        self.assertEqual(mail.outbox, [])
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).emailed_at)
