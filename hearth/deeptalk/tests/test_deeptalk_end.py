from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalkAnswer, ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase


class DeepTalkEndTests(DeepTalkTestCase):
    """services.deeptalk_end: stop here; the open question is left, sealed stays sealed."""

    def test_it_works(self):
        talk = services.deeptalk_end(talk=self.talk, person=self.bob)
        self.assertEqual(talk.state, State.ENDED)
        row = self.fresh()
        self.assertEqual(row.state, State.ENDED)
        self.assertIsNotNone(row.ended_at)
        self.assertFalse(row.completed)
        item = self.fresh_item()
        self.assertEqual(item.status, ItemStatus.SKIPPED)
        self.assertIsNotNone(item.finished_at)
        self.assertEqual(len(self.items()), 1)
        answer = DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk)
        self.assertEqual(answer.text, "Alice's sealed deep answer")
        self.assertFalse(answer.is_released())

    def test_it_keeps_what_was_done(self):
        self.both_answer()
        done = self.items()[0]
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertEqual([i.status for i in self.items()], ["done", "skipped"])
        self.assertEqual(self.fresh_item(done).answers.count(), 2)
        self.assertFalse(self.fresh().completed)

    def test_a_paused_talk_can_be_stopped(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertEqual(self.fresh().state, State.ENDED)
        self.assertIsNone(self.open_item())

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        ended_at = self.fresh().ended_at
        self.assertRefused(
            lambda: services.deeptalk_end(talk=self.talk, person=self.bob),
            code="ended",
            status=409,
        )
        self.assertEqual(self.fresh().ended_at, ended_at)

    def test_a_former_partner_cannot_stop_an_old_talk(self):
        error = self.assertRefused(
            lambda: services.deeptalk_end(talk=self.world.old_deep_talk, person=self.dan),
            code="not_member",
            status=404,
        )
        self.assertIn("no longer part of", error.message)

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: services.deeptalk_end(talk=self.talk, person=person),
                    code="not_member",
                    status=404,
                )
        self.assertEqual(self.fresh().state, State.ACTIVE)
