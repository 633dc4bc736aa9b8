from datetime import UTC, date, datetime
from unittest import mock

import time_machine
from django.db import IntegrityError

from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInFeeling
from hearth.checkins.services import FeelingChoice, checkin_save_today
from hearth.core.errors import ServiceError
from hearth.testing import HearthTestCase, make_couple, make_person

# 12:30 UTC on 1 June is 13:30 on 1 June in London and 00:30 on 2 June in Auckland.
JUST_AFTER_AUCKLAND_MIDNIGHT = datetime(2024, 6, 1, 12, 30, tzinfo=UTC)


def save(author, **overrides):
    values = {"feelings": [FeelingChoice("happy", 3)], "closeness": 5, "need": "talk"}
    values.update(overrides)
    return checkin_save_today(author=author, **values)


class CheckinSaveTodayTests(HearthTestCase):
    def assertRejected(self, message, code, **overrides):
        # Erin has no check-in yet, so any row would be a wrongly written one.
        feelings_before = CheckInFeeling.objects.count()
        with self.assertRaises(ServiceError) as caught:
            save(self.erin, **overrides)
        self.assertEqual(caught.exception.message, message)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(caught.exception.status, 400)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())
        self.assertEqual(CheckInFeeling.objects.count(), feelings_before)

    def test_it_works(self):
        checkin, created = save(self.erin, note="  A calm day  ")
        self.assertTrue(created)
        checkin.refresh_from_db()
        self.assertEqual(checkin.author, self.erin)
        self.assertEqual(checkin.local_date, self.erin.local_today())
        self.assertEqual(checkin.note, "A calm day")
        self.assertEqual(checkin.closeness, 5)
        self.assertEqual(checkin.need, "talk")
        self.assertEqual(list(checkin.feelings.values_list("feeling", "intensity")), [("happy", 3)])

    def test_it_shares_by_default(self):
        checkin, _ = save(self.erin)
        checkin.refresh_from_db()
        self.assertEqual(checkin.visibility, Visibility.SHARED)

    def test_it_stamps_the_current_couple(self):
        checkin, _ = save(self.erin)
        checkin.refresh_from_db()
        self.assertEqual(checkin.couple, self.world.other_couple)

    def test_it_stamps_no_couple_for_someone_on_their_own(self):
        # Dan's pairing with Alice has ended: his new check-in belongs to no couple.
        checkin, _ = save(self.dan)
        checkin.refresh_from_db()
        self.assertIsNone(checkin.couple)
        self.assertEqual(CheckIn.objects.filter(author=self.dan).count(), 2)

    def test_it_uses_the_authors_own_time_zone(self):
        with time_machine.travel(JUST_AFTER_AUCKLAND_MIDNIGHT, tick=False):
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            liam = make_person("Liam", timezone="Europe/London")
            make_couple(aroha, liam)
            in_auckland, _ = save(aroha)
            in_london, _ = save(liam)
        self.assertEqual(CheckIn.objects.get(pk=in_auckland.pk).local_date, date(2024, 6, 2))
        self.assertEqual(CheckIn.objects.get(pk=in_london.pk).local_date, date(2024, 6, 1))

    def test_it_updates_the_same_row_later_that_local_day(self):
        with time_machine.travel(JUST_AFTER_AUCKLAND_MIDNIGHT, tick=False) as traveller:
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            first, created = save(aroha, feelings=[FeelingChoice("happy", 2)], note="Morning")
            self.assertTrue(created)
            # 23:50 on 2 June in Auckland: still the same local day.
            traveller.move_to(datetime(2024, 6, 2, 11, 50, tzinfo=UTC))
            second, created = save(
                aroha,
                feelings=[FeelingChoice("tired", 4), FeelingChoice("calm", 1)],
                closeness=2,
                note="Evening",
                visibility=Visibility.PRIVATE,
            )
        self.assertFalse(created)
        self.assertEqual(second.pk, first.pk)
        checkin = CheckIn.objects.get(author=aroha)
        self.assertEqual(checkin.local_date, date(2024, 6, 2))
        self.assertEqual(checkin.note, "Evening")
        self.assertEqual(checkin.closeness, 2)
        self.assertEqual(checkin.visibility, Visibility.PRIVATE)
        feelings = dict(checkin.feelings.values_list("feeling", "intensity"))
        self.assertEqual(feelings, {"tired": 4, "calm": 1})

    def test_it_creates_a_new_row_the_next_local_day(self):
        with time_machine.travel(JUST_AFTER_AUCKLAND_MIDNIGHT, tick=False) as traveller:
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            first, _ = save(aroha, note="Sunday")
            # 00:10 on 3 June in Auckland.
            traveller.move_to(datetime(2024, 6, 2, 12, 10, tzinfo=UTC))
            second, created = save(aroha, note="Monday")
        self.assertTrue(created)
        self.assertNotEqual(second.pk, first.pk)
        days = dict(CheckIn.objects.filter(author=aroha).values_list("local_date", "note"))
        self.assertEqual(days, {date(2024, 6, 2): "Sunday", date(2024, 6, 3): "Monday"})
        self.assertEqual(CheckInFeeling.objects.filter(checkin__author=aroha).count(), 2)

    def test_it_updates_the_couple_stamp_and_keeps_one_row(self):
        checkin = self.world.alice_shared_checkin
        updated, created = save(self.alice, note="Changed")
        self.assertFalse(created)
        self.assertEqual(updated.pk, checkin.pk)
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 3)
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, "Changed")
        self.assertEqual(checkin.couple, self.world.couple)

    def test_it_writes_nothing_when_the_save_collides(self):
        # Another tab saved the same day at the same moment: the database refuses ours.
        collide = mock.patch.object(
            CheckInFeeling.objects, "bulk_create", side_effect=IntegrityError("one_checkin_per_day")
        )
        with collide, self.assertRaises(ServiceError) as caught:
            save(self.erin)
        self.assertEqual(caught.exception.status, 409)
        self.assertEqual(caught.exception.code, "conflict")
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_keeps_own_words_only_for_the_own_words_need(self):
        checkin, _ = save(self.erin, need="hug", need_words="ignored")
        checkin.refresh_from_db()
        self.assertEqual(checkin.need_words, "")
        checkin, _ = save(self.erin, need="own_words", need_words=" A long walk ")
        checkin.refresh_from_db()
        self.assertEqual(checkin.need_words, "A long walk")

    def test_it_stores_markup_as_written(self):
        note = "<script>alert(1)</script>"
        checkin, _ = save(self.erin, note=note)
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, note)

    def test_it_requires_a_feeling(self):
        self.assertRejected("Pick at least one feeling word.", "no_feelings", feelings=[])

    def test_it_allows_at_most_six_feelings(self):
        keys = ["happy", "tender", "hopeful", "proud", "calm", "tired", "playful"]
        self.assertRejected(
            "Pick at most 6 feeling words.",
            "too_many",
            feelings=[FeelingChoice(key, 3) for key in keys],
        )

    def test_it_accepts_six_feelings(self):
        keys = ["happy", "tender", "hopeful", "proud", "calm", "tired"]
        checkin, _ = save(self.erin, feelings=[FeelingChoice(key, 3) for key in keys])
        self.assertEqual(sorted(checkin.feelings.values_list("feeling", flat=True)), sorted(keys))

    def test_it_rejects_an_unknown_feeling(self):
        self.assertRejected(
            "'smug' is not on the feelings list.", "unknown", feelings=[FeelingChoice("smug", 3)]
        )

    def test_it_rejects_a_feeling_twice(self):
        self.assertRejected(
            "Each feeling can be picked once.",
            "duplicate",
            feelings=[FeelingChoice("happy", 3), FeelingChoice("happy", 4)],
        )

    def test_it_rejects_an_intensity_below_one(self):
        self.assertRejected(
            "Intensity goes from 1 (a little) to 5 (a lot).",
            "range",
            feelings=[FeelingChoice("happy", 0)],
        )

    def test_it_rejects_an_intensity_above_five(self):
        self.assertRejected(
            "Intensity goes from 1 (a little) to 5 (a lot).",
            "range",
            feelings=[FeelingChoice("happy", 6)],
        )

    def test_it_rejects_closeness_below_one(self):
        self.assertRejected(
            "Closeness goes from 1 (far apart) to 7 (very close).", "range", closeness=0
        )

    def test_it_rejects_closeness_above_seven(self):
        self.assertRejected(
            "Closeness goes from 1 (far apart) to 7 (very close).", "range", closeness=8
        )

    def test_it_rejects_missing_closeness(self):
        self.assertRejected(
            "Closeness goes from 1 (far apart) to 7 (very close).", "range", closeness=None
        )

    def test_it_rejects_an_unknown_need(self):
        self.assertRejected(
            "Choose what you need today from the list.", "unknown_need", need="a_pony"
        )

    def test_it_requires_words_for_own_words(self):
        self.assertRejected(
            "Please write what you need, in your own words.",
            "empty",
            need="own_words",
            need_words="   ",
        )

    def test_it_rejects_long_need_words(self):
        self.assertRejected(
            "What you need, in your own words can be at most 140 characters; yours has 141.",
            "too_long",
            need="own_words",
            need_words="x" * 141,
        )

    def test_it_rejects_a_long_note(self):
        self.assertRejected(
            "The note can be at most 1000 characters; yours has 1001.", "too_long", note="x" * 1001
        )

    def test_it_rejects_sealed_visibility(self):
        self.assertRejected(
            "A check-in is either shared or private.", "visibility", visibility=Visibility.SEALED
        )

    def test_it_leaves_an_existing_checkin_alone_on_bad_input(self):
        checkin = self.world.alice_shared_checkin
        note = checkin.note
        with self.assertRaises(ServiceError):
            save(self.alice, note="Changed", feelings=[FeelingChoice("tired", 9)])
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, note)
        self.assertEqual(list(checkin.feelings.values_list("feeling", "intensity")), [("happy", 3)])
