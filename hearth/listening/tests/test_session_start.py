from django.urls import reverse

from hearth.content import catalog
from hearth.listening import services
from hearth.listening.models import Kind, ListeningEntry, ListeningSession, Phase, State
from hearth.listening.tests.helpers import ListeningTestCase, page_text

INDEX = reverse("listening:index")


class SessionStartTests(ListeningTestCase):
    """Starting a session from the list page (POST /listening/) and the service."""

    def start(self, person, **data):
        self.client.force_login(person)
        return self.client.post(INDEX, {"mode": "apart", "timer_minutes": "0", **data})

    def carols(self):
        return ListeningSession.objects.filter(couple=self.world.other_couple)

    def test_it_works(self):
        response = self.start(self.carol, topic="  How the move felt  ")
        session = self.carols().get()
        self.assertRedirects(response, reverse("listening:session", args=[session.public_id]))
        self.assertEqual(session.started_by, self.carol)
        self.assertEqual(session.speaker, self.carol)
        self.assertEqual(session.mode, "apart")
        self.assertEqual(session.state, State.ACTIVE)
        self.assertEqual(session.phase, Phase.SPEAKING)
        self.assertEqual(session.timer_minutes, 0)
        self.assertIsNone(session.resume_after)
        topic = session.entries.get()
        self.assertEqual(topic.kind, Kind.TOPIC)
        self.assertEqual(topic.author, self.carol)
        self.assertEqual(topic.text, "How the move felt")
        self.assertEqual(topic.couple, self.world.other_couple)
        self.assertEqual(topic.visibility, "shared")

    def test_the_starter_holds_the_floor_on_the_page(self):
        self.start(self.carol, topic="Our week")
        session = self.carols().get()
        response = self.client.get(reverse("listening:session", args=[session.public_id]))
        text = page_text(response)
        self.assertIn("You have the floor", text)
        self.assertIn("Erin listens", text)
        self.assertIn("Your turn to speak", text)
        self.assertEqual(self.carols().get().phase, Phase.SPEAKING)

    def test_it_takes_the_topic_from_an_idea(self):
        idea = catalog.listening_topics[2]
        response = self.start(self.carol, topic_idea=idea.key)
        session = self.carols().get()
        self.assertRedirects(response, reverse("listening:session", args=[session.public_id]))
        self.assertEqual(session.entries.get(kind=Kind.TOPIC).text, idea.text)

    def test_own_words_win_over_an_idea(self):
        self.start(self.carol, topic_idea=catalog.listening_topics[0].key, topic="My words")
        self.assertEqual(self.carols().get().entries.get().text, "My words")

    def test_it_requires_a_topic(self):
        response = self.start(self.carol, topic="   ")
        self.assertContains(response, "Pick a topic idea or write your own.", status_code=422)
        self.assertFalse(self.carols().exists())

    def test_it_refuses_an_unknown_idea(self):
        response = self.start(self.carol, topic_idea="no-such-idea")
        self.assertEqual(response.status_code, 422)
        self.assertIn("Select a valid choice", page_text(response))
        self.assertFalse(self.carols().exists())

    def test_it_allows_a_topic_of_200_characters(self):
        self.start(self.carol, topic="t" * 200)
        self.assertEqual(self.carols().get().entries.get().text, "t" * 200)

    def test_it_refuses_a_topic_over_200_characters(self):
        response = self.start(self.carol, topic="t" * 201)
        self.assertEqual(response.status_code, 422)
        self.assertIn("at most 200 characters", page_text(response))
        self.assertFalse(self.carols().exists())

    def test_it_starts_together_with_a_timer(self):
        self.start(self.carol, topic="Our week", mode="together", timer_minutes="3")
        session = self.carols().get()
        self.assertEqual((session.mode, session.timer_minutes), ("together", 3))

    def test_it_accepts_each_timer_choice(self):
        for minutes in (0, 2, 3, 5):
            with self.subTest(minutes=minutes):
                self.start(self.carol, topic="Our week", timer_minutes=str(minutes))
                session = self.carols().get()
                self.assertEqual(session.timer_minutes, minutes)
                session.entries.all().delete()
                session.delete()

    def test_it_refuses_other_timers(self):
        for minutes in ("1", "4", "10", "-2", "soon"):
            with self.subTest(minutes=minutes):
                response = self.start(self.carol, topic="Our week", timer_minutes=minutes)
                self.assertEqual(response.status_code, 422)
                self.assertFalse(self.carols().exists())

    def test_it_refuses_an_unknown_mode(self):
        response = self.start(self.carol, topic="Our week", mode="shouting")
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.carols().exists())

    def test_it_needs_a_partner(self):
        before = ListeningSession.objects.count()
        response = self.start(self.dan, topic="Alone")
        self.assertContains(response, "Listening sessions are for two.", status_code=422)
        self.assertEqual(ListeningSession.objects.count(), before)
        self.assertFalse(ListeningEntry.objects.filter(author=self.dan, text="Alone").exists())

    def test_the_service_says_why_alone(self):
        before = ListeningSession.objects.count()
        error = self.assertRefused(
            lambda: services.session_start(starter=self.dan, topic="Alone"),
            code="not_paired",
            status=409,
        )
        self.assertIn("starts once you're paired", error.message)
        self.assertEqual(ListeningSession.objects.count(), before)

    def test_it_allows_one_open_session_per_couple(self):
        before = ListeningSession.objects.count()
        response = self.start(self.bob, topic="A second one")
        self.assertEqual(response.status_code, 422)
        self.assertIn("Your session is still open", page_text(response))
        self.assertEqual(ListeningSession.objects.count(), before)
        error = self.assertRefused(
            lambda: services.session_start(starter=self.alice, topic="A second one"),
            code="already_open",
            status=409,
        )
        self.assertIn("already have a listening session going", error.message)
        self.assertEqual(ListeningSession.objects.count(), before)

    def test_a_paused_session_is_still_open(self):
        ListeningSession.objects.filter(pk=self.session.pk).update(state=State.PAUSED)
        before = ListeningSession.objects.count()
        self.assertRefused(
            lambda: services.session_start(starter=self.bob, topic="Another"),
            code="already_open",
            status=409,
        )
        self.assertEqual(ListeningSession.objects.count(), before)

    def test_it_starts_again_once_the_open_one_ended(self):
        self.end(self.bob)
        response = self.start(self.bob, topic="Round two")
        session = ListeningSession.objects.get(couple=self.world.couple, state=State.ACTIVE)
        self.assertRedirects(response, reverse("listening:session", args=[session.public_id]))
        self.assertEqual(session.speaker, self.bob)
        self.assertEqual(session.entries.get().author, self.bob)

    def test_it_requires_login(self):
        response = self.client.post(INDEX, {"topic": "Our week", "mode": "apart"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertFalse(self.carols().exists())
