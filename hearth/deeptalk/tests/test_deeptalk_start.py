import random
from unittest import mock

from django.db import IntegrityError, transaction

from hearth.accounts.models import User
from hearth.content import catalog
from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalk, DeepTalkAnswer, DeepTalkItem, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot
from hearth.testing import make_couple, make_person


class DeepTalkStartTests(DeepTalkTestCase):
    """services.deeptalk_start: a new talk on its first light question, starter first."""

    def carols(self):
        return DeepTalk.objects.filter(couple=self.world.other_couple)

    def test_it_works(self):
        talk = services.deeptalk_start(starter=self.carol, mode="apart")
        self.assertEqual(self.carols().get(), talk)
        talk = self.fresh(talk)
        self.assertEqual((talk.started_by, talk.mode, talk.state), (self.carol, "apart", "active"))
        self.assertEqual(talk.cap, "vulnerable")
        self.assertFalse(talk.completed)
        self.assertIsNone(talk.ended_at)
        item = talk.items.get()
        self.assertEqual((item.position, item.depth, item.status), (1, "light", ItemStatus.OPEN))
        self.assertEqual(item.first, self.carol)
        self.assertEqual(item.couple, self.world.other_couple)
        self.assertEqual(catalog.deep_talk_by_key[item.prompt_key].depth, "light")
        self.assertFalse(DeepTalkAnswer.objects.filter(item__talk=talk).exists())

    def test_it_starts_together(self):
        talk = services.deeptalk_start(starter=self.erin, mode="together")
        talk = self.fresh(talk)
        self.assertEqual((talk.mode, talk.started_by), ("together", self.erin))
        self.assertEqual(talk.items.get().first, self.erin)

    def test_the_starter_goes_first_whoever_starts(self):
        talk = services.deeptalk_start(starter=self.erin)
        self.assertEqual(self.open_item(talk).first, self.erin)

    def test_the_cap_is_the_lower_comfort_level(self):
        for carol_level, erin_level, cap in (
            ("light", "vulnerable", "light"),
            ("vulnerable", "deeper", "deeper"),
            ("deeper", "light", "light"),
            ("vulnerable", "vulnerable", "vulnerable"),
        ):
            with self.subTest(carol=carol_level, erin=erin_level):
                User.objects.filter(pk=self.carol.pk).update(comfort_level=carol_level)
                User.objects.filter(pk=self.erin.pk).update(comfort_level=erin_level)
                talk = services.deeptalk_start(starter=self.carol)
                self.assertEqual(self.fresh(talk).cap, cap)
                self.assertEqual(self.open_item(talk).depth, "light")
                talk.items.all().delete()
                talk.delete()

    def test_a_seeded_rng_picks_the_same_first_question(self):
        keys = []
        for name in ("One", "Two"):
            first, second = make_person(f"{name}A"), make_person(f"{name}B")
            make_couple(first, second)
            talk = services.deeptalk_start(starter=first, rng=random.Random(42))
            keys.append(self.open_item(talk).prompt_key)
        self.assertEqual(keys[0], keys[1])

    def test_the_rng_chooses_among_the_light_questions(self):
        seen = set()
        for seed in range(12):
            talk = services.deeptalk_start(starter=self.carol, rng=random.Random(seed))
            item = self.open_item(talk)
            self.assertEqual(catalog.deep_talk_by_key[item.prompt_key].depth, "light")
            seen.add(item.prompt_key)
            talk.items.all().delete()
            talk.delete()
        self.assertGreater(len(seen), 1)

    def test_a_question_from_an_earlier_talk_comes_after_the_new_ones(self):
        asked = set()
        for seed in range(6):
            talk = services.deeptalk_start(starter=self.carol, rng=random.Random(seed))
            key = self.open_item(talk).prompt_key
            self.assertNotIn(key, asked)
            asked.add(key)
            services.deeptalk_end(talk=talk, person=self.carol)

    def test_it_needs_a_partner(self):
        error = self.assertRefused(
            lambda: services.deeptalk_start(starter=self.dan), code="not_paired", status=409
        )
        self.assertEqual(error.message, "Deep talk is for two: it starts once you're paired.")

    def test_it_refuses_an_unknown_mode(self):
        for mode in ("shouting", "", "APART", None):
            with self.subTest(mode=mode):
                error = self.assertRefused(
                    lambda mode=mode: services.deeptalk_start(starter=self.carol, mode=mode),
                    code="mode",
                    status=400,
                )
                self.assertEqual(error.message, "Choose how you'll do it: apart or together.")

    def test_one_open_talk_per_couple(self):
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                error = self.assertRefused(
                    lambda person=person: services.deeptalk_start(starter=person),
                    code="already_open",
                    status=409,
                )
                self.assertIn("already have a deep talk going", error.message)

    def test_a_paused_talk_is_still_open(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        self.assertRefused(
            lambda: services.deeptalk_start(starter=self.bob), code="already_open", status=409
        )

    def test_it_starts_again_once_the_open_one_ended(self):
        services.deeptalk_end(talk=self.talk, person=self.bob)
        talk = services.deeptalk_start(starter=self.bob, mode="together")
        self.assertEqual(
            DeepTalk.objects.get(couple=self.world.couple, state=State.ACTIVE).pk, talk.pk
        )
        self.assertEqual(self.open_item(talk).first, self.bob)
        # The earlier talk's question is not asked first again.
        self.assertNotEqual(self.open_item(talk).prompt_key, self.item.prompt_key)

    def test_a_race_with_the_partner_is_refused_cleanly(self):
        # Both pass the "none open" check at once; the database constraint decides.
        before = snapshot()
        with (
            mock.patch.object(services, "open_talk", return_value=None),
            self.assertRaises(services.ServiceError) as caught,
        ):
            services.deeptalk_start(starter=self.bob)
        self.assertEqual(caught.exception.code, "already_open")
        self.assertEqual(snapshot(), before)

    def test_the_unique_constraint_holds(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            DeepTalk.objects.create(couple=self.world.couple, started_by=self.bob)

    def test_after_unpairing_it_is_refused(self):
        from hearth.couples.services import couple_unpair

        couple_unpair(user=self.carol)
        self.assertRefused(
            lambda: services.deeptalk_start(starter=self.carol), code="not_paired", status=409
        )
        self.assertFalse(self.carols().exists())
        self.assertEqual(DeepTalkItem.objects.filter(couple=self.world.other_couple).count(), 0)
