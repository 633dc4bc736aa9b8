"""Shared fixtures for the real-browser tests: one Chromium per module, one context per person.

Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
from a thread with a running loop unless told it is fine (it is: nothing here is async).
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def playwright_driver():
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright_driver) -> Browser:
    browser = playwright_driver.chromium.launch(
        executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Home fragments live in their own cache; no test sees another test's pages."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield
    caches["pages"].clear()


@dataclass
class Person:
    """One person on their own phone: a browser context, its page, and what it asked for."""

    name: str
    context: BrowserContext
    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def sign_in(self, user) -> None:
        """A session for `user` handed to the browser as its cookie, then the home page.

        Quicker than the login form; the form itself is covered by the no-JavaScript flow.
        """
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.base_url}]
        )
        self.page.goto("/")


@pytest.fixture
def open_phone(browser, live_server):
    """Open a new browser context (a phone) for a person, signed in as `user` if given.

    All contexts are closed after the test.
    """
    opened: list[BrowserContext] = []

    def open_phone(
        name: str,
        *,
        timezone_id: str = "Europe/Berlin",
        java_script_enabled: bool = True,
        viewport: dict | None = None,
        user=None,
    ) -> Person:
        context = browser.new_context(
            viewport=viewport or PHONE,
            device_scale_factor=1,
            is_mobile=False,
            has_touch=False,
            locale="en-GB",
            timezone_id=timezone_id,
            java_script_enabled=java_script_enabled,
            base_url=live_server.url,
        )
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        page = context.new_page()
        person = Person(name=name, context=context, page=page, base_url=live_server.url)
        context.on("request", lambda request: person.requests.append(request.url))
        context.on(
            "console",
            lambda message: (
                person.errors.append(f"{message.page.url if message.page else ''}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        context.on("weberror", lambda error: person.errors.append(str(error.error)))
        if user is not None:
            person.sign_in(user)
        return person

    yield open_phone
    for context in opened:
        context.close()
