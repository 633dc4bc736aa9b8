"""Accessibility: axe on every main page, a narrow phone, and a keyboard-only check-in."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.helpers import HOME, SCREENSHOTS, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


def describe(violation: dict) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
    more = len(violation["nodes"]) - len(targets)
    return (
        f"  [{violation['impact']}] {violation['id']}: {violation['help']}\n"
        f"      {violation['helpUrl']}\n"
        + "".join(f"      at {target}\n" for target in targets)
        + (f"      ... and {more} more\n" if more > 0 else "")
    )


def audit(axe: Axe, page: Page, name: str, found: dict[str, list[dict]]) -> None:
    found[name] = axe.run(page).response["violations"]


def report(found: dict[str, list[dict]]) -> list[str]:
    """Print every violation for a human (and save it), return the serious and critical ones."""
    blocking, lines = [], []
    for name, violations in found.items():
        lines.append(f"{name}: {len(violations)} violation(s)\n")
        for violation in violations:
            lines.append(describe(violation))
            if violation["impact"] in BLOCKING:
                blocking.append(f"{name}:\n{describe(violation)}")
    text = "".join(lines)
    print("\n" + text)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "axe-report.txt").write_text(text)
    return blocking


def test_axe_finds_nothing_serious(open_phone, live_server, world):
    axe = Axe()
    found: dict[str, list[dict]] = {}

    visitor = open_phone("visitor").page
    for name, path in [
        ("welcome", "/"),
        ("login", "/accounts/login/"),
        ("signup", "/accounts/signup/"),
        ("safety (signed out)", "/safety/"),
    ]:
        visitor.goto(path)
        audit(axe, visitor, name, found)

    # Alice is paired with Bob: both shared a check-in today, she sealed today's answer,
    # and yesterday's question is revealed with a reply from Bob.
    alice = open_phone("Alice", user=world.alice).page
    revealed = f"/questions/{world.question_yesterday.public_id}/"
    sealed = f"/questions/{world.question_today.public_id}/"
    for name, path in [
        ("home (paired)", "/"),
        ("check-in form", "/checkin/"),
        ("question detail (revealed, with reply)", revealed),
        ("question detail (sealed, waiting)", sealed),
        ("questions history", "/questions/"),
        ("safety", "/safety/"),
        ("settings", "/settings/"),
        ("pairing settings", "/settings/pairing/"),
        ("pace settings", "/settings/pace/"),
        ("practices", "/practices/"),
        ("a practice guide", "/practices/empathy/"),
        ("listening session (waiting)", f"/listening/{world.listening.public_id}/"),
        ("perspective checks", "/perspective/"),
        ("deep talk list", "/deep-talk/"),
        ("deep talk (waiting for Bob)", f"/deep-talk/{world.deep_talk.public_id}/"),
        ("state of us", "/state-of-us/"),
        ("state of us meeting", f"/state-of-us/{world.meeting.public_id}/"),
        ("appreciations", "/appreciations/"),
        ("ways I feel cared for", "/appreciations/cared-for/"),
        ("good news", "/good-news/"),
        ("my good news (how it felt)", f"/good-news/{world.alice_good_news.public_id}/"),
        ("an appreciation I sent", f"/appreciations/{world.alice_appreciation.public_id}/"),
        ("try your words", "/coach/"),
    ]:
        alice.goto(path)
        audit(axe, alice, name, found)
    # With the helper's feedback showing.
    alice.goto("/coach/")
    alice.get_by_label("What would you like to say?").fill("Whatever. You never listen.")
    alice.get_by_role("button", name="See how it might land").click()
    expect(alice.locator(".coach")).to_be_visible()
    audit(axe, alice, "try your words (with feedback)", found)

    # Bob has not answered today's question yet: his home shows the answer form.
    bob = open_phone("Bob", user=world.bob).page
    audit(axe, bob, "home (partner answered)", found)
    bob.goto(f"/deep-talk/{world.deep_talk.public_id}/")
    audit(axe, bob, "deep talk (answer form)", found)
    bob.goto(f"/listening/{world.listening.public_id}/")
    audit(axe, bob, "listening session (reflect, with hints box)", found)
    bob.goto(f"/appreciations/{world.alice_appreciation.public_id}/")
    audit(axe, bob, "an appreciation received (reaction buttons)", found)
    bob.goto("/appreciations/cared-for/")
    audit(axe, bob, "ways I feel cared for (partner's list)", found)
    bob.goto(f"/good-news/{world.alice_good_news.public_id}/")
    audit(axe, bob, "good news (answer with the guide)", found)

    # Dan is on his own with a pending invitation: the pairing page shows code and QR.
    dan = open_phone("Dan", user=world.dan).page
    dan.goto("/pair/")
    expect(dan.locator("#invite-code")).to_be_visible()
    audit(axe, dan, "pairing page (invitation pending)", found)

    blocking = report(found)
    assert not blocking, "serious or critical accessibility problems:\n" + "\n".join(blocking)


def test_no_horizontal_scroll_at_360px(open_phone, live_server, world):
    narrow = {"width": 360, "height": 740}
    alice = open_phone("Alice", viewport=narrow, user=world.alice).page
    dan = open_phone("Dan", viewport=narrow, user=world.dan).page

    too_wide = {}
    for page, name, path in [
        (alice, "home", "/"),
        (alice, "check-in form", "/checkin/"),
        (alice, "question detail", f"/questions/{world.question_yesterday.public_id}/"),
        (alice, "settings", "/settings/"),
        (alice, "pace settings", "/settings/pace/"),
        (alice, "practices", "/practices/"),
        (alice, "deep talk", f"/deep-talk/{world.deep_talk.public_id}/"),
        (alice, "state of us meeting", f"/state-of-us/{world.meeting.public_id}/"),
        (alice, "state of us", "/state-of-us/"),
        (alice, "appreciations", "/appreciations/"),
        (alice, "ways I feel cared for", "/appreciations/cared-for/"),
        (alice, "good news", "/good-news/"),
        (alice, "good news detail", f"/good-news/{world.alice_good_news.public_id}/"),
        (alice, "try your words", "/coach/"),
        (dan, "pairing page", "/pair/"),
    ]:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        print(f"{name} at 360 px: scrollWidth {width}")
        if width > narrow["width"]:
            too_wide[name] = width
            shot(page, f"30-too-wide-360-{name.replace(' ', '-')}")
    alice.goto("/")
    shot(alice, "31-home-360px")
    assert too_wide == {}, f"pages wider than 360 px: {too_wide}"


def tab_until(page: Page, predicate: str, what: str, limit: int = 80) -> None:
    """Press Tab until `predicate` (a JS expression about `el`) holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            # Keyboard focus must be visible.
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {what}"
            return
    raise AssertionError(f"Tab never reached {what}")


