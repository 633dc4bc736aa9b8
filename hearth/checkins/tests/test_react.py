from django.urls import reverse

from hearth.access import Visibility
from hearth.checkins.models import CheckInReaction
from hearth.testing import HearthTestCase


def url(checkin) -> str:
    return reverse("checkins:react", args=[checkin.public_id])


class ReactTests(HearthTestCase):
    def react(self, person, checkin, reaction, **extra):
        self.client.force_login(person)
        return self.client.post(url(checkin), {"reaction": reaction}, **extra)

    def test_it_works(self):
        checkin = self.world.bob_shared_checkin
        response = self.react(self.alice, checkin, "heart")
        self.assertRedirects(response, reverse("checkins:detail", args=[checkin.public_id]))
        reaction = CheckInReaction.objects.get()
        self.assertEqual(reaction.checkin, checkin)
        self.assertEqual(reaction.author, self.alice)
        self.assertEqual(reaction.reaction, "heart")
        self.assertEqual(reaction.couple, self.world.couple)
        self.assertEqual(reaction.visibility, Visibility.SHARED)

    def test_it_returns_the_card_to_htmx(self):
        checkin = self.world.bob_shared_checkin
        response = self.react(self.alice, checkin, "hug", HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="checkin-{checkin.public_id}"')
        self.assertContains(response, 'aria-pressed="true"', count=1)
        self.assertNotContains(response, "<html")
        self.assertEqual(CheckInReaction.objects.get().reaction, "hug")

    def test_it_changes_my_reaction(self):
        checkin = self.world.bob_shared_checkin
        self.react(self.alice, checkin, "heart")
        first = CheckInReaction.objects.get()
        CheckInReaction.objects.filter(pk=first.pk).update(seen_at=first.created_at)
        self.react(self.alice, checkin, "smile")
        reaction = CheckInReaction.objects.get()
        self.assertEqual(reaction.pk, first.pk)
        self.assertEqual(reaction.reaction, "smile")
        # A changed reaction is new to the author again.
        self.assertIsNone(reaction.seen_at)

    def test_it_removes_my_reaction_with_an_empty_value(self):
        checkin = self.world.bob_shared_checkin
        self.react(self.alice, checkin, "heart")
        response = self.react(self.alice, checkin, "")
        self.assertRedirects(response, reverse("checkins:detail", args=[checkin.public_id]))
        self.assertFalse(CheckInReaction.objects.exists())

    def test_removing_without_a_reaction_is_fine(self):
        response = self.react(self.alice, self.world.bob_shared_checkin, "")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_the_author_sees_the_reaction(self):
        checkin = self.world.bob_shared_checkin
        self.react(self.alice, checkin, "with_you")
        self.client.force_login(self.bob)
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertContains(response, "Alice: I&#x27;m with you")
        self.assertIsNotNone(CheckInReaction.objects.get().seen_at)

    def test_it_rejects_an_unknown_reaction(self):
        response = self.react(self.alice, self.world.bob_shared_checkin, "thumbs_down")
        self.assertContains(response, "Choose a reaction from the list.", status_code=422)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_it_keeps_my_reaction_on_an_unknown_one(self):
        checkin = self.world.bob_shared_checkin
        self.react(self.alice, checkin, "heart")
        response = self.react(self.alice, checkin, "thumbs_down", HTTP_HX_REQUEST="true")
        self.assertContains(response, "Choose a reaction from the list.", status_code=422)
        self.assertNotContains(response, "<html", status_code=422)
        self.assertEqual(CheckInReaction.objects.get().reaction, "heart")

    def test_it_refuses_a_reaction_to_my_own_checkin(self):
        response = self.react(self.alice, self.world.alice_shared_checkin, "heart")
        self.assertContains(response, "check-in, not your own.", status_code=422)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_it_gives_404_for_a_private_checkin(self):
        response = self.react(self.bob, self.world.alice_private_checkin, "heart")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_it_checks_the_couple(self):
        response = self.react(self.carol, self.world.alice_shared_checkin, "heart")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_a_former_partner_gets_404(self):
        response = self.react(self.dan, self.world.alice_old_shared_checkin, "heart")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_it_requires_login(self):
        target = url(self.world.bob_shared_checkin)
        response = self.client.post(target, {"reaction": "heart"})
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertFalse(CheckInReaction.objects.exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.bob_shared_checkin))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(CheckInReaction.objects.exists())
