"""The sealed rule for deep-talk answers, in its two forms, through every way of looking.

An answer is seen by its author always; by the partner only once the partner has
answered the same question too, and only while both are in the couple; by
nobody else, ever. The deterministic tests walk the usual states; the state
machine lets two couples answer, skip, pause, stop and unpair in any order and
checks after every step that `visible`, `can_see`, `release_q` and `is_released`
agree with the rule, and that the pages and the API show nothing sealed.
"""

from django.db import transaction
from django.test import Client, TestCase
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from hearth.access import can_see, forget_couple, visible
from hearth.accounts.services import token_create
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalk, DeepTalkAnswer, DeepTalkItem, ItemStatus
from hearth.deeptalk.tests.helpers import HX, DeepTalkTestCase, url
from hearth.testing import make_couple, make_person, words

VIEWERS = ("alice", "bob", "carol", "erin", "dan")


class SealedRuleTests(DeepTalkTestCase):
    def people(self):
        for name in VIEWERS:
            person = getattr(self, name)
            forget_couple(person)
            yield name, person

    def assertFormsAgree(self):
        """visible() and can_see() agree for every deep-talk row and person; so do
        release_q() and is_released() for every answer."""
        released = set(
            DeepTalkAnswer.objects.filter(DeepTalkAnswer.release_q()).values_list("pk", flat=True)
        )
        for answer in DeepTalkAnswer.objects.all():
            self.assertEqual(answer.is_released(), answer.pk in released, answer.text)
        for model in (DeepTalk, DeepTalkItem, DeepTalkAnswer):
            rows = list(model.objects.all())
            for name, person in self.people():
                seen = set(visible(model.objects.all(), person).values_list("pk", flat=True))
                for row in rows:
                    self.assertEqual(can_see(person, row), row.pk in seen, (name, model, row.pk))

    def seen_by(self, person) -> set[str]:
        forget_couple(person)
        return {a.text for a in visible(DeepTalkAnswer.objects.all(), person)}

    def looks(self, person, talk=None):
        """What `person` gets from the talk page, its htmx partial and the API."""
        talk = talk or self.talk
        page = self.get_page(person, talk)
        partial = self.get_page(person, talk, htmx=True)
        api = self.api("get", f"/deep-talk/{talk.public_id}", person)
        return page, partial, api

    def assertNeverShown(self, person, text, talk=None):
        page, partial, api = self.looks(person, talk)
        for response in (page, partial):
            self.assertNotIn(text, words(response))
        self.assertNotIn(text, api.content.decode())
        self.assertNotIn(text, self.seen_by(person))

    def assertShown(self, person, text, talk=None):
        page, partial, api = self.looks(person, talk)
        self.assertIn(text, words(page))
        self.assertIn(text, words(partial))
        shown = [a["text"] for i in api.json()["items"] for a in (i["mine"], i["theirs"]) if a]
        self.assertIn(text, shown)
        self.assertIn(text, self.seen_by(person))

    # Before and after the partner answers.

    def test_before_bob_answers_he_sees_nothing_of_alices_answer(self):
        answer = self.world.alice_deep_answer
        self.assertFalse(answer.is_released())
        self.assertFalse(can_see(self.bob, answer))
        self.assertTrue(can_see(self.alice, answer))
        self.assertNeverShown(self.bob, answer.text)
        page, partial, api = self.looks(self.bob)
        for response in (page, partial):
            self.assertIn(
                "Alice has answered; you'll see it once you've written yours.", words(response)
            )
        item = api.json()["items"][0]
        self.assertEqual(
            (item["mine"], item["theirs"], item["partner_answered"]), (None, None, True)
        )
        self.assertFormsAgree()

    def test_alice_sees_her_own_sealed_answer(self):
        page, partial, api = self.looks(self.alice)
        self.assertIn("You wrote (only you can see it until Bob answers):", words(page))
        self.assertIn(self.world.alice_deep_answer.text, words(page))
        self.assertIn(self.world.alice_deep_answer.text, words(partial))
        item = api.json()["items"][0]
        self.assertEqual(item["mine"]["text"], self.world.alice_deep_answer.text)
        self.assertIsNone(item["theirs"])
        self.assertFalse(item["partner_answered"])

    def test_outsiders_get_nothing(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                page, partial, api = self.looks(person)
                self.assertEqual((page.status_code, partial.status_code), (404, 404))
                self.assertEqual(api.status_code, 404)
                self.assertNotIn(self.world.alice_deep_answer.text, page.content.decode())
                self.assertEqual(self.seen_by(person) & {self.world.alice_deep_answer.text}, set())

    def test_changing_a_sealed_answer_keeps_it_sealed(self):
        self.answer(self.alice, "Alice's second thoughts")
        self.assertNeverShown(self.bob, "Alice's second thoughts")
        self.assertNeverShown(self.bob, self.world.alice_deep_answer.text)
        self.assertFormsAgree()

    def test_after_both_answered_both_see_both(self):
        self.answer(self.bob, "Bob's deep answer")
        bobs = DeepTalkAnswer.objects.get(author=self.bob, item=self.item)
        alices = DeepTalkAnswer.objects.get(pk=self.world.alice_deep_answer.pk)
        self.assertTrue(alices.is_released() and bobs.is_released())
        for person in (self.alice, self.bob):
            with self.subTest(person=person.display_name):
                self.assertShown(person, alices.text)
                self.assertShown(person, "Bob's deep answer")
                self.assertTrue(can_see(person, alices) and can_see(person, bobs))
        for person in (self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, alices) or can_see(person, bobs))
        self.assertFormsAgree()

    def test_the_next_question_is_sealed_again(self):
        self.answer(self.bob, "Bob's deep answer")
        self.answer(self.bob, "Bob goes first on question two")
        self.assertNeverShown(self.alice, "Bob goes first on question two")
        self.assertShown(self.alice, "Bob's deep answer")
        self.assertFormsAgree()

    def test_a_paused_talk_shows_only_ones_own(self):
        services.deeptalk_pause(talk=self.talk, person=self.bob)
        self.assertNeverShown(self.bob, self.world.alice_deep_answer.text)
        page, partial, api = self.looks(self.alice)
        self.assertIn(self.world.alice_deep_answer.text, words(page))
        self.assertIn(self.world.alice_deep_answer.text, words(partial))
        self.assertEqual(api.json()["items"][0]["mine"]["text"], self.world.alice_deep_answer.text)
        self.assertFormsAgree()

    # A skip leaves a lone answer sealed for good.

    def test_after_a_skip_a_lone_answer_stays_sealed_forever(self):
        lone = self.world.alice_deep_answer
        self.skip(self.bob)
        self.assertNeverShown(self.bob, lone.text)
        # The talk goes on: later questions are answered by both, then it ends.
        self.both_answer()
        self.both_answer()
        self.assertNeverShown(self.bob, lone.text)
        services.deeptalk_end(talk=self.talk, person=self.alice)
        self.assertNeverShown(self.bob, lone.text)
        self.assertFalse(DeepTalkAnswer.objects.get(pk=lone.pk).is_released())
        # Alice still has it, marked as only hers.
        page = self.get_page(self.alice)
        self.assertIn(lone.text, words(page))
        self.assertIn("You wrote (only you can see it)", words(page))
        self.assertFormsAgree()

    def test_stopping_leaves_a_lone_answer_sealed(self):
        services.deeptalk_end(talk=self.talk, person=self.bob)
        self.assertNeverShown(self.bob, self.world.alice_deep_answer.text)
        self.assertFormsAgree()

    # Former partners.

    def test_a_former_partner_sees_only_his_own_answers(self):
        old = self.world.old_deep_talk
        dans, alices = self.world.dan_old_deep_answer, self.world.alice_old_deep_answer
        self.assertTrue(alices.is_released())  # both answered while they were together
        self.assertShown(self.dan, dans.text, old)
        self.assertNeverShown(self.dan, alices.text, old)
        self.assertShown(self.alice, alices.text, old)
        self.assertNeverShown(self.alice, dans.text, old)
        self.assertFalse(can_see(self.dan, alices))
        self.assertFalse(can_see(self.alice, dans))
        self.assertIn("This talk is from an earlier pairing.", words(self.get_page(self.dan, old)))
        body = self.api("get", f"/deep-talk/{old.public_id}", self.dan).json()
        self.assertEqual(body["step"], "earlier")
        self.assertIsNone(body["current_item"])
        self.assertEqual([i["theirs"] for i in body["items"]], [None])
        self.assertFormsAgree()

    def test_others_never_see_the_old_talk(self):
        old = self.world.old_deep_talk
        for person in (self.bob, self.carol, self.erin):
            with self.subTest(person=person.display_name):
                page, partial, api = self.looks(person, old)
                self.assertEqual(
                    (page.status_code, partial.status_code, api.status_code), (404, 404, 404)
                )

    def test_after_unpairing_each_keeps_only_their_own(self):
        self.answer(self.bob, "Bob's released answer")
        self.answer(self.bob, "Bob's sealed answer on two")
        couple_unpair(user=self.alice)
        for person, own, other in (
            (self.alice, self.world.alice_deep_answer.text, "Bob's released answer"),
            (self.bob, "Bob's released answer", self.world.alice_deep_answer.text),
        ):
            with self.subTest(person=person.display_name):
                forget_couple(person)
                self.assertShown(person, own)
                self.assertNeverShown(person, other)
        self.assertNeverShown(self.alice, "Bob's sealed answer on two")
        self.assertFormsAgree()

    def test_a_new_partner_never_sees_an_earlier_pairings_talk(self):
        self.answer(self.bob, "Bob's released answer")
        couple_unpair(user=self.bob)
        pat = make_person("Pat")
        forget_couple(self.alice)
        make_couple(self.alice, pat)
        page = self.get_page(pat)
        self.assertEqual(page.status_code, 404)
        forget_couple(pat)
        self.assertEqual({a.text for a in visible(DeepTalkAnswer.objects.all(), pat)}, set())
        self.assertFalse(can_see(pat, self.talk))
        self.assertFormsAgree()


