"""Every page costs the same number of queries with a week or a year of history.

A couple gets 7 days of generated history, each page's queries are counted,
then 358 more days are added and the count must not change. Pages that list
history page through it; pages about today look only at today.
"""

from datetime import time, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hearth.accounts.services import token_create
from hearth.checkins.models import CheckIn
from hearth.demo.history import history_generate
from hearth.questions.models import DailyQuestion
from hearth.questions.services import couple_today, question_for_today
from hearth.stateofus.models import MeetingTime
from hearth.testing import make_couple, make_person

WEB_PAGES = [
    "/",
    "/checkin/",
    "/checkins/",
    "/checkins/?whose=partner",
    "/checkins/{checkin}/",
    "/questions/",
    "/questions/{question}/",
    "/questions/{today}/",
    "/pair/",
    "/settings/",
    "/settings/tokens/",
    "/settings/pairing/",
    "/safety/",
    "/practices/",
    "/practices/empathy/",
    "/coach/",
    "/settings/pace/",
    "/listening/",
    "/perspective/",
    "/deep-talk/",
    "/deep-talk/{talk}/",
    "/state-of-us/",
    "/state-of-us/{meeting}/",
    "/appreciations/",
    "/appreciations/?box=sent",
    "/appreciations/cared-for/",
    "/good-news/",
]
API_PAGES = [
    "/api/me",
    "/api/pairing",
    "/api/checkins/today",
    "/api/checkins",
    "/api/checkins/partner",
    "/api/checkins/partner/today",
    "/api/checkins/{checkin}",
    "/api/questions/today",
    "/api/questions",
    "/api/questions/{question}",
    "/api/content/feelings",
    "/api/listening",
    "/api/perspective",
    "/api/deep-talk",
    "/api/deep-talk/{talk}",
    "/api/state-of-us",
    "/api/state-of-us/{meeting}",
    "/api/state-of-us/time",
    "/api/appreciations",
    "/api/cared-for",
    "/api/good-news",
]


@pytest.fixture
def couple_with_history(db):
    pat, sam = make_person("Pat"), make_person("Sam")
    couple = make_couple(pat, sam)
    today = couple_today(couple)
    history_generate(
        couple=couple,
        people=[pat, sam],
        first=today - timedelta(days=7),
        last=today - timedelta(days=1),
        seed=7,
    )
    practice_history(pat, sam, couple, 2)
    MeetingTime.objects.create(couple=couple, weekday=6, at=time(19, 0), set_by=pat)
    return pat, sam, couple, today


def practice_history(pat, sam, couple, count: int) -> None:
    """`count` ended listening sessions, perspective checks, deep talks, meetings and
    appreciations each way, so list pages have history to page through."""
    from hearth.empathy.services import perspective_send
    from hearth.listening.models import ListeningSession
    from hearth.testing import (
        make_appreciation,
        make_deep_answer,
        make_deep_talk,
        make_listening,
        make_meeting,
        make_perspective,
    )

    for n in range(count):
        session, _ = make_listening(couple, speaker=pat, piece=f"Piece {n}")
        ListeningSession.objects.filter(pk=session.pk).update(state="ended")
        perspective_send(check=make_perspective(sam, f"Situation {n}"), sharer=sam)
        _, item = make_deep_talk(couple, starter=pat, state="ended")
        make_deep_answer(item, pat, f"Pat's answer {n}")
        make_deep_answer(item, sam, f"Sam's answer {n}")
        make_meeting(
            couple,
            starter=sam,
            notes=[(pat, "appreciations", f"Thanks {n}"), (sam, "plan", f"Plan {n}")],
            closed=True,
        )
        make_appreciation(pat, f"Pat thanks Sam {n}")
        make_appreciation(sam, f"Sam thanks Pat {n}")


def measure(client: Client, url: str, headers: dict) -> int:
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(queries)


def all_counts(pat, sam, couple, today) -> dict:
    checkin = CheckIn.objects.filter(author=sam, visibility="shared").order_by("-local_date")[0]
    question = DailyQuestion.objects.filter(couple=couple, local_date=today - timedelta(days=1))[0]
    today_question = question_for_today(couple=couple)
    from hearth.deeptalk.models import DeepTalk
    from hearth.stateofus.models import Meeting

    ids = {
        "checkin": checkin.public_id,
        "question": question.public_id,
        "today": today_question.public_id,
        # The first ones made: the same pages are measured with little and much history.
        "talk": DeepTalk.objects.filter(couple=couple).earliest("created_at").public_id,
        "meeting": Meeting.objects.filter(couple=couple).earliest("created_at").public_id,
    }
    browser = Client()
    browser.force_login(pat)
    api = Client()
    token = {"HTTP_AUTHORIZATION": "Bearer " + token_create(user=pat, name="count")[1]}
    counts = {}
    for page in WEB_PAGES:
        url = page.format(**ids)
        measure(browser, url, {})  # first visit may create the day's question
        counts[page] = measure(browser, url, {})
    for page in API_PAGES:
        url = page.format(**ids)
        measure(api, url, token)
        counts[page] = measure(api, url, token)
    return counts


def test_query_counts_do_not_grow_with_history(couple_with_history):
    pat, sam, couple, today = couple_with_history
    week = all_counts(pat, sam, couple, today)
    added = history_generate(
        couple=couple,
        people=[pat, sam],
        first=today - timedelta(days=365),
        last=today - timedelta(days=8),
        seed=7,
    )
    assert added["questions"] == 358
    practice_history(pat, sam, couple, 40)
    year = all_counts(pat, sam, couple, today)
    grown = {page: (week[page], year[page]) for page in week if year[page] != week[page]}
    assert not grown, f"query counts changed with a year of history (week, year): {grown}"


def test_the_cached_home_page_costs_the_queries_of_a_trivial_page(couple_with_history):
    pat, _, _, _ = couple_with_history
    client = Client()
    client.force_login(pat)
    client.get("/")  # creates the day's question (which bumps both partners' versions)
    client.get("/")  # renders and stores the page
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as trivial:
        client.get("/ping")
    # The session and the user: the version counter comes with the user row.
    assert len(queries) == len(trivial) == 2, [q["sql"] for q in queries]
