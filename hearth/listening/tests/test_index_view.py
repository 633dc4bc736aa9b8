from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hearth.content import catalog
from hearth.listening.models import Kind, ListeningSession, State
from hearth.listening.tests.helpers import ListeningTestCase, url, words
from hearth.testing import make_listening, make_listening_entry

INDEX = reverse("listening:index")


class IndexViewTests(ListeningTestCase):
    """The list of sessions, with the start form (GET /listening/)."""

    def setUp(self):
        super().setUp()
        topic = self.session.entries.get(kind=Kind.TOPIC)
        topic.text = "Alice and Bob's topic"
        topic.save()
        self.carol_session, _ = make_listening(
            self.world.other_couple, speaker=self.carol, piece="Hi", topic="Carol's own topic"
        )

    def index(self, person, query=""):
        self.client.force_login(person)
        return self.client.get(INDEX + query)

    def ended_sessions(self, count):
        """Older ended sessions of Alice and Bob, one day apart, newest first."""
        now = timezone.now()
        made = []
        for n in range(count):
            session = ListeningSession.objects.create(
                couple=self.world.couple,
                started_by=self.bob,
                speaker=self.bob,
                state=State.ENDED,
                created_at=now - timedelta(days=n + 1),
            )
            make_listening_entry(session, self.bob, Kind.TOPIC, text=f"Old topic {n + 1}")
            made.append(session)
        return made

    def test_it_works(self):
        response = self.index(self.alice)
        self.assertEqual(response.status_code, 200)
        page = words(response)
        self.assertIn("Your session is still open", page)
        self.assertContains(response, url("session", self.session))
        self.assertIn("Alice and Bob's topic", page)
        # Alice's session with Dan is listed without Dan's topic.
        self.assertContains(response, url("session", self.world.old_listening))
        self.assertIn("A session from an earlier pairing", page)
        self.assertNotIn("How this week felt", page)
        self.assertNotIn("Carol's own topic", page)
        self.assertEqual(ListeningSession.objects.filter(couple=self.world.couple).count(), 1)

    def test_it_offers_the_start_form_with_topic_ideas(self):
        self.carol_session.delete()
        response = self.index(self.erin)
        self.assertShows(response, "Start a session")
        for idea in catalog.listening_topics:
            self.assertShows(response, idea.text)
        self.assertContains(response, 'name="timer_minutes"')
        self.assertContains(response, 'value="together"')
        self.assertFalse(ListeningSession.objects.filter(couple=self.world.other_couple).exists())

    def test_a_person_on_their_own_is_invited_to_pair(self):
        response = self.index(self.dan)
        self.assertShows(response, "Listening sessions are for two.")
        self.assertContains(response, reverse("couples:pairing"))
        self.assertNotContains(response, 'name="topic"')
        # Dan's own old session, with his own topic, and nothing of Alice's.
        self.assertContains(response, url("session", self.world.old_listening))
        self.assertShows(response, "How this week felt")
        self.assertNotIn("Alice and Bob's topic", words(response))

    def test_it_never_shows_another_couples_topics(self):
        for person, hidden in (
            (self.alice, "Carol's own topic"),
            (self.bob, "Carol's own topic"),
            (self.dan, "Carol's own topic"),
            (self.carol, "Alice and Bob's topic"),
            (self.erin, "Alice and Bob's topic"),
        ):
            with self.subTest(person=person.display_name):
                response = self.index(person)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(hidden, words(response))
        self.assertShows(self.index(self.erin), "Carol's own topic")
        self.assertNotContains(self.index(self.erin), url("session", self.session))
        self.assertNotContains(self.index(self.bob), url("session", self.world.old_listening))

    def test_it_pages_older_sessions(self):
        older = self.ended_sessions(20)
        response = self.index(self.bob)
        page = words(response)
        self.assertIn("Alice and Bob's topic", page)
        self.assertIn("Old topic 19", page)
        self.assertNotIn("Old topic 20", page)
        self.assertContains(response, f"?before={older[18].public_id}")
        response = self.index(self.bob, f"?before={older[18].public_id}")
        page = words(response)
        self.assertIn("Old topic 20", page)
        self.assertNotIn("Old topic 19", page)
        self.assertNotIn("Older sessions", page)
        self.assertEqual(ListeningSession.objects.filter(couple=self.world.couple).count(), 21)

    def test_a_malformed_page_anchor_shows_the_first_page(self):
        self.ended_sessions(2)
        response = self.index(self.alice, "?before=not-a-uuid")
        self.assertEqual(response.status_code, 200)
        page = words(response)
        self.assertIn("Alice and Bob's topic", page)
        self.assertIn("Old topic 2", page)
        self.assertNotIn("Carol's own topic", page)

    def test_an_anchor_i_cannot_see_shows_nothing_older_and_a_way_back(self):
        # Someone else's (or a deleted) session as the marker: starting again from the
        # newest would show the same sessions twice, so the page says there is nothing older.
        self.ended_sessions(2)
        response = self.index(self.alice, f"?before={self.carol_session.public_id}")
        self.assertEqual(response.status_code, 200)
        page = words(response)
        self.assertNotIn("Old topic", page)
        self.assertNotIn("Carol's own topic", page)
        self.assertIn("Nothing older to show here", page)
        self.assertContains(response, f'href="{INDEX}"')

    def test_it_requires_login(self):
        response = self.client.get(INDEX)
        self.assertRedirects(
            response, f"{reverse('account_login')}?next={INDEX}", fetch_redirect_response=False
        )
        self.assertEqual(ListeningSession.objects.count(), 3)
