"""Listening sessions in a real browser: apart on two phones, and together on one.

Apart, each partner only ever sees the form for their own move; while it is the
other's move the page waits and polls (htmx, every 10 s), so a piece said on one
phone shows up on the other without a reload. Together, one phone is passed
between them: names instead of "you", typing optional, and a countdown per turn.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import foreign_requests
from tests.browser.helpers import shot_and_restore as shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SESSION_URL = re.compile(r"/listening/[0-9a-f-]{36}/$")
MOVES = ("say", "reflect", "verdict", "pass")  # the forms that move the session on
POLL_WAIT_MS = 12_000  # the page polls every 10 s while it is the other's move

ANA_PIECE = "I feel lonely on the evenings you work late, even when I know why."
BEN_FIRST = "You're annoyed that I work late so often."
BEN_QUESTION = "Is it every late evening, or some more than others?"
ANA_CORRECTION = "Not annoyed: lonely. I miss you, I'm not blaming you."
BEN_SECOND = "You miss me on those evenings and feel lonely, and you're not blaming me."
BEN_PIECE = "I feel torn: I want to be home, and I'm scared of letting my team down."
ANA_REFLECTION = "You're pulled two ways, home and your team, and that scares you."


def moves(page: Page) -> list[str]:
    """The moves the page offers right now (the step forms, by their action)."""
    actions = page.locator("div.listening form").evaluate_all(
        "forms => forms.map(f => f.getAttribute('action'))"
    )
    return [m for m in MOVES if any(a.rstrip("/").endswith("/" + m) for a in actions)]


def step(page: Page):
    return page.locator("section.step")


def floor(page: Page):
    return page.locator("p.floor")


def mark_page(page: Page) -> None:
    """A flag in the window: it survives htmx swaps and is gone after a page load."""
    page.evaluate("window.__hearthNoReload = true")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__hearthNoReload === true"), "the page was reloaded"


def only_errors_expected(errors: list[str]) -> list[str]:
    """Console errors, less the network lines Chromium logs for a deliberate 422 refusal."""
    return [e for e in errors if "the server responded with a status of 422" not in e]


def test_apart_on_two_phones(open_phone, live_server):
    from django.utils import timezone

    from hearth.listening.models import ListeningSession, State
    from hearth.testing import make_couple, make_person

    # Two time zones, so each page's "come back from" time is checked in its own.
    ana_user = make_person("Ana", timezone="Europe/Berlin")
    ben_user = make_person("Ben", timezone="America/New_York")
    make_couple(ana_user, ben_user)
    ana = open_phone("Ana", user=ana_user)
    ben = open_phone("Ben", user=ben_user, timezone_id="America/New_York")
    a, b = ana.page, ben.page

    # Ana starts a session from a topic idea, apart.
    a.goto("/listening/")
    expect(a.get_by_role("heading", level=1)).to_have_text("Listening sessions")
    a.get_by_label("Pick a gentle topic…").select_option("week")
    a.get_by_label("Each on our own phone").check()
    shot(a, "40-listening-start-ana")
    a.get_by_role("button", name="Start").click()
    a.wait_for_url(SESSION_URL)
    session_path = a.url.removeprefix(live_server.url)
    expect(a.get_by_role("heading", level=2).first).to_have_text("How this week has felt for me")
    expect(floor(a)).to_contain_text("You have the floor; Ben listens.")
    expect(step(a).get_by_role("heading")).to_have_text("Your turn to speak")
    assert moves(a) == ["say", "pass"]

    # Ben finds the open session and waits on its page, which polls.
    b.goto("/listening/")
    b.get_by_role("link", name="Go back to it").click()
    b.wait_for_url(live_server.url + session_path)
    expect(floor(b)).to_contain_text("Ana has the floor; you listen.")
    expect(step(b).get_by_role("heading")).to_have_text("Ana has the floor")
    expect(step(b)).to_contain_text("When Ana has said a piece, it will show here")
    assert moves(b) == []
    expect(b.locator("div.listening")).to_have_attribute("hx-trigger", "every 10s")
    mark_page(b)

    # Ana says a piece; Ben's page picks it up by polling, without a reload.
    a.get_by_label("What you want your partner to hear").fill(ANA_PIECE)
    shot(a, "41-listening-piece-ana")
    a.get_by_role("button", name="Send this piece").click()
    expect(step(a).get_by_role("heading")).to_have_text("Ben is listening")
    assert moves(a) == []
    expect(step(b)).to_contain_text(ANA_PIECE, timeout=POLL_WAIT_MS)
    assert_not_reloaded(b)
    expect(step(b).get_by_role("heading")).to_have_text("Say back what you heard")
    expect(step(b)).to_contain_text("Ana said:")
    assert moves(b) == ["reflect"]
    shot(b, "42-listening-reflect-ben")

    # Ben reflects and asks a question.
    b.get_by_label("What I heard is…").fill(BEN_FIRST)
    b.get_by_label("One question to understand better (optional)").fill(BEN_QUESTION)
    b.get_by_role("button", name="Send what I heard").click()
    expect(step(b).get_by_role("heading")).to_have_text("Waiting for Ana")
    expect(step(b)).to_contain_text("Ana will say whether you got it.")
    assert moves(b) == []
    assert_not_reloaded(b)

    # Ana: "Not quite", with what was missed.
    a.reload()
    expect(step(a).get_by_role("heading")).to_have_text("Did it land?")
    expect(step(a)).to_contain_text(BEN_FIRST)
    expect(step(a)).to_contain_text(BEN_QUESTION)
    assert moves(a) == ["verdict"]
    a.get_by_label("What was missed (optional)").fill(ANA_CORRECTION)
    shot(a, "43-listening-confirm-ana")
    a.get_by_role("button", name="Not quite").click()
    expect(step(a).get_by_role("heading")).to_have_text("Ben is listening")
    assert moves(a) == []

    # Back to Ben, who sees the correction and reflects again.
    b.reload()
    expect(step(b).get_by_role("heading")).to_have_text("Say back what you heard")
    expect(step(b)).to_contain_text(ANA_PIECE)
    expect(step(b)).to_contain_text("Not quite; what was missed:")
    expect(step(b)).to_contain_text(ANA_CORRECTION)
    assert moves(b) == ["reflect"]
    shot(b, "44-listening-not-quite-ben")
    b.get_by_label("What I heard is…").fill(BEN_SECOND)
    b.get_by_role("button", name="Send what I heard").click()
    expect(step(b).get_by_role("heading")).to_have_text("Waiting for Ana")
    assert moves(b) == []

    # Ana: "You got it"; then she passes the floor.
    a.reload()
    expect(step(a)).to_contain_text(BEN_SECOND)
    assert moves(a) == ["verdict"]
    a.get_by_role("button", name="You got it").click()
    expect(step(a)).to_contain_text("It landed")
    expect(step(a).get_by_role("heading")).to_have_text("Your turn to speak")
    assert moves(a) == ["say", "pass"]
    b.reload()
    expect(step(b)).to_contain_text("It landed")
    expect(step(b).get_by_role("heading")).to_have_text("Ana has the floor")
    assert moves(b) == []
    a.get_by_role("button", name="Pass the floor to Ben").click()
    expect(floor(a)).to_contain_text("Ben has the floor; you listen.")
    expect(step(a).get_by_role("heading")).to_have_text("Ben has the floor")
    assert moves(a) == []

    # Ben says a piece; Ana reflects; Ben: "You got it".
    b.reload()
    expect(floor(b)).to_contain_text("You have the floor; Ana listens.")
    expect(step(b).get_by_role("heading")).to_have_text("Your turn to speak")
    assert moves(b) == ["say", "pass"]
    b.get_by_label("What you want your partner to hear").fill(BEN_PIECE)
    b.get_by_role("button", name="Send this piece").click()
    expect(step(b).get_by_role("heading")).to_have_text("Ana is listening")
    assert moves(b) == []

    a.reload()
    expect(step(a)).to_contain_text("Ben said:")
    expect(step(a)).to_contain_text(BEN_PIECE)
    assert moves(a) == ["reflect"]
    a.get_by_label("What I heard is…").fill(ANA_REFLECTION)
    a.get_by_role("button", name="Send what I heard").click()
    expect(step(a).get_by_role("heading")).to_have_text("Waiting for Ben")
    assert moves(a) == []

    b.reload()
    expect(step(b)).to_contain_text(ANA_REFLECTION)
    assert moves(b) == ["verdict"]
    b.get_by_role("button", name="You got it").click()
    expect(step(b)).to_contain_text("It landed")
    assert moves(b) == ["say", "pass"]
    a.reload()
    expect(step(a).get_by_role("heading")).to_have_text("Ben has the floor")
    assert moves(a) == []

    # Ben calls a time-out: twenty minutes, and "go on" refuses before then.
    b.get_by_role("button", name="Time-out").click()
    pause = b.locator("section", has=b.get_by_role("heading", name="Time-out"))
    expect(pause).to_be_visible()
    session = ListeningSession.objects.get()
    assert session.state == State.PAUSED
    assert timedelta(minutes=19) < session.resume_after - timezone.now() <= timedelta(minutes=20)
    ben_back = f"{timezone.localtime(session.resume_after, ben_user.zone):%H:%M}"
    ana_back = f"{timezone.localtime(session.resume_after, ana_user.zone):%H:%M}"
    expect(pause).to_contain_text(f"You can come back from {ben_back}, right where you stopped.")
    assert moves(b) == []
    expect(b.get_by_role("button", name="Time-out")).to_have_count(0)
    b.get_by_role("button", name="We're ready to go on").click()
    expect(b.get_by_role("alert")).to_have_text(
        f"Give yourselves the full break: you can come back from {ben_back}."
    )
    expect(pause).to_be_visible()
    assert ListeningSession.objects.get().state == State.PAUSED
    shot(b, "45-listening-time-out-ben")

    a.reload()
    pause = a.locator("section", has=a.get_by_role("heading", name="Time-out"))
    expect(pause).to_contain_text(f"You can come back from {ana_back}")
    assert moves(a) == []

    # Ana ends the session; both see the same summary.
    a.get_by_role("button", name="End the session").click()
    a.wait_for_url(live_server.url + session_path)
    expect(a.get_by_role("status")).to_contain_text("Thank you both for listening.")
    summary_text = "1 of 2 reflections landed the first time, 2 in the end."
    for page, other in ((a, "Ben"), (b, "Ana")):
        if page is b:
            page.reload()
        summary = page.locator("section", has=page.get_by_role("heading", name="What you heard"))
        expect(summary).to_contain_text(summary_text)
        expect(page.locator("p.floor")).to_have_count(0)
        assert moves(page) == []
        mine = summary.locator("div.reply", has_text="You said")
        theirs = summary.locator("div.reply", has_text=f"{other} said")
        expect(mine.get_by_role("button")).to_have_count(0)
        expect(theirs.get_by_role("button", name="I understand this better now")).to_be_visible()
    ana_piece = b.locator("div.reply", has_text=ANA_PIECE)
    expect(ana_piece).to_contain_text("Ana said · landed")
    expect(ana_piece).not_to_contain_text("first time")
    expect(ana_piece).to_contain_text(BEN_FIRST)
    expect(ana_piece).to_contain_text(BEN_SECOND)
    expect(b.locator("div.reply", has_text=BEN_PIECE)).to_contain_text("landed first time")
    shot(a, "46-listening-summary-ana")

    # Ben marks Ana's piece as something he understands better now.
    mark_page(b)
    ana_piece.get_by_role("button", name="I understand this better now").click()
    expect(ana_piece).to_contain_text("You understand this better now")
    expect(ana_piece.get_by_role("button")).to_have_count(0)
    assert_not_reloaded(b)
    shot(b, "47-listening-summary-ben")

    for person in (ana, ben):
        assert foreign_requests(person.requests, live_server.url) == [], person.name
    assert ana.errors == []
    # Ben's one refused "go on" (422) is logged by Chromium as a failed load; nothing else.
    refused = [e for e in ben.errors if "the server responded with a status of 422" in e]
    assert len(refused) == 1, ben.errors
    assert only_errors_expected(ben.errors) == []
    # Ben's page asked for the session again while he waited: the polling.
    polls = [u for u in ben.requests if u == live_server.url + session_path]
    assert len(polls) >= 2, polls


def test_together_passing_one_phone(open_phone, live_server):
    from hearth.testing import make_couple, make_person

    ana_user = make_person("Ana", timezone="Europe/Berlin")
    ben_user = make_person("Ben", timezone="Europe/Berlin")
    make_couple(ana_user, ben_user)
    phone = open_phone("Ana", user=ana_user)
    page = phone.page

    page.goto("/listening/")
    page.get_by_label("…or write your own").fill("Our Sunday mornings")
    page.get_by_label("Together, passing one phone").check()
    page.get_by_label("A timer for each turn (together only)").select_option("2")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url(SESSION_URL)
    session_path = page.url.removeprefix(live_server.url)

    # The phone is passed around, so the page names who has the floor, not "you":
    # the floor line is checked at the end, so that the rest of the flow still runs.
    floor_lines: list[tuple[str, str]] = []  # (expected, shown)

    def check_floor(expected: str) -> None:
        expect(floor(page)).to_be_visible()
        floor_lines.append((expected, floor(page).inner_text().removeprefix("Floor").strip()))

    expect(page.locator("div.listening")).to_have_class(re.compile(r"\btogether\b"))
    expect(page.locator("div.listening")).not_to_have_attribute("hx-trigger", re.compile("."))
    expect(step(page).get_by_role("heading")).to_have_text("Ana, your turn to speak")
    check_floor("Ana has the floor; Ben listens.")

    # The countdown starts at 2:00 and runs.
    timer = page.locator(".timer[data-timer-minutes='2']")
    expect(timer).to_have_text(re.compile(r"^(2:00|1:5\d)$"))
    expect(timer).to_have_text(re.compile(r"^1:5\d$"), timeout=3_000)
    shot(page, "48-listening-together-timer")

    # Ana says it out loud: nothing typed.
    assert moves(page) == ["say", "pass"]
    page.get_by_role("button", name="I've said it").click()
    expect(step(page).get_by_role("heading")).to_have_text("Ben, say back what you heard")
    expect(step(page)).to_contain_text("(said out loud)")
    expect(step(page)).to_contain_text("Saying it out loud is enough; typing is optional.")
    check_floor("Ana has the floor; Ben listens.")
    assert moves(page) == ["reflect"]
    shot(page, "49-listening-together-ben-reflects")

    # Ben says back what he heard, out loud too.
    page.get_by_role("button", name="I've said it back").click()
    expect(step(page).get_by_role("heading")).to_have_text("Ana, did it land?")
    expect(step(page)).to_contain_text("Ben heard:")
    assert moves(page) == ["verdict"]
    page.get_by_role("button", name="You got it").click()
    expect(step(page)).to_contain_text("It landed")
    expect(step(page).get_by_role("heading")).to_have_text("Ana, your turn to speak")

    # Ana passes the floor: Ben's turn, with his name and a fresh countdown.
    page.get_by_role("button", name="Pass the floor to Ben").click()
    expect(step(page).get_by_role("heading")).to_have_text("Ben, your turn to speak")
    expect(step(page)).to_contain_text("Ana listens without answering yet.")
    check_floor("Ben has the floor; Ana listens.")
    expect(page.locator(".timer")).to_have_text(re.compile(r"^(2:00|1:5\d)$"))
    shot(page, "50-listening-together-ben-speaks")
    page.get_by_role("button", name="I've said it").click()
    expect(step(page).get_by_role("heading")).to_have_text("Ana, say back what you heard")

    # End: the summary lists both pieces as said out loud.
    page.get_by_role("button", name="End the session").click()
    page.wait_for_url(live_server.url + session_path)
    summary = page.locator("section", has=page.get_by_role("heading", name="What you heard"))
    # Ben's piece was never reflected (the session ended first), so only one counts.
    expect(summary).to_contain_text("1 of 1 reflection landed the first time.")
    pieces = summary.locator("div.reply")
    expect(pieces).to_have_count(2)
    expect(pieces.nth(0)).to_contain_text("You said · landed first time")
    expect(pieces.nth(1)).to_contain_text("Ben said")
    for i in range(2):
        expect(pieces.nth(i).locator("p.quote").first).to_have_text("(said out loud)")
    expect(pieces.nth(0)).to_contain_text("Heard as:")
    shot(page, "51-listening-together-summary")

    assert foreign_requests(phone.requests, live_server.url) == []
    assert phone.errors == []
    # On a phone passed between two people, "you" means whoever holds it: the step
    # headings say "Ana, your turn to speak", the floor line should name them too.
    wrong = [
        f"shown {shown!r}, expected {expected!r}"
        for expected, shown in floor_lines
        if shown != expected
    ]
    assert wrong == [], "together, the floor line says 'you' instead of a name: " + "; ".join(wrong)
