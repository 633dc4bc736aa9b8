"""What the listening tests share: URLs, moves made through the services, and a
snapshot of a session so a refused request can be shown to have changed nothing.
"""

import html
import re

from django.urls import reverse

from hearth.core.errors import ServiceError
from hearth.core.tests.html import element_by_id
from hearth.listening import services
from hearth.listening.models import ListeningSession
from hearth.testing import HearthTestCase


def url(name: str, session, piece=None) -> str:
    args = [session.public_id] + ([piece.public_id] if piece is not None else [])
    return reverse(f"listening:{name}", args=args)


def page_text(response) -> str:
    """The page as a reader sees it (entities decoded), to look for sentences."""
    return html.unescape(response.content.decode())


def words(response) -> str:
    """The page's text without tags, spaces collapsed: sentences as a reader sees them."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(text).split())


def messages_on(text: str) -> list[str]:
    """The error messages and alerts a page shows, for short failure reports."""
    return re.findall(r'role="alert">(.*?)</(?:ul|p)>', text, re.S)


def session_div(response, session) -> dict[str, str]:
    """The attributes of the session's outer element (where htmx polling is set)."""
    found = element_by_id(response.content.decode(), f"session-{session.public_id}")
    assert found is not None, "the session element is missing"
    return found[1]


class ListeningTestCase(HearthTestCase):
    """World.listening: apart, Alice has the floor and said a piece, Bob is to reflect."""

    def setUp(self):
        super().setUp()
        self.session = self.world.listening

    def fresh(self, session=None) -> ListeningSession:
        return ListeningSession.objects.get(pk=(session or self.session).pk)

    def kinds(self, session=None) -> list[str]:
        session = session or self.session
        return list(session.entries.order_by("position").values_list("kind", flat=True))

    def snapshot(self, session=None) -> tuple:
        """Everything a move could change: the session row and its entries."""
        row = self.fresh(session)
        entries = list(
            row.entries.order_by("position").values_list("pk", "kind", "author_id", "piece_id")
        )
        texts = [e.text for e in row.entries.order_by("position")]
        return (
            row.state,
            row.phase,
            row.speaker_id,
            row.resume_after,
            row.ended_at,
            row.updated_at,
            entries,
            texts,
        )

    def post(self, person, name, data=None, *, session=None, piece=None, htmx=False):
        self.client.force_login(person)
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        return self.client.post(url(name, session or self.session, piece), data or {}, **extra)

    def get_page(self, person, session=None, *, htmx=False):
        self.client.force_login(person)
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        return self.client.get(url("session", session or self.session), **extra)

    def assertShows(self, response, sentence: str, *, status: int = 200):
        """The response has this status and shows this sentence (as a reader sees it)."""
        self.assertEqual(response.status_code, status)
        self.assertTrue(
            sentence in words(response),
            f"{sentence!r} not shown; messages: {messages_on(page_text(response))}",
        )

    def assertRefused(self, call, *, code: str, status: int):
        with self.assertRaises(ServiceError) as caught:
            call()
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        return caught.exception

    # Moves made straight through the services, to bring a session to a step.

    def reflect(self, person=None, text="What I heard", session=None, question=""):
        return services.reflection_add(
            session=session or self.session,
            person=person or self.bob,
            text=text,
            question=question,
        )

    def got_it(self, person=None, session=None):
        return services.verdict_give(
            session=session or self.session, person=person or self.alice, got_it=True
        )

    def not_quite(self, person=None, correction="", session=None):
        return services.verdict_give(
            session=session or self.session,
            person=person or self.alice,
            got_it=False,
            correction=correction,
        )

    def say(self, person=None, text="Another piece", session=None):
        return services.piece_say(
            session=session or self.session, person=person or self.alice, text=text
        )

    def pass_floor(self, person=None, session=None):
        return services.floor_pass(session=session or self.session, person=person or self.alice)

    def end(self, person=None, session=None):
        return services.session_end(session=session or self.session, person=person or self.alice)

    def to_landed(self):
        """Bob reflects Alice's piece and she says he got it."""
        self.reflect()
        self.got_it()
