"""The release rule for the sharer's feelings, in its two forms, and the access layer.

The deterministic tests walk the usual states; the state machine lets Alice, Bob
and Carol (Erin's partner) save, send, guess, delete and unpair in any order and
checks, after every step, that nobody but the sharer sees the sharer's feelings
before the partner has guessed: through `visible`, `can_see`, the selector the
pages use, and (when someone looks) the HTML page and the JSON API.
"""

from django.db import transaction
from django.test import Client, TestCase
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from hearth.access import Visibility, can_see, forget_couple, visible
from hearth.accounts.services import token_create
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.empathy import selectors, services
from hearth.empathy.models import (
    PerspectiveCheck,
    PerspectiveFeeling,
    PerspectiveResponse,
    Role,
)
from hearth.empathy.tests.helpers import choices, fresh, sent_check, url
from hearth.testing import HearthTestCase, main_of, make_couple, make_person, make_perspective

SEALED_MODELS = (PerspectiveCheck, PerspectiveFeeling, PerspectiveResponse)


class ReleaseRuleTests(HearthTestCase):
    def people(self):
        return (self.alice, self.bob, self.carol, self.erin, self.dan)

    def released_ids(self) -> set[int]:
        return set(
            PerspectiveFeeling.objects.filter(visibility=Visibility.SEALED)
            .filter(PerspectiveFeeling.release_q())
            .values_list("pk", flat=True)
        )

    def assertFormsAgree(self):
        sealed = PerspectiveFeeling.objects.filter(visibility=Visibility.SEALED)
        self.assertEqual(self.released_ids(), {row.pk for row in sealed if row.is_released()})
        for model in SEALED_MODELS:
            for person in self.people():
                forget_couple(person)
                in_bulk = set(visible(model.objects.all(), person).values_list("pk", flat=True))
                single = {obj.pk for obj in model.objects.all() if can_see(person, obj)}
                self.assertEqual(in_bulk, single, f"{model.__name__} for {person}")

    def actual_ids(self, check) -> set[int]:
        rows = PerspectiveFeeling.objects.filter(perspective_id=check.pk, role=Role.ACTUAL)
        return set(rows.values_list("pk", flat=True))

    def visible_feelings(self, person, check) -> set[int]:
        forget_couple(person)
        rows = visible(PerspectiveFeeling.objects.filter(perspective_id=check.pk), person)
        return set(rows.filter(role=Role.ACTUAL).values_list("pk", flat=True))

    def test_the_world_agrees(self):
        self.assertFormsAgree()
        self.assertEqual(self.released_ids(), set())
        check = self.world.alice_perspective
        self.assertEqual(self.visible_feelings(self.alice, check), self.actual_ids(check))
        for person in (self.bob, self.carol, self.erin, self.dan):
            self.assertEqual(self.visible_feelings(person, check), set())

    def test_a_draft_is_seen_by_its_author_only(self):
        draft = self.world.alice_perspective_draft
        self.assertFormsAgree()
        for person in (self.bob, self.carol, self.erin, self.dan):
            self.assertFalse(can_see(person, fresh(draft)))
            self.assertEqual(self.visible_feelings(person, draft), set())

    def test_the_guess_releases_the_feelings(self):
        check = fresh(self.world.alice_perspective)
        services.perspective_guess(check=check, guesser=self.bob, feelings=choices({"sad": 2}))
        self.assertFormsAgree()
        self.assertEqual(self.released_ids(), self.actual_ids(check))
        self.assertEqual(self.visible_feelings(self.bob, check), self.actual_ids(check))
        for person in (self.carol, self.erin, self.dan):
            self.assertEqual(self.visible_feelings(person, check), set())

    def test_a_guess_on_another_check_releases_nothing(self):
        other = sent_check(self.alice, "Another evening", {"tired": 2})
        services.perspective_guess(check=other, guesser=self.bob, feelings=choices({"hurt": 2}))
        self.assertFormsAgree()
        check = self.world.alice_perspective
        self.assertEqual(self.visible_feelings(self.bob, check), set())
        self.assertEqual(self.released_ids(), self.actual_ids(other))

    def test_the_response_is_shared_in_the_couple(self):
        check = fresh(self.world.alice_perspective)
        services.perspective_guess(check=check, guesser=self.bob, feelings=choices({"sad": 2}))
        services.perspective_validate(check=fresh(check), guesser=self.bob, text="Makes sense")
        self.assertFormsAgree()
        response = PerspectiveResponse.objects.get()
        self.assertTrue(can_see(self.alice, response))
        self.assertFalse(can_see(self.carol, response))

    def test_after_unpairing_each_keeps_only_their_own(self):
        check = fresh(self.world.alice_perspective)
        services.perspective_guess(check=check, guesser=self.bob, feelings=choices({"sad": 2}))
        services.perspective_validate(check=fresh(check), guesser=self.bob, text="Makes sense")
        couple_unpair(user=self.alice)
        self.assertFormsAgree()
        forget_couple(self.bob)
        self.assertFalse(can_see(self.bob, fresh(check)))
        self.assertEqual(self.visible_feelings(self.bob, check), set())
        self.assertEqual(self.visible_feelings(self.alice, check), self.actual_ids(check))
        forget_couple(self.alice)
        guess = PerspectiveFeeling.objects.filter(perspective=check, role=Role.GUESS)
        self.assertFalse(visible(guess, self.alice).exists())
        self.assertFalse(can_see(self.alice, PerspectiveResponse.objects.get()))

    def test_a_new_partner_never_sees_an_earlier_pairings_checks(self):
        couple_unpair(user=self.bob)
        pat = make_person("Pat")
        forget_couple(self.alice)
        make_couple(self.alice, pat)
        self.assertFormsAgree()
        self.assertFalse(can_see(pat, fresh(self.world.alice_perspective)))
        self.assertEqual(self.visible_feelings(pat, self.world.alice_perspective), set())
        with self.assertRaises(ServiceError) as caught:
            services.perspective_guess(
                check=fresh(self.world.alice_perspective),
                guesser=pat,
                feelings=choices({"hurt": 1}),
            )
        self.assertEqual(caught.exception.status, 404)
        self.assertIsNone(fresh(self.world.alice_perspective).guessed_at)

    def test_deleting_the_check_leaves_nothing_to_see(self):
        check = fresh(self.world.alice_perspective)
        services.perspective_guess(check=check, guesser=self.bob, feelings=choices({"sad": 2}))
        services.perspective_delete(check=check, author=self.alice)
        self.assertFormsAgree()
        self.assertEqual(self.released_ids(), set())
        self.assertFalse(PerspectiveFeeling.objects.filter(perspective_id=check.pk).exists())


