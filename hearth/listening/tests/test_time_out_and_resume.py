import zoneinfo
from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.listening import services
from hearth.listening.models import Kind, Phase, State
from hearth.listening.tests.helpers import ListeningTestCase, url


class TimeOutAndResumeTests(ListeningTestCase):
    """Either partner calls a time-out; both come back after twenty minutes."""

    def setUp(self):
        super().setUp()
        # Whole minutes, so the "come back from" time is exact.
        self.start = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=1)
        self.clock = time_machine.travel(self.start, tick=False)
        self.traveller = self.clock.start()
        self.addCleanup(self.clock.stop)

    def later(self, **delta):
        self.traveller.move_to(self.start + timedelta(**delta))

    def time_out(self, person=None):
        return services.time_out(session=self.session, person=person or self.bob)

    def resume(self, person=None):
        return services.resume(session=self.session, person=person or self.alice)

    def test_it_works(self):
        response = self.post(self.bob, "time_out")
        self.assertRedirects(response, url("session", self.session))
        session = self.fresh()
        self.assertEqual(session.state, State.PAUSED)
        self.assertEqual(session.resume_after, self.start + timedelta(minutes=20))
        self.assertEqual(session.phase, Phase.REFLECTING)
        self.assertEqual(session.speaker, self.alice)
        entry = self.session.entries.get(kind=Kind.TIME_OUT)
        self.assertEqual(entry.author, self.bob)

    def test_the_page_says_when_to_come_back(self):
        self.post(self.bob, "time_out")
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                response = self.get_page(person)
                self.assertShows(response, "Take at least twenty minutes apart")
                local = timezone.localtime(self.start + timedelta(minutes=20), person.zone)
                self.assertShows(response, f"You can come back from {local:%H:%M}")
                self.assertNotContains(response, "Say back what you heard")
        self.assertEqual(self.fresh().state, State.PAUSED)

    def test_the_page_shows_the_time_in_the_readers_zone(self):
        self.bob.timezone = "Asia/Tokyo"
        self.bob.save(update_fields=["timezone"])
        self.post(self.alice, "time_out")
        tokyo = (self.start + timedelta(minutes=20)).astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
        self.assertShows(self.get_page(self.bob), f"You can come back from {tokyo:%H:%M}")
        self.assertEqual(self.fresh().resume_after, self.start + timedelta(minutes=20))

    def test_it_returns_the_session_to_htmx(self):
        response = self.post(self.alice, "time_out", htmx=True)
        self.assertContains(response, f'id="session-{self.session.public_id}"')
        self.assertShows(response, "We're ready to go on")
        self.assertNotContains(response, "<html")
        self.assertEqual(self.fresh().state, State.PAUSED)

    def test_either_partner_may_call_it_at_any_step(self):
        steps = [
            (Phase.REFLECTING, self.alice, lambda: self.reflect()),
            (Phase.CONFIRMING, self.bob, lambda: self.got_it()),
            (Phase.LANDED, self.alice, lambda: self.pass_floor()),
            (Phase.SPEAKING, self.bob, lambda: self.say(self.bob, "Mine")),
        ]
        minutes = 0
        for phase, person, next_move in steps:
            with self.subTest(phase=phase, person=person.display_name):
                self.assertEqual(self.fresh().phase, phase)
                self.later(minutes=minutes)
                response = self.post(person, "time_out")
                self.assertRedirects(response, url("session", self.session))
                session = self.fresh()
                self.assertEqual(session.state, State.PAUSED)
                self.assertEqual(session.phase, phase)
                minutes += 20
                self.later(minutes=minutes)
                self.resume(person)
                next_move()
        self.assertEqual(self.kinds().count(Kind.TIME_OUT), 4)
        self.assertEqual(self.kinds().count(Kind.RESUMED), 4)

    def test_moves_are_refused_while_paused(self):
        self.time_out()
        before = self.snapshot()
        response = self.post(self.bob, "reflect", {"text": "I heard you"})
        self.assertShows(response, "You're on a time-out.", status=422)
        self.assertEqual(self.snapshot(), before)
        moves = {
            "reflect": lambda: self.reflect(self.bob),
            "say": lambda: self.say(self.alice),
            "verdict": lambda: self.got_it(self.alice),
            "pass": lambda: self.pass_floor(self.alice),
        }
        for name, move in moves.items():
            with self.subTest(move=name):
                self.assertRefused(move, code="paused", status=409)
                self.assertEqual(self.snapshot(), before)

    def test_resume_is_refused_before_twenty_minutes(self):
        self.time_out()
        self.later(minutes=19, seconds=59)
        before = self.snapshot()
        response = self.post(self.alice, "resume")
        local = timezone.localtime(self.start + timedelta(minutes=20), self.alice.zone)
        self.assertShows(response, f"you can come back from {local:%H:%M}", status=422)
        self.assertEqual(self.snapshot(), before)
        error = self.assertRefused(lambda: self.resume(), code="too_soon", status=409)
        self.assertIn(f"{local:%H:%M}", error.message)
        self.assertEqual(self.snapshot(), before)

    def test_the_time_is_in_the_readers_zone(self):
        self.bob.timezone = "Asia/Tokyo"
        self.bob.save(update_fields=["timezone"])
        self.time_out()
        error = self.assertRefused(lambda: self.resume(self.bob), code="too_soon", status=409)
        tokyo = (self.start + timedelta(minutes=20)).astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
        self.assertIn(f"come back from {tokyo:%H:%M}", error.message)
        self.assertEqual(self.fresh().state, State.PAUSED)

    def test_resume_after_twenty_minutes_returns_to_the_same_step(self):
        self.time_out()
        self.later(minutes=20)
        response = self.post(self.alice, "resume")
        self.assertRedirects(response, url("session", self.session))
        session = self.fresh()
        self.assertEqual(session.state, State.ACTIVE)
        self.assertIsNone(session.resume_after)
        self.assertEqual((session.phase, session.speaker), (Phase.REFLECTING, self.alice))
        resumed = self.session.entries.get(kind=Kind.RESUMED)
        self.assertEqual(resumed.author, self.alice)
        # Bob reflects where he left off.
        response = self.post(self.bob, "reflect", {"text": "I heard you"})
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.fresh().phase, Phase.CONFIRMING)

    def test_the_floor_stays_with_whoever_had_it(self):
        self.to_landed()
        self.pass_floor()
        self.time_out(self.alice)
        self.later(minutes=25)
        self.resume(self.bob)
        session = self.fresh()
        self.assertEqual((session.speaker, session.phase), (self.bob, Phase.SPEAKING))
        self.assertEqual(session.state, State.ACTIVE)

    def test_a_second_time_out_changes_nothing(self):
        self.time_out(self.bob)
        self.later(minutes=5)
        before = self.snapshot()
        response = self.post(self.alice, "time_out")
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.snapshot(), before)
        self.assertEqual(self.fresh().resume_after, self.start + timedelta(minutes=20))
        self.assertEqual(self.kinds().count(Kind.TIME_OUT), 1)

    def test_resume_without_a_time_out_changes_nothing(self):
        before = self.snapshot()
        response = self.post(self.alice, "resume")
        self.assertRedirects(response, url("session", self.session))
        self.assertEqual(self.snapshot(), before)
        self.assertNotIn(Kind.RESUMED, self.kinds())

    def test_it_is_refused_once_ended(self):
        self.end()
        before = self.snapshot()
        response = self.post(self.bob, "time_out")
        self.assertShows(response, "This session has ended.", status=422)
        self.assertEqual(self.snapshot(), before)
        self.assertRefused(lambda: self.time_out(), code="ended", status=409)
        self.assertRefused(lambda: self.resume(), code="ended", status=409)
        self.assertEqual(self.snapshot(), before)

    def test_it_checks_ownership(self):
        self.time_out()
        self.later(minutes=30)
        before = self.snapshot()
        for person in (self.carol, self.dan):
            for name in ("time_out", "resume"):
                with self.subTest(person=person.display_name, move=name):
                    response = self.post(person, name)
                    self.assertEqual(response.status_code, 404)
                    self.assertEqual(self.snapshot(), before)

    def test_it_rejects_get(self):
        before = self.snapshot()
        self.client.force_login(self.bob)
        for name in ("time_out", "resume"):
            with self.subTest(move=name):
                self.assertEqual(self.client.get(url(name, self.session)).status_code, 405)
        self.assertEqual(self.snapshot(), before)
