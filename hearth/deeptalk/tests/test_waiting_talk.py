from hearth.deeptalk import selectors, services
from hearth.deeptalk.tests.helpers import DeepTalkTestCase
from hearth.testing import make_deep_talk


class WaitingTalkTests(DeepTalkTestCase):
    """selectors.waiting_talk: the open talk when it is the viewer's move (home page)."""

    def test_it_is_bobs_move(self):
        self.assertEqual(selectors.waiting_talk(self.bob), self.talk)

    def test_it_is_not_alices_move_while_she_waits(self):
        self.assertIsNone(selectors.waiting_talk(self.alice))

    def test_the_one_going_first_is_waited_for(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol)
        self.assertEqual(selectors.waiting_talk(self.carol), talk)
        self.assertIsNone(selectors.waiting_talk(self.erin))

    def test_together_it_is_both_of_theirs(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        self.assertEqual(selectors.waiting_talk(self.carol), talk)
        self.assertEqual(selectors.waiting_talk(self.erin), talk)

    def test_a_paused_or_ended_talk_waits_for_nobody(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        self.assertIsNone(selectors.waiting_talk(self.bob))
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertIsNone(selectors.waiting_talk(self.bob))

    def test_nobody_else_is_waited_for(self):
        for person in (self.carol, self.erin, self.dan):
            self.assertIsNone(selectors.waiting_talk(person))
