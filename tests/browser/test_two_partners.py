"""Two partners on two phones: sign up, pair, check in, answer the daily question.

The main flow runs with JavaScript on (htmx swaps the cards in place); a shorter
flow proves the same forms work as plain forms with JavaScript off. Both record
every request the browsers make and check that none leaves the server.
"""

import base64
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import HOME, confirmation_link, foreign_requests, log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANA_ANSWER = "The way you hum while making coffee on Sunday mornings."
BEN_ANSWER = "When you laughed so hard at the lake that you dropped the map."
BEN_REPLY = "I hum because I'm happy you're there."


def sign_up(page: Page, *, email: str, name: str, pronouns: str, screenshot: str = "") -> None:
    """Fill allauth's sign-up form (with Hearth's extra fields), then confirm the email."""
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign Up")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    if pronouns:
        page.get_by_label("Pronouns (optional)").fill(pronouns)
    # app.js guesses the time zone from the browser (the context runs in Europe/Berlin).
    expect(page.get_by_label("Your time zone")).to_have_value("Europe/Berlin")
    page.get_by_label("Deeper: feelings, values, the two of us").check()
    page.get_by_label("Password", exact=True).fill("a tender lantern 42")
    page.get_by_label("Password (again)").fill("a tender lantern 42")
    if screenshot:
        shot(page, screenshot)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify Your Email")

    page.goto(confirmation_link(email))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(HOME)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hello, {name}")


def check_in(
    page: Page, *, group, feeling, intensity, closeness, need, note, screenshot=""
) -> None:
    """Fill today's check-in: one feeling with its intensity, closeness, a need and a note."""
    page.goto("/checkin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How are you today?")
    page.locator("summary", has_text=group).click()
    page.get_by_label(feeling, exact=True).check()
    page.get_by_label(f"How strongly {feeling}").select_option(intensity)
    page.get_by_role("group", name="How close do you feel").get_by_label(
        closeness, exact=True
    ).check()
    page.get_by_label(need, exact=True).check()
    page.get_by_label("A note (optional)").fill(note)
    if screenshot:
        shot(page, screenshot)
    page.get_by_role("button", name="Save my check-in").click()
    page.wait_for_url(HOME)


def question_card(page: Page):
    return page.locator("article[id^='question-']")


def mark_page(page: Page) -> None:
    """Set a flag in the window; it survives htmx swaps and is gone after a page load."""
    page.evaluate("window.__hearthNoReload = true")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__hearthNoReload === true"), "the page was reloaded"


def side_by_side(browser, left: Path, right: Path, name: str) -> None:
    """One picture of both phones, made by the browser itself (no image library)."""

    def data_uri(path):
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()

    context = browser.new_context(viewport={"width": 820, "height": 900})
    try:
        page = context.new_page()
        page.set_content(
            "<body style='margin:0;display:flex;gap:20px;align-items:flex-start;"
            "background:#333;padding:10px'>"
            f"<img src='{data_uri(left)}' width='390'><img src='{data_uri(right)}' width='390'>"
            "</body>"
        )
        shot(page, name)
    finally:
        context.close()


