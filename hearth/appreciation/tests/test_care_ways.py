"""Ways I feel cared for: saving one's order, who reads it, the page and the API."""

from hearth.appreciation.models import CareWay
from hearth.appreciation.selectors import care_ways_mine, care_ways_partner
from hearth.appreciation.services import WayIn, care_ways_save
from hearth.appreciation.tests.helpers import SCRIPT, url
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, main_of, make_care_ways, make_couple, make_person

KEYS = [w.key for w in catalog.care_ways]


def ways(order=None, **details) -> list[WayIn]:
    order = order or KEYS
    return [WayIn(kind=k, rank=n, detail=details.get(k, "")) for n, k in enumerate(order, 1)]


def stored(person) -> list[tuple]:
    return list(
        CareWay.objects.filter(author=person)
        .order_by("couple_id", "rank")
        .values_list("couple_id", "visibility", "kind", "rank", "detail", "label")
    )


def post_data(order=None, **fields) -> dict:
    order = order or KEYS
    return {**{f"rank_{k}": str(n) for n, k in enumerate(order, 1)}, **fields}


class CareWaysServiceTests(HearthTestCase):
    def test_saving_replaces_the_list_and_shares_it_with_the_partner(self):
        order = ["touch", "time", "words", "help", "gifts", "other"]
        care_ways_save(author=self.bob, ways=ways(order, touch="  A long hug  "))
        care_ways_save(author=self.bob, ways=ways(order, touch="A long hug at the door"))
        rows = stored(self.bob)
        self.assertEqual([r[2] for r in rows], order)
        self.assertEqual(rows[0][4], "A long hug at the door")
        self.assertEqual({r[1] for r in rows}, {"shared"})
        seen = care_ways_partner(self.alice)
        self.assertEqual([w.kind for w in seen], order)
        self.assertEqual(seen[0].detail, "A long hug at the door")

    def test_strangers_and_former_partners_read_nothing(self):
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name):
                self.assertNotIn(self.alice.pk, [w.author_id for w in care_ways_partner(person)])

    def test_every_kind_once_and_every_place_once(self):
        before = stored(self.alice)
        bad = {
            "a kind missing": ways(KEYS[:-1]),
            "a kind twice": ways([*KEYS[:-1], KEYS[0]]),
            "an unknown kind": ways([*KEYS[:-1], "cake"]),
            "a place twice": [WayIn(kind=k, rank=1) for k in KEYS],
            "a place out of range": [WayIn(kind=k, rank=n + 5) for n, k in enumerate(KEYS)],
            "too long": ways(words="x" * 301),
        }
        for label, given in bad.items():
            with self.subTest(label), self.assertRaises(ServiceError) as caught:
                care_ways_save(author=self.alice, ways=given)
            self.assertTrue(caught.exception.message)
        self.assertEqual(stored(self.alice), before)

    def test_the_other_kind_keeps_its_own_name(self):
        given = ways(other="Cooking together on Sundays")
        given[-1] = WayIn(kind="other", rank=6, detail="Cooking together", label="Cooking")
        given[0] = WayIn(kind="words", rank=1, label="ignored for a listed kind")
        care_ways_save(author=self.alice, ways=given)
        names = {w.kind: w.name for w in care_ways_mine(self.alice)[0]}
        self.assertEqual(names["other"], "Cooking")
        self.assertEqual(names["words"], "Kind words")

    def test_on_ones_own_it_is_private(self):
        solo = make_person("Solo")
        care_ways_save(author=solo, ways=ways())
        self.assertEqual({r[1] for r in stored(solo)}, {"private"})
        self.assertEqual({r[0] for r in stored(solo)}, {None})

    def test_a_new_partner_never_reads_words_written_for_an_earlier_one(self):
        couple_unpair(user=self.alice)
        newcomer = make_person("Newcomer")
        new_couple = make_couple(self.alice, newcomer)
        self.assertEqual(care_ways_partner(newcomer), [])
        mine, from_before = care_ways_mine(self.alice)
        self.assertTrue(from_before)  # offered back to Alice to start from, not shared
        self.assertEqual(mine[0].detail, "Alice feels cared for by tea in bed")
        make_care_ways(self.alice, "Walks by the river")
        self.assertEqual(care_ways_partner(newcomer)[0].detail, "Walks by the river")
        self.assertEqual(care_ways_mine(self.alice), (care_ways_mine(self.alice)[0], False))
        self.assertEqual(
            {r[0] for r in stored(self.alice)},
            {self.world.couple.pk, new_couple.pk},
        )


