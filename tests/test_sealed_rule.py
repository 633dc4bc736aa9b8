"""The sealed rule, explored by a state machine.

Alice and Bob answer, pass, edit and delete answers to one day's question, and
may end their pairing. After every step, for every person (including Carol, a
stranger), each answer must be visible exactly when the release rule holds in
a simple model: the viewer wrote it, or the viewer and its author are still
partners in that couple and both have written (not passed) an answer. Checked
through the access layer (queryset and one-object forms), the selector the
pages use, and (when a person looks) the JSON API and the HTML page.
"""

import json

from django.db import transaction
from django.test import Client, TestCase
from django.utils.html import escape
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from hearth.access import can_see, forget_couple, visible
from hearth.accounts.services import token_create
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.questions import selectors, services
from hearth.questions.models import Answer
from hearth.testing import make_couple, make_person, make_question

PEOPLE = ("alice", "bob")
texts = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
        min_size=1,
        max_size=40,
    )
    .map(lambda t: t.strip())
    .filter(bool)
)


class SealedMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.people = {name: make_person(name.title()) for name in ("alice", "bob", "carol")}
        self.couple = make_couple(self.people["alice"], self.people["bob"])
        self.question = make_question(self.couple)
        self.paired = True
        self.written: dict[str, str | None] = dict.fromkeys(PEOPLE)
        self.passed: dict[str, bool] = dict.fromkeys(PEOPLE, False)
        self.tokens = {
            name: token_create(user=person, name="sm")[1] for name, person in self.people.items()
        }
        self.counter = 0

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def person(self, name):
        person = self.people[name]
        forget_couple(person)
        return person

    def released(self) -> bool:
        return self.paired and all(self.written[name] is not None for name in PEOPLE)

    def unique(self, text: str) -> str:
        # Unique text so one answer's words can never be mistaken for another's.
        self.counter += 1
        return f"{text} ⟨{self.counter}⟩"

    @rule(who=st.sampled_from(PEOPLE), text=texts)
    def answer_or_edit(self, who, text):
        text = self.unique(text)
        try:
            services.answer_submit(daily_question=self.question, author=self.person(who), text=text)
        except ServiceError as exc:
            assert exc.code in {"revealed", "not_member"}, exc.code
            assert (exc.code == "revealed") == (self.released() and self.paired)
            assert (exc.code == "not_member") == (not self.paired)
            return
        assert self.paired and not self.released()
        self.written[who] = text
        self.passed[who] = False

    @rule(who=st.sampled_from(PEOPLE))
    def pass_today(self, who):
        try:
            services.answer_pass(daily_question=self.question, author=self.person(who))
        except ServiceError as exc:
            assert exc.code in {"revealed", "not_member"}, exc.code
            return
        assert self.paired and not self.released()
        self.written[who] = None
        self.passed[who] = True

    @rule(who=st.sampled_from(PEOPLE))
    def delete(self, who):
        answer = Answer.objects.filter(
            daily_question=self.question, author=self.person(who)
        ).first()
        if answer is None:
            assert self.written[who] is None and not self.passed[who]
            return
        services.answer_delete(answer=answer, author=self.person(who))
        self.written[who] = None
        self.passed[who] = False

    @rule(who=st.sampled_from(PEOPLE))
    def unpair(self, who):
        if not self.paired:
            return
        couple_unpair(user=self.person(who))
        self.paired = False

    def may_see(self, viewer: str, author: str) -> bool:
        if viewer == author:
            return True
        return viewer in PEOPLE and self.released()

    @invariant()
    def every_answer_is_seen_only_when_released(self):
        answers = list(Answer.objects.filter(daily_question=self.question).select_related("author"))
        by_author = {a.author.display_name.lower(): a for a in answers}
        for name, text in self.written.items():
            stored = by_author.get(name)
            if text is None:
                assert stored is None or stored.passed
            else:
                assert stored is not None and stored.text == text and not stored.passed
        for viewer_name in ("alice", "bob", "carol"):
            viewer = self.person(viewer_name)
            visible_ids = set(visible(Answer.objects.all(), viewer).values_list("pk", flat=True))
            for answer in answers:
                author = answer.author.display_name.lower()
                expected = self.may_see(viewer_name, author) and (
                    viewer_name == author or not answer.passed
                )
                assert (answer.pk in visible_ids) == expected, (viewer_name, author)
                assert can_see(viewer, answer) == expected, (viewer_name, author)
            self.check_selector(viewer_name, viewer, answers)

    def partner_texts(self, viewer, answers):
        return [a.text for a in answers if a.author_id != viewer.pk and not a.passed and a.text]

    def check_selector(self, viewer_name, viewer, answers):
        allowed = viewer_name in PEOPLE and self.released()
        if viewer_name in PEOPLE and (self.paired or self.written[viewer_name] is not None):
            view = selectors.question_view(self.question, viewer)
            expected = allowed and bool(self.partner_texts(viewer, answers))
            assert (view.theirs is not None) == expected

    @rule(viewer_name=st.sampled_from(("alice", "bob", "carol")))
    def look(self, viewer_name):
        """Open the question's page and API as this person: partner text only if released."""
        viewer = self.person(viewer_name)
        answers = list(Answer.objects.filter(daily_question=self.question))
        partner_texts = self.partner_texts(viewer, answers)
        allowed = viewer_name in PEOPLE and self.released()
        client = Client()
        client.force_login(viewer)
        page = client.get(f"/questions/{self.question.public_id}/").content.decode()
        api = Client().get(
            f"/api/questions/{self.question.public_id}",
            HTTP_AUTHORIZATION=f"Bearer {self.tokens[viewer_name]}",
        )
        body = json.dumps(api.json()) if api.status_code == 200 else ""
        for text in partner_texts:
            in_page = text in page or escape(text) in page
            in_api = json.dumps(text)[1:-1] in body or text in api.content.decode()
            assert in_page == allowed, (viewer_name, "page", text)
            assert in_api == allowed, (viewer_name, "api", text)


class SealedRuleTests(TestCase):
    def test_the_release_rule_holds_in_every_state(self):
        run_state_machine_as_test(
            SealedMachine,
            settings=settings(max_examples=50, stateful_step_count=12, deadline=None),
        )
