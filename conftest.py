import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "hearth",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "hearth"))


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def world(db):
    from hearth.testing import build_world

    return build_world()
