"""Helpers shared by the browser tests (plain functions; fixtures live in conftest.py)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

# The home page of whichever server: the URL ends at the host's first slash.
HOME = re.compile(r"^https?://[^/]+/$")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"


def shot(page: Page, name: str) -> Path:
    """A full-page screenshot under test-output/browser/, named for the stage it shows."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # The header is sticky: scrolled down, it would be drawn over the middle of the picture.
    page.evaluate("window.scrollTo(0, 0)")
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def shot_and_restore(page: Page, name: str) -> Path:
    """A screenshot, then the page put back as it was.

    Playwright hides the caret for a screenshot by styling every input and textarea,
    and leaves an empty style="" behind. When htmx then swaps in an element with the
    same id, it copies that attribute across, which the Content-Security-Policy (no
    inline styles) reports as a console error that a person using the app would never get.
    """
    path = shot(page, name)
    page.evaluate(
        "document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))"
    )
    return path


def foreign_requests(requests: list[str], live_server_url: str) -> list[str]:
    """Every request that did not go to the live server (data: URLs stay in the page)."""
    server = urlsplit(live_server_url)
    foreign = []
    for url in requests:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            continue
        if (parts.scheme, parts.hostname, parts.port) != (
            server.scheme,
            server.hostname,
            server.port,
        ):
            foreign.append(url)
    return foreign


def confirmation_link(email: str) -> str:
    """The path of the email-confirmation link in the last mail sent to `email`."""
    from django.core import mail

    for message in reversed(mail.outbox):
        if email in message.to:
            found = re.search(r"https?://[^\s]+(/accounts/confirm-email/[^\s/]+/)", message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"No confirmation email to {email} in {len(mail.outbox)} sent")


def log_in(page: Page, email: str, password: str) -> None:
    """Sign in through allauth's login form and wait for the home page."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("Sign in|Log in", re.I)).click()
    page.wait_for_url(HOME)
