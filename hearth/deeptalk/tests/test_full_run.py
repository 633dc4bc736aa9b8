import random

from hearth.content import DEPTHS, catalog
from hearth.deeptalk import services
from hearth.deeptalk.models import QUESTIONS_PER_STEP, DeepTalkAnswer, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, members


class FullRunTests(DeepTalkTestCase):
    """Walking a talk through every step, apart and together, with and without skips."""

    def walk(self, talk, *, rng: random.Random, skip_chance: float = 0.0):
        """Move until the talk ends; returns the moves made, as (kind, person, item)."""
        moves = []
        for _ in range(200):
            item = self.open_item(talk)
            if item is None:
                return moves
            people = members(talk)
            other = next(p for p in people if p.pk != item.first_id)
            if rng.random() < skip_chance:
                who = rng.choice(people)
                self.skip(who, talk=talk)
                moves.append(("skip", who, item))
            elif talk.mode == "together":
                who = rng.choice(people)
                self.tick(who, talk=talk)
                moves.append(("tick", who, item))
            else:
                self.answer(
                    item.first, f"{item.first.display_name} on {item.prompt_key}", talk=talk
                )
                if rng.random() < 0.3:  # sometimes the first one changes their answer
                    self.answer(item.first, f"{item.first.display_name} again", talk=talk)
                self.answer(other, f"{other.display_name} on {item.prompt_key}", talk=talk)
                moves.append(("answer", item.first, item))
        self.fail("the talk never ended")

    def assertWholeTalk(self, talk, starter):
        talk = self.fresh(talk)
        self.assertEqual(talk.state, State.ENDED)
        self.assertTrue(talk.completed)
        self.assertIsNotNone(talk.ended_at)
        items = self.items(talk)
        self.assertIsNone(self.open_item(talk))
        # Positions are 1..n with no gap, and no question repeats.
        self.assertEqual([i.position for i in items], list(range(1, len(items) + 1)))
        keys = [i.prompt_key for i in items]
        self.assertEqual(len(keys), len(set(keys)))
        for item in items:
            self.assertEqual(catalog.deep_talk_by_key[item.prompt_key].depth, item.depth)
            self.assertIsNotNone(item.finished_at)
        # Each step has exactly QUESTIONS_PER_STEP done questions, in order of depth.
        done = [i for i in items if i.status == ItemStatus.DONE]
        self.assertEqual(
            [i.depth for i in done], [d for d in DEPTHS for _ in range(QUESTIONS_PER_STEP)]
        )
        depth_order = [DEPTHS.index(i.depth) for i in items]
        self.assertEqual(depth_order, sorted(depth_order))
        # Who goes first alternates over done questions and is kept over skips.
        other = next(p for p in members(talk) if p.pk != starter.pk)
        expected = starter
        for item in items:
            self.assertEqual(item.first_id, expected.pk, f"question {item.position}")
            if item.status == ItemStatus.DONE:
                expected = other if expected.pk == starter.pk else starter
        return items

    def test_apart_all_the_way_through(self):
        talk = services.deeptalk_start(starter=self.erin, mode="apart", rng=random.Random(1))
        self.walk(talk, rng=random.Random(1))
        items = self.assertWholeTalk(talk, self.erin)
        self.assertEqual(len(items), len(DEPTHS) * QUESTIONS_PER_STEP)
        self.assertEqual([i.first for i in items], [self.erin, self.carol] * 4 + [self.erin])
        for item in items:
            answers = list(DeepTalkAnswer.objects.filter(item=item).order_by("created_at"))
            self.assertEqual([a.author for a in answers], [item.first, self.other(item)])
            self.assertTrue(all(a.is_released() for a in answers))

    def other(self, item):
        return next(p for p in members(item.talk) if p.pk != item.first_id)

    def test_together_all_the_way_through(self):
        talk = services.deeptalk_start(starter=self.carol, mode="together", rng=random.Random(2))
        moves = self.walk(talk, rng=random.Random(2))
        self.assertEqual(len(moves), 9)
        items = self.assertWholeTalk(talk, self.carol)
        self.assertEqual([i.first for i in items], [self.carol, self.erin] * 4 + [self.carol])
        self.assertFalse(DeepTalkAnswer.objects.filter(item__talk=talk).exists())

    def test_with_skips_along_the_way(self):
        for seed in range(4):
            with self.subTest(seed=seed):
                rng = random.Random(seed)
                mode = rng.choice(["apart", "together"])
                talk = services.deeptalk_start(starter=self.carol, mode=mode, rng=rng)
                moves = self.walk(talk, rng=rng, skip_chance=0.3)
                self.assertIn("skip", [kind for kind, _, _ in moves])
                self.assertWholeTalk(talk, self.carol)

    def test_the_world_talk_goes_all_the_way_through(self):
        # Alice has answered the first question already; Bob follows.
        self.answer(self.bob, "Bob follows Alice")
        self.walk(self.talk, rng=random.Random(3))
        self.assertWholeTalk(self.talk, self.alice)

    def test_the_steps_seen_on_the_page_follow_the_talk(self):
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        self.client.force_login(self.erin)
        seen = []
        while (item := self.open_item(talk)) is not None:
            text = self.client.get(f"/deep-talk/{talk.public_id}/").content.decode()
            step = text.split('<p class="eyebrow">Step ', 1)[1].split("</p>", 1)[0]
            seen.append(step)
            self.tick(self.erin, talk=talk, item=item)
        self.assertEqual(
            seen,
            [
                f"{n} of 3: {name} · question {q} of 3"
                for n, name in ((1, "Light"), (2, "Deeper"), (3, "Tender"))
                for q in (1, 2, 3)
            ],
        )
