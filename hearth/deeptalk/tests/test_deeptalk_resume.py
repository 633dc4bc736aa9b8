from hearth.deeptalk import services
from hearth.deeptalk.models import ItemStatus, State
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot


class DeepTalkResumeTests(DeepTalkTestCase):
    """services.deeptalk_resume: carry on where the talk was paused."""

    def setUp(self):
        super().setUp()
        services.deeptalk_pause(talk=self.talk, person=self.alice)

    def test_it_works(self):
        talk = services.deeptalk_resume(talk=self.talk, person=self.bob)
        self.assertEqual(talk.state, State.ACTIVE)
        self.assertEqual(self.fresh().state, State.ACTIVE)
        # The same question, the same turn: Bob may answer now.
        self.assertEqual(self.open_item().pk, self.item.pk)
        self.answer(self.bob, "After the pause")
        self.assertEqual(self.fresh_item().status, ItemStatus.DONE)

    def test_resuming_an_active_talk_changes_nothing(self):
        services.deeptalk_resume(talk=self.talk, person=self.bob)
        before = snapshot()
        talk = services.deeptalk_resume(talk=self.talk, person=self.alice)
        self.assertEqual(talk.state, State.ACTIVE)
        self.assertEqual(snapshot(), before)

    def test_it_refuses_an_ended_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertRefused(
            lambda: services.deeptalk_resume(talk=self.talk, person=self.bob),
            code="ended",
            status=409,
        )
        self.assertEqual(self.fresh().state, State.ENDED)

    def test_it_checks_membership(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertRefused(
                    lambda person=person: services.deeptalk_resume(talk=self.talk, person=person),
                    code="not_member",
                    status=404,
                )
        self.assertEqual(self.fresh().state, State.PAUSED)
