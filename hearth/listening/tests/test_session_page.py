import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.listening import services
from hearth.listening.models import Mode
from hearth.listening.tests.helpers import ListeningTestCase, session_div, url, words


class SessionPageTests(ListeningTestCase):
    """One session's page (GET /listening/<id>/), its polling and its privacy."""

    def together(self, timer_minutes=0):
        self.end()
        return services.session_start(
            starter=self.alice, topic="Us", mode=Mode.TOGETHER, timer_minutes=timer_minutes
        )

    def polls(self, response, session=None) -> bool:
        attrs = session_div(response, session or self.session)
        if "hx-trigger" not in attrs:
            return False
        self.assertEqual(attrs["hx-trigger"], "every 10s")
        self.assertEqual(attrs["hx-get"], url("session", session or self.session))
        return True

    def has_form(self, response) -> bool:
        return "<textarea" in response.content.decode()

    def test_it_works(self):
        self.reflect(text="Bob heard you")
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                response = self.get_page(person)
                self.assertEqual(response.status_code, 200)
                page = words(response)
                self.assertIn("How this week felt", page)
                self.assertIn("Alice's piece", page)
                self.assertIn("Bob heard you", page)
        self.assertEqual(self.fresh().phase, "confirming")

    def test_it_names_who_holds_the_floor(self):
        self.assertIn("You have the floor ; Bob listens.", words(self.get_page(self.alice)))
        self.assertIn("Alice has the floor ; you listen.", words(self.get_page(self.bob)))
        self.assertEqual(self.fresh().speaker, self.alice)

    def test_it_returns_a_fragment_to_htmx(self):
        before = self.snapshot()
        response = self.get_page(self.alice, htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertNotContains(response, "<html")
        self.assertShows(response, "Alice's piece")
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        before = self.snapshot()
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                response = self.get_page(person)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Alice's piece", words(response))
        self.assertEqual(self.snapshot(), before)

    def test_it_requires_login(self):
        before = self.snapshot()
        response = self.client.get(url("session", self.session))
        self.assertRedirects(
            response,
            f"{reverse('account_login')}?next={url('session', self.session)}",
            fetch_redirect_response=False,
        )
        self.assertEqual(self.snapshot(), before)

    def test_an_unknown_session_is_not_found(self):
        self.client.force_login(self.alice)
        before = self.snapshot()
        response = self.client.get(reverse("listening:session", args=[uuid.uuid4()]))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.snapshot(), before)

    def test_a_former_partner_sees_only_his_own_words(self):
        old = self.world.old_listening
        response = self.get_page(self.dan, old)
        self.assertEqual(response.status_code, 200)
        page = words(response)
        self.assertIn("Only your own words are kept here.", page)
        self.assertIn("Dan's old piece", page)
        self.assertNotIn("Alice heard Dan", page)
        self.assertFalse(self.polls(response, old))
        self.assertNotContains(response, url("end", old))

    def test_alice_sees_only_her_reflection_in_the_old_session(self):
        old = self.world.old_listening
        response = self.get_page(self.alice, old)
        self.assertEqual(response.status_code, 200)
        page = words(response)
        self.assertIn("Alice heard Dan", page)
        self.assertNotIn("Dan's old piece", page)
        self.assertIn("A session from an earlier pairing", page)
        self.assertNotIn("How this week felt", page)

    def test_it_polls_only_for_the_one_waiting(self):
        # Bob is to reflect: he has a form and no polling; Alice waits and polls.
        bob = self.get_page(self.bob)
        self.assertFalse(self.polls(bob))
        self.assertTrue(self.has_form(bob))
        alice = self.get_page(self.alice)
        self.assertTrue(self.polls(alice))
        self.assertFalse(self.has_form(alice))
        self.assertShows(alice, "Bob is listening")
        self.reflect()
        self.assertFalse(self.polls(self.get_page(self.alice)))
        self.assertTrue(self.polls(self.get_page(self.bob)))
        self.got_it()
        self.assertFalse(self.polls(self.get_page(self.alice)))
        self.assertTrue(self.polls(self.get_page(self.bob)))
        self.pass_floor()
        self.assertTrue(self.polls(self.get_page(self.alice)))
        self.assertFalse(self.polls(self.get_page(self.bob)))

    def test_the_poll_returns_the_next_step(self):
        self.assertTrue(self.polls(self.get_page(self.alice)))
        self.reflect(text="Heard it")
        response = self.get_page(self.alice, htmx=True)
        self.assertNotContains(response, "<html")
        self.assertShows(response, "Did it land?")
        self.assertShows(response, "Heard it")
        self.assertFalse(self.polls(response))

    def test_it_does_not_poll_while_paused_or_ended(self):
        services.time_out(session=self.session, person=self.bob)
        for person in (self.alice, self.bob):
            self.assertFalse(self.polls(self.get_page(person)))
        self.end()
        for person in (self.alice, self.bob):
            self.assertFalse(self.polls(self.get_page(person)))
        self.assertEqual(self.fresh().state, "ended")

    def test_it_does_not_poll_together(self):
        session = self.together()
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                response = self.get_page(person, session)
                self.assertFalse(self.polls(response, session))
                self.assertTrue(self.has_form(response))

    def test_together_shows_said_out_loud(self):
        session = self.together()
        response = self.post(self.bob, "say", {"text": ""}, session=session)
        self.assertRedirects(response, url("session", session))
        page = words(self.get_page(self.bob, session))
        self.assertIn("Alice said: (said out loud)", page)
        self.assertIn("Bob, say back what you heard", page)
        self.post(self.bob, "reflect", {"text": ""}, session=session)
        page = words(self.get_page(self.alice, session))
        self.assertIn("Bob heard: (said out loud)", page)
        self.assertIn("Alice, did it land?", page)
        self.assertEqual(self.fresh(session).phase, "confirming")

    def test_together_shows_the_timer(self):
        session = self.together(timer_minutes=3)
        response = self.get_page(self.bob, session)
        self.assertContains(response, 'data-timer-minutes="3"')
        self.assertShows(response, "Alice, your turn to speak")
        self.assertEqual(self.fresh(session).timer_minutes, 3)

    def test_no_timer_when_off_or_apart(self):
        session = self.together(timer_minutes=0)
        self.assertNotContains(self.get_page(self.alice, session), "data-timer-minutes")
        self.end(session=session)
        apart = services.session_start(starter=self.alice, topic="Apart", timer_minutes=5)
        self.assertNotContains(self.get_page(self.alice, apart), "data-timer-minutes")

    def test_it_shows_text_escaped(self):
        script = "<script>alert('hi')</script><b>bold</b>"
        self.reflect(text=script)
        response = self.get_page(self.alice)
        body = response.content.decode()
        self.assertNotIn("<script>alert", body)
        self.assertNotIn("<b>bold</b>", body)
        self.assertIn("&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;", body)
        self.assertEqual(self.session.entries.get(kind="reflection").text, script)

    def test_its_queries_do_not_grow_with_the_conversation(self):
        def count() -> int:
            self.client.force_login(self.bob)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(url("session", self.session))
            self.assertEqual(response.status_code, 200)
            return len(queries)

        self.to_landed()
        short = count()
        for n in range(4):
            self.say(text=f"Piece {n}")
            self.reflect()
            self.not_quite(correction="More")
            self.reflect()
            self.got_it()
        self.assertEqual(count(), short)