ACTORS = ("alice", "bob", "carol")
VIEWERS = ("alice", "bob", "carol", "erin")
COUPLE_OF = {"alice": "ab", "bob": "ab", "carol": "ce", "erin": "ce"}
PARTNER = {"alice": "bob", "bob": "alice", "carol": "erin", "erin": "carol"}
# Labels that never appear elsewhere on a detail page with an intensity after them.
feelings_maps = st.dictionaries(
    st.sampled_from(["hurt", "lonely", "tired", "calm", "proud", "worried"]),
    st.integers(min_value=1, max_value=5),
    min_size=1,
    max_size=3,
)


class PerspectiveMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.people = {name: make_person(name.title()) for name in VIEWERS}
        make_couple(self.people["alice"], self.people["bob"])
        make_couple(self.people["carol"], self.people["erin"])
        self.paired = {"ab": True, "ce": True}
        self.tokens = {
            name: token_create(user=person, name="sm")[1] for name, person in self.people.items()
        }
        # The expected state of every check: author, situation, feelings, couple, guessed.
        self.checks: list[dict] = []
        self.counter = 0
        # Start with a sent check in each couple, so early steps have something to guess.
        for who, feelings in (("alice", {"hurt": 4}), ("carol", {"worried": 2})):
            check = sent_check(self.people[who], f"First situation by {who}", feelings)
            self.checks.append(
                {
                    "pk": check.pk,
                    "author": who,
                    "situation": check.situation,
                    "feelings": feelings,
                    "couple": COUPLE_OF[who],
                    "guessed": False,
                }
            )

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def person(self, name):
        person = self.people[name]
        forget_couple(person)
        return person

    def couple_of(self, name) -> str | None:
        couple = COUPLE_OF[name]
        return couple if self.paired[couple] else None

    def pick(self, index):
        return self.checks[index % len(self.checks)] if self.checks else None

    def refused(self, call) -> str | None:
        try:
            call()
        except ServiceError as exc:
            return exc.code
        return None

    # What each person should see.

    def may_see_check(self, viewer, expected) -> bool:
        if viewer == expected["author"]:
            return True
        return expected["couple"] is not None and expected["couple"] == self.couple_of(viewer)

    def may_see_feelings(self, viewer, expected) -> bool:
        if viewer == expected["author"]:
            return True
        return self.may_see_check(viewer, expected) and expected["guessed"]

    # Steps.

    @rule(who=st.sampled_from(ACTORS), feelings=feelings_maps)
    def prepare(self, who, feelings):
        self.counter += 1
        situation = f"Situation number {self.counter}"
        check = make_perspective(self.person(who), situation, feelings=feelings)
        self.checks.append(
            {
                "pk": check.pk,
                "author": who,
                "situation": situation,
                "feelings": feelings,
                "couple": None,
                "guessed": False,
            }
        )

    @rule(who=st.sampled_from(ACTORS), index=st.integers(0, 20), feelings=feelings_maps)
    def edit(self, who, index, feelings):
        expected = self.pick(index)
        if expected is None:
            return
        self.counter += 1
        situation = f"Situation number {self.counter}"
        code = self.refused(
            lambda: services.perspective_save(
                sharer=self.person(who),
                situation=situation,
                feelings=choices(feelings),
                check=PerspectiveCheck.objects.get(pk=expected["pk"]),
            )
        )
        if who != expected["author"]:
            assert code == "not_yours", code
        elif expected["couple"] is not None:
            assert code == "sent", code
        else:
            assert code is None, code
            expected.update(situation=situation, feelings=feelings)

    @rule(who=st.sampled_from(ACTORS), index=st.integers(0, 20))
    def send(self, who, index):
        expected = self.pick(index)
        if expected is None:
            return
        code = self.refused(
            lambda: services.perspective_send(
                check=PerspectiveCheck.objects.get(pk=expected["pk"]), sharer=self.person(who)
            )
        )
        if who != expected["author"]:
            assert code == "not_yours", code
        elif self.couple_of(who) is None:
            assert code == "not_paired", code
        else:
            assert code is None, code
            if expected["couple"] is None:
                expected["couple"] = self.couple_of(who)
                self.look_at(PARTNER[who], expected)

    @rule(who=st.sampled_from(ACTORS), index=st.integers(0, 20), feelings=feelings_maps)
    def guess(self, who, index, feelings):
        expected = self.pick(index)
        if expected is None:
            return
        code = self.refused(
            lambda: services.perspective_guess(
                check=PerspectiveCheck.objects.get(pk=expected["pk"]),
                guesser=self.person(who),
                feelings=choices(feelings),
            )
        )
        if who == expected["author"]:
            assert code == "own", code
        elif not self.may_see_check(who, expected):
            assert code == "not_shared", code
        elif expected["guessed"]:
            assert code == "guessed", code
        else:
            assert code is None, code
            expected["guessed"] = True
            self.look_at(who, expected)
            self.look_at(expected["author"], expected)

    @rule(who=st.sampled_from(ACTORS), index=st.integers(0, 20))
    def delete(self, who, index):
        expected = self.pick(index)
        if expected is None:
            return
        code = self.refused(
            lambda: services.perspective_delete(
                check=PerspectiveCheck.objects.get(pk=expected["pk"]), author=self.person(who)
            )
        )
        if who != expected["author"]:
            assert code == "not_yours", code
        else:
            assert code is None, code
            self.checks.remove(expected)

    @rule(who=st.sampled_from(ACTORS))
    def unpair(self, who):
        code = self.refused(lambda: couple_unpair(user=self.person(who)))
        if self.couple_of(who) is None:
            assert code == "not_paired", code
        else:
            assert code is None, code
            self.paired[COUPLE_OF[who]] = False

    # Checks after every step.

    @invariant()
    def the_access_layer_follows_the_rule(self):
        checks = PerspectiveCheck.objects.in_bulk()
        assert set(checks) == {expected["pk"] for expected in self.checks}
        rows = list(PerspectiveFeeling.objects.filter(role=Role.ACTUAL))
        released = set(
            PerspectiveFeeling.objects.filter(visibility=Visibility.SEALED)
            .filter(PerspectiveFeeling.release_q())
            .values_list("pk", flat=True)
        )
        by_check = {expected["pk"]: expected for expected in self.checks}
        # One row per check for the one-object forms (the rule does not depend on the word).
        first_rows = {}
        for row in rows:
            expected = by_check[row.perspective_id]
            assert row.visibility == Visibility.SEALED
            assert (row.pk in released) == expected["guessed"], expected
            first_rows.setdefault(row.perspective_id, row)
        for expected in self.checks:
            stored = {r.feeling: r.intensity for r in rows if r.perspective_id == expected["pk"]}
            assert stored == expected["feelings"], expected
            assert first_rows[expected["pk"]].is_released() == expected["guessed"], expected
        for viewer_name in VIEWERS:
            viewer = self.person(viewer_name)
            seen = set(visible(PerspectiveCheck.objects.all(), viewer).values_list("pk", flat=True))
            felt = set(
                visible(PerspectiveFeeling.objects.filter(role=Role.ACTUAL), viewer).values_list(
                    "pk", flat=True
                )
            )
            for expected in self.checks:
                may_see = self.may_see_check(viewer_name, expected)
                assert (expected["pk"] in seen) == may_see, (viewer_name, expected)
                assert can_see(viewer, checks[expected["pk"]]) == may_see, (viewer_name, expected)
            for row in rows:
                may_feel = self.may_see_feelings(viewer_name, by_check[row.perspective_id])
                assert (row.pk in felt) == may_feel, (viewer_name, row)
            for pk, row in first_rows.items():
                may_feel = self.may_see_feelings(viewer_name, by_check[pk])
                assert can_see(viewer, row) == may_feel, (viewer_name, row)

    @rule(viewer_name=st.sampled_from(VIEWERS), index=st.integers(0, 20))
    def look(self, viewer_name, index):
        """List the checks as the pages do, then open one's page and its API as this person."""
        viewer = self.person(viewer_name)
        views = {view.check.pk: view for view in selectors.checks_for(viewer, limit=50)[0]}
        for expected in self.checks:
            assert (expected["pk"] in views) == self.may_see_check(viewer_name, expected)
            if expected["pk"] in views:
                shown = {f.feeling: f.intensity for f in views[expected["pk"]].actual}
                may_feel = self.may_see_feelings(viewer_name, expected)
                assert shown == (expected["feelings"] if may_feel else {}), viewer_name
        expected = self.pick(index)
        if expected is not None:
            client = self.look_at(viewer_name, expected)
            # The list page shows situations only, never anyone's feelings.
            assert "/5)" not in main_of(client.get(url("index")))

    def look_at(self, viewer_name, expected):
        """Open the check's page, its API and the list page as this person."""
        viewer = self.person(viewer_name)
        check = PerspectiveCheck.objects.get(pk=expected["pk"])
        may_see = self.may_see_check(viewer_name, expected)
        may_feel = self.may_see_feelings(viewer_name, expected)
        client = Client()
        client.force_login(viewer)
        page = client.get(url("detail", check))
        api = Client().get(
            f"/api/perspective/{check.public_id}",
            HTTP_AUTHORIZATION=f"Bearer {self.tokens[viewer_name]}",
        )
        assert page.status_code == (200 if may_see else 404), (viewer_name, page.status_code)
        assert api.status_code == (200 if may_see else 404), (viewer_name, api.status_code)
        main = main_of(page)
        mine = viewer_name == expected["author"]
        current = expected["couple"] is not None and expected["couple"] == self.couple_of(
            viewer_name
        )
        for key, level in expected["feelings"].items():
            marker = f"{key} ({level}/5)"
            if not may_feel:
                assert marker not in main, (viewer_name, marker)
                assert marker not in api.content.decode(), (viewer_name, marker)
            elif not mine or current:
                assert marker in main, (viewer_name, marker)
        if not may_feel:
            assert "felt</h3>" not in main, viewer_name
        if may_see:
            body = api.json()
            shown = {f["feeling"]: f["intensity"] for f in body["feelings"]}
            assert shown == (expected["feelings"] if may_feel else {}), (viewer_name, body)
            assert (body["overlap"] is not None) == (current and expected["guessed"]), body
            assert expected["situation"] in main
        else:
            assert expected["situation"] not in main + api.content.decode()
        return client


class ReleaseRuleMachineTests(TestCase):
    def test_no_one_but_the_sharer_sees_the_feelings_before_the_guess(self):
        run_state_machine_as_test(
            PerspectiveMachine,
            settings=settings(max_examples=15, stateful_step_count=10, deadline=None),
        )
