"""The floor rules of listening sessions, explored by a state machine.

Alice, Bob (partners) and Carol (a stranger) try every move in every order, in
either mode. A move must succeed exactly when a small model of the rules says
so, and a refused move must change nothing. Only the couple ever sees an entry.
"""

from datetime import timedelta

import time_machine
from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from hearth.access import forget_couple, visible
from hearth.core.errors import ServiceError
from hearth.listening import services
from hearth.listening.models import ListeningEntry, ListeningSession
from hearth.testing import make_couple, make_person

PEOPLE = ("alice", "bob", "carol")
# The model's step for each move: which phases allow it and which role makes it.
MOVES = {
    "say": ({"speaking", "landed"}, "speaker"),
    "reflect": ({"reflecting"}, "listener"),
    "got_it": ({"confirming"}, "speaker"),
    "not_quite": ({"confirming"}, "speaker"),
    "pass": ({"speaking", "landed"}, "speaker"),
}


class FloorMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.traveller = time_machine.travel(timezone.now(), tick=False)
        self.clock = self.traveller.start()
        self.people = {name: make_person(name.title()) for name in PEOPLE}
        make_couple(self.people["alice"], self.people["bob"])
        make_couple(self.people["carol"], make_person("Erin"))

    def teardown(self):
        self.traveller.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def person(self, name):
        person = self.people[name]
        forget_couple(person)
        return person

    @initialize(starter=st.sampled_from(("alice", "bob")), together=st.booleans())
    def start(self, starter, together):
        self.session = services.session_start(
            starter=self.person(starter),
            topic="How the week felt",
            mode="together" if together else "apart",
        )
        self.together = together
        self.speaker = starter
        self.phase = "speaking"
        self.state = "active"
        self.resume_at = None

    def role(self, name) -> str:
        return "speaker" if name == self.speaker else "listener"

    def allowed(self, name, move) -> bool:
        if name == "carol" or self.state != "active":
            return False
        phases, role = MOVES[move]
        if self.phase not in phases:
            return False
        return self.together or self.role(name) == role

    def snapshot(self):
        session = ListeningSession.objects.get(pk=self.session.pk)
        return (
            ListeningEntry.objects.filter(session=session).count(),
            session.phase,
            session.state,
            session.speaker_id,
        )

    def attempt(self, name, move, call):
        before = self.snapshot()
        expected = self.allowed(name, move)
        try:
            call()
        except ServiceError as exc:
            assert not expected, f"{name} {move} refused: {exc.code}"
            assert self.snapshot() == before, f"refused {move} changed something"
            return False
        assert expected, f"{name} was allowed to {move} in {self.phase}/{self.state}"
        return True

    def session_for(self, name):
        return ListeningSession.objects.get(pk=self.session.pk)

    @rule(name=st.sampled_from(PEOPLE), text=st.sampled_from(["I felt alone", ""]))
    def say(self, name, text):
        done = self.attempt(
            name,
            "say",
            lambda: services.piece_say(
                session=self.session_for(name), person=self.person(name), text=text or "x"
            ),
        )
        if done:
            self.phase = "reflecting"

    @rule(name=st.sampled_from(PEOPLE))
    def reflect(self, name):
        done = self.attempt(
            name,
            "reflect",
            lambda: services.reflection_add(
                session=self.session_for(name), person=self.person(name), text="I heard"
            ),
        )
        if done:
            self.phase = "confirming"

    @rule(name=st.sampled_from(PEOPLE), got_it=st.booleans())
    def verdict(self, name, got_it):
        move = "got_it" if got_it else "not_quite"
        done = self.attempt(
            name,
            move,
            lambda: services.verdict_give(
                session=self.session_for(name), person=self.person(name), got_it=got_it
            ),
        )
        if done:
            self.phase = "landed" if got_it else "reflecting"

    @rule(name=st.sampled_from(PEOPLE))
    def pass_floor(self, name):
        done = self.attempt(
            name,
            "pass",
            lambda: services.floor_pass(session=self.session_for(name), person=self.person(name)),
        )
        if done:
            self.speaker = "bob" if self.speaker == "alice" else "alice"
            self.phase = "speaking"

    @rule(name=st.sampled_from(PEOPLE))
    def time_out(self, name):
        try:
            services.time_out(session=self.session_for(name), person=self.person(name))
        except ServiceError:
            assert name == "carol" or self.state == "ended"
            return
        assert name != "carol" and self.state != "ended"
        if self.state == "active":
            self.state = "paused"
            self.resume_at = timezone.now() + timedelta(minutes=20)

    @rule(minutes=st.sampled_from([5, 21]))
    def wait(self, minutes):
        self.clock.shift(timedelta(minutes=minutes))

    @rule(name=st.sampled_from(PEOPLE))
    def resume(self, name):
        try:
            services.resume(session=self.session_for(name), person=self.person(name))
        except ServiceError as exc:
            too_soon = self.state == "paused" and timezone.now() < self.resume_at
            assert name == "carol" or self.state == "ended" or too_soon, exc.code
            return
        assert name != "carol" and self.state != "ended"
        if self.state == "paused":
            assert timezone.now() >= self.resume_at
            self.state = "active"

    @rule(name=st.sampled_from(PEOPLE))
    def end(self, name):
        try:
            services.session_end(session=self.session_for(name), person=self.person(name))
        except ServiceError:
            assert name == "carol" or self.state == "ended"
            return
        assert name != "carol" and self.state != "ended"
        self.state = "ended"

    @invariant()
    def the_database_matches_the_model(self):
        if not hasattr(self, "session"):
            return
        session = ListeningSession.objects.get(pk=self.session.pk)
        assert session.state == self.state
        assert session.phase == self.phase
        assert session.speaker_id == self.people[self.speaker].pk

    @invariant()
    def only_the_couple_sees_anything(self):
        if not hasattr(self, "session"):
            return
        entries = ListeningEntry.objects.filter(session=self.session)
        carol = self.person("carol")
        assert not visible(entries, carol).exists()
        assert not visible(ListeningSession.objects.filter(pk=self.session.pk), carol).exists()
        for name in ("alice", "bob"):
            assert visible(entries, self.person(name)).count() == entries.count()


class FloorRulesTests(TestCase):
    def test_only_the_right_person_acts_on_the_floor(self):
        run_state_machine_as_test(
            FloorMachine, settings=settings(max_examples=60, stateful_step_count=25, deadline=None)
        )
