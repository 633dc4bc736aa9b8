"""The home page's main part, rendered once and reused until something changes.

The key holds everything the fragment depends on: the person and their
`content_version`, the couple and its `version` (bumped by every write that
touches either partner's pages, see hearth/core/freshness.py), each local date
(the day's question and check-in change at midnight) and the browser's CSRF
secret (the forms in the fragment carry a token for it).
"""

import hashlib

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from hearth.access import current_couple
from hearth.questions.services import couple_today


def fragment_key(request) -> str:
    user = request.user
    couple = current_couple(user)
    get_token(request)  # makes sure the browser has a CSRF secret
    secret = request.META.get("CSRF_COOKIE", "")
    parts = [
        str(user.pk),
        str(user.content_version),
        user.local_today().isoformat(),
        f"{couple.pk}.{couple.version}.{couple_today(couple).isoformat()}" if couple else "solo",
        hashlib.sha256(secret.encode()).hexdigest()[:16],
    ]
    return "home:" + ":".join(parts)


def render_cached(request, template: str, build_context) -> str:
    """The fragment from the cache, or rendered with build_context() and stored."""
    cache = caches["pages"]
    key = fragment_key(request)
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, build_context(), request=request)
        cache.set(key, html)
    return html
