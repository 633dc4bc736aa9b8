from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.deeptalk.models import DeepTalk, DeepTalkItem, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, url
from hearth.testing import make_deep_answer


class QueryCountTests(DeepTalkTestCase):
    """The list page, the API list and a talk page cost the same however much there is."""

    def make_talks(self, count, *, start=0):
        """Ended talks for Carol and Erin, each with two answered questions."""
        now = timezone.now()
        for n in range(start, start + count):
            talk = DeepTalk.objects.create(
                couple=self.world.other_couple,
                started_by=self.carol if n % 2 else self.erin,
                state=State.ENDED,
                completed=bool(n % 3),
                created_at=now - timedelta(hours=n + 1),
                ended_at=now,
            )
            for position, key in ((1, "dt-l-01"), (2, "dt-l-02")):
                item = DeepTalkItem.objects.create(
                    talk=talk,
                    couple=self.world.other_couple,
                    position=position,
                    prompt_key=key,
                    depth="light",
                    first=self.carol,
                    status=ItemStatus.DONE,
                )
                make_deep_answer(item, self.carol, f"Carol {n}.{position}")
                make_deep_answer(item, self.erin, f"Erin {n}.{position}")

    def count(self, call) -> tuple[int, list[str]]:
        call()  # warm up: sessions, tokens, caches
        with CaptureQueriesContext(connection) as queries:
            response = call()
        self.assertEqual(response.status_code, 200)
        return len(queries), [q["sql"] for q in queries.captured_queries]

    def test_the_list_page(self):
        self.client.force_login(self.carol)
        self.make_talks(3)
        short, _ = self.count(lambda: self.client.get(url("index")))
        self.make_talks(22, start=3)
        response = self.client.get(url("index"))
        self.assertEqual(len(response.context["talks"]), 20)
        long, sql = self.count(lambda: self.client.get(url("index")))
        self.assertEqual(long, short, sql)

    def test_the_api_list(self):
        self.make_talks(3)
        short, _ = self.count(lambda: self.api("get", "/deep-talk?limit=50", self.erin))
        self.make_talks(22, start=3)
        self.assertEqual(len(self.api("get", "/deep-talk?limit=50", self.erin).json()["items"]), 25)
        long, sql = self.count(lambda: self.api("get", "/deep-talk?limit=50", self.erin))
        self.assertEqual(long, short, sql)

    def test_a_talk_page_does_not_grow_with_finished_questions(self):
        self.answer(self.bob, "Bob answers the first")
        short_page, _ = self.count(lambda: self.get_page(self.alice))
        short_partial, _ = self.count(lambda: self.get_page(self.alice, htmx=True))
        short_api, _ = self.count(
            lambda: self.api("get", f"/deep-talk/{self.talk.public_id}", self.alice)
        )
        for _ in range(3):
            self.skip(self.alice)
        for _ in range(4):
            self.both_answer()
        self.assertEqual(len([i for i in self.items() if i.status != ItemStatus.OPEN]), 8)
        long_page, sql = self.count(lambda: self.get_page(self.alice))
        self.assertEqual(long_page, short_page, sql)
        long_partial, sql = self.count(lambda: self.get_page(self.alice, htmx=True))
        self.assertEqual(long_partial, short_partial, sql)
        long_api, sql = self.count(
            lambda: self.api("get", f"/deep-talk/{self.talk.public_id}", self.alice)
        )
        self.assertEqual(long_api, short_api, sql)

    def test_an_earlier_pairings_talk_does_not_grow_either(self):
        old = self.world.old_deep_talk
        short, _ = self.count(lambda: self.get_page(self.dan, old))
        for position, key, depth in (
            (2, "dt-d-01", "deeper"),
            (3, "dt-v-01", "vulnerable"),
            (4, "dt-l-05", "light"),
        ):
            item = DeepTalkItem.objects.create(
                talk=old,
                couple=self.world.old_couple,
                position=position,
                prompt_key=key,
                depth=depth,
                first=self.dan,
                status=ItemStatus.DONE,
            )
            make_deep_answer(item, self.dan, f"Dan {position}")
            make_deep_answer(item, self.alice, f"Alice {position}")
        long, sql = self.count(lambda: self.get_page(self.dan, old))
        self.assertEqual(long, short, sql)
