"""The turn rules of deep talk, explored by a state machine.

Alice, Bob (partners) and Carol (a stranger) try every move in every order, apart or
together, while a partner may lower their comfort level mid-talk. A move must succeed
exactly when a small model of the rules says so, and a refused move must change nothing.
However the moves are ordered, nobody sees a sealed answer early: not through the
access layer, not on the page, not in the JSON API.
"""

import json

from django.db import transaction
from django.test import Client, TestCase
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
from hearth.accounts.services import token_create
from hearth.content import DEPTHS
from hearth.core.errors import ServiceError
from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalk, DeepTalkAnswer, DeepTalkItem, ItemStatus
from hearth.testing import make_couple, make_person

PEOPLE = ("alice", "bob", "carol")


class TurnMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.people = {name: make_person(name.title()) for name in PEOPLE}
        make_couple(self.people["alice"], self.people["bob"])
        make_couple(self.people["carol"], make_person("Erin"))
        self.tokens = {
            name: token_create(user=self.people[name], name="turns")[1] for name in PEOPLE
        }
        self.written = {}  # (item pk, name) -> the text that person wrote

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def person(self, name):
        person = self.people[name]
        person.refresh_from_db()
        forget_couple(person)
        return person

    def other(self, name):
        return "bob" if name == "alice" else "alice"

    @initialize(starter=st.sampled_from(("alice", "bob")), together=st.booleans())
    def start(self, starter, together):
        self.talk = services.deeptalk_start(
            starter=self.person(starter), mode="together" if together else "apart"
        )
        self.together = together
        self.state = "active"
        self.first = starter
        self.answered = set()
        self.deepest = len(DEPTHS) - 1  # both start at "vulnerable"
        self.check_new_item()

    # The model -------------------------------------------------------------------

    def open_item(self):
        return DeepTalkItem.objects.filter(talk=self.talk, status=ItemStatus.OPEN).first()

    def check_new_item(self):
        """A new question: the right person first, never deeper than both allow."""
        item = self.open_item()
        if item is None:
            return
        assert item.first_id == self.people[self.first].pk
        assert DEPTHS.index(item.depth) <= self.deepest, (item.depth, self.deepest)

    def moved_on(self, next_first):
        """The open question is behind us: a new one (or the end) follows."""
        self.answered = set()
        self.first = next_first
        talk = DeepTalk.objects.get(pk=self.talk.pk)
        if talk.state == "ended":
            assert talk.completed
            self.state = "ended"
        else:
            self.check_new_item()

    def snapshot(self):
        talk = DeepTalk.objects.get(pk=self.talk.pk)
        answers = sorted(DeepTalkAnswer.objects.filter(item__talk=talk).values_list("pk", "text"))
        items = sorted(DeepTalkItem.objects.filter(talk=talk).values_list("pk", "status"))
        return talk.state, answers, items

    def member(self, name) -> bool:
        return name in ("alice", "bob")

    def attempt(self, expected, call, what):
        before = self.snapshot()
        try:
            call()
        except ServiceError as exc:
            assert not expected, f"{what} refused: {exc.code}"
            assert self.snapshot() == before, f"refused {what} changed something"
            return False
        assert expected, f"{what} was allowed in state {self.state}"
        return True

    def talk_for(self):
        return DeepTalk.objects.get(pk=self.talk.pk)

    # Moves -----------------------------------------------------------------------

    @rule(name=st.sampled_from(PEOPLE))
    def answer(self, name):
        item = self.open_item()
        if item is None:
            return
        expected = (
            self.member(name)
            and self.state == "active"
            and not self.together
            and (name == self.first or self.first in self.answered)
        )
        text = f"{name.title()}'s answer {item.pk}-{len(self.written)}"
        done = self.attempt(
            expected,
            lambda: services.answer_write(
                talk=self.talk_for(), item=item, person=self.person(name), text=text
            ),
            f"{name} answering",
        )
        if not done:
            return
        self.written[(item.pk, name)] = text
        self.answered.add(name)
        if self.answered == {"alice", "bob"}:
            self.moved_on(self.other(self.first))

    @rule(name=st.sampled_from(PEOPLE))
    def tick(self, name):
        item = self.open_item()
        if item is None:
            return
        expected = self.member(name) and self.state == "active" and self.together
        done = self.attempt(
            expected,
            lambda: services.item_tick(talk=self.talk_for(), item=item, person=self.person(name)),
            f"{name} ticking",
        )
        if done:
            self.moved_on(self.other(self.first))

    @rule(name=st.sampled_from(PEOPLE))
    def skip(self, name):
        item = self.open_item()
        if item is None:
            return
        expected = self.member(name) and self.state == "active"
        done = self.attempt(
            expected,
            lambda: services.item_skip(talk=self.talk_for(), item=item, person=self.person(name)),
            f"{name} skipping",
        )
        if done:
            self.moved_on(self.first)  # a skip is not a turn

    @rule(name=st.sampled_from(PEOPLE))
    def pause(self, name):
        done = self.attempt(
            self.member(name) and self.state != "ended",
            lambda: services.deeptalk_pause(talk=self.talk_for(), person=self.person(name)),
            f"{name} pausing",
        )
        if done:
            self.state = "paused"

    @rule(name=st.sampled_from(PEOPLE))
    def resume(self, name):
        done = self.attempt(
            self.member(name) and self.state != "ended",
            lambda: services.deeptalk_resume(talk=self.talk_for(), person=self.person(name)),
            f"{name} resuming",
        )
        if done:
            self.state = "active"

    @rule(name=st.sampled_from(PEOPLE))
    def stop(self, name):
        done = self.attempt(
            self.member(name) and self.state != "ended",
            lambda: services.deeptalk_end(talk=self.talk_for(), person=self.person(name)),
            f"{name} stopping",
        )
        if done:
            self.state = "ended"

    @rule(name=st.sampled_from(("alice", "bob")), level=st.sampled_from(DEPTHS))
    def set_comfort(self, name, level):
        person = self.people[name]
        person.comfort_level = level
        person.save(update_fields=["comfort_level"])
        levels = [self.person(n).comfort_level for n in ("alice", "bob")]
        # The next question must respect the lower of the two levels as they are now.
        self.deepest = min(DEPTHS.index(level) for level in levels)

    # What everyone sees ----------------------------------------------------------

    @invariant()
    def the_database_matches_the_model(self):
        if not hasattr(self, "talk"):
            return
        assert DeepTalk.objects.get(pk=self.talk.pk).state == self.state

    @invariant()
    def nobody_sees_a_sealed_answer_early(self):
        if not hasattr(self, "talk"):
            return
        answers = DeepTalkAnswer.objects.filter(item__talk=self.talk)
        for name in PEOPLE:
            viewer = self.person(name)
            seen = set(visible(answers, viewer).values_list("item_id", "author__display_name"))
            for (item_pk, author), _ in self.written.items():
                both = (item_pk, "alice") in self.written and (item_pk, "bob") in self.written
                may_see = name == author or (self.member(name) and both)
                assert ((item_pk, author.title()) in seen) == may_see, (name, author, item_pk)
        self.pages_agree()

    def pages_agree(self):
        """The HTML page and the JSON API show exactly what the access layer allows."""
        for name in PEOPLE:
            client = Client()
            client.force_login(self.people[name])
            page = client.get(f"/deep-talk/{self.talk.public_id}/").content.decode()
            api = client.get(
                f"/api/deep-talk/{self.talk.public_id}",
                HTTP_AUTHORIZATION=f"Bearer {self.tokens[name]}",
            )
            body = json.dumps(api.json()) if api.status_code == 200 else ""
            for (item_pk, author), text in self.written.items():
                both = (item_pk, "alice") in self.written and (item_pk, "bob") in self.written
                may_see = name == author or (self.member(name) and both)
                assert (text.replace("'", "&#x27;") in page) == may_see, (name, text)
                assert (json.dumps(text)[1:-1] in body) == may_see, (name, text)


class DeepTalkTurnTests(TestCase):
    def test_no_order_of_moves_breaks_the_turns_or_the_seal(self):
        run_state_machine_as_test(
            TurnMachine, settings=settings(max_examples=40, stateful_step_count=20, deadline=None)
        )
