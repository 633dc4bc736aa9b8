"""The cached home page is never out of date.

A state machine makes Alice and Bob do what they can do (check in, reply,
react, answer, pass, delete, reply to answers, mark "I felt heard", open
pages that mark replies as seen, change their names, change the couple's time
zone, end the pairing, dismiss the notice). After every step the home page
each of them gets (perhaps from the cache) must equal a fresh rendering.
"""

import contextlib
import re

from django.core.cache import caches
from django.db import transaction
from django.test import Client, TestCase
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from hearth.access import Visibility, forget_couple
from hearth.accounts.services import profile_update
from hearth.checkins import services as checkins
from hearth.checkins.models import CheckIn, CheckInReply
from hearth.core.errors import ServiceError
from hearth.couples import services as couples
from hearth.questions import services as questions
from hearth.questions.models import Answer, AnswerReply
from hearth.testing import make_couple, make_person

PEOPLE = ("alice", "bob")
TOKENS = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+|nonce="[^"]+"')


def normalise(html: str) -> str:
    return TOKENS.sub("<token>", html)


class HomeCacheMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        caches["pages"].clear()
        self.people = {name: make_person(name.title()) for name in PEOPLE}
        make_couple(self.people["alice"], self.people["bob"])
        self.clients = {}
        for name, person in self.people.items():
            client = Client()
            client.force_login(person)
            self.clients[name] = client
        self.step = 0

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

    def question(self, name):
        from hearth.access import current_couple

        couple = current_couple(self.person(name))
        return questions.question_for_today(couple=couple) if couple else None

    @rule(who=st.sampled_from(PEOPLE), private=st.booleans(), closeness=st.integers(1, 7))
    def check_in(self, who, private, closeness):
        checkins.checkin_save_today(
            author=self.person(who),
            feelings=[checkins.FeelingChoice("happy", 3)],
            closeness=closeness,
            need="talk",
            note=f"note {self.step}",
            visibility=Visibility.PRIVATE if private else Visibility.SHARED,
        )

    @rule(who=st.sampled_from(PEOPLE), react=st.booleans())
    def respond_to_checkin(self, who, react):
        theirs = CheckIn.objects.filter(author=self.person(self.other(who))).first()
        if theirs is None:
            return
        try:
            if react:
                checkins.checkin_react(checkin=theirs, author=self.person(who), reaction="hug")
            else:
                checkins.checkin_reply(checkin=theirs, author=self.person(who), text="hi")
        except ServiceError:
            pass

    @rule(who=st.sampled_from(PEOPLE))
    def delete_checkin(self, who):
        mine = CheckIn.objects.filter(author=self.person(who)).first()
        if mine is not None:
            checkins.checkin_delete(checkin=mine, author=self.person(who))

    @rule(who=st.sampled_from(PEOPLE), action=st.sampled_from(["answer", "pass", "delete"]))
    def daily_question(self, who, action):
        question = self.question(who)
        if question is None:
            return
        try:
            if action == "answer":
                questions.answer_submit(
                    daily_question=question, author=self.person(who), text=f"a {self.step}"
                )
            elif action == "pass":
                questions.answer_pass(daily_question=question, author=self.person(who))
            else:
                mine = Answer.objects.filter(daily_question=question, author=self.person(who))
                if mine.exists():
                    questions.answer_delete(answer=mine.get(), author=self.person(who))
        except ServiceError:
            pass

    @rule(who=st.sampled_from(PEOPLE))
    def reply_to_answer(self, who):
        theirs = Answer.objects.filter(author=self.person(self.other(who)), passed=False).first()
        if theirs is None:
            return
        with contextlib.suppress(ServiceError):
            questions.answer_reply(answer=theirs, author=self.person(who), text="thank you")

    @rule(who=st.sampled_from(PEOPLE), heard=st.booleans())
    def felt_heard(self, who, heard):
        reply = AnswerReply.objects.filter(answer__author=self.person(who)).first()
        if reply is not None:
            questions.reply_felt_heard(reply=reply, person=self.person(who), felt_heard=heard)

    @rule(who=st.sampled_from(PEOPLE))
    def open_pages_that_mark_seen(self, who):
        for reply in CheckInReply.objects.filter(checkin__author=self.person(who)):
            self.clients[who].get(f"/checkins/{reply.checkin.public_id}/")
        for answer in Answer.objects.filter(author=self.person(who)):
            self.clients[who].get(f"/questions/{answer.daily_question.public_id}/")

    @rule(who=st.sampled_from(PEOPLE), name=st.sampled_from(["Ally", "Robin", "Sky"]))
    def rename(self, who, name):
        profile_update(user=self.person(who), display_name=f"{name}{self.step}")

    @rule(who=st.sampled_from(PEOPLE), zone=st.sampled_from(["Pacific/Auckland", "UTC"]))
    def couple_timezone(self, who, zone):
        with contextlib.suppress(ServiceError):
            couples.couple_set_timezone(user=self.person(who), timezone_name=zone)

    @rule(who=st.sampled_from(PEOPLE))
    def unpair(self, who):
        with contextlib.suppress(ServiceError):
            couples.couple_unpair(user=self.person(who))

    @rule(who=st.sampled_from(PEOPLE))
    def dismiss_notice(self, who):
        couples.ended_notice_dismiss(user=self.person(who))

    @invariant()
    def home_pages_are_fresh(self):
        self.step += 1
        served = {name: self.clients[name].get("/") for name in PEOPLE}
        caches["pages"].clear()
        for name in PEOPLE:
            fresh = self.clients[name].get("/")
            assert served[name].status_code == fresh.status_code == 200
            assert normalise(served[name].content.decode()) == normalise(fresh.content.decode()), (
                name
            )


class HomeCacheTests(TestCase):
    def test_the_cached_home_page_is_never_stale(self):
        run_state_machine_as_test(
            HomeCacheMachine,
            settings=settings(max_examples=20, stateful_step_count=15, deadline=None),
        )