ACTORS = ("alice", "bob", "carol", "erin")
COUPLE_OF = {"alice": "ab", "bob": "ab", "carol": "ce", "erin": "ce"}
PARTNER = {"alice": "bob", "bob": "alice", "carol": "erin", "erin": "carol"}


class DeepTalkMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.people = {name: make_person(name.title()) for name in ACTORS}
        self.couples = {
            "ab": make_couple(self.people["alice"], self.people["bob"]),
            "ce": make_couple(self.people["carol"], self.people["erin"]),
        }
        self.paired = {"ab": True, "ce": True}
        self.tokens = {name: token_create(user=p, name="sm")[1] for name, p in self.people.items()}
        # The expected answers: pk, author, item pk, couple key, text.
        self.answers: list[dict] = []
        self.counter = 0

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def person(self, name):
        person = self.people[name]
        forget_couple(person)
        return person

    def talk_of(self, name) -> DeepTalk | None:
        couple = self.couples[COUPLE_OF[name]]
        return services.open_talk(couple)

    def refused(self, call) -> str | None:
        try:
            call()
        except ServiceError as exc:
            return exc.code
        return None

    def may_see(self, viewer, expected) -> bool:
        if viewer == expected["author"]:
            return True
        if PARTNER[viewer] != expected["author"] or not self.paired[COUPLE_OF[viewer]]:
            return False
        return any(a["item"] == expected["item"] and a["author"] == viewer for a in self.answers)

    @rule(who=st.sampled_from(ACTORS), mode=st.sampled_from(["apart", "apart", "together"]))
    def start(self, who, mode):
        had = self.talk_of(who)
        code = self.refused(lambda: services.deeptalk_start(starter=self.person(who), mode=mode))
        if not self.paired[COUPLE_OF[who]]:
            assert code == "not_paired", code
        elif had is not None:
            assert code == "already_open", code
        else:
            assert code is None, code

    @rule(who=st.sampled_from(ACTORS))
    def answer(self, who):
        talk = self.talk_of(who)
        if talk is None:
            return
        item = talk.items.filter(status=ItemStatus.OPEN).first()
        self.counter += 1
        text = f"Secret number {self.counter} by {who}"
        mine = next((a for a in self.answers if a["item"] == item.pk and a["author"] == who), None)
        first_answered = any(
            a["item"] == item.pk and self.people[a["author"]].pk == item.first_id
            for a in self.answers
        )
        result = {}

        def write():
            result["answer"] = services.answer_write(
                talk=talk, item=item, person=self.person(who), text=text
            )

        code = self.refused(write)
        if not self.paired[COUPLE_OF[who]]:
            assert code == "not_member", code
        elif talk.state == "paused":
            assert code == "paused", code
        elif talk.mode == "together":
            assert code == "together", code
        elif item.first_id != self.people[who].pk and not first_answered:
            assert code == "not_your_turn", code
        else:
            assert code is None, code
            if mine is not None:
                assert result["answer"].pk == mine["pk"]
                mine["text"] = text
            else:
                self.answers.append(
                    {"pk": result["answer"].pk, "author": who, "item": item.pk, "text": text}
                )

    @rule(who=st.sampled_from(ACTORS))
    def tick(self, who):
        talk = self.talk_of(who)
        if talk is None:
            return
        item = talk.items.filter(status=ItemStatus.OPEN).first()
        code = self.refused(
            lambda: services.item_tick(talk=talk, item=item, person=self.person(who))
        )
        if not self.paired[COUPLE_OF[who]]:
            assert code == "not_member", code
        elif talk.state == "paused":
            assert code == "paused", code
        elif talk.mode == "apart":
            assert code == "apart", code
        else:
            assert code is None, code

    @rule(who=st.sampled_from(ACTORS))
    def skip(self, who):
        talk = self.talk_of(who)
        if talk is None:
            return
        item = talk.items.filter(status=ItemStatus.OPEN).first()
        code = self.refused(
            lambda: services.item_skip(talk=talk, item=item, person=self.person(who))
        )
        if not self.paired[COUPLE_OF[who]]:
            assert code == "not_member", code
        elif talk.state == "paused":
            assert code == "paused", code
        else:
            assert code is None, code

    @rule(who=st.sampled_from(ACTORS), move=st.sampled_from(["pause", "resume", "end"]))
    def talk_move(self, who, move):
        talk = self.talk_of(who)
        if talk is None:
            return
        call = getattr(services, f"deeptalk_{move}")
        code = self.refused(lambda: call(talk=talk, person=self.person(who)))
        expected = None if self.paired[COUPLE_OF[who]] else "not_member"
        assert code == expected, code

    @rule(who=st.sampled_from(ACTORS))
    def unpair(self, who):
        code = self.refused(lambda: couple_unpair(user=self.person(who)))
        if self.paired[COUPLE_OF[who]]:
            assert code is None, code
            self.paired[COUPLE_OF[who]] = False
        else:
            assert code == "not_paired", code

    @invariant()
    def the_access_layer_follows_the_rule(self):
        rows = DeepTalkAnswer.objects.in_bulk()
        assert set(rows) == {a["pk"] for a in self.answers}
        released = set(
            DeepTalkAnswer.objects.filter(DeepTalkAnswer.release_q()).values_list("pk", flat=True)
        )
        for expected in self.answers:
            row = rows[expected["pk"]]
            assert row.text == expected["text"]
            partner_answered = any(
                a["item"] == expected["item"] and a["author"] != expected["author"]
                for a in self.answers
            )
            assert row.is_released() == partner_answered, expected
            assert (row.pk in released) == partner_answered, expected
        for viewer in ACTORS:
            person = self.person(viewer)
            seen = set(visible(DeepTalkAnswer.objects.all(), person).values_list("pk", flat=True))
            for expected in self.answers:
                may = self.may_see(viewer, expected)
                assert (expected["pk"] in seen) == may, (viewer, expected)
                assert can_see(person, rows[expected["pk"]]) == may, (viewer, expected)

    @rule(viewer=st.sampled_from(ACTORS), index=st.integers(0, 20))
    def look(self, viewer, index):
        """Open a talk's page, partial and API as this person: nothing sealed shows."""
        talks = list(DeepTalk.objects.order_by("pk"))
        if not talks:
            return
        talk = talks[index % len(talks)]
        client = Client()
        client.force_login(self.person(viewer))
        page = client.get(url("talk", talk))
        partial = client.get(url("talk", talk), **HX)
        api = Client().get(
            f"/api/deep-talk/{talk.public_id}",
            HTTP_AUTHORIZATION=f"Bearer {self.tokens[viewer]}",
        )
        assert page.status_code == partial.status_code == api.status_code
        in_talk = [
            a for a in self.answers if DeepTalkItem.objects.get(pk=a["item"]).talk_id == talk.pk
        ]
        shown = ""
        if api.status_code == 200:
            body = api.json()
            shown = " ".join(
                a["text"] for i in body["items"] for a in (i["mine"], i["theirs"]) if a
            )
        for expected in in_talk:
            for response in (page, partial):
                if not self.may_see(viewer, expected):
                    assert expected["text"] not in words(response), (viewer, expected)
            assert (expected["text"] in shown) == self.may_see(viewer, expected), (
                viewer,
                expected,
                shown,
            )


class DeepTalkMachineTests(TestCase):
    def test_no_one_sees_a_sealed_answer(self):
        run_state_machine_as_test(
            DeepTalkMachine,
            settings=settings(max_examples=20, stateful_step_count=14, deadline=None),
        )