def focused_value(page: Page) -> str:
    return page.evaluate("document.activeElement.value")


def test_check_in_with_the_keyboard_only(open_phone, live_server):
    from hearth.checkins.models import CheckIn
    from hearth.testing import make_person

    kim = make_person("Kim", timezone="Europe/Berlin")
    page = open_phone("Kim", user=kim).page
    page.goto("/checkin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How are you today?")

    # Open the "Joy" group and tick its first feeling.
    tab_until(page, "el.tagName === 'SUMMARY' && el.textContent.trim() === 'Joy'", "Joy")
    page.keyboard.press("Enter")
    expect(page.locator("details", has_text="Joy").first).to_have_attribute("open", "")
    tab_until(page, "el.type === 'checkbox'", "the first feeling")
    assert page.evaluate("document.activeElement.name") == "feel_happy"
    page.keyboard.press("Space")
    expect(page.get_by_label("happy", exact=True)).to_be_checked()

    # Closeness: Tab into the group, Space picks 1, arrow keys move along the scale.
    tab_until(page, "el.name === 'closeness'", "closeness")
    page.keyboard.press("Space")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    assert focused_value(page) == "5"

    # Need: Tab into the group, Space picks the first, ArrowDown the next.
    tab_until(page, "el.name === 'need'", "need")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert focused_value(page) == "talk"
    shot(page, "32-keyboard-checkin")

    tab_until(page, "el.type === 'submit'", "the save button")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Save my check-in"
    page.keyboard.press("Enter")
    page.wait_for_url(HOME)

    checkin = CheckIn.objects.get(author=kim)
    assert (checkin.closeness, checkin.need, checkin.visibility) == (5, "talk", "shared")
    assert [f.feeling for f in checkin.feelings.all()] == ["happy"]


@pytest.mark.parametrize("where", ["sign-up", "settings"])
def test_comfort_level_radios_are_a_named_group(open_phone, live_server, where):
    """The question "How personal may questions get?" must name its radio group.

    Otherwise a screen reader announces "Light: easy, everyday questions, radio button"
    without the question. The settings page uses <fieldset> and <legend> for this.
    """
    from hearth.testing import make_person

    if where == "sign-up":
        page = open_phone("visitor").page
        page.goto("/accounts/signup/")
    else:
        page = open_phone("Kim", user=make_person("Kim")).page
        page.goto("/settings/")
    expect(page.get_by_label("Vulnerable: hopes, fears, tender things")).to_be_visible()
    group = page.get_by_role("group", name="How personal may questions get?")
    expect(group).to_have_count(1, timeout=500)  # the page is loaded: no need to wait
    expect(group.get_by_role("radio")).to_have_count(3)
