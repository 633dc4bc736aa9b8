"""Ending a pairing, and what each former partner can see afterwards."""

from django.urls import reverse
from django.utils.html import escape

from hearth.access import current_couple, partner_of
from hearth.accounts.services import token_create
from hearth.core.errors import ServiceError
from hearth.couples.models import Couple, Membership
from hearth.couples.services import couple_pair, couple_unpair, invitation_create
from hearth.testing import HearthTestCase, make_person


class CoupleUnpairTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay")

    def setUp(self):
        super().setUp()
        self.w = self.world

    def api_get(self, user, path):
        _, raw = token_create(user=user, name="tests")
        return self.client.get(path, HTTP_AUTHORIZATION=f"Bearer {raw}")

    def test_it_works(self):
        couple = couple_unpair(user=self.alice)
        self.assertEqual(couple.pk, self.w.couple.pk)
        self.assertIsNotNone(Couple.objects.get(pk=couple.pk).ended_at)
        self.assertIsNone(current_couple(self.alice))
        self.assertFalse(Membership.objects.filter(couple=couple, left_at=None).exists())

    def test_it_refuses_a_solo_person(self):
        with self.assertRaises(ServiceError) as raised:
            couple_unpair(user=self.dan)
        self.assertEqual(raised.exception.code, "not_paired")
        self.assertFalse(Membership.objects.filter(ended_notice_pending=True).exists())

    def test_the_former_partner_loses_the_others_checkins(self):
        couple_unpair(user=self.alice)
        self.client.force_login(self.bob)
        checkin = self.w.alice_shared_checkin
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertEqual(response.status_code, 404)
        response = self.api_get(self.bob, f"/api/checkins/{checkin.public_id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(checkin.note, response.content.decode())

        self.client.force_login(self.alice)
        checkin = self.w.bob_shared_checkin
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertEqual(response.status_code, 404)
        response = self.api_get(self.alice, f"/api/checkins/{checkin.public_id}")
        self.assertEqual(response.status_code, 404)

    def test_the_former_partner_loses_the_others_answers(self):
        couple_unpair(user=self.bob)
        # Only Alice answered today's question: it is not Bob's any more.
        question = self.w.question_today
        self.client.force_login(self.bob)
        response = self.client.get(reverse("questions:detail", args=[question.public_id]))
        self.assertEqual(response.status_code, 404)
        response = self.api_get(self.bob, f"/api/questions/{question.public_id}")
        self.assertEqual(response.status_code, 404)

        # Both answered yesterday's: each keeps the question and their own answer only.
        question = self.w.question_yesterday
        response = self.client.get(reverse("questions:detail", args=[question.public_id]))
        self.assertContains(response, escape(self.w.bob_released_answer.text))
        self.assertNotContains(response, escape(self.w.alice_released_answer.text))
        response = self.api_get(self.bob, f"/api/questions/{question.public_id}")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.json()["partner_answer"])
        self.assertEqual(response.json()["my_answer"]["text"], self.w.bob_released_answer.text)
        self.assertNotIn(self.w.alice_released_answer.text, response.content.decode())

    def test_each_keeps_their_own_items(self):
        couple_unpair(user=self.alice)
        self.client.force_login(self.alice)
        for checkin in (self.w.alice_shared_checkin, self.w.alice_private_checkin):
            response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
            self.assertContains(response, escape(checkin.note))
        question = self.w.question_today
        response = self.client.get(reverse("questions:detail", args=[question.public_id]))
        self.assertContains(response, escape(self.w.alice_sealed_answer.text))
        response = self.api_get(
            self.alice, f"/api/checkins/{self.w.alice_shared_checkin.public_id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["note"], self.w.alice_shared_checkin.note)

        self.client.force_login(self.bob)
        checkin = self.w.bob_shared_checkin
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertContains(response, escape(checkin.note))
        response = self.api_get(self.bob, f"/api/checkins/{checkin.public_id}")
        self.assertEqual(response.status_code, 200)

    def test_replies_from_the_former_partner_disappear(self):
        couple_unpair(user=self.alice)
        self.client.force_login(self.alice)
        checkin = self.w.alice_shared_checkin
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertContains(response, escape(checkin.note))
        self.assertNotContains(response, escape(self.w.bob_reply_on_alice_checkin.text))
        response = self.api_get(self.alice, f"/api/checkins/{checkin.public_id}")
        self.assertEqual(response.json()["replies"], [])

    def test_the_former_partner_is_gone_from_the_api(self):
        couple_unpair(user=self.alice)
        response = self.api_get(self.bob, "/api/pairing")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"paired": False, "partner": None, "couple": None, "invitation": None},
        )
        self.assertIsNone(partner_of(self.bob))

    def test_both_can_pair_again_with_anyone(self):
        couple_unpair(user=self.alice)
        bobs = invitation_create(inviter=self.bob)
        alices = invitation_create(inviter=self.alice)

        self.client.force_login(self.dan)
        response = self.client.post(
            reverse("couples:accept"), {"token": bobs.token, "confirm": "on"}
        )
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.client.force_login(self.fay)
        response = self.client.post(
            reverse("couples:accept"), {"code": alices.code, "confirm": "on"}
        )
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)

        bob_and_dan = Couple.objects.get(memberships__user=self.bob, memberships__left_at=None)
        self.assertEqual(
            set(bob_and_dan.memberships.values_list("user_id", flat=True)),
            {self.bob.pk, self.dan.pk},
        )
        alice_and_fay = Couple.objects.get(memberships__user=self.alice, memberships__left_at=None)
        self.assertEqual(
            set(alice_and_fay.memberships.values_list("user_id", flat=True)),
            {self.alice.pk, self.fay.pk},
        )

    def test_the_old_couples_items_stay_hidden_after_pairing_again(self):
        couple_unpair(user=self.alice)
        couple_pair(invitation=invitation_create(inviter=self.alice), user=self.fay)
        self.client.force_login(self.fay)
        checkin = self.w.bob_shared_checkin
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertEqual(response.status_code, 404)
        question = self.w.question_yesterday
        response = self.client.get(reverse("questions:detail", args=[question.public_id]))
        self.assertEqual(response.status_code, 404)
