"""Schemathesis against /api/openapi.json over real HTTP, signed in with a token.

Every operation gets generated requests, valid and invalid, sent to a live
server; every check must pass: no server errors, every status declared, every
body matching its schema. Path ids are often swapped for real ids of Alice's
world, so operations run on real objects too, not only on unknown ones.
"""

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearth.accounts.services import token_create
from hearth.api import api
from hearth.testing import build_world

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}
KNOWN_IDS: dict[str, list[str]] = {}
CALLS: Counter = Counter()


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    """Sometimes swap a generated id for a real one, as a Hypothesis choice."""
    choices = {
        name: st.sampled_from([value, *KNOWN_IDS[name]])
        for name, value in (path_parameters or {}).items()
        if name in KNOWN_IDS
    }
    if not choices:
        return st.just(path_parameters)
    return st.fixed_dictionaries(choices).map(lambda picked: {**path_parameters, **picked})


def remember_world(world) -> None:
    KNOWN_IDS.clear()
    KNOWN_IDS.update(
        checkin_id=[
            str(world.bob_shared_checkin.public_id),
            str(world.alice_private_checkin.public_id),
        ],
        question_id=[str(world.question_today.public_id), str(world.question_yesterday.public_id)],
        answer_id=[str(world.bob_released_answer.public_id)],
        reply_id=[str(world.bob_reply_on_alice_answer.public_id)],
        invitation_id=[str(world.dan_invitation.public_id)],
    )


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_operation_conforms_to_its_schema(label, live_server, transactional_db):
    world = build_world()
    remember_world(world)
    headers = {"Authorization": "Bearer " + token_create(user=world.alice, name="st")[1]}
    operation = OPERATIONS[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case):
        response = case.call_and_validate(base_url=live_server.url, headers=headers)
        CALLS[label] += 1
        CALLS["5xx"] += response.status_code >= 500

    check()
    assert CALLS[label] > 0


def test_zz_report_counts():
    """Prints how many requests the tests above made (pytest runs this file in order)."""
    total = sum(n for key, n in CALLS.items() if key != "5xx")
    print(
        f"\nschemathesis: {total} requests over {len(CALLS) - 1} operations, "
        f"{CALLS['5xx']} server errors"
    )
