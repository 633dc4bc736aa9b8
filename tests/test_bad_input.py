"""Bad input gets a clear message or a 4xx and changes nothing; never a 500.

Every form and API write is sent empty, over-long, wrongly typed and otherwise
broken input by someone allowed to use it; the whole database is compared
before and after. Script text that is otherwise valid is stored as written and
shown escaped everywhere.
"""

import hashlib
import json
import uuid

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from hearth.accounts.services import token_create
from hearth.content import catalog
from hearth.testing import build_world

SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>"
LONG = "x" * 5001
CARE_WAYS = {f"rank_{w.key}": str(n) for n, w in enumerate(catalog.care_ways, start=1)}
OUR_APPS = ("accounts", "couples", "checkins", "questions", "account")


def fingerprint() -> str:
    """A hash of every row of our apps (and allauth's email addresses)."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        rows = list(model.objects.order_by("pk").values())
        for row in rows:
            row.pop("last_login", None)
            row.pop("last_used_at", None)
        digest.update(f"{model._meta.label}:{rows!r}".encode())
    return digest.hexdigest()


@pytest.fixture
def world(db):
    return build_world()


def web(world, who="alice"):
    client = Client()
    client.force_login(getattr(world, who))
    return client


def api(world, who="alice"):
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = (
        "Bearer " + token_create(user=getattr(world, who), name="bad-input")[1]
    )
    return client


CHECKIN = {
    "feel_happy": "on",
    "intensity_happy": "3",
    "closeness": "5",
    "need": "hug",
    "visibility": "shared",
}

WEB_CASES = [
    # (label, who, route name, args from world, data)
    ("check-in empty", "alice", "checkins:today", None, {}),
    ("check-in no feeling", "alice", "checkins:today", None, {**CHECKIN, "feel_happy": ""}),
    ("check-in closeness 9", "alice", "checkins:today", None, {**CHECKIN, "closeness": "9"}),
    ("check-in intensity 6", "alice", "checkins:today", None, {**CHECKIN, "intensity_happy": "6"}),
    ("check-in unknown need", "alice", "checkins:today", None, {**CHECKIN, "need": "cake"}),
    ("check-in note too long", "alice", "checkins:today", None, {**CHECKIN, "note": LONG}),
    (
        "check-in own words empty",
        "alice",
        "checkins:today",
        None,
        {**CHECKIN, "need": "own_words", "need_words": "  "},
    ),
    (
        "check-in own words too long",
        "alice",
        "checkins:today",
        None,
        {**CHECKIN, "need": "own_words", "need_words": LONG},
    ),
    ("check-in sealed", "alice", "checkins:today", None, {**CHECKIN, "visibility": "sealed"}),
    ("reply empty", "alice", "checkins:reply", "bob_shared_checkin", {"text": "  "}),
    ("reply too long", "alice", "checkins:reply", "bob_shared_checkin", {"text": LONG}),
    ("react unknown", "alice", "checkins:react", "bob_shared_checkin", {"reaction": "nope"}),
    (
        "appreciation react unknown",
        "bob",
        "appreciation:react",
        "alice_appreciation",
        {"reaction": "nope"},
    ),
    (
        "appreciation react too long",
        "bob",
        "appreciation:react",
        "alice_appreciation",
        {"reaction": LONG},
    ),
    ("react too long", "alice", "checkins:react", "bob_shared_checkin", {"reaction": LONG}),
    ("good news empty", "alice", "goodnews:index", None, {"text": "  "}),
    ("good news too long", "alice", "goodnews:index", None, {"text": LONG}),
    ("good news reply empty", "bob", "goodnews:reply", "alice_good_news", {"text": ""}),
    ("good news reply too long", "bob", "goodnews:reply", "alice_good_news", {"text": LONG}),
    ("good news felt unknown", "alice", "goodnews:felt", "alice_good_news", {"felt": "nope"}),
    ("care ways nothing", "alice", "appreciation:cared_for", None, {}),
    (
        "care ways place twice",
        "alice",
        "appreciation:cared_for",
        None,
        {**CARE_WAYS, "rank_time": "1"},
    ),
    (
        "care ways detail too long",
        "alice",
        "appreciation:cared_for",
        None,
        {**CARE_WAYS, "detail_words": LONG},
    ),
    (
        "care ways other name too long",
        "alice",
        "appreciation:cared_for",
        None,
        {**CARE_WAYS, "label_other": LONG},
    ),
    ("answer empty", "bob", "questions:answer", "question_today", {"text": "   "}),
    ("answer too long", "bob", "questions:answer", "question_today", {"text": LONG}),
    ("answer reply empty", "bob", "questions:reply", "alice_released_answer", {"text": ""}),
    ("answer reply too long", "bob", "questions:reply", "alice_released_answer", {"text": LONG}),
    ("code empty", "dan", "couples:enter_code", None, {"code": ""}),
    ("code too long", "dan", "couples:enter_code", None, {"code": LONG}),
    ("code script", "dan", "couples:enter_code", None, {"code": SCRIPT}),
    ("accept nothing", "dan", "couples:accept", None, {}),
    ("accept unknown code", "dan", "couples:accept", None, {"code": "ZZZZ-ZZZZ", "confirm": "on"}),
    ("unpair unconfirmed", "bob", "couples:unpair", None, {}),
    ("couple zone unknown", "bob", "couples:settings", None, {"timezone": "Mars/Base"}),
    ("profile empty", "alice", "accounts:settings", None, {}),
    (
        "profile name too long",
        "alice",
        "accounts:settings",
        None,
        {"display_name": LONG, "timezone": "UTC", "comfort_level": "light"},
    ),
    (
        "profile zone unknown",
        "alice",
        "accounts:settings",
        None,
        {"display_name": "A", "timezone": "Mars/Base", "comfort_level": "light"},
    ),
    (
        "profile comfort unknown",
        "alice",
        "accounts:settings",
        None,
        {"display_name": "A", "timezone": "UTC", "comfort_level": "extreme"},
    ),
    ("token name empty", "alice", "accounts:tokens", None, {"name": " "}),
    ("token name too long", "alice", "accounts:tokens", None, {"name": LONG}),
]


@pytest.mark.parametrize("case", WEB_CASES, ids=[c[0] for c in WEB_CASES])
def test_web_forms_refuse_bad_input_and_change_nothing(case, world):
    label, who, route, target, data = case
    client = web(world, who)
    args = [getattr(world, target).public_id] if target else []
    before = fingerprint()
    response = client.post(reverse(route, args=args), data)
    assert 400 <= response.status_code < 500, (label, response.status_code)
    assert fingerprint() == before, f"{label} changed the database"
    if response.status_code in (400, 422):
        body = response.content.decode()
        assert 'class="errorlist"' in body or 'role="alert"' in body, f"{label}: no message"


def test_unknown_ids_are_404(world):
    client = web(world)
    for url in (
        f"/checkins/{uuid.uuid4()}/",
        f"/questions/{uuid.uuid4()}/",
        f"/checkins/{uuid.uuid4()}/reply/",
        "/checkins/not-a-uuid/",
        f"/pair/join/{'x' * 300}/",
    ):
        response = client.get(url) if "reply" not in url else client.post(url, {"text": "hi"})
        assert response.status_code in (404, 409, 410), (url, response.status_code)


def test_wrong_methods_are_405(world):
    client = web(world)
    for url in ("/checkins/", "/questions/", "/safety/"):
        assert client.post(url).status_code == 405
    question = world.question_today.public_id
    for url in (f"/questions/{question}/answer/", f"/questions/{question}/pass/", "/pair/invite/"):
        assert client.get(url).status_code == 405
    assert client.put(reverse("checkins:today")).status_code == 405


FEELINGS = [{"feeling": "happy", "intensity": 3}]
GOOD_CHECKIN = {"feelings": FEELINGS, "closeness": 5, "need": "hug"}

API_CASES = [
    ("check-in empty", "put", "/api/checkins/today", None, {}),
    ("check-in not json", "put", "/api/checkins/today", None, "{not json"),
    ("check-in closeness 0", "put", "/api/checkins/today", None, {**GOOD_CHECKIN, "closeness": 0}),
    (
        "check-in closeness text",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "closeness": "5"},
    ),
    (
        "check-in closeness true",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "closeness": True},
    ),
    (
        "check-in feelings not a list",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "feelings": "happy"},
    ),
    (
        "check-in seven feelings",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "feelings": [{"feeling": f"f{i}", "intensity": 1} for i in range(7)]},
    ),
    (
        "check-in unknown feeling",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "feelings": [{"feeling": "zany", "intensity": 1}]},
    ),
    (
        "check-in same feeling twice",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "feelings": FEELINGS * 2},
    ),
    ("check-in unknown need", "put", "/api/checkins/today", None, {**GOOD_CHECKIN, "need": "cake"}),
    ("check-in note too long", "put", "/api/checkins/today", None, {**GOOD_CHECKIN, "note": LONG}),
    ("check-in NUL", "put", "/api/checkins/today", None, {**GOOD_CHECKIN, "note": "a\x00b"}),
    (
        "check-in lone surrogate",
        "put",
        "/api/checkins/today",
        None,
        '{"feelings": [{"feeling": "happy", "intensity": 3}], "closeness": 5, "need": "hug", '
        '"note": "\\ud800"}',
    ),
    (
        "check-in visibility sealed",
        "put",
        "/api/checkins/today",
        None,
        {**GOOD_CHECKIN, "visibility": "sealed"},
    ),
    ("reply empty", "post", "/api/checkins/{}/replies", "bob_shared_checkin", {"text": ""}),
    ("reply too long", "post", "/api/checkins/{}/replies", "bob_shared_checkin", {"text": LONG}),
    (
        "reaction unknown",
        "put",
        "/api/checkins/{}/reaction",
        "bob_shared_checkin",
        {"reaction": "nope"},
    ),
    ("answer empty", "put", "/api/questions/{}/answer", "question_today", {"text": ""}),
    ("answer spaces", "put", "/api/questions/{}/answer", "question_today", {"text": "   "}),
    ("answer too long", "put", "/api/questions/{}/answer", "question_today", {"text": LONG}),
    (
        "answer unknown question",
        "put",
        f"/api/questions/{uuid.uuid4()}/answer",
        None,
        {"text": "hello"},
    ),
    ("answer bad id", "put", "/api/questions/not-a-uuid/answer", None, {"text": "hello"}),
    ("me name empty", "patch", "/api/me", None, {"display_name": ""}),
    ("me name spaces", "patch", "/api/me", None, {"display_name": "   "}),
    ("me zone unknown", "patch", "/api/me", None, {"timezone": "Mars/Base"}),
    ("me comfort unknown", "patch", "/api/me", None, {"comfort_level": "extreme"}),
    ("accept nothing", "post", "/api/pairing/accept", None, {}),
    ("accept code too long", "post", "/api/pairing/accept", None, {"code": LONG}),
    ("unpair unconfirmed", "post", "/api/pairing/unpair", None, {"confirm": False}),
    ("couple zone unknown", "patch", "/api/pairing", None, {"timezone": "Mars/Base"}),
]


@pytest.mark.parametrize("case", API_CASES, ids=[c[0] for c in API_CASES])
def test_api_refuses_bad_input_and_changes_nothing(case, world):
    label, method, path, target, body = case
    client = api(world, "bob" if "answer" in label and target else "alice")
    if target:
        path = path.format(getattr(world, target).public_id)
    payload = body if isinstance(body, str) else json.dumps(body)
    before = fingerprint()
    response = getattr(client, method)(path, data=payload, content_type="application/json")
    assert 400 <= response.status_code < 500, (label, response.status_code, response.content)
    assert fingerprint() == before, f"{label} changed the database"
    data = response.json()
    assert data["detail"], label


def test_script_text_is_stored_as_written_and_shown_escaped(world):
    alice, bob = web(world, "alice"), web(world, "bob")
    alice.post(reverse("checkins:today"), {**CHECKIN, "note": SCRIPT})
    alice.post(
        reverse("checkins:reply", args=[world.bob_shared_checkin.public_id]), {"text": SCRIPT}
    )
    bob.post(reverse("questions:answer", args=[world.question_today.public_id]), {"text": SCRIPT})
    alice.post(
        reverse("accounts:settings"),
        {"display_name": "Al<b>ice</b>", "timezone": "UTC", "comfort_level": "light"},
    )
    pages = {
        "alice home": alice.get("/"),
        "bob home": bob.get("/"),
        "bob check-in": bob.get(
            reverse("checkins:detail", args=[world.bob_shared_checkin.public_id])
        ),
        "alice question": alice.get(
            reverse("questions:detail", args=[world.question_today.public_id])
        ),
        "alice history": alice.get(reverse("checkins:history")),
        "bob questions": bob.get(reverse("questions:history")),
    }
    for name, response in pages.items():
        body = response.content.decode()
        assert "<script>alert" not in body, name
        assert "onerror=alert(1)>" not in body, name
        assert "<b>ice</b>" not in body, name
    assert escape(SCRIPT) in pages["bob home"].content.decode()
    assert escape(SCRIPT) in pages["alice question"].content.decode()
    stored = api(world, "alice").get("/api/checkins/today").json()
    assert stored["checkin"]["note"] == SCRIPT
