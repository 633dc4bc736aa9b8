"""Quick exit: the "Leave quickly" link and Escape pressed three times.

Both replace the current history entry, so Back does not return to the Hearth page
that was open. The exit target is set to a page of the live server (no network).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXIT_PATH = "/safety/?left=1"


@pytest.fixture
def phone(open_phone, live_server, settings):
    """Cleo, signed in, on the home page and then the check-in page."""
    from hearth.testing import make_person

    settings.HEARTH_QUICK_EXIT_URL = live_server.url + EXIT_PATH
    cleo = make_person("Cleo", timezone="Europe/Berlin")
    person = open_phone("Cleo", user=cleo)  # history: home
    person.page.goto("/checkin/")  # history: home, check-in
    expect(person.page.get_by_role("heading", level=1)).to_have_text("How are you today?")
    return person


def assert_left_and_back_skips_checkin(page, live_server) -> None:
    page.wait_for_url(live_server.url + EXIT_PATH)
    assert page.title() != ""  # the exit page is a fresh page, not the hidden one
    page.go_back()
    # The check-in entry was replaced by the exit page: Back goes to the page before it.
    assert page.url == live_server.url + "/", page.url
    page.go_forward()
    assert page.url == live_server.url + EXIT_PATH


def test_leave_quickly_link_replaces_the_history_entry(phone, live_server):
    page = phone.page
    link = page.get_by_role("link", name="Leave quickly")
    expect(link).to_have_attribute("href", live_server.url + EXIT_PATH)
    expect(link).to_have_attribute("rel", re.compile(r"\bnoreferrer\b"))
    link.click()
    assert_left_and_back_skips_checkin(page, live_server)
    shot(page, "20-quick-exit-landed")


def test_escape_three_times_leaves(phone, live_server):
    page = phone.page
    for _ in range(3):
        page.keyboard.press("Escape")
    assert_left_and_back_skips_checkin(page, live_server)


def test_escape_three_times_leaves_while_typing(phone, live_server):
    page = phone.page
    page.get_by_label("A note (optional)").fill("Something I don't want seen")
    page.get_by_label("A note (optional)").focus()
    for _ in range(3):
        page.keyboard.press("Escape")
    assert_left_and_back_skips_checkin(page, live_server)


def test_escape_twice_does_nothing(phone, live_server):
    page = phone.page
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(600)
    assert page.url == live_server.url + "/checkin/"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Presses further apart than 1.5 s don't add up to three either.
    page.wait_for_timeout(1600)
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert page.url == live_server.url + "/checkin/"
    expect(page.get_by_role("heading", level=1)).to_have_text("How are you today?")
