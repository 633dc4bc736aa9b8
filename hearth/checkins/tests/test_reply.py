import uuid

from django.urls import reverse

from hearth.access import Visibility
from hearth.checkins.models import CheckInReply
from hearth.testing import HearthTestCase


def url(checkin) -> str:
    return reverse("checkins:reply", args=[checkin.public_id])


class ReplyTests(HearthTestCase):
    def new_replies(self):
        return CheckInReply.objects.exclude(pk=self.world.bob_reply_on_alice_checkin.pk)

    def test_it_works(self):
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin), {"text": "  Proud of you  "})
        self.assertRedirects(response, reverse("checkins:detail", args=[checkin.public_id]))
        reply = self.new_replies().get()
        self.assertEqual(reply.checkin, checkin)
        self.assertEqual(reply.author, self.alice)
        self.assertEqual(reply.text, "Proud of you")
        self.assertEqual(reply.couple, self.world.couple)
        self.assertEqual(reply.visibility, Visibility.SHARED)
        self.assertIsNone(reply.seen_at)

    def test_it_follows_a_safe_next(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            url(self.world.bob_shared_checkin), {"text": "Hello", "next": "/"}
        )
        self.assertRedirects(response, "/")
        self.assertEqual(self.new_replies().count(), 1)

    def test_it_ignores_an_unsafe_next(self):
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(
            url(checkin), {"text": "Hello", "next": "https://evil.example.com/"}
        )
        self.assertRedirects(response, reverse("checkins:detail", args=[checkin.public_id]))
        self.assertEqual(self.new_replies().count(), 1)

    def test_it_returns_the_card_to_htmx(self):
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin), {"text": "Sending a hug"}, HTTP_HX_REQUEST="true")
        self.assertContains(response, f'id="checkin-{checkin.public_id}"')
        self.assertContains(response, "Sending a hug")
        self.assertContains(response, "You replied")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.new_replies().get().text, "Sending a hug")

    def test_the_author_sees_the_reply(self):
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        self.client.post(url(checkin), {"text": "Sending a hug"})
        self.client.force_login(self.bob)
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertContains(response, "Alice replied")
        self.assertContains(response, "Sending a hug")
        self.assertIsNotNone(self.new_replies().get().seen_at)

    def test_the_author_sees_it_on_the_home_page(self):
        # Today's check-in is on the home page, reply included: that counts as seen,
        # so it is not listed again under "waiting for you".
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        self.client.post(url(checkin), {"text": "Sending a hug"})
        self.client.force_login(self.bob)
        response = self.client.get(reverse("home"))
        self.assertContains(response, "Alice replied")
        self.assertContains(response, "Sending a hug")
        self.assertNotContains(response, "Alice replied to your check-in")
        self.assertIsNotNone(self.new_replies().get().seen_at)

    def test_it_refuses_a_reply_to_my_own_checkin(self):
        checkin = self.world.alice_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin), {"text": "Talking to myself"})
        self.assertContains(
            response,
            "You can reply to your partner&#x27;s check-in, not your own.",
            status_code=422,
        )
        self.assertFalse(CheckInReply.objects.filter(author=self.alice).exists())

    def test_it_refuses_a_reply_to_my_own_checkin_with_htmx(self):
        checkin = self.world.alice_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin), {"text": "Hi me"}, HTTP_HX_REQUEST="true")
        self.assertContains(
            response,
            "You can reply to your partner&#x27;s check-in, not your own.",
            status_code=422,
        )
        self.assertNotContains(response, "<html", status_code=422)
        self.assertFalse(CheckInReply.objects.filter(author=self.alice).exists())

    def test_it_requires_text(self):
        self.client.force_login(self.alice)
        response = self.client.post(url(self.world.bob_shared_checkin), {"text": "   "})
        self.assertContains(response, "Write a short reply first.", status_code=422)
        self.assertFalse(self.new_replies().exists())

    def test_it_returns_the_card_with_the_error_to_htmx(self):
        checkin = self.world.bob_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(url(checkin), {"text": ""}, HTTP_HX_REQUEST="true")
        self.assertContains(response, "Write a short reply first.", status_code=422)
        self.assertContains(response, f'id="checkin-{checkin.public_id}"', status_code=422)
        self.assertNotContains(response, "<html", status_code=422)
        self.assertFalse(self.new_replies().exists())

    def test_it_rejects_a_long_reply(self):
        self.client.force_login(self.alice)
        response = self.client.post(url(self.world.bob_shared_checkin), {"text": "x" * 501})
        self.assertContains(response, "at most 500 characters (it has 501)", status_code=422)
        self.assertFalse(self.new_replies().exists())

    def test_it_gives_404_for_a_private_checkin(self):
        self.client.force_login(self.bob)
        response = self.client.post(url(self.world.alice_private_checkin), {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_checks_the_couple(self):
        self.client.force_login(self.carol)
        response = self.client.post(url(self.world.alice_shared_checkin), {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_a_former_partner_gets_404(self):
        self.client.force_login(self.dan)
        response = self.client.post(url(self.world.alice_old_shared_checkin), {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_gives_404_for_an_unknown_id(self):
        self.client.force_login(self.alice)
        response = self.client.post(reverse("checkins:reply", args=[uuid.uuid4()]), {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_it_requires_login(self):
        target = url(self.world.bob_shared_checkin)
        response = self.client.post(target, {"text": "Hi"})
        self.assertRedirects(response, f"{reverse('account_login')}?next={target}")
        self.assertFalse(self.new_replies().exists())

    def test_it_rejects_get(self):
        self.client.force_login(self.alice)
        response = self.client.get(url(self.world.bob_shared_checkin))
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self.new_replies().exists())
