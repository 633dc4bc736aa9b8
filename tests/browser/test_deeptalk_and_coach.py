"""Deep talk on two phones, and the gentle start-up helper's live hints, in a real browser.

Apart, the partner going first answers; the other's page waits, then opens for their
answer without a reload; neither sees the other's words before both have written.
While a listener types a paraphrase with advice in it, a hint appears below the box;
nothing is saved until they send.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import foreign_requests
from tests.browser.helpers import shot_and_restore as shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TALK_URL = re.compile(r"/deep-talk/[0-9a-f-]{36}/$")
POLL_WAIT_MS = 12_000
ANA_ANSWER = "Walking home in the snow that first winter, laughing at nothing."
BEN_ANSWER = "The smell of the bakery on the corner where we used to meet."


def test_deep_talk_apart_on_two_phones(open_phone, live_server):
    from hearth.deeptalk.models import DeepTalkAnswer
    from hearth.testing import make_couple, make_person

    ana_user = make_person("Ana", comfort_level="deeper")
    ben_user = make_person("Ben", comfort_level="vulnerable")
    make_couple(ana_user, ben_user)
    ana = open_phone("Ana", user=ana_user)
    ben = open_phone("Ben", user=ben_user)
    a, b = ana.page, ben.page

    a.goto("/deep-talk/")
    a.get_by_label("Apart: we each write our answers").check()
    a.get_by_role("button", name="Start", exact=True).click()
    a.wait_for_url(TALK_URL)
    talk_path = a.url.removeprefix(live_server.url)
    # The lower comfort level of the two is "deeper": two steps, not three.
    expect(a.locator(".step .eyebrow")).to_contain_text("Step 1 of 2: Light")
    expect(a.locator(".floor")).to_contain_text("You go first")
    question = a.locator(".step h2").inner_text()

    b.goto(talk_path)
    expect(b.locator(".step")).to_contain_text("Ana goes first on this one")
    expect(b.get_by_label("Your answer")).to_have_count(0)
    b.evaluate("window.__hearthNoReload = true")

    a.get_by_label("Your answer").fill(ANA_ANSWER)
    a.get_by_role("button", name="Send my answer").click()
    expect(a.locator(".step")).to_contain_text("Waiting for Ben")
    expect(a.locator(".quote.mine")).to_have_text(ANA_ANSWER)
    shot(a, "60-deeptalk-waiting-ana")

    # Ben's page polls and opens for his answer; Ana's words are still sealed.
    expect(b.get_by_label("Your answer")).to_be_visible(timeout=POLL_WAIT_MS)
    assert b.evaluate("window.__hearthNoReload === true"), "the page was reloaded"
    expect(b.locator(".step")).to_contain_text("Ana has answered")
    assert ANA_ANSWER not in b.content()
    shot(b, "61-deeptalk-answer-ben")
    b.get_by_label("Your answer").fill(BEN_ANSWER)
    b.get_by_role("button", name="Send my answer").click()

    # Both answered: both see both, and the next question has Ben going first.
    expect(b.locator(".quote.theirs")).to_have_text(ANA_ANSWER)
    expect(b.locator(".quote.mine")).to_have_text(BEN_ANSWER)
    expect(b.locator(".floor")).to_contain_text("You go first")
    assert b.locator(".step h2").inner_text() != question
    a.reload()
    expect(a.locator(".quote.theirs")).to_have_text(BEN_ANSWER)
    expect(a.locator(".step")).to_contain_text("Ben goes first on this one")

    # Skip, without a word; then stop.
    b.get_by_role("button", name="Skip this one").click()
    expect(b.locator(".floor")).to_contain_text("You go first")
    b.get_by_role("button", name="Stop here").click()
    expect(b.get_by_role("heading", name="You stopped here")).to_be_visible()
    shot(b, "62-deeptalk-stopped-ben")
    assert DeepTalkAnswer.objects.count() == 2
    for person in (ana, ben):
        assert foreign_requests(person.requests, live_server.url) == []
        assert person.errors == []


def test_the_helper_hints_while_a_listener_types(open_phone, live_server):
    from hearth.listening.models import ListeningEntry
    from hearth.testing import make_couple, make_listening, make_person

    ana_user = make_person("Ana")
    ben_user = make_person("Ben")
    couple = make_couple(ana_user, ben_user)
    session, _ = make_listening(
        couple, speaker=ana_user, piece="I feel stretched thin at work and at home."
    )
    entries = ListeningEntry.objects.filter(session=session).count()
    ben = open_phone("Ben", user=ben_user)
    b = ben.page
    b.goto(f"/listening/{session.public_id}/")
    box = b.get_by_label("What I heard is…")
    box.fill("You're stretched thin. You should just quit that job.")
    hint = b.locator("#coach-reflection")
    expect(hint).to_contain_text("This might land harder than you mean", timeout=5_000)
    expect(hint.locator("mark").first).to_contain_text("You should")
    expect(hint).to_contain_text("What I heard is that")
    shot(b, "63-coach-hint-ben")
    # Only a hint: nothing was saved, and sending is not held back.
    assert ListeningEntry.objects.filter(session=session).count() == entries
    b.get_by_role("button", name="Send what I heard").click()
    expect(b.locator(".step h2")).to_have_text("Waiting for Ana")
    assert ListeningEntry.objects.filter(session=session).count() == entries + 1
    assert foreign_requests(ben.requests, live_server.url) == []
    assert ben.errors == []


def test_without_javascript_the_weekly_meeting_and_its_helper_work(open_phone, live_server):
    from hearth.stateofus.models import MeetingNote
    from hearth.testing import make_couple, make_person

    ana_user, ben_user = make_person("Ana"), make_person("Ben")
    make_couple(ana_user, ben_user)
    ana = open_phone("Ana", user=ana_user, java_script_enabled=False)
    a = ana.page
    a.goto("/state-of-us/")
    a.get_by_role("button", name="Open this week's meeting").click()
    a.get_by_label("Add one").first.fill("Thank you for the soup on Monday.")
    a.locator("#step-appreciations").get_by_role("button", name="Add").click()
    expect(a.locator("#step-appreciations .quote.mine")).to_have_text(
        "Thank you for the soup on Monday."
    )
    # "See how it might land" without JavaScript: the words come back with the hints.
    topic = "You never put your phone away at dinner."
    a.get_by_label("Your topic (at most one)").fill(topic)
    a.get_by_role("button", name="See how it might land").click()
    expect(a.locator("#coach-topic")).to_contain_text("This might land harder than you mean")
    expect(a.get_by_label("Your topic (at most one)")).to_have_value(topic)
    assert not MeetingNote.objects.filter(step="topic").exists()
    shot(a, "64-state-of-us-no-js-ana")
    a.locator("#step-topic").get_by_role("button", name="Add").click()
    expect(a.locator("#step-topic .quote.mine")).to_have_text(topic)
    assert MeetingNote.objects.filter(step="topic").count() == 1
    assert foreign_requests(ana.requests, live_server.url) == []
