from hearth.accounts.models import User
from hearth.checkins.models import CheckInFeeling
from hearth.core.freshness import touch, touch_person_and_couple
from hearth.questions.models import DailyQuestion
from hearth.testing import HearthTestCase, make_question

PEOPLE = ("alice", "bob", "carol", "erin", "dan")


class FreshnessTests(HearthTestCase):
    """Who gets their content_version bumped (see hearth/core/freshness.py).

    Alice and Bob are a couple; Carol and Erin another; Dan was Alice's partner,
    so a touch of that old couple reaches both of them.
    """

    def versions(self) -> dict[str, int]:
        people = dict(User.objects.values_list("pk", "content_version"))
        return {name: people[getattr(self, name).pk] for name in PEOPLE}

    def assert_bumped(self, before: dict, *names: str):
        after = self.versions()
        for name, value in before.items():
            with self.subTest(person=name):
                expected = value + 1 if name in names else value
                self.assertEqual(after[name], expected)

    def test_touch_bumps_everyone_in_the_couple_and_the_people_given(self):
        before = self.versions()
        touch(couple_id=self.world.couple.pk, user_ids=[self.alice.pk, self.dan.pk, None])
        self.assert_bumped(before, "alice", "bob", "dan")

    def test_touch_of_an_ended_couple_reaches_its_former_members(self):
        before = self.versions()
        touch(couple_id=self.world.old_couple.pk)
        self.assert_bumped(before, "alice", "dan")

    def test_touch_with_nothing_changes_nothing(self):
        before = self.versions()
        touch()
        touch(couple_id=None, user_ids=[None])
        self.assertEqual(self.versions(), before)

    def test_a_person_change_bumps_them_and_their_partner(self):
        before = self.versions()
        touch_person_and_couple(self.bob.pk)
        self.assert_bumped(before, "alice", "bob")

    def test_a_person_on_their_own_bumps_only_themselves(self):
        before = self.versions()
        touch_person_and_couple(self.dan.pk)
        self.assert_bumped(before, "dan")

    def test_saving_something_written_bumps_both_partners(self):
        before = self.versions()
        checkin = self.world.bob_shared_checkin
        checkin.closeness = 2
        checkin.save()
        self.assert_bumped(before, "alice", "bob")

    def test_deleting_something_written_bumps_both_partners(self):
        before = self.versions()
        self.world.carol_answer.delete()
        self.assert_bumped(before, "carol", "erin")

    def test_a_couple_owned_row_bumps_the_couple(self):
        before = self.versions()
        question = make_question(self.world.other_couple, day=self.world.question_old.local_date)
        self.assertTrue(DailyQuestion.objects.filter(pk=question.pk).exists())
        self.assert_bumped(before, "carol", "erin")

    def test_a_feeling_alone_bumps_nothing(self):
        before = self.versions()
        CheckInFeeling.objects.create(
            checkin=self.world.bob_shared_checkin, feeling="calm", intensity=2
        )
        self.assertEqual(self.versions(), before)

    def test_logging_in_bumps_nothing(self):
        before = self.versions()
        self.client.force_login(self.alice)
        self.assertIsNotNone(User.objects.get(pk=self.alice.pk).last_login)
        self.assertEqual(self.versions(), before)

    def test_a_profile_change_bumps_the_person_and_their_partner(self):
        alice = User.objects.get(pk=self.alice.pk)
        before = self.versions()
        alice.display_name = "Ali"
        alice.save(update_fields=["display_name"])
        self.assert_bumped(before, "alice", "bob")
