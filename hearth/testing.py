"""The people and things every test can use.

Alice and Bob are partners. Carol is in another couple, with Erin. Dan is
Alice's former partner and is on his own now. Each has items of every
visibility, so a test can check what each person gets.
"""

import html
import re
from dataclasses import dataclass
from datetime import time, timedelta

from django.test import TestCase
from django.utils import timezone

from hearth.access import Visibility, forget_couple
from hearth.accounts.models import User
from hearth.checkins.models import CheckIn, CheckInFeeling, CheckInReply
from hearth.couples.models import Couple, Invitation, Membership
from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import couple_today

PASSWORD = "correct horse battery staple"  # noqa: S105 (test data)


def make_person(name: str, **extra) -> User:
    extra.setdefault("timezone", "Europe/London")
    extra.setdefault("comfort_level", "vulnerable")
    user = User.objects.create_user(
        email=f"{name.lower()}@example.org", password=PASSWORD, display_name=name, **extra
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_couple(first: User, second: User, *, ended: bool = False, **extra) -> Couple:
    now = timezone.now()
    couple = Couple.objects.create(
        created_at=now - timedelta(days=100), timezone=first.timezone, **extra
    )
    for person in (first, second):
        Membership.objects.create(
            couple=couple,
            user=person,
            joined_at=couple.created_at,
            left_at=now - timedelta(days=10) if ended else None,
        )
        forget_couple(person)
    if ended:
        couple.ended_at = now - timedelta(days=10)
        couple.save(update_fields=["ended_at"])
    return couple


def make_checkin(author, *, couple, day=None, visibility=Visibility.SHARED, note="") -> CheckIn:
    checkin = CheckIn.objects.create(
        author=author,
        couple=couple,
        visibility=visibility,
        local_date=day or author.local_today(),
        closeness=5,
        need="talk",
        note=note or f"{author.display_name}'s {visibility} note",
    )
    CheckInFeeling.objects.create(checkin=checkin, feeling="happy", intensity=3)
    return checkin


def make_question(couple, *, day=None, key="oc-l-01") -> DailyQuestion:
    return DailyQuestion.objects.create(
        couple=couple, local_date=day or couple_today(couple), prompt_key=key
    )


def make_answer(question, author, *, text=None, passed=False) -> Answer:
    return Answer.objects.create(
        daily_question=question,
        couple=question.couple,
        author=author,
        visibility=Visibility.PRIVATE if passed else Visibility.SEALED,
        passed=passed,
        text="" if passed else (text or f"{author.display_name}'s answer"),
    )


def make_listening_entry(session, author, kind, *, piece=None, text="", floor=None):
    from hearth.listening.models import ListeningEntry

    last = session.entries.order_by("-position").values_list("position", flat=True).first() or 0
    return ListeningEntry.objects.create(
        session=session,
        couple=session.couple,
        author=author,
        visibility=Visibility.SHARED,
        position=last + 1,
        kind=kind,
        piece=piece,
        floor=floor or session.speaker,
        text=text,
    )


def make_listening(couple, *, speaker, piece="", topic="How this week felt"):
    """A session (apart) where `speaker` has said `piece` and the listener is to reflect."""
    from hearth.listening.models import ListeningSession

    session = ListeningSession.objects.create(
        couple=couple, started_by=speaker, speaker=speaker, phase="reflecting"
    )
    make_listening_entry(session, speaker, "topic", text=topic)
    said = make_listening_entry(session, speaker, "piece", text=piece) if piece else None
    return session, said


def make_perspective(sharer, situation, *, feelings=None):
    """A perspective check kept for later (private) with the sharer's feelings."""
    from hearth.core.feelings import FeelingChoice
    from hearth.empathy.services import perspective_save

    feelings = feelings or {"happy": 3}
    return perspective_save(
        sharer=sharer,
        situation=situation,
        feelings=[FeelingChoice(key, level) for key, level in feelings.items()],
    )


def make_deep_talk(couple, *, starter, mode="apart", key="dt-l-01", state="active"):
    """A deep talk on its first (light) question, `starter` going first."""
    from hearth.deeptalk.models import DeepTalk, DeepTalkItem

    talk = DeepTalk.objects.create(
        couple=couple, started_by=starter, mode=mode, cap="vulnerable", state=state
    )
    item = DeepTalkItem.objects.create(
        talk=talk, couple=couple, position=1, prompt_key=key, depth="light", first=starter
    )
    return talk, item


def make_deep_answer(item, author, text):
    from hearth.deeptalk.models import DeepTalkAnswer

    return DeepTalkAnswer.objects.create(
        item=item, couple=item.couple, author=author, visibility=Visibility.SEALED, text=text
    )


def make_good_news(sharer, partner) -> dict:
    from hearth.goodnews.services import good_news_reply, good_news_share

    news = good_news_share(author=sharer, text="Alice's good news about the allotment")
    reply = good_news_reply(news=news, author=partner, text="Bob's answer: tell me everything")
    return {"alice_good_news": news, "bob_good_news_reply": reply}


def make_care_ways(author, top_detail: str, **details):
    """Save `author`'s ways in the catalogue's order, the first with `top_detail`."""
    from hearth.appreciation.services import WayIn, care_ways_save
    from hearth.content import catalog

    ways = [
        WayIn(kind=w.key, rank=n, detail=top_detail if n == 1 else details.get(w.key, ""))
        for n, w in enumerate(catalog.care_ways, start=1)
    ]
    return care_ways_save(author=author, ways=ways)


def make_appreciation(author, what, *, sent=True):
    from hearth.appreciation.services import appreciation_save

    return appreciation_save(
        author=author, what=what, meant=f"{what}, and it meant a lot", send=sent
    )


def make_meeting(couple, *, starter, notes=(), closed=False):
    """A state-of-us meeting with (author, step, text) notes."""
    from hearth.stateofus.models import Meeting, MeetingNote
    from hearth.stateofus.services import week_of

    meeting = Meeting.objects.create(
        couple=couple,
        started_by=starter,
        week_of=week_of(couple_today(couple)),
        closed_at=timezone.now() if closed else None,
    )
    made = [
        MeetingNote.objects.create(
            meeting=meeting,
            couple=couple,
            author=author,
            visibility=Visibility.SHARED,
            step=step,
            text=text,
        )
        for author, step, text in notes
    ]
    return meeting, made


@dataclass
class World:
    alice: User
    bob: User
    carol: User
    erin: User
    dan: User
    couple: Couple  # Alice and Bob
    other_couple: Couple  # Carol and Erin
    old_couple: Couple  # Alice and Dan, ended
    alice_private_checkin: CheckIn
    alice_shared_checkin: CheckIn
    bob_shared_checkin: CheckIn
    bob_reply_on_alice_checkin: CheckInReply
    carol_shared_checkin: CheckIn
    dan_old_shared_checkin: CheckIn
    alice_old_shared_checkin: CheckIn
    question_today: DailyQuestion  # Alice answered (sealed, unreleased); Bob not yet
    alice_sealed_answer: Answer
    question_yesterday: DailyQuestion  # both answered: released
    alice_released_answer: Answer
    bob_released_answer: Answer
    bob_reply_on_alice_answer: AnswerReply
    question_old: DailyQuestion  # Alice and Dan both answered, in the old couple
    dan_old_answer: Answer
    alice_old_answer: Answer
    carol_question: DailyQuestion
    carol_answer: Answer
    dan_invitation: Invitation
    listening: object  # Alice and Bob, apart; Alice said a piece, Bob is to reflect
    alice_piece: object
    old_listening: object  # Alice and Dan, ended: Dan's piece, Alice's reflection
    dan_old_piece: object
    alice_old_reflection: object
    alice_perspective: object  # sent to Bob, not guessed yet: her feelings are sealed
    alice_perspective_draft: object  # kept for later: private
    deep_talk: object  # Alice and Bob, apart: Alice went first and answered (sealed)
    deep_item: object
    alice_deep_answer: object
    old_deep_talk: object  # Alice and Dan, ended: both answered the one question
    dan_old_deep_answer: object
    alice_old_deep_answer: object
    alice_appreciation: object  # sent to Bob
    alice_appreciation_draft: object  # kept for later: private
    alice_care_ways: list  # "ways I feel cared for", shared with Bob
    alice_good_news: object  # shared with Bob, who answered it
    bob_good_news_reply: object
    meeting: object  # Alice and Bob, open, with a note from each
    alice_meeting_note: object
    bob_meeting_note: object
    old_meeting: object  # Alice and Dan, closed, with Dan's note
    dan_old_meeting_note: object


def build_world() -> World:
    from hearth.couples.services import invitation_create

    alice, bob, carol, erin, dan = (
        make_person(name) for name in ("Alice", "Bob", "Carol", "Erin", "Dan")
    )
    old_couple = make_couple(alice, dan, ended=True)
    couple = make_couple(alice, bob)
    other_couple = make_couple(carol, erin)
    yesterday = couple_today(couple) - timedelta(days=1)

    dan_old = make_checkin(dan, couple=old_couple, day=yesterday - timedelta(days=30))
    alice_old = make_checkin(alice, couple=old_couple, day=yesterday - timedelta(days=30))
    question_old = make_question(old_couple, day=yesterday - timedelta(days=30), key="hu-l-01")
    dan_old_answer = make_answer(question_old, dan, text="Dan's answer in the old couple")
    alice_old_answer = make_answer(question_old, alice, text="Alice's answer to Dan")

    alice_shared = make_checkin(alice, couple=couple)
    bob_reply = CheckInReply.objects.create(
        checkin=alice_shared,
        couple=couple,
        author=bob,
        visibility=Visibility.SHARED,
        text="Bob's reply to Alice's check-in",
    )
    question_yesterday = make_question(couple, day=yesterday, key="ap-l-01")
    alice_released = make_answer(question_yesterday, alice, text="Alice's revealed answer")
    bob_released = make_answer(question_yesterday, bob, text="Bob's revealed answer")
    bob_answer_reply = AnswerReply.objects.create(
        answer=alice_released,
        couple=couple,
        author=bob,
        visibility=Visibility.SHARED,
        text="Bob's reply to Alice's answer",
    )
    question_today = make_question(couple)
    carol_question = make_question(other_couple)
    listening, alice_piece = make_listening(couple, speaker=alice, piece="Alice's piece")
    old_listening, dan_old_piece = make_listening(old_couple, speaker=dan, piece="Dan's old piece")
    alice_old_reflection = make_listening_entry(
        old_listening, alice, "reflection", piece=dan_old_piece, text="Alice heard Dan"
    )
    old_listening.state = "ended"
    old_listening.save(update_fields=["state"])
    alice_perspective = make_perspective(alice, "Alice's situation", feelings={"hurt": 4})
    from hearth.empathy.services import perspective_send

    perspective_send(check=alice_perspective, sharer=alice)
    alice_perspective_draft = make_perspective(alice, "Alice's draft situation")
    deep_talk, deep_item = make_deep_talk(couple, starter=alice)
    alice_deep_answer = make_deep_answer(deep_item, alice, "Alice's sealed deep answer")
    old_deep_talk, old_item = make_deep_talk(old_couple, starter=dan, state="ended")
    dan_old_deep_answer = make_deep_answer(old_item, dan, "Dan's old deep answer")
    alice_old_deep_answer = make_deep_answer(old_item, alice, "Alice's old deep answer")
    meeting, (alice_note, bob_note) = make_meeting(
        couple,
        starter=alice,
        notes=[
            (alice, "appreciations", "Alice thanks Bob for the soup"),
            (bob, "topic", "Bob's topic about the weekend"),
        ],
    )
    from hearth.stateofus.models import MeetingTime

    MeetingTime.objects.create(couple=couple, weekday=6, at=time(19, 0), set_by=alice)
    old_meeting, (dan_old_note,) = make_meeting(
        old_couple, starter=dan, notes=[(dan, "plan", "Dan's old plan")], closed=True
    )

    return World(
        alice=alice,
        bob=bob,
        carol=carol,
        erin=erin,
        dan=dan,
        couple=couple,
        other_couple=other_couple,
        old_couple=old_couple,
        alice_private_checkin=make_checkin(
            alice, couple=couple, day=yesterday, visibility=Visibility.PRIVATE
        ),
        alice_shared_checkin=alice_shared,
        bob_shared_checkin=make_checkin(bob, couple=couple),
        bob_reply_on_alice_checkin=bob_reply,
        carol_shared_checkin=make_checkin(carol, couple=other_couple),
        dan_old_shared_checkin=dan_old,
        alice_old_shared_checkin=alice_old,
        question_today=question_today,
        alice_sealed_answer=make_answer(question_today, alice, text="Alice's sealed answer"),
        question_yesterday=question_yesterday,
        alice_released_answer=alice_released,
        bob_released_answer=bob_released,
        bob_reply_on_alice_answer=bob_answer_reply,
        question_old=question_old,
        dan_old_answer=dan_old_answer,
        alice_old_answer=alice_old_answer,
        carol_question=carol_question,
        carol_answer=make_answer(carol_question, carol, text="Carol's sealed answer"),
        dan_invitation=invitation_create(inviter=dan),
        listening=listening,
        alice_piece=alice_piece,
        old_listening=old_listening,
        dan_old_piece=dan_old_piece,
        alice_old_reflection=alice_old_reflection,
        alice_perspective=alice_perspective,
        alice_perspective_draft=alice_perspective_draft,
        deep_talk=deep_talk,
        deep_item=deep_item,
        alice_deep_answer=alice_deep_answer,
        old_deep_talk=old_deep_talk,
        dan_old_deep_answer=dan_old_deep_answer,
        alice_old_deep_answer=alice_old_deep_answer,
        alice_appreciation=make_appreciation(alice, "Alice thanked Bob for the lift"),
        alice_appreciation_draft=make_appreciation(alice, "Alice's draft thanks", sent=False),
        alice_care_ways=make_care_ways(alice, "Alice feels cared for by tea in bed"),
        **make_good_news(alice, bob),
        meeting=meeting,
        alice_meeting_note=alice_note,
        bob_meeting_note=bob_note,
        old_meeting=old_meeting,
        dan_old_meeting_note=dan_old_note,
    )


class HearthTestCase(TestCase):
    """Base for view and service tests: the world above, built once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        for name in ("alice", "bob", "carol", "erin", "dan"):
            setattr(cls, name, getattr(cls.world, name))

    def setUp(self):
        from django.core.cache import cache

        cache.clear()
        self._api_tokens = {}
        for person in (self.alice, self.bob, self.carol, self.erin, self.dan):
            forget_couple(person)

    def api(self, method: str, path: str, person, body=None):
        """Call the JSON API (`path` after /api) as `person`, with a personal access token."""
        import json

        from hearth.accounts.services import token_create

        if person.pk not in self._api_tokens:
            self._api_tokens[person.pk] = token_create(user=person, name="tests")[1]
        extra = {"HTTP_AUTHORIZATION": f"Bearer {self._api_tokens[person.pk]}"}
        if body is not None:
            extra.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method)(f"/api{path}", **extra)


# --- reading pages in tests ----------------------------------------------------------


def main_of(response) -> str:
    """The page's <main> (or the whole partial), without CSRF tokens (random text that
    could match anything), so the navigation's words don't count."""
    text = response.content.decode()
    start, end = text.find("<main"), text.find("</main>")
    main = text[start:end] if start != -1 else text
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def words(response) -> str:
    """The page's text without tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", main_of(response))
    text = " ".join(html.unescape(text).split())
    return re.sub(r" ([,.;:!?])", r"\1", text)  # "<b>you</b>, then" reads "you, then"


def alerts(response) -> list[str]:
    """The error messages a page shows (role="alert"), as a reader sees them."""
    found = re.findall(r'role="alert"[^>]*>(.*?)</(?:ul|p)>', response.content.decode(), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", f)).split()) for f in found]
