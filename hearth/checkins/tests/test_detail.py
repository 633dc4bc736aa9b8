import uuid

from django.urls import reverse
from django.utils.html import escape

from hearth.checkins.models import CheckIn, CheckInReaction, CheckInReply
from hearth.testing import HearthTestCase


def url(checkin) -> str:
    return reverse("checkins:detail", args=[checkin.public_id])


class DetailTests(HearthTestCase):
    def test_it_requires_login(self):
        target = url(self.world.alice_shared_checkin)
        response = self.client.get(target)
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertIsNone(CheckInReply.objects.get().seen_at)

    def test_it_shows_my_checkin_with_the_reply(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertContains(response, "Your check-in")
        self.assertContains(response, escape(self.world.alice_shared_checkin.note))
        self.assertContains(response, "Bob replied")
        self.assertContains(response, escape(self.world.bob_reply_on_alice_checkin.text))
        self.assertContains(response, "Delete this check-in")
        # The author cannot react to or reply to their own check-in.
        self.assertNotContains(
            response, reverse("checkins:reply", args=[self.world.alice_shared_checkin.public_id])
        )

    def test_it_marks_the_replies_seen_for_the_author(self):
        self.client.force_login(self.alice)
        self.client.get(url(self.world.alice_shared_checkin))
        reply = CheckInReply.objects.get(pk=self.world.bob_reply_on_alice_checkin.pk)
        self.assertIsNotNone(reply.seen_at)

    def test_it_marks_the_reactions_seen_for_the_author(self):
        reaction = CheckInReaction.objects.create(
            checkin=self.world.alice_shared_checkin,
            couple=self.world.couple,
            author=self.bob,
            reaction="hug",
        )
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertContains(response, "Bob: A hug for you")
        reaction.refresh_from_db()
        self.assertIsNotNone(reaction.seen_at)

    def test_it_does_not_mark_seen_for_the_partner(self):
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertContains(response, "Alice&#x27;s check-in")
        self.assertContains(response, "You replied")
        reply = CheckInReply.objects.get(pk=self.world.bob_reply_on_alice_checkin.pk)
        self.assertIsNone(reply.seen_at)

    def test_it_shows_the_partner_the_reply_and_reaction_forms(self):
        checkin = self.world.alice_shared_checkin
        self.client.force_login(self.bob)
        response = self.client.get(url(checkin))
        self.assertContains(response, reverse("checkins:reply", args=[checkin.public_id]))
        self.assertContains(response, reverse("checkins:react", args=[checkin.public_id]))
        self.assertNotContains(response, "Delete this check-in")
        self.assertEqual(CheckInReaction.objects.count(), 0)

    def test_it_shows_the_partner_the_authors_need_hint(self):
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertContains(response, "Some unhurried time to talk with you would help")

    def test_it_shows_my_private_checkin(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.alice_private_checkin))
        self.assertContains(response, escape(self.world.alice_private_checkin.note))
        self.assertContains(response, "only you")

    def test_it_hides_a_private_checkin_from_the_partner(self):
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.alice_private_checkin))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(
            response, escape(self.world.alice_private_checkin.note), status_code=404
        )

    def test_it_checks_the_couple(self):
        self.client.force_login(self.carol)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertEqual(response.status_code, 404)
        self.assertIsNone(CheckInReply.objects.get().seen_at)

    def test_a_former_partner_gets_404(self):
        self.client.force_login(self.dan)
        response = self.client.get(url(self.world.alice_old_shared_checkin))
        self.assertEqual(response.status_code, 404)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertEqual(response.status_code, 404)

    def test_the_former_partners_checkin_is_404_for_me(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.dan_old_shared_checkin))
        self.assertEqual(response.status_code, 404)

    def test_i_still_see_my_checkin_from_an_earlier_pairing(self):
        self.client.force_login(self.dan)
        response = self.client.get(url(self.world.dan_old_shared_checkin))
        self.assertContains(response, escape(self.world.dan_old_shared_checkin.note))

    def test_it_gives_404_for_an_unknown_id(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("checkins:detail", args=[uuid.uuid4()]))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(CheckIn.objects.count(), 6)

    def test_it_shows_markup_escaped(self):
        CheckIn.objects.filter(pk=self.world.alice_shared_checkin.pk).update(
            note="<script>alert(1)</script>"
        )
        self.client.force_login(self.bob)
        response = self.client.get(url(self.world.alice_shared_checkin))
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(1)")

    def test_it_rejects_post(self):
        self.client.force_login(self.alice)
        response = self.client.post(url(self.world.alice_shared_checkin))
        self.assertEqual(response.status_code, 405)
        self.assertIsNone(CheckInReply.objects.get().seen_at)
