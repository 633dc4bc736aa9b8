import uuid
from datetime import timedelta

from django.utils import timezone

from hearth.deeptalk.models import DeepTalk, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import alerts, words

INDEX = url("index")


class IndexViewTests(DeepTalkTestCase):
    """GET /deep-talk/ (the list and the start form) and POST /deep-talk/ (start)."""

    def listed(self, response) -> list[int]:
        return [t.pk for t in response.context["talks"]]

    def carols(self):
        return DeepTalk.objects.filter(couple=self.world.other_couple)

    # GET

    def test_it_shows_the_open_talk_and_earlier_ones(self):
        self.client.force_login(self.alice)
        response = self.client.get(INDEX)
        self.assertShows(response, "Your deep talk is still open")
        self.assertContains(response, f'href="{url("talk", self.talk)}"')
        self.assertNotIn("Start a deep talk", words(response))
        # Her own talk with Bob, and the old one with Dan that she answered in (made
        # later in the world, so listed first: newest first).
        self.assertEqual(self.listed(response), [self.world.old_deep_talk.pk, self.talk.pk])
        self.assertEqual(response.context["open_talk"], self.talk)

    def test_bob_sees_the_talk_but_not_the_old_one(self):
        self.client.force_login(self.bob)
        response = self.client.get(INDEX)
        self.assertEqual(self.listed(response), [self.talk.pk])
        self.assertNotContains(response, str(self.world.old_deep_talk.public_id))

    def test_a_couple_without_a_talk_gets_the_start_form(self):
        self.client.force_login(self.carol)
        response = self.client.get(INDEX)
        self.assertShows(response, "Start a deep talk")
        self.assertIn("(yours and Erin's)", words(response))
        self.assertContains(response, 'name="mode" value="apart"')
        self.assertContains(response, 'name="mode" value="together"')
        self.assertEqual(self.listed(response), [])
        self.assertIsNone(response.context["open_talk"])

    def test_someone_on_their_own_is_told_it_is_for_two(self):
        self.client.force_login(self.dan)
        response = self.client.get(INDEX)
        self.assertShows(response, "Deep talk is for two.")
        self.assertNotIn("Start a deep talk", words(response))
        self.assertEqual(self.listed(response), [self.world.old_deep_talk.pk])

    def test_it_says_how_each_talk_ended(self):
        self.client.force_login(self.alice)
        text = words(self.client.get(INDEX))
        self.assertIn("apart · going on", text)
        self.assertIn("apart · stopped", text)
        DeepTalk.objects.filter(pk=self.world.old_deep_talk.pk).update(completed=True)
        self.assertIn("apart · all the way through", words(self.client.get(INDEX)))

    def test_it_pages_older_talks(self):
        now = timezone.now()
        made = []
        for n in range(23):
            made.append(
                DeepTalk.objects.create(
                    couple=self.world.other_couple,
                    started_by=self.carol,
                    state=State.ENDED,
                    created_at=now - timedelta(days=n + 1),
                )
            )
        self.client.force_login(self.carol)
        first = self.client.get(INDEX)
        self.assertEqual(self.listed(first), [t.pk for t in made[:20]])
        cursor = first.context["next_before"]
        self.assertEqual(cursor, made[19].public_id)
        self.assertContains(first, f"?before={cursor}")
        second = self.client.get(INDEX, {"before": str(cursor)})
        self.assertEqual(self.listed(second), [t.pk for t in made[20:]])
        self.assertIsNone(second.context["next_before"])

    def test_a_malformed_cursor_shows_the_newest(self):
        self.client.force_login(self.alice)
        response = self.client.get(INDEX, {"before": "not-a-uuid"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.listed(response), [self.world.old_deep_talk.pk, self.talk.pk])

    def test_an_unknown_cursor_shows_nothing_older(self):
        self.client.force_login(self.alice)
        response = self.client.get(INDEX, {"before": str(uuid.uuid4())})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.listed(response), [])
        self.assertIn("Nothing older to show here.", words(response))

    # POST: start

    def test_it_starts_a_talk(self):
        self.client.force_login(self.carol)
        response = self.client.post(INDEX, {"mode": "apart"})
        talk = self.carols().get()
        self.assertRedirects(response, url("talk", talk))
        self.assertEqual((talk.mode, talk.state, talk.started_by), ("apart", "active", self.carol))
        item = talk.items.get()
        self.assertEqual(
            (item.first, item.status, item.depth), (self.carol, ItemStatus.OPEN, "light")
        )

    def test_it_starts_a_talk_together(self):
        self.client.force_login(self.erin)
        response = self.client.post(INDEX, {"mode": "together"})
        talk = self.carols().get()
        self.assertRedirects(response, url("talk", talk))
        self.assertEqual((talk.mode, talk.items.get().first), ("together", self.erin))

    def test_it_needs_a_mode(self):
        before = snapshot()
        self.client.force_login(self.carol)
        response = self.client.post(INDEX, {})
        self.assertEqual(response.status_code, 422)
        self.assertIn("Choose apart or together.", alerts(response))
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_unknown_mode(self):
        before = snapshot()
        self.client.force_login(self.carol)
        response = self.client.post(INDEX, {"mode": "shouting"})
        self.assertEqual(response.status_code, 422)
        self.assertTrue(
            any("Select a valid choice" in a for a in alerts(response)), alerts(response)
        )
        self.assertEqual(snapshot(), before)

    def test_one_open_talk_per_couple(self):
        before = snapshot()
        self.client.force_login(self.bob)
        response = self.client.post(INDEX, {"mode": "together"})
        self.assertShows(response, "Your deep talk is still open", status=422)
        self.assertEqual(snapshot(), before)

    def test_it_needs_a_partner(self):
        before = snapshot()
        self.client.force_login(self.dan)
        response = self.client.post(INDEX, {"mode": "apart"})
        self.assertShows(response, "Deep talk is for two.", status=422)
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        for response in (self.client.get(INDEX), self.client.post(INDEX, {"mode": "apart"})):
            self.assertEqual(response.status_code, 302)
            self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_other_methods(self):
        self.client.force_login(self.carol)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(INDEX).status_code, 405, method)
        self.assertFalse(self.carols().exists())
