from datetime import UTC, date, datetime
from unittest import mock

import time_machine

from hearth.content import catalog
from hearth.questions import services
from hearth.questions.models import DailyQuestion
from hearth.questions.services import question_for_today
from hearth.testing import HearthTestCase, make_couple, make_person

# 12:30 UTC on 1 June: 13:30 on 1 June in London, 00:30 on 2 June in Auckland.
NOON_UTC = datetime(2024, 6, 1, 12, 30, tzinfo=UTC)


class QuestionForTodayTests(HearthTestCase):
    def fresh_couple(self, *, first_zone="Europe/London", second_zone="Europe/London"):
        first = make_person("Pat", timezone=first_zone)
        second = make_person("Sam", timezone=second_zone)
        # The couple's time zone is the first person's (see hearth.testing.make_couple).
        return make_couple(first, second)

    def test_it_creates_the_question_once(self):
        couple = self.fresh_couple()
        question = question_for_today(couple=couple)
        self.assertEqual(question.couple, couple)
        self.assertEqual(question.local_date, services.couple_today(couple))
        self.assertIn(question.prompt_key, catalog.question_by_key)
        again = question_for_today(couple=couple)
        self.assertEqual(again.pk, question.pk)
        self.assertEqual(DailyQuestion.objects.filter(couple=couple).count(), 1)

    def test_it_returns_the_existing_question(self):
        question = question_for_today(couple=self.world.couple)
        self.assertEqual(question, self.world.question_today)
        self.assertEqual(DailyQuestion.objects.filter(couple=self.world.couple).count(), 2)

    def test_it_gives_each_couple_its_own(self):
        mine = question_for_today(couple=self.world.couple)
        theirs = question_for_today(couple=self.world.other_couple)
        self.assertEqual(theirs, self.world.carol_question)
        self.assertNotEqual(mine.pk, theirs.pk)

    def test_it_uses_the_couples_time_zone_not_a_partners(self):
        with time_machine.travel(NOON_UTC, tick=False):
            couple = self.fresh_couple(first_zone="Pacific/Auckland")
            london = make_person("Liam", timezone="Europe/London")
            self.assertEqual(london.local_today(), date(2024, 6, 1))
            question = question_for_today(couple=couple)
        self.assertEqual(couple.timezone, "Pacific/Auckland")
        self.assertEqual(DailyQuestion.objects.get(pk=question.pk).local_date, date(2024, 6, 2))

    def test_a_partner_far_away_shares_the_couples_day(self):
        # The couple lives by London time; Sam is in Auckland, already on 2 June.
        with time_machine.travel(NOON_UTC, tick=False):
            couple = self.fresh_couple(second_zone="Pacific/Auckland")
            sam = couple.memberships.get(user__display_name="Sam").user
            self.assertEqual(sam.local_today(), date(2024, 6, 2))
            question = question_for_today(couple=couple)
        self.assertEqual(question.local_date, date(2024, 6, 1))

    def test_the_next_couple_day_brings_a_new_question(self):
        with time_machine.travel(NOON_UTC, tick=False) as traveller:
            couple = self.fresh_couple()
            first = question_for_today(couple=couple)
            # 23:59 in London: still the same couple day.
            traveller.move_to(datetime(2024, 6, 1, 22, 59, tzinfo=UTC))
            same = question_for_today(couple=couple)
            # 00:01 in London on 2 June.
            traveller.move_to(datetime(2024, 6, 1, 23, 1, tzinfo=UTC))
            second = question_for_today(couple=couple)
        self.assertEqual(same.pk, first.pk)
        self.assertNotEqual(second.pk, first.pk)
        self.assertEqual(second.local_date, date(2024, 6, 2))
        self.assertNotEqual(second.prompt_key, first.prompt_key)
        self.assertEqual(DailyQuestion.objects.filter(couple=couple).count(), 2)

    def test_it_survives_the_partner_creating_it_at_the_same_moment(self):
        couple = self.fresh_couple()
        day = services.couple_today(couple)
        choose = services.question_choose
        created_by_partner = []

        def partner_gets_there_first(**kwargs):
            # Between our "is there one?" and our insert, the partner's request inserts it.
            created_by_partner.append(
                DailyQuestion.objects.create(couple=couple, local_date=day, prompt_key="oc-l-02")
            )
            return choose(**kwargs)

        with mock.patch.object(services, "question_choose", side_effect=partner_gets_there_first):
            question = question_for_today(couple=couple)
        self.assertEqual(question.pk, created_by_partner[0].pk)
        self.assertEqual(question.prompt_key, "oc-l-02")
        self.assertEqual(DailyQuestion.objects.filter(couple=couple).count(), 1)
        # The database is still usable after the failed insert.
        self.assertEqual(question_for_today(couple=couple).pk, question.pk)
