"""What people write never reaches the database file in plain text.

Runs the real app against a fresh SQLite file (in its own process, as in
production), writes every kind of free text the practices hold (check-in notes,
replies, answers, listening entries, situations, deep-talk answers, meeting
notes, appreciations, invitation messages and addresses), and scans the
database file and its write-ahead log byte by byte. A display name (not
encrypted, by design) is the control that shows the scan finds plain text.
"""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
from hearth.testing import make_person, make_couple, make_question
from hearth.checkins.services import checkin_save_today, checkin_reply, FeelingChoice
from hearth.questions.services import answer_submit
a, b = make_person("ControlNameMarkerQ7"), make_person("Other")
couple = make_couple(a, b)
c, _ = checkin_save_today(author=a, feelings=[FeelingChoice("happy", 3)], closeness=5,
    need="own_words", need_words="NeedWordsMarkerZ3", note="NoteMarkerX91 sécret")
checkin_reply(checkin=c, author=b, text="ReplyMarkerK44")
answer_submit(daily_question=make_question(couple), author=a, text="AnswerMarkerJ08")

from hearth.listening.services import session_start, piece_say
session = session_start(starter=a, topic="TopicMarkerL15")
piece_say(session=session, person=a, text="PieceMarkerP27")
from hearth.empathy.services import perspective_save
perspective_save(sharer=a, situation="SituationMarkerS33", feelings=[FeelingChoice("calm", 2)])
from hearth.deeptalk.services import deeptalk_start, answer_write
talk = deeptalk_start(starter=a)
answer_write(talk=talk, item=talk.items.get(), person=a, text="DeepAnswerMarkerD41")
from hearth.stateofus.services import meeting_start, note_add
note_add(meeting=meeting_start(starter=b), author=b, step="topic", text="MeetingNoteMarkerM52")
from hearth.appreciation.services import appreciation_save
appreciation_save(author=a, what="AppreciationMarkerA63", meant="MeantMarkerA64", send=True)
from hearth.goodnews.services import good_news_reply, good_news_share
gn = good_news_share(author=a, text="GoodNewsMarkerG81")
good_news_reply(news=gn, author=b, text="GoodNewsReplyMarkerG82")
from hearth.appreciation.services import WayIn, care_ways_save
from hearth.content import catalog
care_ways_save(author=a, ways=[
    WayIn(kind=w.key, rank=n, detail="CareDetailMarkerC71", label="CareLabelMarkerC72")
    for n, w in enumerate(catalog.care_ways, start=1)
])
from hearth.couples.services import invitation_create, invitation_email
c2 = make_person("Single")
inv = invitation_create(inviter=c2, message="InviteMessageMarkerI75")
invitation_email(invitation=inv, link="http://x/", email="invitee-marker-e86@example.org")
"""
SECRETS = (
    "NoteMarkerX91",
    "NeedWordsMarkerZ3",
    "ReplyMarkerK44",
    "AnswerMarkerJ08",
    "TopicMarkerL15",
    "PieceMarkerP27",
    "SituationMarkerS33",
    "DeepAnswerMarkerD41",
    "MeetingNoteMarkerM52",
    "AppreciationMarkerA63",
    "MeantMarkerA64",
    "CareDetailMarkerC71",
    "GoodNewsMarkerG81",
    "GoodNewsReplyMarkerG82",
    "CareLabelMarkerC72",
    "InviteMessageMarkerI75",
    "invitee-marker-e86",
)


def test_free_text_is_not_in_the_database_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="hearth.settings",
        DEBUG="0",
        SECRET_KEY="encryption-test-" + "x" * 40,
        HEARTH_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        HEARTH_DATA_DIR=str(tmp_path),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "shell", "-c", SCRIPT], env=env, check=True, cwd=ROOT)

    files = [p for p in tmp_path.iterdir() if p.name.startswith("hearth.sqlite3")]
    assert files, "no database file was written"
    data = b"".join(p.read_bytes() for p in files)
    assert b"ControlNameMarkerQ7" in data, "the scan should find unencrypted text"
    for secret in SECRETS:
        assert secret.encode() not in data, f"{secret} is stored in plain text"
        assert secret.encode("utf-16-le") not in data