def test_two_partners_sign_up_pair_check_in_and_reveal(browser, open_phone, live_server):
    from django.core import mail

    from hearth.accounts.models import User

    mail.outbox.clear()
    ana = open_phone("Ana")
    ben = open_phone("Ben")

    # Sign up on two phones.
    sign_up(
        ana.page,
        email="ana@example.org",
        name="Ana",
        pronouns="she/her",
        screenshot="01-signup-form-ana",
    )
    sign_up(ben.page, email="ben@example.org", name="Ben", pronouns="")
    ana_user = User.objects.get(email="ana@example.org")
    assert (ana_user.timezone, ana_user.comfort_level, ana_user.pronouns) == (
        "Europe/Berlin",
        "deeper",
        "she/her",
    )

    # Ana invites, Ben types the code his own way.
    ana.page.goto("/pair/")
    ana.page.get_by_role("button", name="Create an invitation").click()
    code = ana.page.locator("#invite-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    shot(ana.page, "02-pairing-code-ana")

    ben.page.goto("/pair/")
    ben.page.get_by_label("Invitation code").fill(code.lower().replace("-", " "))
    ben.page.get_by_role("button", name="Continue").click()
    expect(ben.page.get_by_role("heading", level=1)).to_have_text("Pair with Ana?")
    expect(ben.page.get_by_text("Ana (she/her) would like to use Hearth with you")).to_be_visible()
    shot(ben.page, "03-pair-confirm-ben")
    ben.page.get_by_label("Yes, pair us").check()
    ben.page.get_by_role("button", name="Pair us").click()
    ben.page.wait_for_url(HOME)
    expect(ben.page.get_by_text("You and Ana are paired")).to_be_visible()

    # Both check in, each sees the other's shared check-in at home.
    check_in(
        ana.page,
        group="Love and tenderness",
        feeling="tender",
        intensity="4",
        closeness="6",
        need="A hug",
        note="Missed you at lunch.",
        screenshot="04-checkin-form-ana",
    )
    check_in(
        ben.page,
        group="Calm",
        feeling="relaxed",
        intensity="2",
        closeness="5",
        need="To talk",
        note="Long day, good evening.",
    )
    ana.page.goto("/")
    theirs = ana.page.locator("article", has_text="Ben's check-in")
    expect(theirs).to_contain_text("relaxed (2/5)")
    expect(theirs).to_contain_text("Long day, good evening.")
    ben.page.goto("/")
    theirs = ben.page.locator("article", has_text="Ana's check-in")
    expect(theirs).to_contain_text("tender (4/5)")
    expect(theirs).to_contain_text("Feeling close: 6 of 7")
    expect(theirs).to_contain_text("Missed you at lunch.")

    # Ana answers first; htmx swaps the card in place.
    ana.page.goto("/")
    card = question_card(ana.page)
    expect(card).to_contain_text("Answers are sealed")
    mark_page(ana.page)
    card.get_by_label("Your answer").fill(ANA_ANSWER)
    card.get_by_role("button", name="Seal my answer").click()
    expect(card).to_contain_text("Waiting for Ben")
    assert_not_reloaded(ana.page)
    assert ana.page.url == live_server.url + "/"
    shot(ana.page, "05-home-waiting-ana")

    # Ben sees that Ana answered, but not what she wrote.
    ben.page.reload()
    card = question_card(ben.page)
    expect(card).to_contain_text("Ana has answered")
    assert ANA_ANSWER not in ben.page.content()
    shot(ben.page, "06-home-partner-answered-ben")

    mark_page(ben.page)
    card.get_by_label("Your answer").fill(BEN_ANSWER)
    card.get_by_role("button", name="Seal my answer").click()
    expect(card.get_by_role("heading", name="Ana wrote")).to_be_visible()
    expect(card).to_contain_text(ANA_ANSWER)
    expect(card).to_contain_text(BEN_ANSWER)
    assert_not_reloaded(ben.page)

    ana.page.reload()
    card = question_card(ana.page)
    expect(card.get_by_role("heading", name="Ben wrote")).to_be_visible()
    expect(card).to_contain_text(BEN_ANSWER)
    expect(card).to_contain_text(ANA_ANSWER)
    shot(ana.page, "07-home-revealed-ana")

    # Ben replies to Ana's answer; Ana marks that she felt heard.
    card = question_card(ben.page)
    card.get_by_label("Reply to Ana").fill(BEN_REPLY)
    card.get_by_role("button", name="Send reply").click()
    expect(card).to_contain_text("You replied")
    expect(card).to_contain_text(BEN_REPLY)
    assert_not_reloaded(ben.page)
    ben.page.reload()  # Ben's home is now rendered (and cached) before Ana reacts
    expect(question_card(ben.page)).not_to_contain_text("felt heard")

    ana.page.reload()
    # The reply is right there in today's card, so it is not listed as waiting.
    expect(ana.page.get_by_role("link", name="Ben replied to your answer")).to_have_count(0)
    card = question_card(ana.page)
    expect(card).to_contain_text(BEN_REPLY)
    mark_page(ana.page)
    card.get_by_role("button", name="I felt heard").click()
    expect(card).to_contain_text("You felt heard")
    assert_not_reloaded(ana.page)
    shot(ana.page, "08-home-felt-heard-ana")

    ben.page.reload()
    expect(question_card(ben.page)).to_contain_text("Ana felt heard")
    ana.page.reload()
    expect(question_card(ana.page)).to_contain_text("You felt heard")
    expect(ana.page.get_by_role("link", name="Ben replied to your answer")).to_have_count(0)
    ana_shot = shot(ana.page, "09-home-final-ana")
    ben_shot = shot(ben.page, "09-home-final-ben")
    side_by_side(browser, ana_shot, ben_shot, "10-both-phones")

    # Nothing the two browsers asked for went anywhere but our own server.
    for person in (ana, ben):
        assert any("/static/hearth/app.js" in url for url in person.requests), person.name
        assert foreign_requests(person.requests, live_server.url) == [], person.name
        # No script errors and no Content-Security-Policy violations along the way.
        assert person.errors == [], person.name


def test_core_flow_without_javascript(open_phone, live_server):
    from hearth.testing import PASSWORD, make_answer, make_couple, make_person, make_question

    cleo = make_person("Cleo", timezone="Europe/Berlin")
    dev = make_person("Dev", timezone="Europe/Berlin")
    couple = make_couple(cleo, dev)
    make_answer(make_question(couple), dev, text="Dev's answer, sealed until Cleo writes.")

    phone = open_phone("Cleo", java_script_enabled=False)
    page = phone.page
    log_in(page, cleo.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Cleo")

    # The check-in is a plain form: it posts and redirects home.
    page.goto("/checkin/")
    page.locator("summary", has_text="Joy").click()
    page.get_by_label("grateful", exact=True).check()
    page.get_by_role("group", name="How close do you feel").get_by_label("4", exact=True).check()
    page.get_by_label("Some space", exact=True).check()
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Save my check-in").click()
    assert navigation.value.request.redirected_from.method == "POST"
    assert page.url == live_server.url + "/"
    expect(page.locator("article", has_text="Your check-in")).to_contain_text("grateful (3/5)")

    # Answering the question posts the form and redirects (to the question's own page:
    # unlike the check-in card, the question card's forms carry no "next").
    card = question_card(page)
    expect(card).to_contain_text("Dev has answered")
    assert "Dev's answer" not in page.content()
    card.get_by_label("Your answer").fill("Cooking together without a recipe.")
    with page.expect_navigation() as navigation:
        card.get_by_role("button", name="Seal my answer").click()
    assert navigation.value.request.redirected_from.method == "POST"
    assert re.fullmatch(rf"{live_server.url}/(questions/[0-9a-f-]{{36}}/)?", page.url), page.url
    card = question_card(page)
    expect(card.get_by_role("heading", name="Dev wrote")).to_be_visible()
    expect(card).to_contain_text("Dev's answer, sealed until Cleo writes.")
    expect(card).to_contain_text("Cooking together without a recipe.")
    shot(page, "11-no-js-revealed-cleo")

    assert any("/static/hearth/app.css" in url for url in phone.requests)
    assert foreign_requests(phone.requests, live_server.url) == []
    assert phone.errors == []
