"""The home page's "something to try": both partners' pace and quiet days, each in their own
time zone, and only solo suggestions for someone on their own."""

import itertools
import zoneinfo
from datetime import datetime, time, timedelta

import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hearth.access import forget_couple
from hearth.accounts.models import WEEKDAYS, Pace, User, days_to_mask
from hearth.accounts.services import profile_update
from hearth.content import catalog
from hearth.content.prompts import SOLO_ACTIVITIES
from hearth.home.suggestions import ACTIVITY_URLS, due_on, slower_pace, suggestion_for
from hearth.testing import HearthTestCase, make_couple, make_person

CARD = "Something to try"
UTC = zoneinfo.ZoneInfo("UTC")


def next_weekday(weekday: int):
    """The next date (after today) with this weekday (0 is Monday)."""
    today = timezone.now().date()
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def noon(day) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


class SuggestionsTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        caches["pages"].clear()
        # Everyone in UTC unless a test says otherwise, so "today" is simple to name.
        User.objects.filter(pk__in=[p.pk for p in (self.alice, self.bob, self.dan)]).update(
            timezone="UTC"
        )
        self.refresh()

    def refresh(self):
        for name in ("alice", "bob", "dan"):
            person = User.objects.get(pk=getattr(self, name).pk)
            forget_couple(person)
            setattr(self, name, person)

    def settings_for(self, person, *, pace=None, quiet=None, tz=None):
        fields = {}
        if pace is not None:
            fields["pace"] = pace
        if quiet is not None:
            fields["quiet_days"] = days_to_mask(quiet)
        if tz is not None:
            fields["timezone"] = tz
        profile_update(user=User.objects.get(pk=person.pk), **fields)
        self.refresh()

    def offered(self, person, moment):
        with time_machine.travel(moment, tick=False):
            forget_couple(person)
            return suggestion_for(person)

    def week_of_offers(self, person, start):
        """For the seven days from `start`, at noon UTC: offered or not."""
        return [self.offered(person, noon(start + timedelta(days=n))) is not None for n in range(7)]

    # Pace

    def test_slower_pace_and_due_days(self):
        self.assertEqual(slower_pace("daily", "weekly"), "weekly")
        self.assertEqual(slower_pace("asked", "daily"), "asked")
        self.assertEqual(slower_pace("few", "few"), "few")
        self.assertEqual(slower_pace("daily"), "daily")
        monday = next_weekday(0)
        week = [monday + timedelta(days=n) for n in range(7)]
        self.assertEqual(sum(due_on(Pace.DAILY, d) for d in week), 7)
        self.assertEqual(sum(due_on(Pace.FEW, d) for d in week), 3)
        self.assertEqual(sum(due_on(Pace.WEEKLY, d) for d in week), 1)
        self.assertEqual(sum(due_on(Pace.ASKED, d) for d in week), 0)
        few = [d for d in week if due_on(Pace.FEW, d)]
        self.assertTrue(all((b - a).days >= 2 for a, b in itertools.pairwise(few)), few)

    def test_each_pace_offers_on_its_days(self):
        monday = next_weekday(0)
        expected = {"daily": 7, "few": 3, "weekly": 1, "asked": 0}
        for pace, count in expected.items():
            self.settings_for(self.alice, pace=pace)
            self.settings_for(self.bob, pace=pace)
            offers = self.week_of_offers(self.alice, monday)
            self.assertEqual(sum(offers), count, pace)
            self.assertEqual(offers, [due_on(pace, monday + timedelta(days=n)) for n in range(7)])

    def test_the_slower_pace_of_the_two_decides(self):
        monday = next_weekday(0)
        weekly = [due_on(Pace.WEEKLY, monday + timedelta(days=n)) for n in range(7)]
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="weekly")
        self.assertEqual(self.week_of_offers(self.alice, monday), weekly)
        self.assertEqual(self.week_of_offers(self.bob, monday), weekly)
        self.settings_for(self.alice, pace="asked")
        self.assertEqual(self.week_of_offers(self.alice, monday), [False] * 7)
        self.assertEqual(self.week_of_offers(self.bob, monday), [False] * 7)

    def test_a_former_partners_pace_no_longer_counts(self):
        # Dan was with Alice; he asks for nothing, but he's not her partner now.
        monday = next_weekday(0)
        self.settings_for(self.dan, pace="asked")
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily")
        self.assertEqual(self.week_of_offers(self.alice, monday), [True] * 7)

    # Quiet days

    def test_my_quiet_day_means_no_suggestion(self):
        self.settings_for(self.alice, pace="daily", quiet=["wednesday"])
        self.settings_for(self.bob, pace="daily")
        offers = self.week_of_offers(self.alice, next_weekday(0))
        self.assertEqual(offers, [True, True, False, True, True, True, True])

    def test_my_partners_quiet_day_means_no_suggestion_for_me(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily", quiet=["friday", "saturday"])
        expected = [True, True, True, True, False, False, True]
        self.assertEqual(self.week_of_offers(self.alice, next_weekday(0)), expected)
        self.assertEqual(self.week_of_offers(self.bob, next_weekday(0)), expected)

    def test_every_day_quiet_means_never(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily", quiet=list(WEEKDAYS))
        self.assertEqual(self.week_of_offers(self.alice, next_weekday(0)), [False] * 7)

    def test_quiet_days_follow_each_persons_own_time_zone(self):
        self.settings_for(self.alice, pace="daily", tz="UTC")
        self.settings_for(self.bob, pace="daily", tz="Pacific/Auckland", quiet=["tuesday"])
        auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
        tuesday = next_weekday(1)
        midnight = datetime.combine(tuesday, time.min, tzinfo=auckland)
        before, after = midnight - timedelta(hours=1), midnight + timedelta(hours=1)
        # Alice's day is Monday both times; Bob's Tuesday (his quiet day) starts in between.
        self.assertEqual(before.astimezone(UTC).weekday(), 0)
        self.assertEqual(after.astimezone(UTC).weekday(), 0)
        self.assertIsNotNone(self.offered(self.alice, before))
        self.assertIsNone(self.offered(self.alice, after))
        self.assertIsNone(self.offered(self.bob, after))
        # And Alice's own quiet day is hers: Bob's Tuesday morning is her Monday evening.
        self.settings_for(self.bob, quiet=[])
        self.settings_for(self.alice, quiet=["tuesday"])
        self.assertIsNotNone(self.offered(self.bob, after))
        self.assertIsNone(self.offered(self.bob, after + timedelta(hours=12)))

    # What is offered

    def test_someone_on_their_own_gets_only_solo_suggestions(self):
        self.settings_for(self.dan, pace="daily")
        solo_texts = {s.text for s in catalog.suggestions if s.solo}
        start = next_weekday(0)
        seen = set()
        for n in range(60):
            offer = self.offered(self.dan, noon(start + timedelta(days=n)))
            self.assertIsNotNone(offer)
            self.assertIn(offer.text, solo_texts)
            self.assertIn(offer.activity, SOLO_ACTIVITIES)
            seen.add(offer.text)
        self.assertGreater(len(seen), 3)

    def test_a_couple_is_offered_things_for_two_too(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily")
        start = next_weekday(0)
        offers = [self.offered(self.alice, noon(start + timedelta(days=n))) for n in range(60)]
        self.assertTrue(any(o.activity not in SOLO_ACTIVITIES for o in offers))
        texts = {s.text: s for s in catalog.suggestions}
        for offer in offers:
            self.assertEqual(offer.activity, texts[offer.text].activity)
            self.assertEqual(offer.url, reverse(ACTIVITY_URLS[offer.activity]))

    def test_it_is_the_same_all_day_for_a_person_and_changes_between_days(self):
        self.settings_for(self.dan, pace="daily")
        day = next_weekday(2)
        morning = datetime.combine(day, time(0, 5), tzinfo=UTC)
        evening = datetime.combine(day, time(23, 55), tzinfo=UTC)
        self.assertEqual(self.offered(self.dan, morning), self.offered(self.dan, evening))
        texts = {self.offered(self.dan, noon(day + timedelta(days=n))).text for n in range(30)}
        self.assertGreater(len(texts), 1)

    def test_it_differs_between_people_on_the_same_day(self):
        people = [make_person(f"Solo{n}", timezone="UTC", pace="daily") for n in range(12)]
        moment = noon(next_weekday(3))
        texts = {self.offered(person, moment).text for person in people}
        self.assertGreater(len(texts), 1)

    # The home page

    def home(self, person, client=None) -> str:
        client = client or Client()
        client.force_login(person)
        response = client.get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_home_page_shows_the_card_when_one_is_due(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily")
        moment = noon(next_weekday(0))
        offer = self.offered(self.alice, moment)
        with time_machine.travel(moment, tick=False):
            page = self.home(self.alice)
        self.assertIn(CARD, page)
        self.assertIn(offer.url, page)
        self.assertIn(reverse("accounts:pace"), page)
        self.assertIn("Fewer suggestions", page)

    def test_the_home_page_hides_the_card_on_a_quiet_day_or_at_asked_pace(self):
        moment = noon(next_weekday(0))
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily", quiet=["monday"])
        with time_machine.travel(moment, tick=False):
            self.assertNotIn(CARD, self.home(self.alice))
            self.assertNotIn(CARD, self.home(self.bob))
        self.settings_for(self.bob, pace="asked", quiet=[])
        with time_machine.travel(moment, tick=False):
            self.assertNotIn(CARD, self.home(self.alice))
            self.assertNotIn(CARD, self.home(self.bob))

    def test_a_solo_home_page_shows_a_solo_card(self):
        self.settings_for(self.dan, pace="daily")
        moment = noon(next_weekday(4))
        offer = self.offered(self.dan, moment)
        with time_machine.travel(moment, tick=False):
            page = self.home(self.dan)
        self.assertIn(CARD, page)
        self.assertIn(offer.activity, SOLO_ACTIVITIES)
        self.assertIn(offer.url, page)

    def test_a_partners_new_pace_changes_my_cached_home_page(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily")
        moment = noon(next_weekday(0))
        alice, bob = Client(), Client()
        with time_machine.travel(moment, tick=False):
            self.assertIn(CARD, self.home(self.alice, alice))  # may create the day's question
            self.assertIn(CARD, self.home(self.alice, alice))
            cached = set(caches["pages"]._cache)
            self.assertIn(CARD, self.home(self.alice, alice))
            self.assertEqual(set(caches["pages"]._cache), cached, "served from the cache")
            bob.force_login(self.bob)
            response = bob.post(
                reverse("accounts:pace"), {"comfort_level": "vulnerable", "pace": "asked"}
            )
            self.assertEqual(response.status_code, 302)
            self.assertNotIn(CARD, self.home(self.alice, alice))
            bob.post(reverse("accounts:pace"), {"comfort_level": "vulnerable", "pace": "daily"})
            self.assertIn(CARD, self.home(self.alice, alice))

    def test_a_partners_new_quiet_day_through_the_api_changes_my_cached_home_page(self):
        self.settings_for(self.alice, pace="daily")
        self.settings_for(self.bob, pace="daily")
        moment = noon(next_weekday(0))
        alice = Client()
        with time_machine.travel(moment, tick=False):
            self.assertIn(CARD, self.home(self.alice, alice))
            self.assertIn(CARD, self.home(self.alice, alice))
            cached = set(caches["pages"]._cache)
            self.assertIn(CARD, self.home(self.alice, alice))
            self.assertEqual(set(caches["pages"]._cache), cached, "served from the cache")
            response = self.api("patch", "/me", self.bob, {"quiet_days": ["monday"]})
            self.assertEqual(response.status_code, 200)
            self.assertNotIn(CARD, self.home(self.alice, alice))

    def test_my_cached_home_page_turns_over_at_my_partners_midnight(self):
        self.settings_for(self.alice, pace="daily", tz="UTC")
        self.settings_for(self.bob, pace="daily", tz="Pacific/Auckland", quiet=["tuesday"])
        midnight = datetime.combine(
            next_weekday(1), time.min, tzinfo=zoneinfo.ZoneInfo("Pacific/Auckland")
        )
        alice = Client()
        # Minutes apart, well within the page cache's timeout.
        with time_machine.travel(midnight - timedelta(minutes=2), tick=False):
            self.assertIn(CARD, self.home(self.alice, alice))  # may create the day's question
            self.assertIn(CARD, self.home(self.alice, alice))
            cached = set(caches["pages"]._cache)
            self.assertIn(CARD, self.home(self.alice, alice))
            self.assertEqual(set(caches["pages"]._cache), cached, "served from the cache")
        with time_machine.travel(midnight + timedelta(minutes=2), tick=False):
            self.assertIsNone(suggestion_for(User.objects.get(pk=self.alice.pk)))
            self.assertNotIn(CARD, self.home(self.alice, alice))

    def test_people_in_another_couple_are_not_affected(self):
        pat, sam = make_person("Pat", timezone="UTC"), make_person("Sam", timezone="UTC")
        make_couple(pat, sam)
        profile_update(user=pat, pace="daily")
        profile_update(user=sam, pace="daily")
        self.settings_for(self.bob, pace="asked", quiet=list(WEEKDAYS))
        moment = noon(next_weekday(0))
        self.assertIsNotNone(self.offered(User.objects.get(pk=pat.pk), moment))
