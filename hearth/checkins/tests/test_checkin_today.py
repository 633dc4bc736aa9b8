from datetime import UTC, date, datetime

import time_machine
from django.urls import reverse
from django.utils.html import escape

from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInFeeling
from hearth.testing import HearthTestCase, make_person

URL = reverse("checkins:today")


def form(**overrides) -> dict:
    """A valid check-in form; pass a value of None to leave a field out."""
    data = {
        "feel_happy": "on",
        "intensity_happy": "4",
        "closeness": "5",
        "need": "talk",
        "need_words": "",
        "note": "A good day",
        "visibility": "shared",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class CheckinTodayTests(HearthTestCase):
    def post_as_erin(self, data):
        # Erin is paired with Carol and has no check-in yet.
        self.client.force_login(self.erin)
        return self.client.post(URL, data)

    def assertNothingWritten(self, response, message):
        self.assertContains(response, message, status_code=422)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_requires_login(self):
        response = self.client.post(URL, form())
        self.assertRedirects(response, f"{reverse('account_login')}?next={URL}")
        self.assertFalse(CheckIn.objects.filter(note="A good day").exists())

    def test_it_shows_an_empty_form(self):
        self.client.force_login(self.erin)
        response = self.client.get(URL)
        self.assertContains(response, "How are you today?")
        self.assertContains(response, "Save my check-in")
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_offers_shared_as_the_default(self):
        self.client.force_login(self.erin)
        response = self.client.get(URL)
        self.assertContains(
            response, '<input type="radio" name="visibility" value="shared"', html=False
        )
        self.assertEqual(response.context["form"]["visibility"].value(), Visibility.SHARED)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_fills_the_form_with_todays_checkin(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertContains(response, "Your check-in today")
        self.assertContains(response, "Save changes")
        self.assertContains(response, escape(self.world.alice_shared_checkin.note))
        self.assertTrue(response.context["form"]["feel_happy"].value())
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 3)

    def test_it_saves_a_checkin(self):
        response = self.post_as_erin(form())
        self.assertRedirects(response, reverse("home"))
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.local_date, self.erin.local_today())
        self.assertEqual(checkin.closeness, 5)
        self.assertEqual(checkin.need, "talk")
        self.assertEqual(checkin.note, "A good day")
        self.assertEqual(checkin.visibility, Visibility.SHARED)
        self.assertEqual(checkin.couple, self.world.other_couple)
        feelings = list(checkin.feelings.values_list("feeling", "intensity"))
        self.assertEqual(feelings, [("happy", 4)])

    def test_it_saves_on_my_own_local_date(self):
        # 12:30 UTC on 1 June is already 00:30 on 2 June in Auckland.
        with time_machine.travel(datetime(2024, 6, 1, 12, 30, tzinfo=UTC), tick=False):
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            self.client.force_login(aroha)
            response = self.client.post(URL, form())
        self.assertRedirects(response, reverse("home"), fetch_redirect_response=False)
        self.assertEqual(CheckIn.objects.get(author=aroha).local_date, date(2024, 6, 2))

    def test_it_says_the_checkin_is_saved(self):
        response = self.post_as_erin(form())
        response = self.client.get(response.url)
        self.assertContains(response, "Your check-in is saved.")
        self.assertTrue(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_saves_a_private_checkin(self):
        self.post_as_erin(form(visibility="private"))
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.visibility, Visibility.PRIVATE)

    def test_it_saves_several_feelings_with_their_intensity(self):
        data = form(feel_tender="on", intensity_tender="1", feel_hopeful="on")
        data.pop("intensity_happy")
        self.post_as_erin(data)
        checkin = CheckIn.objects.get(author=self.erin)
        feelings = dict(checkin.feelings.values_list("feeling", "intensity"))
        # A feeling sent without an intensity counts as "clearly" (3).
        self.assertEqual(feelings, {"happy": 3, "tender": 1, "hopeful": 3})

    def test_it_saves_a_need_in_own_words(self):
        self.post_as_erin(form(need="own_words", need_words="A quiet walk together"))
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.need, "own_words")
        self.assertEqual(checkin.need_words, "A quiet walk together")

    def test_it_updates_the_same_row_the_same_day(self):
        checkin = self.world.alice_shared_checkin
        self.client.force_login(self.alice)
        response = self.client.post(
            URL, form(feel_happy=None, feel_tired="on", intensity_tired="2", note="Changed")
        )
        self.assertRedirects(response, reverse("home"))
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 3)
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, "Changed")
        feelings = list(checkin.feelings.values_list("feeling", "intensity"))
        self.assertEqual(feelings, [("tired", 2)])

    def test_it_stores_markup_as_written_and_shows_it_escaped(self):
        note = "<script>alert('hi')</script> <b>bold</b>"
        self.post_as_erin(form(note=note))
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.note, note)
        response = self.client.get(reverse("checkins:detail", args=[checkin.public_id]))
        self.assertContains(response, "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<b>bold</b>")

    def test_it_requires_a_feeling(self):
        response = self.post_as_erin(form(feel_happy=None))
        self.assertNothingWritten(response, "Pick at least one feeling word.")

    def test_it_allows_at_most_six_feelings(self):
        many = {f"feel_{key}": "on" for key in ("tender", "hopeful", "proud", "calm", "tired")}
        response = self.post_as_erin(form(feel_playful="on", **many))
        self.assertNothingWritten(response, "Pick at most 6 feeling words.")

    def test_it_ignores_an_unknown_feeling_key(self):
        response = self.post_as_erin(form(feel_happy=None, feel_flibbertigibbet="on"))
        self.assertNothingWritten(response, "Pick at least one feeling word.")

    def test_it_rejects_an_intensity_above_five(self):
        response = self.post_as_erin(form(intensity_happy="6"))
        self.assertNothingWritten(response, "6 is not one of the available choices")

    def test_it_rejects_an_intensity_below_one(self):
        response = self.post_as_erin(form(intensity_happy="0"))
        self.assertNothingWritten(response, "0 is not one of the available choices")

    def test_it_rejects_closeness_above_seven(self):
        response = self.post_as_erin(form(closeness="8"))
        self.assertNothingWritten(response, "8 is not one of the available choices")

    def test_it_rejects_closeness_below_one(self):
        response = self.post_as_erin(form(closeness="0"))
        self.assertNothingWritten(response, "0 is not one of the available choices")

    def test_it_requires_closeness(self):
        response = self.post_as_erin(form(closeness=None))
        self.assertNothingWritten(response, "Choose how close you feel, from 1 to 7.")

    def test_it_requires_a_need(self):
        response = self.post_as_erin(form(need=None))
        self.assertNothingWritten(response, "Choose what you need today.")

    def test_it_rejects_an_unknown_need(self):
        response = self.post_as_erin(form(need="a_pony"))
        self.assertNothingWritten(response, "a_pony is not one of the available choices")

    def test_it_requires_words_for_own_words(self):
        response = self.post_as_erin(form(need="own_words", need_words="   "))
        self.assertNothingWritten(response, "Write what you need in your own words.")

    def test_it_rejects_a_long_note(self):
        response = self.post_as_erin(form(note="x" * 1001))
        self.assertNothingWritten(response, "at most 1000 characters (it has 1001)")

    def test_it_accepts_a_note_of_the_longest_length(self):
        self.post_as_erin(form(note="x" * 1000))
        self.assertEqual(CheckIn.objects.get(author=self.erin).note, "x" * 1000)

    def test_it_rejects_long_need_words(self):
        response = self.post_as_erin(form(need="own_words", need_words="x" * 141))
        self.assertNothingWritten(response, "at most 140 characters (it has 141)")

    def test_it_rejects_sealed_visibility(self):
        response = self.post_as_erin(form(visibility="sealed"))
        self.assertNothingWritten(response, "sealed is not one of the available choices")

    def test_it_rejects_an_unknown_visibility(self):
        response = self.post_as_erin(form(visibility="public"))
        self.assertNothingWritten(response, "public is not one of the available choices")

    def test_it_leaves_todays_checkin_alone_on_bad_input(self):
        checkin = self.world.alice_shared_checkin
        note = checkin.note
        self.client.force_login(self.alice)
        response = self.client.post(URL, form(closeness="9", note="Changed"))
        self.assertEqual(response.status_code, 422)
        checkin.refresh_from_db()
        self.assertEqual(checkin.closeness, 5)
        self.assertEqual(checkin.note, note)
        self.assertEqual(list(checkin.feelings.values_list("feeling", flat=True)), ["happy"])

    def test_it_rejects_put(self):
        self.client.force_login(self.erin)
        response = self.client.put(URL, form())
        self.assertEqual(response.status_code, 405)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())
        self.assertEqual(CheckInFeeling.objects.filter(checkin__author=self.erin).count(), 0)
