from io import StringIO

from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from hearth import crypto
from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInReply
from hearth.couples.models import Invitation
from hearth.couples.services import invitation_create
from hearth.questions.models import Answer
from hearth.testing import make_answer, make_checkin, make_couple, make_person, make_question

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()

# Every encrypted column the rows made in setUp use.
COLUMNS = [
    ("checkins_checkin", "note"),
    ("checkins_checkin", "need_words"),
    ("checkins_checkinreply", "text"),
    ("couples_invitation", "code"),
    ("couples_invitation", "token"),
    ("questions_answer", "text"),
]


def raw_values() -> dict[tuple[str, str, int], str]:
    values = {}
    with connection.cursor() as cursor:
        for table, column in COLUMNS:
            cursor.execute(f"SELECT id, {column} FROM {table}")  # noqa: S608 (fixed names)
            for pk, value in cursor.fetchall():
                values[(table, column, pk)] = value
    return values


def rotate() -> str:
    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    return out.getvalue()


class RotateEncryptionKeysTests(TestCase):
    def setUp(self):
        crypto._build.cache_clear()
        self.addCleanup(crypto._build.cache_clear)
        with override_settings(HEARTH_ENCRYPTION_KEYS=[OLD_KEY]):
            alice, bob, dan = (make_person(name) for name in ("Alice", "Bob", "Dan"))
            couple = make_couple(alice, bob)
            day = alice.local_today()
            self.alice_checkin = make_checkin(
                alice, couple=couple, day=day, note="Tired — but ça va"
            )
            self.alice_checkin.need = "own_words"
            self.alice_checkin.need_words = "A slow evening together"
            self.alice_checkin.save()
            self.bob_checkin = make_checkin(bob, couple=couple, day=day, note="Bob's quiet day")
            self.reply = CheckInReply.objects.create(
                checkin=self.alice_checkin,
                couple=couple,
                author=bob,
                visibility=Visibility.SHARED,
                text="Sending a hug 🤗",
            )
            question = make_question(couple, day=day)
            self.answer = make_answer(question, alice, text="Alice's sealed answer")
            self.passed = make_answer(question, bob, passed=True)
            self.invitation = invitation_create(inviter=dan)
        self.plain = {
            "alice_note": "Tired — but ça va",
            "alice_need_words": "A slow evening together",
            "bob_note": "Bob's quiet day",
            "reply": "Sending a hug 🤗",
            "answer": "Alice's sealed answer",
        }
        self.invitation_code = self.invitation.code
        self.invitation_token = self.invitation.token

    def plain_now(self) -> dict[str, str]:
        alice_checkin = CheckIn.objects.get(pk=self.alice_checkin.pk)
        return {
            "alice_note": alice_checkin.note,
            "alice_need_words": alice_checkin.need_words,
            "bob_note": CheckIn.objects.get(pk=self.bob_checkin.pk).note,
            "reply": CheckInReply.objects.get(pk=self.reply.pk).text,
            "answer": Answer.objects.get(pk=self.answer.pk).text,
        }

    def test_it_re_encrypts_everything_with_the_newest_key(self):
        before = raw_values()
        tokens = {key: value for key, value in before.items() if value}
        self.assertEqual(len(tokens), 7)
        with override_settings(HEARTH_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
            output = rotate()
            self.assertEqual(self.plain_now(), self.plain)

        self.assertIn("checkins.CheckIn: 3 value(s) re-encrypted", output)
        self.assertIn("checkins.CheckInReply: 1 value(s) re-encrypted", output)
        self.assertIn("couples.Invitation: 2 value(s) re-encrypted", output)
        self.assertIn("questions.Answer: 1 value(s) re-encrypted", output)
        self.assertIn("Done: 7 value(s) re-encrypted.", output)

        after = raw_values()
        self.assertEqual(set(after), set(before))
        newest_only = Fernet(NEW_KEY.encode())
        oldest_only = Fernet(OLD_KEY.encode())
        for key, token in tokens.items():
            self.assertNotEqual(after[key], token)
            self.assertEqual(
                newest_only.decrypt(after[key].encode()), oldest_only.decrypt(token.encode())
            )
        # The passed answer had no text, and still has none.
        self.assertEqual(after[("questions_answer", "text", self.passed.pk)], "")

        with override_settings(HEARTH_ENCRYPTION_KEYS=[NEW_KEY]):
            self.assertEqual(self.plain_now(), self.plain)
            invitation = Invitation.objects.get(pk=self.invitation.pk)
            self.assertEqual(invitation.code, self.invitation_code)
            self.assertEqual(invitation.token, self.invitation_token)

    def test_a_second_run_re_encrypts_nothing(self):
        with override_settings(HEARTH_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
            rotate()
            rotated = raw_values()
            output = rotate()
        self.assertIn("Done: 0 value(s) re-encrypted.", output)
        self.assertEqual(raw_values(), rotated)

    def test_it_leaves_current_tokens_alone(self):
        before = raw_values()
        with override_settings(HEARTH_ENCRYPTION_KEYS=[OLD_KEY]):
            output = rotate()
            self.assertEqual(self.plain_now(), self.plain)
        self.assertIn("Done: 0 value(s) re-encrypted.", output)
        self.assertEqual(raw_values(), before)