class CareWaysPageTests(HearthTestCase):
    def test_the_partner_reads_it_in_order_with_an_idea_for_the_first(self):
        self.client.force_login(self.bob)
        page = main_of(self.client.get(url("cared_for")))
        self.assertIn("What helps Alice feel cared for", page)
        self.assertIn("Alice feels cared for by tea in bed", page)
        self.assertIn(catalog.care_ways[0].idea, page)

    def test_saving_from_the_form_without_javascript(self):
        self.client.force_login(self.bob)
        order = ["time", "touch", "words", "help", "gifts", "other"]
        response = self.client.post(
            url("cared_for"),
            post_data(order, detail_time="A walk with no phones", label_other="Music"),
        )
        self.assertRedirects(response, url("cared_for"))
        self.assertEqual([r[2] for r in stored(self.bob)], order)
        self.client.force_login(self.alice)
        page = main_of(self.client.get(url("cared_for")))
        self.assertIn("A walk with no phones", page)
        self.assertLess(page.index("Time together"), page.index("Touch and closeness"))

    def test_a_place_chosen_twice_is_explained_and_nothing_changes(self):
        before = stored(self.alice)
        self.client.force_login(self.alice)
        data = post_data(detail_words=SCRIPT)
        data["rank_time"] = "1"
        response = self.client.post(url("cared_for"), data)
        self.assertContains(response, "Each place can be used once: 1", status_code=422)
        self.assertNotContains(response, "<script>alert", status_code=422)
        self.assertContains(response, "&lt;script&gt;", status_code=422)  # kept, escaped
        self.assertEqual(stored(self.alice), before)

    def test_missing_places_and_long_text_are_refused(self):
        before = stored(self.alice)
        self.client.force_login(self.alice)
        for data in ({}, post_data(detail_help="x" * 301), post_data(rank_words="9")):
            response = self.client.post(url("cared_for"), data)
            self.assertEqual(response.status_code, 422)
        self.assertEqual(stored(self.alice), before)

    def test_on_ones_own_the_page_says_it_is_private(self):
        solo = make_person("Solo")
        self.client.force_login(solo)
        page = main_of(self.client.get(url("cared_for")))
        self.assertIn("Only you can see it until you're paired.", page)
        self.assertNotIn("What helps", page)


class CareWaysApiTests(HearthTestCase):
    def test_get_gives_mine_and_my_partners(self):
        body = self.api("get", "/cared-for", self.bob).json()
        self.assertEqual(body["mine"], [])
        self.assertFalse(body["mine_shared"])
        self.assertEqual([w["kind"] for w in body["partner"]], KEYS)
        self.assertEqual(body["partner"][0]["detail"], "Alice feels cared for by tea in bed")
        alone = self.api("get", "/cared-for", make_person("Solo")).json()
        self.assertIsNone(alone["partner"])

    def test_put_replaces_and_bad_input_changes_nothing(self):
        order = list(reversed(KEYS))
        good = {
            "order": order,
            "details": {"time": "Saturday mornings"},
            "other_label": "Music",
        }
        response = self.api("put", "/cared-for", self.bob, good)
        self.assertEqual(response.status_code, 200, response.content)
        mine = response.json()["mine"]
        self.assertEqual([w["kind"] for w in mine], order)
        self.assertEqual(mine[0]["name"], "Music")
        self.assertEqual({w["kind"]: w["detail"] for w in mine}["time"], "Saturday mornings")
        self.assertTrue(response.json()["mine_shared"])
        before = stored(self.bob)
        bad = [
            {"order": [KEYS[0]] * len(KEYS)},
            {"order": KEYS[:-1]},
            {"order": [*KEYS[:-1], "cake"]},
            {"order": KEYS, "details": {"words": "x" * 301}},
            {"order": KEYS, "other_label": "x" * 61},
            {"order": []},
            {},
        ]
        for body in bad:
            with self.subTest(body=str(body)[:50]):
                refused = self.api("put", "/cared-for", self.bob, body)
                self.assertEqual(refused.status_code, 422)
                self.assertTrue(refused.json().get("detail"))
        self.assertEqual(stored(self.bob), before)

    def test_the_schema_says_every_kind_once(self):
        schema = self.client.get("/api/openapi.json").json()["components"]["schemas"]
        order = schema["CareWaysIn"]["properties"]["order"]
        self.assertTrue(order["uniqueItems"])
        self.assertEqual((order["minItems"], order["maxItems"]), (len(KEYS), len(KEYS)))

    def test_the_kinds_are_listed(self):
        body = self.api("get", "/content/care-ways", self.carol).json()
        self.assertEqual([w["key"] for w in body], KEYS)
