from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from hearth.listening import services
from hearth.listening.models import Mode
from hearth.listening.tests.helpers import ListeningTestCase, url, words

MY_TURN = "Your turn in the listening session"
OPEN = "Your listening session is open"
PAUSED = "Your listening session is on a time-out"


class HomeCardTests(ListeningTestCase):
    """The listening card on the home page, cached per person."""

    def setUp(self):
        super().setUp()
        caches["pages"].clear()
        self.browsers = {}

    def home(self, person) -> str:
        if person.pk not in self.browsers:
            self.browsers[person.pk] = Client()
            self.browsers[person.pk].force_login(person)
        response = self.browsers[person.pk].get(reverse("home"))
        self.assertEqual(response.status_code, 200)
        return words(response)

    def test_it_shows_the_person_whose_move_it_is(self):
        bob = self.home(self.bob)
        self.assertIn(MY_TURN, bob)
        self.assertNotIn(MY_TURN, self.home(self.alice))
        self.assertEqual(self.fresh().phase, "reflecting")

    def test_it_links_to_the_session(self):
        self.client.force_login(self.bob)
        response = self.client.get(reverse("home"))
        self.assertContains(response, url("session", self.session))

    def test_the_other_partner_sees_it_at_once_after_a_move(self):
        # Warm both cached pages, then make a move: both change on the next visit.
        self.assertNotIn(MY_TURN, self.home(self.alice))
        self.assertIn(MY_TURN, self.home(self.bob))
        self.assertNotIn(MY_TURN, self.home(self.alice))
        self.assertGreaterEqual(len(caches["pages"]._cache), 2)
        response = self.browsers[self.bob.pk].post(url("reflect", self.session), {"text": "Heard"})
        self.assertRedirects(response, url("session", self.session))
        self.assertIn(MY_TURN, self.home(self.alice))
        self.assertNotIn(MY_TURN, self.home(self.bob))
        self.assertEqual(self.fresh().phase, "confirming")
        # And back again after the verdict and passing the floor.
        self.got_it()
        self.pass_floor()
        self.assertNotIn(MY_TURN, self.home(self.alice))
        self.assertIn(MY_TURN, self.home(self.bob))

    def test_together_both_see_it_open(self):
        self.end()
        self.home(self.alice)
        self.home(self.bob)
        services.session_start(starter=self.alice, topic="Us", mode=Mode.TOGETHER)
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                page = self.home(person)
                self.assertIn(OPEN, page)
                self.assertNotIn(MY_TURN, page)

    def test_a_time_out_shows_to_both(self):
        self.home(self.alice)
        self.home(self.bob)
        services.time_out(session=self.session, person=self.alice)
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                page = self.home(person)
                self.assertIn(PAUSED, page)
                self.assertNotIn(MY_TURN, page)
        self.assertEqual(self.fresh().state, "paused")

    def test_an_ended_session_is_not_shown(self):
        self.assertIn(MY_TURN, self.home(self.bob))
        self.end()
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                page = self.home(person)
                self.assertNotIn(MY_TURN, page)
                self.assertNotIn(PAUSED, page)

    def test_others_see_nothing_of_it(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                page = self.home(person)
                for heading in (MY_TURN, OPEN, PAUSED):
                    self.assertNotIn(heading, page)
