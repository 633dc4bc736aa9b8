import uuid
import zoneinfo
from datetime import timedelta

from django.test import TestCase

from hearth.checkins.models import CheckIn, CheckInFeeling, CheckInReaction, CheckInReply
from hearth.content import catalog
from hearth.demo.history import history_generate
from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import couple_today
from hearth.testing import make_answer, make_checkin, make_couple, make_person, make_question

# A fixed couple id: the generator seeds from it, so every run of this file is the same.
COUPLE_ID = uuid.UUID("5f0b6a2e-1c1d-4f43-9a51-2d7a8c3e9b10")
MODELS = (
    AnswerReply,
    Answer,
    DailyQuestion,
    CheckInReaction,
    CheckInReply,
    CheckInFeeling,
    CheckIn,
)


class HistoryGenerateTests(TestCase):
    def setUp(self):
        self.alex = make_person("Alex", comfort_level="vulnerable")
        self.sam = make_person("Sam", comfort_level="deeper")
        self.couple = make_couple(self.alex, self.sam, public_id=COUPLE_ID)
        self.people = [self.alex, self.sam]
        self.today = couple_today(self.couple)
        self.last = self.today - timedelta(days=1)

    def generate(self, *, days: int = 30, first=None, last=None, seed: int = 7) -> dict:
        return history_generate(
            couple=self.couple,
            people=self.people,
            first=first or self.today - timedelta(days=days),
            last=last or self.last,
            seed=seed,
        )

    def rows(self) -> dict[str, list]:
        return {
            "questions": sorted(DailyQuestion.objects.values_list("local_date", "prompt_key")),
            "checkins": sorted(
                CheckIn.objects.values_list(
                    "author_id", "local_date", "closeness", "need", "visibility", "created_at"
                )
            ),
            "notes": sorted(
                (c.author_id, c.local_date, c.note, c.need_words) for c in CheckIn.objects.all()
            ),
            "feelings": sorted(
                CheckInFeeling.objects.values_list(
                    "checkin__author_id", "checkin__local_date", "feeling", "intensity"
                )
            ),
            "answers": sorted(
                (a.author_id, a.daily_question.local_date, a.visibility, a.passed, a.text)
                for a in Answer.objects.select_related("daily_question")
            ),
            "replies": sorted(
                [(r.author_id, r.created_at, r.text) for r in CheckInReply.objects.all()]
                + [(r.author_id, r.created_at, r.text) for r in AnswerReply.objects.all()]
            ),
            "reactions": sorted(CheckInReaction.objects.values_list("author_id", "reaction")),
        }

    def delete_everything(self):
        for model in MODELS:
            model.objects.all().delete()

    def test_it_fills_every_day_in_the_range(self):
        result = self.generate(days=30)
        days = {self.today - timedelta(days=n) for n in range(1, 31)}
        self.assertEqual(set(DailyQuestion.objects.values_list("local_date", flat=True)), days)
        self.assertLessEqual(set(CheckIn.objects.values_list("local_date", flat=True)), days)
        self.assertEqual(result["questions"], 30)
        self.assertEqual(result["check-ins"], CheckIn.objects.count())
        self.assertEqual(result["answers"], Answer.objects.count())
        self.assertEqual(
            result["replies"], CheckInReply.objects.count() + AnswerReply.objects.count()
        )
        self.assertFalse(CheckIn.objects.exclude(couple=self.couple).exists())
        self.assertFalse(CheckIn.objects.filter(local_date=self.today).exists())

    def test_questions_stay_within_the_lower_comfort_level_and_do_not_repeat(self):
        self.generate(days=60)
        keys = list(DailyQuestion.objects.values_list("prompt_key", flat=True))
        self.assertEqual(len(keys), len(set(keys)))
        depths = {catalog.question_by_key[key].depth for key in keys}
        self.assertLessEqual(depths, {"light", "deeper"})

    def test_times_fall_on_their_local_day(self):
        self.generate(days=20)
        for checkin in CheckIn.objects.all():
            local = checkin.created_at.astimezone(zoneinfo.ZoneInfo(self.couple.timezone))
            self.assertEqual(local.date(), checkin.local_date)
        for question in DailyQuestion.objects.all():
            local = question.created_at.astimezone(zoneinfo.ZoneInfo(self.couple.timezone))
            self.assertEqual(local.date(), question.local_date)

    def test_the_same_seed_gives_the_same_rows(self):
        first = self.generate(days=20)
        rows = self.rows()
        self.assertGreater(len(rows["checkins"]), 0)
        self.delete_everything()
        second = self.generate(days=20)
        self.assertEqual(second, first)
        self.assertEqual(self.rows(), rows)

    def test_a_range_made_in_two_parts_gives_the_same_rows(self):
        self.generate(days=20)
        rows = self.rows()
        self.delete_everything()
        middle = self.today - timedelta(days=10)
        self.generate(first=self.today - timedelta(days=20), last=middle)
        self.generate(first=middle + timedelta(days=1), last=self.last)
        self.assertEqual(self.rows(), rows)

    def test_another_seed_gives_other_rows(self):
        self.generate(days=20, seed=7)
        rows = self.rows()
        self.delete_everything()
        self.generate(days=20, seed=8)
        self.assertNotEqual(self.rows()["checkins"], rows["checkins"])

    def test_it_keeps_days_that_already_have_rows(self):
        checkin_day = self.today - timedelta(days=3)
        question_day = self.today - timedelta(days=4)
        mine = make_checkin(self.alex, couple=self.couple, day=checkin_day, note="Written by hand")
        question = make_question(self.couple, day=question_day, key="hu-l-01")
        answer = make_answer(question, self.alex, text="My own answer")

        self.generate(days=10)

        self.assertEqual(
            list(CheckIn.objects.filter(author=self.alex, local_date=checkin_day)), [mine]
        )
        self.assertEqual(CheckIn.objects.get(pk=mine.pk).note, "Written by hand")
        self.assertEqual(list(DailyQuestion.objects.filter(local_date=question_day)), [question])
        self.assertEqual(DailyQuestion.objects.get(pk=question.pk).prompt_key, "hu-l-01")
        self.assertEqual(list(Answer.objects.filter(daily_question=question)), [answer])
        self.assertEqual(DailyQuestion.objects.count(), 10)
        # hu-l-01 was had already, so it is not chosen again for another day.
        self.assertEqual(DailyQuestion.objects.filter(prompt_key="hu-l-01").count(), 1)

    def test_running_it_again_adds_nothing(self):
        self.generate(days=60)
        alex_only = set(
            CheckIn.objects.filter(author=self.alex).values_list("local_date", flat=True)
        ) - set(CheckIn.objects.filter(author=self.sam).values_list("local_date", flat=True))
        # The case that matters: days where only the first partner checked in.
        self.assertGreater(len(alex_only), 0)
        rows = self.rows()

        again = self.generate(days=60)

        self.assertEqual(again, {"check-ins": 0, "questions": 0, "answers": 0, "replies": 0})
        self.assertEqual(self.rows(), rows)
