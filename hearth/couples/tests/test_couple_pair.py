from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.access import current_couple, partner_of
from hearth.core.errors import ServiceError
from hearth.couples.models import Couple, Invitation, Membership
from hearth.couples.services import (
    couple_pair,
    couple_unpair,
    invitation_check,
    invitation_create,
    invitation_find,
    invitation_revoke,
)
from hearth.testing import HearthTestCase, make_couple, make_person


class CouplePairTests(HearthTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.fay = make_person("Fay", timezone="America/Chicago")
        cls.gus = make_person("Gus", timezone="Asia/Tokyo")

    def setUp(self):
        super().setUp()
        self.invitation = self.world.dan_invitation
        self.couples = Couple.objects.count()

    def assertRaisesCode(self, code, status, *, invitation=None, user=None):
        with self.assertRaises(ServiceError) as raised:
            couple_pair(invitation=invitation or self.invitation, user=user or self.fay)
        self.assertEqual(raised.exception.code, code)
        self.assertEqual(raised.exception.status, status)
        return raised.exception

    def test_it_works(self):
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            couple = couple_pair(invitation=invitation_create(inviter=self.fay), user=self.gus)
        self.assertEqual(couple.timezone, "America/Chicago")
        self.assertEqual(couple.created_at, now)
        self.assertIsNone(couple.ended_at)
        members = {m.user_id: m for m in Membership.objects.filter(couple=couple)}
        self.assertEqual(set(members), {self.fay.pk, self.gus.pk})
        for membership in members.values():
            self.assertEqual(membership.joined_at, now)
            self.assertIsNone(membership.left_at)
            self.assertFalse(membership.ended_notice_pending)
        invitation = Invitation.objects.get(inviter=self.fay)
        self.assertEqual(invitation.accepted_at, now)
        self.assertEqual(invitation.accepted_by, self.gus)

    def test_it_updates_the_cached_couple(self):
        current_couple(self.fay)
        couple = couple_pair(invitation=self.invitation, user=self.fay)
        self.assertEqual(current_couple(self.fay), couple)
        self.assertEqual(partner_of(self.fay), self.dan)

    def test_it_refuses_an_unknown_invitation(self):
        self.assertIsNone(invitation_find(code="ZZZZ-ZZZ"))
        with self.assertRaises(ServiceError) as raised:
            invitation_check(invitation=None, user=self.fay)
        self.assertEqual(raised.exception.status, 404)
        self.assertEqual(Couple.objects.count(), self.couples)

    def test_it_finds_by_code_and_token(self):
        code, token = self.invitation.code, self.invitation.token
        self.assertEqual(invitation_find(code=code), self.invitation)
        self.assertEqual(invitation_find(code=f"{code[:4].lower()}-{code[4:]}"), self.invitation)
        self.assertEqual(invitation_find(token=token), self.invitation)
        self.assertIsNone(invitation_find(token=token + "x"))
        self.assertIsNone(invitation_find(code=code[:7]))

    def test_it_refuses_ones_own_invitation(self):
        self.assertRaisesCode("own_invitation", 409, user=self.dan)
        self.assertEqual(Couple.objects.count(), self.couples)

    def test_it_is_single_use(self):
        couple_pair(invitation=self.invitation, user=self.fay)
        couples = Couple.objects.count()
        self.assertRaisesCode("used", 410, user=self.gus)
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.gus).exists())

    def test_it_refuses_a_revoked_invitation(self):
        invitation_revoke(invitation=self.invitation)
        self.assertRaisesCode("revoked", 410)
        self.assertEqual(Couple.objects.count(), self.couples)

    def test_it_refuses_an_expired_invitation(self):
        with time_machine.travel(self.invitation.expires_at, tick=False):
            self.assertRaisesCode("expired", 410)
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).accepted_at)

    def test_it_refuses_a_paired_person(self):
        self.assertRaisesCode("already_paired", 409, user=self.erin)
        self.assertEqual(Couple.objects.count(), self.couples)
        self.assertIsNone(Invitation.objects.get(pk=self.invitation.pk).accepted_at)

    def test_it_refuses_an_inviter_who_paired_since(self):
        make_couple(self.dan, self.gus)
        couples = Couple.objects.count()
        self.assertRaisesCode("inviter_paired", 409)
        self.assertEqual(Couple.objects.count(), couples)
        self.assertFalse(Membership.objects.filter(user=self.fay).exists())

    def test_pairing_by_accepting_voids_the_acceptors_own_invitation(self):
        fays = invitation_create(inviter=self.fay)
        couple_pair(invitation=self.invitation, user=self.fay)
        self.assertRaisesCode("revoked", 410, invitation=fays, user=self.gus)
        self.assertFalse(Membership.objects.filter(user=self.gus).exists())

    def test_it_revokes_every_other_pending_invitation_of_both(self):
        now = timezone.now()
        # A second pending invitation of the inviter (as if two were created at once).
        extra = Invitation.objects.create(
            inviter=self.dan,
            code="ABCDEFGH",
            token="extra-token",
            code_hash="x" * 64,
            token_hash="y" * 64,
            expires_at=now + timedelta(days=7),
        )
        fays = invitation_create(inviter=self.fay)
        gus = invitation_create(inviter=self.gus)
        couple_pair(invitation=self.invitation, user=self.fay)
        for invitation in (extra, fays):
            invitation.refresh_from_db()
            self.assertIsNotNone(invitation.revoked_at)
            self.assertIsNone(invitation.accepted_at)
        gus.refresh_from_db()
        self.assertIsNone(gus.revoked_at)

    def test_former_partners_can_pair_again(self):
        couple_unpair(user=self.alice)
        invitation = invitation_create(inviter=self.bob)
        couple = couple_pair(invitation=invitation, user=self.alice)
        self.assertNotEqual(couple, self.world.couple)
        self.assertEqual(
            set(couple.memberships.values_list("user_id", flat=True)), {self.alice.pk, self.bob.pk}
        )
        self.assertEqual(Membership.objects.filter(user=self.alice).count(), 3)
