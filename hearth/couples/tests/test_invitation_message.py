"""The few words that go with an invitation: a gentle one, one's own words, or none."""

import uuid
from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.couples.models import INVITATION_MESSAGE_MAX, Invitation
from hearth.couples.services import (
    clean_message,
    couple_pair,
    invitation_create,
    invitation_message_set,
    invitation_respond,
    invitation_revoke,
)
from hearth.testing import HearthTestCase, main_of, make_person

SCRIPT = "<script>alert('hi')</script> & <b>bold</b>"


def invitations() -> list[tuple]:
    return list(
        Invitation.objects.order_by("pk").values_list(
            "pk", "message", "revoked_at", "accepted_at", "response"
        )
    )


class InvitationMessageTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def invite(self, data, person=None):
        self.client.force_login(person or self.fay)
        return self.client.post(reverse("couples:invite"), data)

    # clean_message

    def test_clean_message_strips_and_allows_nothing(self):
        self.assertEqual(clean_message("  Hello there \n"), "Hello there")
        self.assertEqual(clean_message(""), "")
        self.assertEqual(clean_message(None), "")
        self.assertEqual(clean_message("   "), "")
        self.assertEqual(clean_message("x" * INVITATION_MESSAGE_MAX), "x" * 500)

    def test_clean_message_refuses_more_than_500_characters(self):
        with self.assertRaises(ServiceError) as caught:
            clean_message("x" * 501)
        self.assertEqual(caught.exception.code, "too_long")
        self.assertIn("at most 500", caught.exception.message)
        self.assertIn("501", caught.exception.message)

    # invitation_create(message=…)

    def test_create_keeps_the_message(self):
        invitation = invitation_create(inviter=self.fay, message="  Shall we try this?  ")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "Shall we try this?")

    def test_create_keeps_script_text_as_written(self):
        invitation = invitation_create(inviter=self.fay, message=SCRIPT)
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, SCRIPT)

    def test_create_refuses_a_long_message_and_keeps_the_old_invitation(self):
        before = invitations()
        with self.assertRaises(ServiceError) as caught:
            invitation_create(inviter=self.dan, message="x" * 501)
        self.assertEqual(caught.exception.code, "too_long")
        self.assertEqual(invitations(), before)
        self.assertIsNone(Invitation.objects.get(pk=self.world.dan_invitation.pk).revoked_at)

    def test_the_message_is_encrypted_at_rest(self):
        from django.db import connection

        invitation = invitation_create(inviter=self.fay, message="Our secret garden")
        with connection.cursor() as cursor:
            cursor.execute("SELECT message FROM couples_invitation WHERE id = %s", [invitation.pk])
            (stored,) = cursor.fetchone()
        self.assertNotIn("garden", stored)

    # invitation_message_set

    def test_message_set_changes_and_clears_it(self):
        invitation = self.world.dan_invitation
        invitation_message_set(invitation=invitation, message=" New words ")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "New words")
        invitation_message_set(invitation=invitation, message="")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "")

    def test_message_set_works_after_not_now(self):
        invitation = invitation_respond(invitation=self.world.dan_invitation, response="not_now")
        invitation_message_set(invitation=invitation, message="Whenever you like")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "Whenever you like")

    def assertSetRefused(self, invitation, code, status, message="Changed"):
        before = invitations()
        with self.assertRaises(ServiceError) as caught:
            invitation_message_set(invitation=invitation, message=message)
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        self.assertEqual(invitations(), before)

    def test_message_set_refuses_a_long_message(self):
        self.assertSetRefused(self.world.dan_invitation, "too_long", 400, "x" * 501)

    def test_message_set_refuses_a_closed_invitation(self):
        revoked = invitation_create(inviter=self.fay)
        invitation_revoke(invitation=revoked)
        self.assertSetRefused(revoked, "revoked", 410)
        declined = invitation_create(inviter=self.fay)
        invitation_respond(invitation=declined, response="declined")
        self.assertSetRefused(Invitation.objects.get(pk=declined.pk), "declined", 410)
        used = self.world.dan_invitation
        couple_pair(invitation=used, user=make_person("Gus"))
        self.assertSetRefused(Invitation.objects.get(pk=used.pk), "used", 410)

    def test_message_set_refuses_an_expired_invitation(self):
        invitation = invitation_create(inviter=self.fay)
        with time_machine.travel(timezone.now() + timedelta(days=8), tick=False):
            self.assertSetRefused(invitation, "expired", 410)

    # The pairing page: choosing the words

    def test_the_pairing_page_offers_every_gentle_message_own_words_and_none(self):
        self.client.force_login(self.fay)
        response = self.client.get(reverse("couples:pairing"))
        self.assertEqual(response.status_code, 200)
        main = main_of(response)
        self.assertGreaterEqual(len(catalog.invitation_messages), 3)
        for message in catalog.invitation_messages:
            self.assertIn(f'value="{message.key}"', main)
            self.assertIn(escape(message.label), main)
            self.assertIn(escape(message.text), main)
        self.assertIn('value="own"', main)
        self.assertIn("In my own words", main)
        self.assertIn('value="none"', main)
        self.assertIn('name="own"', main)
        self.assertRegex(
            main, r'<input[^>]*value="curious"[^>]*checked|checked[^>]*value="curious"'
        )
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_choosing_a_gentle_message_sends_its_text(self):
        chosen = catalog.invitation_message_by_key["simple"]
        response = self.invite({"choice": "simple"})
        self.assertRedirects(response, reverse("couples:pairing"))
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(invitation.message, chosen.text)
        page = main_of(self.client.get(reverse("couples:pairing")))
        self.assertIn("Your message", page)
        self.assertIn(escape(chosen.text), page)

    def test_own_words_are_kept_as_written(self):
        self.invite({"choice": "own", "own": "  Fancy trying this with me?  "})
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(invitation.message, "Fancy trying this with me?")

    def test_own_words_are_used_only_when_chosen(self):
        self.invite({"choice": "simple", "own": "These words were typed but not chosen"})
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(invitation.message, catalog.invitation_message_by_key["simple"].text)

    def test_no_message_or_no_choice_gives_just_the_link(self):
        self.invite({"choice": "none", "own": "Ignored"})
        self.assertEqual(Invitation.objects.get(inviter=self.fay, revoked_at=None).message, "")
        self.invite({})
        self.assertEqual(Invitation.objects.get(inviter=self.fay, revoked_at=None).message, "")

    def test_own_without_words_is_refused_with_a_clear_message(self):
        for own in ("", "   \n "):
            response = self.invite({"choice": "own", "own": own})
            self.assertEqual(response.status_code, 422)
            self.assertContains(
                response, "Write your message, or pick one of the others.", status_code=422
            )
        self.assertFalse(Invitation.objects.filter(inviter=self.fay).exists())

    def test_bad_choices_are_refused(self):
        before = invitations()
        for data in (
            {"choice": "bogus"},
            {"choice": "<script>"},
            {"choice": "own", "own": "x" * 501},
            {"choice": "own", "own": "nul\x00here"},
        ):
            response = self.invite(data)
            self.assertEqual(response.status_code, 422, data)
            self.assertIn('role="alert"', main_of(response), data)
        self.assertEqual(invitations(), before)

    def test_script_in_own_words_is_stored_as_written_and_shown_escaped(self):
        self.invite({"choice": "own", "own": SCRIPT})
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(invitation.message, SCRIPT)
        pages = [
            self.client.get(reverse("couples:pairing")),
            self.client_for(None).get(reverse("couples:join", args=[invitation.token])),
        ]
        for response in pages:
            main = main_of(response)
            self.assertIn(escape(SCRIPT), main)
            self.assertNotIn("<script>alert", main)
            self.assertNotIn("<b>bold</b>", main)

    def client_for(self, person):
        from django.test import Client

        client = Client()
        if person is not None:
            client.force_login(person)
        return client

    # PATCH /api/pairing/invitations/{id}

    def patch(self, invitation_id, person, body):
        return self.api("patch", f"/pairing/invitations/{invitation_id}", person, body)

    def test_api_update_changes_the_message(self):
        invitation = self.world.dan_invitation
        response = self.patch(invitation.public_id, self.dan, {"message": "  Any time  "})
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertEqual(doc["message"], "Any time")
        self.assertEqual(doc["id"], str(invitation.public_id))
        self.assertEqual(doc["response"], "")
        self.assertIsNone(doc["emailed_at"])
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "Any time")
        pairing = self.api("get", "/pairing", self.dan).json()
        self.assertEqual(pairing["invitation"]["message"], "Any time")
        response = self.patch(invitation.public_id, self.dan, {"message": "   "})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["message"], "")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "")

    def test_api_update_refuses_bad_input(self):
        invitation = self.world.dan_invitation
        invitation_message_set(invitation=invitation, message="Kept words")
        before = invitations()
        for body in (
            {},
            {"message": None},
            {"message": "x" * 501},
            {"message": 5},
            {"message": ["a"]},
            {"message": "nul\x00here"},
            ["message"],
            "message",
            5,
        ):
            response = self.patch(invitation.public_id, self.dan, body)
            self.assertEqual(response.status_code, 422, body)
            self.assertEqual(response.json()["code"], "invalid")
        self.assertEqual(invitations(), before)

    def test_api_update_only_for_the_inviter_and_open_invitations(self):
        invitation = self.world.dan_invitation
        before = invitations()
        for person in (self.fay, self.alice):
            response = self.patch(invitation.public_id, person, {"message": "Mine"})
            self.assertEqual(response.status_code, 404)
            self.assertEqual(response.json()["code"], "not_found")
        self.assertEqual(self.patch(uuid.uuid4(), self.dan, {"message": "x"}).status_code, 404)
        response = self.patch("not-a-uuid", self.dan, {"message": "x"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(invitations(), before)
        invitation_revoke(invitation=invitation)
        response = self.patch(invitation.public_id, self.dan, {"message": "Too late"})
        self.assertEqual(response.status_code, 410)
        self.assertEqual(response.json()["code"], "revoked")
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "")

    def test_api_update_requires_authentication(self):
        invitation = self.world.dan_invitation
        response = self.client.patch(
            f"/api/pairing/invitations/{invitation.public_id}",
            {"message": "Sneaky"},
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 401)
        self.assertEqual(Invitation.objects.get(pk=invitation.pk).message, "")
