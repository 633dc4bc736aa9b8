"""Walks every URL pattern and API operation and checks what each person gets.

A route or operation without an entry in tests/matrix.py fails the suite.
"""

import json
import re
from html import escape

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hearth.access import forget_couple
from hearth.accounts.services import token_create
from hearth.api import api
from tests.matrix import ACTORS, CASES, LOGIN, REDIRECT, AdminRule, Case


def walk(patterns, namespace=None, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            name = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from walk(pattern.url_patterns, name, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield name, prefix + str(pattern.pattern), pattern


def api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    return {
        f"api:{operation['operationId']}"
        for methods in schema["paths"].values()
        for operation in methods.values()
    }


def web_route_names() -> set[str]:
    names = set()
    for name, route, _ in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        if (
            name
            and name.startswith("api:")
            and not route.rstrip("/").endswith(("openapi.json", "docs", "api"))
        ):
            continue  # API operations are checked by operation id below
        names.add(name)
    return names


def admin_routes() -> list[tuple[str, str]]:
    """(name, url) for every admin route, with placeholder arguments where needed."""
    placeholders = {"object_id": "1", "app_label": "accounts", "content_type_id": 1, "id": "1"}
    routes = []
    for name, route, pattern in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            continue
        if name is None:  # the admin's final catch-all
            routes.append(("admin:catch-all", "/admin/no-such-page/"))
            continue
        keys = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", str(pattern.pattern))
        kwargs = {a or b: placeholders.get(a or b, "x") for a, b in keys}
        routes.append((name, reverse(name, kwargs=kwargs or None)))
    return routes


def test_every_route_has_an_entry():
    covered = {case.target for case in CASES}
    missing = sorted(web_route_names() - covered)
    assert not missing, f"routes with no authorization matrix entry: {missing}"


def test_every_api_operation_has_an_entry():
    covered = {case.target for case in CASES}
    missing = sorted(api_operations() - covered)
    assert not missing, f"API operations with no authorization matrix entry: {missing}"


def test_no_entry_is_stale():
    known = web_route_names() | api_operations()
    stale = sorted({case.target for case in CASES} - known)
    assert not stale, f"matrix entries for routes that no longer exist: {stale}"


def _url(case: Case, world) -> str:
    args = case.args(world)
    if case.is_api:
        operation = case.target.removeprefix("api:")
        for path, methods in api.get_openapi_schema()["paths"].items():
            for method, spec in methods.items():
                if spec["operationId"] == operation and method.upper() == case.method:
                    names = re.findall(r"{(\w+)}", path)
                    for name, value in zip(names, args, strict=True):
                        path = path.replace("{" + name + "}", str(value))
                    return path + case.query
        raise AssertionError(f"no such operation {case.target} {case.method}")
    return reverse(case.target, args=args) + case.query


def _request(client: Client, case: Case, world, headers: dict):
    url = _url(case, world)
    data = case.data(world) if case.data else None
    method = getattr(client, case.method.lower())
    if case.is_api:
        if data is None:
            return method(url, **headers)
        return method(url, data=json.dumps(data), content_type="application/json", **headers)
    return method(url, data=data or {}, **headers) if case.method != "GET" else method(url)


def _check(response, expected, case: Case):
    status = response.status_code
    location = response.get("Location", "")
    if expected == LOGIN:
        assert status == 302 and "/accounts/login/" in location, (status, location)
    elif expected == REDIRECT:
        assert status == 302 and "/accounts/login/" not in location, (status, location)
    else:
        assert status == expected, (status, response.content[:300])


def _assert_secret(response, case: Case, world, actor: str):
    if case.secret is None:
        return
    secret = case.secret(world)
    body = response.content.decode("utf-8", errors="replace")
    forms = {secret, escape(secret), json.dumps(secret)[1:-1]}
    found = any(form in body for form in forms)
    if actor in case.sees and response.status_code == 200:
        assert found, f"{actor} should see {secret!r}"
    elif actor not in case.sees:
        assert not found, f"{actor} must not see {secret!r}"


def _id(case_actor):
    case, actor = case_actor
    return f"{case.target}[{case.label}]-{case.method}-{actor}"


PARAMS = [(case, actor) for case in CASES for actor in ACTORS]


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The world built once per module; each test runs in a savepoint rolled back after it."""
    from django.db import transaction

    from hearth.testing import build_world

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.mark.parametrize("case_actor", PARAMS, ids=[_id(p) for p in PARAMS])
def test_matrix(case_actor, world):
    case, actor = case_actor
    world.alice_token = token_create(user=world.alice, name="matrix")[0]
    for person in (world.alice, world.bob, world.carol, world.dan, world.erin):
        forget_couple(person)
    client = Client()
    headers = {}
    if actor != "anonymous":
        person = getattr(world, actor)
        if case.is_api:
            headers["HTTP_AUTHORIZATION"] = "Bearer " + token_create(user=person, name="m")[1]
        else:
            client.force_login(person)
    response = _request(client, case, world, headers)
    _check(response, case.expect[actor], case)
    _assert_secret(response, case, world, actor)


ADMIN = AdminRule()


@pytest.mark.parametrize("name_url", admin_routes(), ids=lambda nu: nu[0])
@pytest.mark.parametrize("actor", ACTORS)
def test_admin_is_staff_only(name_url, actor, world):
    name, url = name_url
    client = Client()
    if actor != "anonymous":
        client.force_login(getattr(world, actor))
    response = client.get(url)
    if name in ADMIN.statuses:
        assert response.status_code == ADMIN.statuses[name]
    elif name in ADMIN.public:
        assert response.status_code == 200
    else:
        assert response.status_code == 302, (name, response.status_code)
        assert "/admin/login/" in response["Location"]
