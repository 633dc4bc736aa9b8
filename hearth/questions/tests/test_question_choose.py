from datetime import date, timedelta

from hearth.content import catalog
from hearth.questions.models import DailyQuestion
from hearth.questions.services import question_choose
from hearth.testing import HearthTestCase, make_couple, make_person

START = date(2024, 1, 1)


def keys_at_most(depth: str) -> set[str]:
    rank = ("light", "deeper", "vulnerable").index(depth)
    return {q.key for q in catalog.questions if q.depth_rank <= rank}


class QuestionChooseTests(HearthTestCase):
    def couple_of(self, first_level, second_level, names=("Pat", "Sam")):
        first = make_person(names[0], comfort_level=first_level)
        second = make_person(names[1], comfort_level=second_level)
        return make_couple(first, second)

    def run_days(self, couple, days, *, start=START) -> list[str]:
        """Choose and store the question day after day, as the app does."""
        chosen = []
        for offset in range(days):
            day = start + timedelta(days=offset)
            key = question_choose(couple=couple, day=day)
            DailyQuestion.objects.create(couple=couple, local_date=day, prompt_key=key)
            chosen.append(key)
        return chosen

    def test_it_picks_a_known_key(self):
        couple = self.couple_of("vulnerable", "vulnerable")
        key = question_choose(couple=couple, day=START)
        self.assertIn(key, catalog.question_by_key)
        self.assertFalse(DailyQuestion.objects.filter(couple=couple).exists())

    def test_it_is_the_same_for_the_same_couple_and_day(self):
        couple = self.couple_of("vulnerable", "vulnerable")
        picks = {question_choose(couple=couple, day=START) for _ in range(3)}
        self.assertEqual(len(picks), 1)

    def test_it_stays_light_when_one_partner_wants_light(self):
        couple = self.couple_of("vulnerable", "light")
        light = keys_at_most("light")
        chosen = self.run_days(couple, len(light) + 10)
        self.assertTrue(set(chosen) <= light)
        self.assertEqual({catalog.question_by_key[key].depth for key in chosen}, {"light"})

    def test_it_stays_at_most_deeper_when_the_lower_level_is_deeper(self):
        couple = self.couple_of("deeper", "vulnerable")
        eligible = keys_at_most("deeper")
        chosen = self.run_days(couple, len(eligible))
        self.assertEqual(set(chosen), eligible)
        self.assertNotIn("vulnerable", {catalog.question_by_key[key].depth for key in chosen})

    def test_it_follows_a_changed_comfort_level(self):
        couple = self.couple_of("vulnerable", "vulnerable")
        self.run_days(couple, 5)
        couple_people = [m.user for m in couple.memberships.select_related("user")]
        couple_people[1].comfort_level = "light"
        couple_people[1].save(update_fields=["comfort_level"])
        chosen = self.run_days(couple, 30, start=START + timedelta(days=5))
        self.assertTrue(set(chosen) <= keys_at_most("light"))

    def test_it_does_not_repeat_until_all_were_used(self):
        couple = self.couple_of("light", "light")
        eligible = keys_at_most("light")
        first_cycle = self.run_days(couple, len(eligible))
        self.assertEqual(len(first_cycle), len(set(first_cycle)))
        self.assertEqual(set(first_cycle), eligible)

        # The next cycle starts again from the whole bank, still without repeats.
        second_cycle = self.run_days(
            couple, len(eligible), start=START + timedelta(days=len(eligible))
        )
        self.assertEqual(len(second_cycle), len(set(second_cycle)))
        self.assertEqual(set(second_cycle), eligible)
        self.assertEqual(DailyQuestion.objects.filter(couple=couple).count(), 2 * len(eligible))

    def test_it_uses_the_whole_bank_at_the_deepest_level(self):
        couple = self.couple_of("vulnerable", "vulnerable")
        chosen = self.run_days(couple, len(catalog.questions))
        self.assertEqual(len(set(chosen)), len(catalog.questions))

    def test_it_skips_keys_passed_as_already_used(self):
        couple = self.couple_of("light", "light")
        eligible = sorted(keys_at_most("light"))
        key = question_choose(couple=couple, day=START, extra_used=eligible[1:])
        self.assertEqual(key, eligible[0])

    def test_it_gives_different_couples_different_orders(self):
        one = self.couple_of("light", "light", ("Pat", "Sam"))
        other = self.couple_of("light", "light", ("Kim", "Lee"))
        self.assertNotEqual(self.run_days(one, 10), self.run_days(other, 10))
        self.assertEqual(DailyQuestion.objects.filter(couple=one).count(), 10)
        self.assertEqual(DailyQuestion.objects.filter(couple=other).count(), 10)
