import random

from hearth.accounts.models import User
from hearth.deeptalk import services
from hearth.deeptalk.models import ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, members
from hearth.testing import make_couple, make_person


class ComfortCapTests(DeepTalkTestCase):
    """Never deeper than the lower comfort level of the two, checked at every question."""

    def set_comfort(self, person, level):
        User.objects.filter(pk=person.pk).update(comfort_level=level)

    def run_to_the_end(self, talk, rng, *, skips=0):
        """Skip `skips` questions at random moments, answer or tick all the others."""
        for _ in range(100):
            item = self.open_item(talk)
            if item is None:
                return
            if skips and rng.random() < 0.5:
                skips -= 1
                self.skip(rng.choice(members(talk)), talk=talk)
            elif talk.mode == "together":
                self.tick(item.first, talk=talk)
            else:
                self.both_answer(talk)
        self.fail("the talk never ended")

    def depths(self, talk):
        return [i.depth for i in self.items(talk)]

    def test_a_light_partner_never_gets_a_deeper_question(self):
        pat = make_person("Pat", comfort_level="light")
        sam = make_person("Sam", comfort_level="vulnerable")
        make_couple(pat, sam)
        for seed in range(3):
            for mode in ("apart", "together"):
                with self.subTest(seed=seed, mode=mode):
                    rng = random.Random(seed)
                    starter = rng.choice([pat, sam])
                    talk = services.deeptalk_start(starter=starter, mode=mode, rng=rng)
                    self.assertEqual(self.fresh(talk).cap, "light")
                    self.run_to_the_end(talk, rng, skips=4)
                    self.assertEqual(set(self.depths(talk)), {"light"})
                    talk = self.fresh(talk)
                    self.assertEqual((talk.state, talk.completed), (State.ENDED, True))
                    done = [i for i in self.items(talk) if i.status == ItemStatus.DONE]
                    self.assertEqual(len(done), 3)

    def test_the_cap_holds_whoever_is_the_light_one(self):
        pat = make_person("Pat", comfort_level="vulnerable")
        sam = make_person("Sam", comfort_level="light")
        make_couple(pat, sam)
        talk = services.deeptalk_start(starter=pat)
        self.run_to_the_end(talk, random.Random(0))
        self.assertEqual(self.depths(talk), ["light"] * 3)

    def test_a_deeper_cap_stops_before_the_tender_step(self):
        self.set_comfort(self.erin, "deeper")
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        self.run_to_the_end(talk, random.Random(0), skips=3)
        self.assertNotIn("vulnerable", self.depths(talk))
        done = [i.depth for i in self.items(talk) if i.status == ItemStatus.DONE]
        self.assertEqual(done, ["light"] * 3 + ["deeper"] * 3)
        self.assertTrue(self.fresh(talk).completed)

    def test_lowering_comfort_mid_talk_stops_deeper_steps(self):
        talk = services.deeptalk_start(starter=self.carol, mode="apart")
        self.assertEqual(self.fresh(talk).cap, "vulnerable")
        self.both_answer(talk)  # one light question done
        self.set_comfort(self.erin, "light")
        self.run_to_the_end(talk, random.Random(0))
        self.assertEqual(self.depths(talk), ["light"] * 3)
        self.assertEqual((self.fresh(talk).state, self.fresh(talk).completed), ("ended", True))

    def test_lowering_to_deeper_mid_talk_stops_the_tender_step(self):
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        for _ in range(4):  # three light and one deeper question
            self.tick(self.carol, talk=talk)
        self.set_comfort(self.carol, "deeper")
        self.run_to_the_end(talk, random.Random(0))
        self.assertEqual(self.depths(talk), ["light"] * 3 + ["deeper"] * 3)

    def test_lowering_comfort_is_respected_at_the_very_next_question(self):
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        for _ in range(2):
            self.tick(self.erin, talk=talk)
        self.set_comfort(self.carol, "light")
        self.tick(self.erin, talk=talk)  # the third light question: the step is done
        talk = self.fresh(talk)
        self.assertEqual(talk.state, State.ENDED)
        self.assertIsNone(self.open_item(talk))
        self.assertEqual(self.depths(talk), ["light"] * 3)

    def test_a_skip_respects_a_lowered_comfort_level(self):
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        for _ in range(3):
            self.tick(self.erin, talk=talk)
        # On the first deeper question, Erin lowers her level and skips it.
        self.assertEqual(self.open_item(talk).depth, "deeper")
        self.set_comfort(self.erin, "light")
        self.skip(self.erin, talk=talk)
        self.assertIsNone(self.open_item(talk))
        self.assertEqual(self.fresh(talk).state, State.ENDED)
        self.assertEqual(self.depths(talk), ["light"] * 3 + ["deeper"])

    def test_raising_comfort_mid_talk_does_not_go_past_the_start(self):
        # The cap is the lower level when the talk began: raising it later does not deepen it.
        self.set_comfort(self.erin, "light")
        talk = services.deeptalk_start(starter=self.carol, mode="together")
        self.tick(self.carol, talk=talk)
        self.set_comfort(self.erin, "vulnerable")
        self.run_to_the_end(talk, random.Random(0))
        self.assertEqual(self.depths(talk), ["light"] * 3)

    def test_the_default_comfort_level_is_light(self):
        pat = User.objects.create_user(
            email="pat@example.org", password="not a real one", display_name="Pat"
        )
        sam = make_person("Sam")
        make_couple(pat, sam)
        talk = services.deeptalk_start(starter=sam)
        self.assertEqual(self.fresh(talk).cap, "light")
