"""Small helpers shared by the thin views."""

from datetime import date
from uuid import UUID

from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

INVALID = 422  # a form that could not be accepted: the page comes back with messages


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def redirect_back(request, fallback: str):
    return redirect(safe_next(request, fallback))


def render_invalid(request, template: str, context: dict):
    return render(request, template, context, status=INVALID)


def parse_date_param(raw: str | None) -> date | None:
    """A YYYY-MM-DD query parameter, or None when missing or malformed."""
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def parse_uuid_param(raw: str | None) -> UUID | None:
    """A public-id query parameter, or None when missing or malformed."""
    try:
        return UUID(raw) if raw else None
    except ValueError:
        return None
