import json
from datetime import UTC, datetime

import time_machine

from hearth.accounts.services import token_create
from hearth.checkins.models import CheckIn, CheckInFeeling
from hearth.testing import HearthTestCase, make_person

URL = "/api/checkins/today"


def payload(**overrides) -> dict:
    body = {
        "feelings": {"happy": 4},
        "closeness": 6,
        "need": {"kind": "hug"},
        "note": "Long day, good evening",
    }
    body.update(overrides)
    return body


class ApiCheckinTodaySaveTests(HearthTestCase):
    """PUT /api/checkins/today: create or update my check-in for my local today."""

    def put(self, person, body):
        _, raw = token_create(user=person, name="tests")
        data = body if isinstance(body, str) else json.dumps(body)
        return self.client.put(
            URL, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )

    def assertInvalid(self, body, field):
        # Erin has no check-in yet: nothing may be written for her.
        feelings_before = CheckInFeeling.objects.count()
        response = self.put(self.erin, body)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertIn(field, [error["field"] for error in response.json()["errors"]])
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())
        self.assertEqual(CheckInFeeling.objects.count(), feelings_before)

    def test_it_works(self):
        response = self.put(self.erin, payload())
        self.assertEqual(response.status_code, 200)
        body = response.json()
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(body["id"], str(checkin.public_id))
        self.assertEqual(body["author"]["display_name"], "Erin")
        self.assertEqual(body["date"], self.erin.local_today().isoformat())
        self.assertEqual(body["feelings"], [{"feeling": "happy", "label": "happy", "intensity": 4}])
        self.assertEqual(body["closeness"], 6)
        self.assertEqual(body["need"], {"kind": "hug", "label": "A hug", "words": ""})
        self.assertEqual(body["note"], "Long day, good evening")
        self.assertEqual(body["replies"], [])
        self.assertEqual(body["reactions"], [])
        self.assertEqual(checkin.note, "Long day, good evening")
        self.assertEqual(checkin.couple, self.world.other_couple)
        self.assertEqual(checkin.need, "hug")
        self.assertEqual(checkin.need_words, "")

    def test_it_saves_several_feelings(self):
        response = self.put(self.erin, payload(feelings={"happy": 4, "tired": 2}))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json()["feelings"],
            [
                {"feeling": "happy", "label": "happy", "intensity": 4},
                {"feeling": "tired", "label": "tired", "intensity": 2},
            ],
        )
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(
            sorted(checkin.feelings.values_list("feeling", "intensity")),
            [("happy", 4), ("tired", 2)],
        )

    def test_it_saves_a_need_in_my_own_words(self):
        need = {"kind": "own_words", "words": "  A quiet evening  "}
        response = self.put(self.erin, payload(need=need))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json()["need"],
            {"kind": "own_words", "label": "In my own words", "words": "A quiet evening"},
        )
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.need, "own_words")
        self.assertEqual(checkin.need_words, "A quiet evening")

    def test_it_ignores_words_with_a_preset_need(self):
        response = self.put(self.erin, payload(need={"kind": "hug", "words": "Not kept"}))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["need"], {"kind": "hug", "label": "A hug", "words": ""})
        self.assertEqual(CheckIn.objects.get(author=self.erin).need_words, "")

    def test_it_accepts_whole_numbers_written_with_a_decimal_point(self):
        # JSON Schema's integer includes 3.0.
        response = self.put(self.erin, payload(feelings={"happy": 3.0}, closeness=6.0))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["feelings"][0]["intensity"], 3)
        self.assertEqual(response.json()["closeness"], 6)
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(checkin.closeness, 6)
        self.assertEqual(list(checkin.feelings.values_list("feeling", "intensity")), [("happy", 3)])

    def test_it_shares_by_default(self):
        response = self.put(self.erin, payload())
        self.assertEqual(response.json()["visibility"], "shared")
        self.assertEqual(CheckIn.objects.get(author=self.erin).visibility, "shared")

    def test_it_saves_a_private_checkin(self):
        response = self.put(self.erin, payload(visibility="private"))
        self.assertEqual(response.json()["visibility"], "private")
        self.assertEqual(CheckIn.objects.get(author=self.erin).visibility, "private")

    def test_it_updates_the_same_row(self):
        checkin = self.world.alice_shared_checkin
        body = payload(feelings={"tired": 2}, note="Changed")
        response = self.put(self.alice, body)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["id"], str(checkin.public_id))
        # Bob's reply on it is still there and is shown.
        self.assertEqual(len(response.json()["replies"]), 1)
        self.assertEqual(CheckIn.objects.filter(author=self.alice).count(), 3)
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, "Changed")
        self.assertEqual(list(checkin.feelings.values_list("feeling", "intensity")), [("tired", 2)])

    def test_it_uses_my_time_zone(self):
        # 00:30 on 2 June in Auckland, still 1 June in London.
        with time_machine.travel(datetime(2024, 6, 1, 12, 30, tzinfo=UTC), tick=False):
            aroha = make_person("Aroha", timezone="Pacific/Auckland")
            response = self.put(aroha, payload())
        self.assertEqual(response.json()["date"], "2024-06-02")
        self.assertEqual(CheckIn.objects.get(author=aroha).local_date.isoformat(), "2024-06-02")

    def test_it_requires_a_token(self):
        response = self.client.put(URL, json.dumps(payload()), content_type="application/json")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")
        self.assertEqual(CheckIn.objects.count(), 6)

    def test_it_rejects_a_wrong_token(self):
        response = self.client.put(
            URL,
            json.dumps(payload()),
            content_type="application/json",
            HTTP_AUTHORIZATION="Bearer hth_not-a-real-token",
        )
        self.assertEqual(response.status_code, 401)
        self.assertEqual(CheckIn.objects.count(), 6)

    def test_it_rejects_post(self):
        _, raw = token_create(user=self.erin, name="tests")
        response = self.client.post(
            URL,
            json.dumps(payload()),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        self.assertEqual(response.status_code, 405)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_requires_a_feeling(self):
        self.assertInvalid(payload(feelings={}), "feelings")

    def test_it_allows_at_most_six_feelings(self):
        keys = ["happy", "tender", "hopeful", "proud", "calm", "tired", "playful"]
        self.assertInvalid(payload(feelings=dict.fromkeys(keys, 3)), "feelings")

    def test_it_rejects_feelings_sent_as_a_list(self):
        # The old shape, a list of {feeling, intensity}, is no longer accepted.
        self.assertInvalid(payload(feelings=[{"feeling": "happy", "intensity": 4}]), "feelings")

    def test_it_requires_the_feelings_field(self):
        body = payload()
        del body["feelings"]
        self.assertInvalid(body, "feelings")

    def test_it_rejects_an_intensity_below_one(self):
        self.assertInvalid(payload(feelings={"happy": 0}), "feelings.happy")

    def test_it_rejects_an_intensity_above_five(self):
        self.assertInvalid(payload(feelings={"happy": 6}), "feelings.happy")

    def test_it_rejects_closeness_below_one(self):
        self.assertInvalid(payload(closeness=0), "closeness")

    def test_it_rejects_closeness_above_seven(self):
        self.assertInvalid(payload(closeness=8), "closeness")

    def test_it_requires_closeness(self):
        body = payload()
        del body["closeness"]
        self.assertInvalid(body, "closeness")

    def test_it_rejects_closeness_that_is_not_a_number(self):
        self.assertInvalid(payload(closeness="very"), "closeness")

    def test_it_rejects_closeness_sent_as_true(self):
        # The schema says integer; JSON true is not one (and must not become 1).
        self.assertInvalid(payload(closeness=True), "closeness")

    def test_it_rejects_an_intensity_sent_as_true(self):
        self.assertInvalid(payload(feelings={"happy": True}), "feelings.happy")

    def test_it_rejects_an_intensity_sent_as_a_string(self):
        self.assertInvalid(payload(feelings={"happy": "3"}), "feelings.happy")

    def test_it_rejects_an_intensity_with_a_fraction(self):
        self.assertInvalid(payload(feelings={"happy": 3.5}), "feelings.happy")

    def test_it_requires_a_need(self):
        self.assertInvalid(payload(need={"kind": ""}), "need")
        body = payload()
        del body["need"]
        self.assertInvalid(body, "need")

    def test_it_rejects_a_need_sent_as_a_bare_string(self):
        # The old shape, "need": "hug", is no longer accepted.
        self.assertInvalid(payload(need="hug"), "need")

    def test_it_rejects_a_long_note(self):
        self.assertInvalid(payload(note="x" * 1001), "note")

    def test_it_rejects_long_need_words(self):
        need = {"kind": "own_words", "words": "x" * 141}
        self.assertInvalid(payload(need=need), "need.own_words.words")

    def test_it_rejects_sealed_visibility(self):
        self.assertInvalid(payload(visibility="sealed"), "visibility")

    def test_it_rejects_a_nul_character_in_the_note(self):
        self.assertInvalid(payload(note="before\x00after"), "note")

    def test_it_rejects_a_lone_surrogate_in_the_note(self):
        self.assertInvalid(payload(note="broken \ud800 text"), "note")

    def test_it_rejects_a_lone_surrogate_in_need_words(self):
        need = {"kind": "own_words", "words": "\udfff"}
        self.assertInvalid(payload(need=need), "need.own_words.words")

    def test_it_rejects_a_lone_surrogate_in_a_feeling(self):
        response = self.put(self.erin, payload(feelings={"happy\ud83d": 3}))
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        # The error is about the key; the broken character is shown replaced.
        [field] = [error["field"] for error in response.json()["errors"]]
        self.assertTrue(field.startswith("feelings.happy"), field)
        self.assertTrue(field.endswith(".[key]"), field)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_rejects_a_nul_character_in_the_need(self):
        self.assertInvalid(payload(need={"kind": "hug\x00"}), "need")

    def test_it_rejects_a_body_that_is_not_json(self):
        response = self.put(self.erin, "feelings=happy")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["detail"], "Cannot parse request body")
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_it_rejects_an_unknown_feeling(self):
        self.assertInvalid(payload(feelings={"smug": 3}), "feelings.smug.[key]")

    def test_a_feeling_sent_twice_is_kept_once(self):
        # Feelings are object keys now, so a feeling cannot be picked twice. JSON text
        # that repeats a key is read as one entry, the last value winning.
        body = json.dumps(payload()).replace('{"happy": 4}', '{"happy": 3, "happy": 5}')
        self.assertIn('"happy": 3, "happy": 5', body)
        response = self.put(self.erin, body)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json()["feelings"], [{"feeling": "happy", "label": "happy", "intensity": 5}]
        )
        checkin = CheckIn.objects.get(author=self.erin)
        self.assertEqual(list(checkin.feelings.values_list("feeling", "intensity")), [("happy", 5)])

    def test_it_rejects_an_unknown_need(self):
        self.assertInvalid(payload(need={"kind": "a_pony"}), "need")

    def test_it_requires_words_for_own_words(self):
        self.assertInvalid(payload(need={"kind": "own_words"}), "need.own_words.words")

    def test_it_rejects_blank_own_words(self):
        for words in ("", "  ", "\t\n"):
            need = {"kind": "own_words", "words": words}
            self.assertInvalid(payload(need=need), "need.own_words.words")
        # U+001C..U+001F are spaces to Python's strip(); the schema's pattern agrees.
        response = self.put(self.erin, payload(need={"kind": "own_words", "words": "\x1f"}))
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())
