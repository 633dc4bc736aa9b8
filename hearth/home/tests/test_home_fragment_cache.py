"""The home page's cached part changes as soon as anything on it changes.

Each test warms both partners' cached pages, makes one change, and checks the
next page shows it (tests/test_home_cache.py explores sequences of changes).
"""

import html
from datetime import UTC, datetime

import time_machine
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from hearth.accounts.services import profile_update
from hearth.checkins import services as checkins
from hearth.couples import services as couples
from hearth.questions import services as questions
from hearth.testing import HearthTestCase


class HomeFragmentCacheTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        caches["pages"].clear()
        self.clients = {}
        for person in (self.alice, self.bob):
            client = Client()
            client.force_login(person)
            self.clients[person.pk] = client

    def home(self, person) -> str:
        """The page as text, unescaped so tests can look for what people wrote."""
        response = self.clients[person.pk].get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        return html.unescape(response.content.decode())

    def warm(self):
        self.home(self.alice)
        self.home(self.bob)
        self.assertEqual(len(caches["pages"]._cache), 2)

    def test_it_serves_the_second_visit_from_the_cache(self):
        self.home(self.alice)  # marks today's replies as seen, which bumps her version
        caches["pages"].clear()
        self.home(self.alice)
        (key,) = caches["pages"]._cache
        caches["pages"].set(key.split(":", 2)[2], (None, None, "<p>from the cache</p>"))
        self.assertIn("from the cache", self.home(self.alice))

    def test_a_partner_checkin_shows_at_once(self):
        self.bob_checkin().delete()
        self.warm()
        self.assertNotIn("Bob's fresh note", self.home(self.alice))
        checkins.checkin_save_today(
            author=self.bob,
            feelings=[checkins.FeelingChoice("happy", 4)],
            closeness=6,
            need="hug",
            note="Bob's fresh note",
        )
        self.assertIn("Bob's fresh note", self.home(self.alice))

    def bob_checkin(self):
        return self.world.bob_shared_checkin

    def test_a_reply_to_todays_checkin_shows_in_its_card_and_counts_as_seen(self):
        self.warm()
        reply = checkins.checkin_reply(
            checkin=self.bob_checkin(), author=self.alice, text="Warm words"
        )
        page = self.home(self.bob)
        self.assertIn("Warm words", page)
        self.assertNotIn("Alice replied to your check-in", page)
        reply.refresh_from_db()
        self.assertIsNotNone(reply.seen_at)

    def test_a_reply_to_an_older_answer_waits_until_seen(self):
        self.warm()
        link = f'/questions/{self.world.question_yesterday.public_id}/">Bob replied to your answer'
        self.assertIn(link, self.home(self.alice))
        self.clients[self.alice.pk].get(
            reverse("questions:detail", args=[self.world.question_yesterday.public_id])
        )
        self.assertNotIn(link, self.home(self.alice))

    def test_a_reaction_shows_to_the_author(self):
        self.warm()
        checkins.checkin_react(checkin=self.bob_checkin(), author=self.alice, reaction="hug")
        self.assertIn("A hug for you", self.home(self.bob))

    def test_deleting_a_checkin_removes_it(self):
        self.warm()
        self.assertIn(self.bob_checkin().note, self.home(self.alice))
        checkins.checkin_delete(checkin=self.bob_checkin(), author=self.bob)
        self.assertNotIn(self.world.bob_shared_checkin.note, self.home(self.alice))

    def test_the_question_reveals_on_both_pages(self):
        self.warm()
        self.assertNotIn("Alice's sealed answer", self.home(self.bob))
        questions.answer_submit(
            daily_question=self.world.question_today, author=self.bob, text="Bob writes back"
        )
        self.assertIn("Bob writes back", self.home(self.alice))
        self.assertIn("Alice's sealed answer", self.home(self.bob))

    def test_felt_heard_shows(self):
        questions.answer_submit(
            daily_question=self.world.question_today, author=self.bob, text="Bob writes back"
        )
        answer = self.world.alice_sealed_answer
        self.warm()
        reply = questions.answer_reply(answer=answer, author=self.bob, text="I hear you")
        self.assertIn("I hear you", self.home(self.alice))
        questions.reply_felt_heard(reply=reply, person=self.alice)
        self.assertIn("You felt heard", self.home(self.alice))
        self.assertIn("Alice felt heard", self.home(self.bob))

    def test_a_new_name_shows_on_the_partner_page(self):
        self.warm()
        profile_update(user=self.bob, display_name="Robin")
        self.assertIn("Robin", self.home(self.alice))

    def test_ending_the_pairing_shows_the_notice_until_dismissed(self):
        self.warm()
        couples.couple_unpair(user=self.bob)
        page = self.home(self.alice)
        self.assertIn("Your pairing has ended", page)
        self.assertNotIn(self.bob_checkin().note, page)
        couples.ended_notice_dismiss(user=self.alice)
        self.assertNotIn("Your pairing has ended", self.home(self.alice))

    def test_a_reply_to_todays_answer_shows_in_the_card_and_counts_as_seen(self):
        questions.answer_submit(
            daily_question=self.world.question_today, author=self.bob, text="Bob writes back"
        )
        self.warm()
        reply = questions.answer_reply(
            answer=self.world.alice_sealed_answer, author=self.bob, text="So good to read"
        )
        page = self.home(self.alice)
        question = self.world.question_today
        self.assertIn("So good to read", page)
        self.assertNotIn(f'questions/{question.public_id}/">Bob replied to your answer', page)
        reply.refresh_from_db()
        self.assertIsNotNone(reply.seen_at)

    def test_the_page_turns_over_at_the_couples_midnight(self):
        # Alice's own zone is London; the couple's day follows Auckland.
        self.world.couple.timezone = "Pacific/Auckland"
        self.world.couple.save(update_fields=["timezone"])
        with time_machine.travel(datetime(2026, 3, 10, 10, 55, tzinfo=UTC), tick=False):
            before = self.home(self.alice)
        with time_machine.travel(datetime(2026, 3, 10, 11, 5, tzinfo=UTC), tick=False):
            after = self.home(self.alice)
        # 10:55 UTC is 23:55 in Auckland (NZDT, UTC+13); 11:05 UTC is the next day there.
        self.assertIn("Tuesday 10 March", before)
        self.assertIn("Wednesday 11 March", after)
