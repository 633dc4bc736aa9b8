from datetime import timedelta
from io import StringIO

from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings

from hearth.access import Visibility, current_couple, forget_couple, visible
from hearth.accounts.models import User
from hearth.checkins.models import CheckIn, CheckInReaction, CheckInReply
from hearth.cli import main
from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import couple_today

EMAILS = ["alex@example.com", "sam@example.com"]


def demo(**options) -> str:
    out = StringIO()
    call_command("demo", stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            EmailAddress,
            CheckIn,
            CheckInReply,
            CheckInReaction,
            DailyQuestion,
            Answer,
            AnswerReply,
        )
    }


class DemoCommandTests(TestCase):
    def people(self) -> tuple[User, User]:
        alex, sam = (User.objects.get(email=email) for email in EMAILS)
        for person in (alex, sam):
            forget_couple(person)
        return alex, sam

    @override_settings(DEBUG=False)
    def test_it_refuses_to_run_with_debug_off(self):
        with self.assertRaisesMessage(CommandError, "DEBUG off"):
            demo(days=14)
        self.assertFalse(User.objects.filter(email__in=EMAILS).exists())
        self.assertEqual(DailyQuestion.objects.count(), 0)

    @override_settings(DEBUG=True)
    def test_it_runs_with_debug_on(self):
        output = demo(days=3)
        self.assertIn("Demo couple ready", output)
        self.assertEqual(DailyQuestion.objects.count(), 3)

    def test_it_refuses_a_silly_number_of_days(self):
        for days in (0, 3651):
            with self.subTest(days=days), self.assertRaisesMessage(CommandError, "--days"):
                demo(days=days, force=True)
        self.assertFalse(User.objects.exists())

    def test_it_creates_the_demo_couple(self):
        output = demo(days=14, force=True)
        alex, sam = self.people()
        for person, name in ((alex, "Alex"), (sam, "Sam")):
            with self.subTest(person=name):
                self.assertEqual(person.display_name, name)
                self.assertTrue(person.check_password("hearth-demo"))
                self.assertTrue(person.is_active)
                self.assertFalse(person.is_staff)
                self.assertFalse(person.is_superuser)
                address = EmailAddress.objects.get(user=person)
                self.assertEqual(address.email, person.email)
                self.assertTrue(address.verified)
                self.assertTrue(address.primary)
                self.assertIn(f"  {person.email}  password: hearth-demo", output)
        couple = current_couple(alex)
        self.assertIsNotNone(couple)
        self.assertEqual(current_couple(sam), couple)
        self.assertIsNone(couple.ended_at)

    def test_it_fills_the_last_days_but_not_today(self):
        demo(days=14, force=True)
        alex, sam = self.people()
        couple = current_couple(alex)
        today = couple_today(couple)
        expected_days = {today - timedelta(days=n) for n in range(1, 15)}
        question_days = set(
            DailyQuestion.objects.filter(couple=couple).values_list("local_date", flat=True)
        )
        self.assertEqual(question_days, expected_days)
        self.assertEqual(DailyQuestion.objects.count(), 14)
        checkin_days = set(CheckIn.objects.values_list("local_date", flat=True))
        self.assertGreater(len(checkin_days), 0)
        self.assertLessEqual(checkin_days, expected_days)
        self.assertEqual(
            set(CheckIn.objects.values_list("author_id", flat=True)), {alex.pk, sam.pk}
        )
        self.assertFalse(CheckIn.objects.exclude(couple=couple).exists())
        self.assertGreater(Answer.objects.count(), 0)

    def test_a_second_run_adds_nothing(self):
        first_output = demo(days=60, force=True)
        before = counts()
        checkins = set(CheckIn.objects.values_list("author_id", "local_date", "note"))
        second_output = demo(days=60, force=True)
        self.assertEqual(counts(), before)
        self.assertEqual(
            set(CheckIn.objects.values_list("author_id", "local_date", "note")), checkins
        )
        self.assertIn("added: 0 check-ins, 0 questions, 0 answers, 0 replies", second_output)
        self.assertNotEqual(first_output, second_output)
        alex, sam = self.people()
        self.assertEqual(current_couple(alex), current_couple(sam))

    def test_demo_answers_follow_the_sealed_rule(self):
        demo(days=30, force=True)
        alex, sam = self.people()
        for viewer, author in ((sam, alex), (alex, sam)):
            seen = set(
                visible(Answer.objects.filter(author=author), viewer).values_list("pk", flat=True)
            )
            for answer in Answer.objects.filter(author=author):
                viewer_wrote = Answer.objects.filter(
                    daily_question=answer.daily_question_id,
                    author=viewer,
                    passed=False,
                    visibility=Visibility.SEALED,
                ).exists()
                with self.subTest(answer=answer.pk, viewer=viewer.display_name):
                    if answer.passed:
                        self.assertEqual(answer.visibility, Visibility.PRIVATE)
                        self.assertEqual(answer.text, "")
                        self.assertNotIn(answer.pk, seen)
                    else:
                        self.assertEqual(answer.visibility, Visibility.SEALED)
                        self.assertEqual(answer.pk in seen, viewer_wrote)
        # Replies exist only on answers both partners wrote.
        for reply in AnswerReply.objects.select_related("answer"):
            self.assertTrue(
                Answer.objects.filter(
                    daily_question=reply.answer.daily_question_id, author=reply.author, passed=False
                ).exists()
            )

    def test_demo_answers_include_sealed_ones_still_waiting(self):
        demo(days=60, force=True)
        alex, sam = self.people()
        waiting = [
            answer
            for answer in Answer.objects.filter(author=alex, passed=False)
            if not Answer.objects.filter(
                daily_question=answer.daily_question_id, author=sam, passed=False
            ).exists()
        ]
        self.assertGreater(len(waiting), 0)
        seen = visible(Answer.objects.filter(pk__in=[a.pk for a in waiting]), sam)
        self.assertFalse(seen.exists())

    def test_the_hearth_command_runs_the_demo(self):
        self.assertEqual(main(["demo", "--days", "3", "--force"]), 0)
        self.assertEqual(User.objects.filter(email__in=EMAILS).count(), 2)
        self.assertEqual(DailyQuestion.objects.count(), 3)

    def test_the_hearth_command_refuses_without_force(self):
        with override_settings(DEBUG=False), self.assertRaises(CommandError):
            main(["demo", "--days", "3"])
        self.assertFalse(User.objects.exists())

    def test_the_hearth_command_prints_help(self):
        with self.assertRaises(SystemExit) as caught:
            main(["--help"])
        self.assertEqual(caught.exception.code, 0)

    def test_the_hearth_command_needs_a_subcommand(self):
        with self.assertRaises(SystemExit) as caught:
            main([])
        self.assertNotEqual(caught.exception.code, 0)
