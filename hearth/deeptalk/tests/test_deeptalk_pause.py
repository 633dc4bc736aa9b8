from hearth.deeptalk import services
from hearth.deeptalk.models import ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot


class DeepTalkPauseTests(DeepTalkTestCase):
    """services.deeptalk_pause: either partner, at any step; nothing else changes."""

    def test_it_works(self):
        before = self.fresh().updated_at
        talk = services.deeptalk_pause(talk=self.talk, person=self.bob)
        self.assertEqual(talk.state, State.PAUSED)
        row = self.fresh()
        self.assertEqual(row.state, State.PAUSED)
        self.assertGreater(row.updated_at, before)
        self.assertIsNone(row.ended_at)
        self.assertEqual(self.fresh_item().status, ItemStatus.OPEN)
        self.assertEqual(len(self.items()), 1)

    def test_either_partner_may_pause(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        self.assertEqual(self.fresh().state, State.PAUSED)

    def test_pausing_a_paused_talk_changes_nothing(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        before = snapshot()
        talk = services.deeptalk_pause(talk=self.talk, person=self.bob)
        self.assertEqual(talk.state, State.PAUSED)
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        error = self.assertRefused(
            lambda: services.deeptalk_pause(talk=self.talk, person=self.bob),
            code="ended",
            status=409,
        )
        self.assertEqual(error.message, "This talk has ended.")

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: services.deeptalk_pause(talk=self.talk, person=person),
                    code="not_member",
                    status=404,
                )
        self.assertEqual(self.fresh().state, State.ACTIVE)
