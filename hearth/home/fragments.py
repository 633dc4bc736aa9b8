"""The home page's main part, rendered once and reused until something changes.

The key holds everything the fragment depends on that a request knows without a
query: the person and their `content_version` (bumped by every write that
touches their pages or their partner's, see hearth/core/freshness.py), their
local date, and the browser's CSRF secret (the forms in the fragment carry a
token for it). The couple's own day and the partner's (their time zones may
differ) are stored with the fragment and checked on the way out, so the page
turns over at the couple's and the partner's midnight too (the partner's quiet
day and check-in follow the partner's own day).
"""

import hashlib
import zoneinfo

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone

from hearth.access import current_couple, partner_of
from hearth.questions.services import couple_today


def fragment_key(request) -> str:
    user = request.user
    get_token(request)  # makes sure the browser has a CSRF secret
    secret = request.META.get("CSRF_COOKIE", "")
    parts = [
        str(user.pk),
        str(user.content_version),
        user.local_today().isoformat(),
        hashlib.sha256(secret.encode()).hexdigest()[:16],
    ]
    return "home:" + ":".join(parts)


def _still_today(zone, day) -> bool:
    """Whether it is still `day` in `zone` (or in each of a tuple of zones and days)."""
    if zone is None:
        return True
    zones, days = (zone, day) if isinstance(zone, tuple) else ((zone,), (day,))
    now = timezone.now()
    return all(
        now.astimezone(zoneinfo.ZoneInfo(z)).date().isoformat() == d
        for z, d in zip(zones, days, strict=True)
    )


def render_cached(request, template: str, build_context) -> str:
    """The fragment from the cache, or rendered with build_context() and stored."""
    cache = caches["pages"]
    key = fragment_key(request)
    entry = cache.get(key)
    if entry is not None and _still_today(entry[0], entry[1]):
        return entry[2]
    couple = current_couple(request.user)
    partner = partner_of(request.user)
    zone, day = None, None
    if couple is not None:
        zone, day = (couple.timezone,), (couple_today(couple).isoformat(),)
        if partner is not None:
            zone, day = (*zone, partner.timezone), (*day, partner.local_today().isoformat())
    html = render_to_string(template, build_context(), request=request)
    cache.set(key, (zone, day, html))
    return html
