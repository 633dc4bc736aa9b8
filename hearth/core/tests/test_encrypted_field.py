from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings

from hearth import crypto
from hearth.checkins.models import NOTE_MAX, CheckIn
from hearth.testing import HearthTestCase, make_checkin

NEW_KEY = Fernet.generate_key().decode()


def raw_note(checkin) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM checkins_checkin WHERE id = %s", [checkin.pk])
        return cursor.fetchone()[0]


class EncryptedFieldTests(HearthTestCase):
    def checkin(self, note: str) -> CheckIn:
        day = self.world.question_yesterday.local_date
        return make_checkin(self.bob, couple=self.world.couple, day=day, note=note)

    def test_it_stores_a_token_not_the_text(self):
        checkin = self.checkin("Feeling tender today — ça va, 心")
        stored = raw_note(checkin)
        self.assertNotEqual(stored, "Feeling tender today — ça va, 心")
        self.assertNotIn("tender", stored)
        self.assertEqual(crypto.decrypt(stored), "Feeling tender today — ça va, 心")
        self.assertEqual(
            CheckIn.objects.get(pk=checkin.pk).note, "Feeling tender today — ça va, 心"
        )

    def test_it_stores_empty_text_as_empty(self):
        checkin = self.checkin("placeholder")
        checkin.note = ""
        checkin.save()
        self.assertEqual(raw_note(checkin), "")
        self.assertEqual(CheckIn.objects.get(pk=checkin.pk).note, "")

    def test_it_limits_the_length_of_the_plain_text(self):
        checkin = self.checkin("short")
        checkin.note = "x" * NOTE_MAX
        checkin.full_clean()
        checkin.note = "x" * (NOTE_MAX + 1)
        with self.assertRaises(ValidationError) as caught:
            checkin.full_clean()
        self.assertIn("note", caught.exception.message_dict)
        field = CheckIn._meta.get_field("note")
        self.assertEqual(field.formfield().max_length, NOTE_MAX)
        self.assertEqual(field.deconstruct()[3]["max_length"], NOTE_MAX)

    def test_text_written_under_an_older_key_still_reads(self):
        checkin = self.checkin("written under the first key")
        old_token = raw_note(checkin)
        old_keys = list(settings.HEARTH_ENCRYPTION_KEYS)
        with override_settings(HEARTH_ENCRYPTION_KEYS=[NEW_KEY, *old_keys]):
            self.assertEqual(CheckIn.objects.get(pk=checkin.pk).note, "written under the first key")
            self.assertFalse(crypto.is_current(old_token))
            checkin.note = "written under the new key"
            checkin.save()
            new_token = raw_note(checkin)
            self.assertTrue(crypto.is_current(new_token))
        self.assertEqual(
            Fernet(NEW_KEY.encode()).decrypt(new_token.encode()).decode(),
            "written under the new key",
        )
