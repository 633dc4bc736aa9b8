"""The authorization matrix: for every route and API operation, what each person gets.

Actors: anonymous, alice (the author or owner of the items used), bob (her
partner), dan (her former partner) and carol (a stranger in another couple).
See hearth/testing.py for the items. `secret` is text that only the actors in
`sees` may find in the response; everyone else must not (sealed and private
items are checked this way, not only by status).

Outcomes: an HTTP status, LOGIN (a redirect to the login page) or REDIRECT
(any other redirect).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

LOGIN = "login"
REDIRECT = "redirect"
ACTORS = ("anonymous", "alice", "bob", "dan", "carol")
SIGNED_IN = ("alice", "bob", "dan", "carol")


def everyone(outcome, anonymous=LOGIN) -> dict:
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, outcome)}


def only(owner_outcome, owners=("alice",), others=404, anonymous=LOGIN, **overrides) -> dict:
    expect = {"anonymous": anonymous}
    for actor in SIGNED_IN:
        expect[actor] = owner_outcome if actor in owners else others
    expect.update(overrides)
    return expect


@dataclass
class Case:
    target: str  # a URL name, or "api:<operation_id>"
    label: str
    method: str
    expect: dict
    args: Callable = lambda w: []
    data: Callable | None = None
    secret: Callable | None = None
    sees: tuple = ()
    query: str = ""

    @property
    def is_api(self) -> bool:
        return self.target.startswith("api:") and self.target not in WEB_API_ROUTES


WEB_API_ROUTES = {"api:openapi-json", "api:openapi-view", "api:api-root"}

CHECKIN_FORM = {
    "feel_happy": "on",
    "intensity_happy": "3",
    "closeness": "5",
    "need": "hug",
    "visibility": "shared",
}


def _code(w):
    return w.dan_invitation.code


def _token(w):
    return w.dan_invitation.token


WEB_CASES = [
    Case("home", "page", "GET", everyone(200, anonymous=200)),
    Case("ping", "page", "GET", everyone(200, anonymous=200)),
    Case("safety:index", "page", "GET", everyone(200, anonymous=200)),
    Case("accounts:settings", "page", "GET", everyone(200)),
    Case("accounts:tokens", "page", "GET", everyone(200)),
    Case(
        "accounts:token_revoke",
        "alice's token",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.alice_token.public_id],
    ),
    Case(
        "accounts:token_revoke",
        "wrong method",
        "GET",
        everyone(405),
        args=lambda w: [w.alice_token.public_id],
    ),
    Case("couples:pairing", "page", "GET", everyone(200)),
    Case("couples:invite", "paired or not", "POST", everyone(REDIRECT)),
    Case(
        "couples:revoke",
        "dan's invitation",
        "POST",
        only(REDIRECT, owners=("dan",)),
        args=lambda w: [w.dan_invitation.public_id],
    ),
    Case(
        "couples:enter_code", "dan's code", "POST", everyone(422), data=lambda w: {"code": _code(w)}
    ),
    Case("couples:join", "dan's link", "GET", everyone(409), args=lambda w: [_token(w)]),
    Case(
        "couples:accept",
        "dan's link",
        "POST",
        everyone(409),
        data=lambda w: {"token": _token(w), "confirm": "on"},
    ),
    Case("couples:dismiss_notice", "notice", "POST", everyone(REDIRECT)),
    Case("couples:settings", "page", "GET", everyone(200)),
    Case("couples:unpair", "confirmation page", "GET", {**everyone(200), "dan": REDIRECT}),
    Case("checkins:today", "page", "GET", everyone(200)),
    Case("checkins:today", "save", "POST", everyone(REDIRECT), data=lambda w: CHECKIN_FORM),
    Case(
        "checkins:history",
        "mine",
        "GET",
        everyone(200),
        secret=lambda w: w.alice_private_checkin.note,
        sees=("alice",),
    ),
    Case(
        "checkins:history",
        "partner's",
        "GET",
        everyone(200),
        query="?whose=partner",
        secret=lambda w: w.alice_private_checkin.note,
        sees=(),
    ),
    Case(
        "checkins:history",
        "partner's shared",
        "GET",
        everyone(200),
        query="?whose=partner",
        secret=lambda w: w.alice_shared_checkin.note,
        sees=("bob",),
    ),
    Case(
        "checkins:detail",
        "alice private",
        "GET",
        only(200),
        args=lambda w: [w.alice_private_checkin.public_id],
        secret=lambda w: w.alice_private_checkin.note,
        sees=("alice",),
    ),
    Case(
        "checkins:detail",
        "alice shared",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.alice_shared_checkin.public_id],
        secret=lambda w: w.alice_shared_checkin.note,
        sees=("alice", "bob"),
    ),
    Case(
        "checkins:detail",
        "dan's from the old couple",
        "GET",
        only(200, owners=("dan",)),
        args=lambda w: [w.dan_old_shared_checkin.public_id],
    ),
    Case(
        "checkins:detail",
        "alice's from the old couple",
        "GET",
        only(200),
        args=lambda w: [w.alice_old_shared_checkin.public_id],
    ),
    Case(
        "checkins:detail",
        "carol shared",
        "GET",
        only(200, owners=("carol",)),
        args=lambda w: [w.carol_shared_checkin.public_id],
    ),
    Case(
        "checkins:reply",
        "to bob's shared",
        "POST",
        only(REDIRECT, owners=("alice",), bob=422),
        args=lambda w: [w.bob_shared_checkin.public_id],
        data=lambda w: {"text": "Thank you"},
    ),
    Case(
        "checkins:reply",
        "to alice's private",
        "POST",
        only(422),
        args=lambda w: [w.alice_private_checkin.public_id],
        data=lambda w: {"text": "Hi"},
    ),
    Case(
        "checkins:react",
        "to bob's shared",
        "POST",
        only(REDIRECT, owners=("alice",), bob=422),
        args=lambda w: [w.bob_shared_checkin.public_id],
        data=lambda w: {"reaction": "heart"},
    ),
    Case(
        "checkins:delete",
        "alice shared",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.alice_shared_checkin.public_id],
    ),
    Case(
        "questions:history",
        "page",
        "GET",
        everyone(200),
        secret=lambda w: w.alice_sealed_answer.text,
        sees=("alice",),
    ),
    Case(
        "questions:history",
        "old answers",
        "GET",
        everyone(200),
        secret=lambda w: w.dan_old_answer.text,
        sees=("dan",),
    ),
    Case("questions:today", "redirect", "GET", everyone(REDIRECT)),
    Case(
        "questions:detail",
        "today: alice sealed",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.question_today.public_id],
        secret=lambda w: w.alice_sealed_answer.text,
        sees=("alice",),
    ),
    Case(
        "questions:detail",
        "yesterday: released",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.question_yesterday.public_id],
        secret=lambda w: w.bob_released_answer.text,
        sees=("alice", "bob"),
    ),
    Case(
        "questions:detail",
        "old couple: dan's answer",
        "GET",
        only(200, owners=("alice", "dan")),
        args=lambda w: [w.question_old.public_id],
        secret=lambda w: w.dan_old_answer.text,
        sees=("dan",),
    ),
    Case(
        "questions:detail",
        "old couple: alice's answer",
        "GET",
        only(200, owners=("alice", "dan")),
        args=lambda w: [w.question_old.public_id],
        secret=lambda w: w.alice_old_answer.text,
        sees=("alice",),
    ),
    Case(
        "questions:detail",
        "carol's question",
        "GET",
        only(200, owners=("carol",)),
        args=lambda w: [w.carol_question.public_id],
        secret=lambda w: w.carol_answer.text,
        sees=("carol",),
    ),
    Case(
        "questions:answer",
        "today",
        "POST",
        only(REDIRECT, owners=("alice", "bob")),
        args=lambda w: [w.question_today.public_id],
        data=lambda w: {"text": "Mine"},
    ),
    Case(
        "questions:answer",
        "old couple",
        "POST",
        only(422, owners=("alice", "dan")),
        args=lambda w: [w.question_old.public_id],
        data=lambda w: {"text": "Mine"},
    ),
    Case(
        "questions:pass",
        "today",
        "POST",
        only(REDIRECT, owners=("alice", "bob")),
        args=lambda w: [w.question_today.public_id],
    ),
    Case(
        "questions:delete_answer",
        "today",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.question_today.public_id],
    ),
    Case(
        "questions:reply",
        "to alice's released answer",
        "POST",
        only(REDIRECT, owners=("bob",), alice=422),
        args=lambda w: [w.alice_released_answer.public_id],
        data=lambda w: {"text": "Yes"},
    ),
    Case(
        "questions:reply",
        "to alice's sealed answer",
        "POST",
        only(422),
        args=lambda w: [w.alice_sealed_answer.public_id],
        data=lambda w: {"text": "Yes"},
    ),
    Case(
        "questions:felt_heard",
        "bob's reply to alice",
        "POST",
        only(REDIRECT, owners=("alice",), bob=403),
        args=lambda w: [w.bob_reply_on_alice_answer.public_id],
        data=lambda w: {"felt_heard": "on"},
    ),
    Case("listening:index", "page", "GET", everyone(200)),
    Case(
        "listening:index",
        "start",
        "POST",
        {**everyone(422), "carol": REDIRECT},
        data=lambda w: {"topic": "Our week", "mode": "apart", "timer_minutes": "0"},
    ),
    Case(
        "listening:session",
        "alice and bob",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
        secret=lambda w: w.alice_piece.text,
        sees=("alice", "bob"),
    ),
    Case(
        "listening:session",
        "old: dan's piece",
        "GET",
        only(200, owners=("alice", "dan")),
        args=lambda w: [w.old_listening.public_id],
        secret=lambda w: w.dan_old_piece.text,
        sees=("dan",),
    ),
    Case(
        "listening:session",
        "old: alice's reflection",
        "GET",
        only(200, owners=("alice", "dan")),
        args=lambda w: [w.old_listening.public_id],
        secret=lambda w: w.alice_old_reflection.text,
        sees=("alice",),
    ),
    Case(
        "listening:say",
        "not the step",
        "POST",
        only(422, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"text": "More"},
    ),
    Case(
        "listening:reflect",
        "listener's step",
        "POST",
        only(REDIRECT, owners=("bob",), alice=422),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"text": "I heard you"},
    ),
    Case(
        "listening:verdict",
        "not the step",
        "POST",
        only(422, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"got_it": "yes"},
    ),
    Case(
        "listening:pass",
        "not the step",
        "POST",
        only(422, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "listening:time_out",
        "either",
        "POST",
        only(REDIRECT, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "listening:resume",
        "either",
        "POST",
        only(REDIRECT, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "listening:end",
        "either",
        "POST",
        only(REDIRECT, owners=("alice", "bob")),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "listening:understood",
        "alice's piece",
        "POST",
        only(REDIRECT, owners=("bob",), alice=422),
        args=lambda w: [w.listening.public_id, w.alice_piece.public_id],
    ),
    Case(
        "empathy:index",
        "page",
        "GET",
        everyone(200),
        secret=lambda w: w.alice_perspective_draft.situation,
        sees=("alice",),
    ),
    Case("empathy:new", "page", "GET", everyone(200)),
    Case(
        "empathy:new",
        "keep for later",
        "POST",
        everyone(REDIRECT),
        data=lambda w: {
            "situation": "At dinner",
            "feel_happy": "on",
            "intensity_happy": "3",
            "action": "keep",
        },
    ),
    Case(
        "empathy:detail",
        "sent",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.alice_perspective.public_id],
        secret=lambda w: w.alice_perspective.situation,
        sees=("alice", "bob"),
    ),
    Case(
        "empathy:detail",
        "sealed feelings",
        "GET",
        only(200, owners=("alice", "bob")),
        args=lambda w: [w.alice_perspective.public_id],
        secret=lambda w: "hurt (4/5)",
        sees=("alice",),
    ),
    Case(
        "empathy:detail",
        "draft",
        "GET",
        only(200),
        args=lambda w: [w.alice_perspective_draft.public_id],
        secret=lambda w: w.alice_perspective_draft.situation,
        sees=("alice",),
    ),
    Case(
        "empathy:edit",
        "draft",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.alice_perspective_draft.public_id],
        data=lambda w: {
            "situation": "Changed",
            "feel_calm": "on",
            "intensity_calm": "2",
            "action": "keep",
        },
    ),
    Case(
        "empathy:send",
        "draft",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.alice_perspective_draft.public_id],
    ),
    Case(
        "empathy:guess",
        "sent",
        "POST",
        only(REDIRECT, owners=("bob",), alice=422),
        args=lambda w: [w.alice_perspective.public_id],
        data=lambda w: {"feel_hurt": "on", "intensity_hurt": "3"},
    ),
    Case(
        "empathy:validate",
        "not guessed yet",
        "POST",
        only(422, owners=("alice", "bob")),
        args=lambda w: [w.alice_perspective.public_id],
        data=lambda w: {"text": "Makes sense"},
    ),
    Case(
        "empathy:delete",
        "sent",
        "POST",
        only(REDIRECT),
        args=lambda w: [w.alice_perspective.public_id],
    ),
    Case("api:openapi-json", "spec", "GET", everyone(200, anonymous=200)),
    Case("api:openapi-view", "docs", "GET", everyone(200, anonymous=200)),
    Case("api:api-root", "root", "GET", everyone(404, anonymous=404)),
    # allauth's own pages, as allauth serves them.
    Case("account_login", "page", "GET", everyone(REDIRECT, anonymous=200)),
    Case("account_signup", "page", "GET", everyone(REDIRECT, anonymous=200)),
    Case("account_logout", "confirmation", "GET", everyone(200)),
    Case("account_inactive", "page", "GET", everyone(200, anonymous=200)),
    Case("account_reauthenticate", "page", "GET", everyone(200)),
    Case("account_request_reauthentication_code", "page", "GET", everyone(200)),
    Case("account_confirm_reauthentication_code", "no code sent", "GET", everyone(REDIRECT)),
    Case("account_email", "page", "GET", everyone(200)),
    Case("account_email_verification_sent", "page", "GET", everyone(200, anonymous=200)),
    Case("account_change_password", "page", "GET", everyone(200)),
    Case("account_set_password", "has a password", "GET", everyone(REDIRECT)),
    Case("account_reset_password", "page", "GET", everyone(200, anonymous=200)),
    Case("account_reset_password_done", "page", "GET", everyone(200, anonymous=200)),
    Case("account_confirm_login_code", "no code sent", "GET", everyone(REDIRECT)),
    Case(
        "account_confirm_email",
        "bad key",
        "GET",
        everyone(200, anonymous=200),
        args=lambda w: ["not-a-key"],
    ),
    Case(
        "account_reset_password_from_key",
        "bad key",
        "GET",
        everyone(200, anonymous=200),
        args=lambda w: ["1", "bad-key"],
    ),
    Case("account_reset_password_from_key_done", "page", "GET", everyone(200, anonymous=200)),
]

CHECKIN_JSON = {"feelings": {"happy": 3}, "closeness": 5, "need": {"kind": "hug"}}

API_CASES = [
    Case("api:me_get", "me", "GET", everyone(200, anonymous=401)),
    Case(
        "api:me_update",
        "pronouns",
        "PATCH",
        everyone(200, anonymous=401),
        data=lambda w: {"pronouns": "they/them"},
    ),
    Case("api:pairing_get", "mine", "GET", everyone(200, anonymous=401)),
    Case(
        "api:pairing_update",
        "time zone",
        "PATCH",
        {**everyone(200, anonymous=401), "dan": 409},
        data=lambda w: {"timezone": "Europe/Paris"},
    ),
    Case("api:invitation_create", "new", "POST", {**everyone(409, anonymous=401), "dan": 201}),
    Case(
        "api:invitation_revoke",
        "dan's",
        "DELETE",
        only(204, owners=("dan",), anonymous=401),
        args=lambda w: [w.dan_invitation.public_id],
    ),
    Case(
        "api:invitation_accept",
        "dan's code",
        "POST",
        everyone(409, anonymous=401),
        data=lambda w: {"code": _code(w)},
    ),
    Case(
        "api:pairing_end",
        "confirm",
        "POST",
        {**everyone(200, anonymous=401), "dan": 409},
        data=lambda w: {"confirm": True},
    ),
    Case("api:checkin_today_get", "mine", "GET", everyone(200, anonymous=401)),
    Case(
        "api:checkin_today_save",
        "save",
        "PUT",
        everyone(200, anonymous=401),
        data=lambda w: CHECKIN_JSON,
    ),
    Case(
        "api:checkin_list",
        "mine",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_private_checkin.note,
        sees=("alice",),
    ),
    Case(
        "api:checkin_partner_list",
        "partner's",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_shared_checkin.note,
        sees=("bob",),
    ),
    Case(
        "api:checkin_partner_list",
        "never private",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_private_checkin.note,
        sees=(),
    ),
    Case(
        "api:checkin_partner_today",
        "partner's",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.bob_shared_checkin.note,
        sees=("alice",),
    ),
    Case(
        "api:checkin_get",
        "alice private",
        "GET",
        only(200, anonymous=401),
        args=lambda w: [w.alice_private_checkin.public_id],
        secret=lambda w: w.alice_private_checkin.note,
        sees=("alice",),
    ),
    Case(
        "api:checkin_get",
        "alice shared",
        "GET",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.alice_shared_checkin.public_id],
    ),
    Case(
        "api:checkin_get",
        "dan's old",
        "GET",
        only(200, owners=("dan",), anonymous=401),
        args=lambda w: [w.dan_old_shared_checkin.public_id],
    ),
    Case(
        "api:checkin_delete",
        "alice shared",
        "DELETE",
        only(204, anonymous=401),
        args=lambda w: [w.alice_shared_checkin.public_id],
    ),
    Case(
        "api:checkin_reply",
        "to bob's shared",
        "POST",
        only(201, owners=("alice",), bob=403, anonymous=401),
        args=lambda w: [w.bob_shared_checkin.public_id],
        data=lambda w: {"text": "Thanks"},
    ),
    Case(
        "api:checkin_react",
        "to bob's shared",
        "PUT",
        only(200, owners=("alice",), bob=403, anonymous=401),
        args=lambda w: [w.bob_shared_checkin.public_id],
        data=lambda w: {"reaction": "hug"},
    ),
    Case(
        "api:question_today",
        "today",
        "GET",
        {**everyone(200, anonymous=401), "dan": 409},
        secret=lambda w: w.alice_sealed_answer.text,
        sees=("alice",),
    ),
    Case(
        "api:question_history",
        "history",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_sealed_answer.text,
        sees=("alice",),
    ),
    Case(
        "api:question_get",
        "today: alice sealed",
        "GET",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.question_today.public_id],
        secret=lambda w: w.alice_sealed_answer.text,
        sees=("alice",),
    ),
    Case(
        "api:question_get",
        "yesterday: released",
        "GET",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.question_yesterday.public_id],
        secret=lambda w: w.alice_released_answer.text,
        sees=("alice", "bob"),
    ),
    Case(
        "api:question_get",
        "old couple",
        "GET",
        only(200, owners=("alice", "dan"), anonymous=401),
        args=lambda w: [w.question_old.public_id],
        secret=lambda w: w.alice_old_answer.text,
        sees=("alice",),
    ),
    Case(
        "api:answer_submit",
        "today",
        "PUT",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.question_today.public_id],
        data=lambda w: {"text": "Mine"},
    ),
    Case(
        "api:answer_pass",
        "today",
        "POST",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.question_today.public_id],
    ),
    Case(
        "api:answer_delete",
        "today",
        "DELETE",
        only(204, anonymous=401),
        args=lambda w: [w.question_today.public_id],
    ),
    Case(
        "api:answer_reply",
        "to alice's released answer",
        "POST",
        only(201, owners=("bob",), alice=403, anonymous=401),
        args=lambda w: [w.alice_released_answer.public_id],
        data=lambda w: {"text": "Yes"},
    ),
    Case(
        "api:answer_reply",
        "to alice's sealed answer",
        "POST",
        only(403, anonymous=401),
        args=lambda w: [w.alice_sealed_answer.public_id],
        data=lambda w: {"text": "Yes"},
    ),
    Case(
        "api:reply_felt_heard",
        "bob's reply",
        "PUT",
        only(200, owners=("alice",), bob=403, anonymous=401),
        args=lambda w: [w.bob_reply_on_alice_answer.public_id],
        data=lambda w: {"felt_heard": True},
    ),
    Case(
        "api:listening_list",
        "mine",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_piece.text,
        sees=(),
    ),
    Case(
        "api:listening_start",
        "start",
        "POST",
        {**everyone(409, anonymous=401), "carol": 201},
        data=lambda w: {"topic": "Our week"},
    ),
    Case(
        "api:listening_get",
        "alice and bob",
        "GET",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
        secret=lambda w: w.alice_piece.text,
        sees=("alice", "bob"),
    ),
    Case(
        "api:listening_get",
        "old",
        "GET",
        only(200, owners=("alice", "dan"), anonymous=401),
        args=lambda w: [w.old_listening.public_id],
        secret=lambda w: w.dan_old_piece.text,
        sees=("dan",),
    ),
    Case(
        "api:listening_say",
        "not the step",
        "POST",
        only(409, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"text": "More"},
    ),
    Case(
        "api:listening_reflect",
        "listener's step",
        "POST",
        only(200, owners=("bob",), alice=409, anonymous=401),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"text": "I heard you"},
    ),
    Case(
        "api:listening_verdict",
        "not the step",
        "POST",
        only(409, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"got_it": True},
    ),
    Case(
        "api:listening_pass",
        "not the step",
        "POST",
        only(409, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "api:listening_time_out",
        "either",
        "POST",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "api:listening_resume",
        "either",
        "POST",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "api:listening_end",
        "either",
        "POST",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.listening.public_id],
    ),
    Case(
        "api:listening_understood",
        "alice's piece",
        "POST",
        only(200, owners=("bob",), alice=403, anonymous=401),
        args=lambda w: [w.listening.public_id],
        data=lambda w: {"piece_id": str(w.alice_piece.public_id)},
    ),
    Case("api:content_listening_topics", "list", "GET", everyone(200, anonymous=401)),
    Case(
        "api:perspective_list",
        "mine",
        "GET",
        everyone(200, anonymous=401),
        secret=lambda w: w.alice_perspective_draft.situation,
        sees=("alice",),
    ),
    Case(
        "api:perspective_create",
        "keep",
        "POST",
        everyone(201, anonymous=401),
        data=lambda w: {"situation": "At dinner", "feelings": {"happy": 3}},
    ),
    Case(
        "api:perspective_get",
        "sent",
        "GET",
        only(200, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.alice_perspective.public_id],
        secret=lambda w: '"feeling": "hurt"',
        sees=("alice",),
    ),
    Case(
        "api:perspective_get",
        "draft",
        "GET",
        only(200, anonymous=401),
        args=lambda w: [w.alice_perspective_draft.public_id],
        secret=lambda w: w.alice_perspective_draft.situation,
        sees=("alice",),
    ),
    Case(
        "api:perspective_update",
        "draft",
        "PUT",
        only(200, anonymous=401),
        args=lambda w: [w.alice_perspective_draft.public_id],
        data=lambda w: {"situation": "Changed", "feelings": {"calm": 2}},
    ),
    Case(
        "api:perspective_send",
        "draft",
        "POST",
        only(200, anonymous=401),
        args=lambda w: [w.alice_perspective_draft.public_id],
    ),
    Case(
        "api:perspective_guess",
        "sent",
        "POST",
        only(200, owners=("bob",), alice=403, anonymous=401),
        args=lambda w: [w.alice_perspective.public_id],
        data=lambda w: {"feelings": {"hurt": 3}},
    ),
    Case(
        "api:perspective_respond",
        "not guessed yet",
        "PUT",
        only(409, owners=("alice", "bob"), anonymous=401),
        args=lambda w: [w.alice_perspective.public_id],
        data=lambda w: {"text": "Makes sense"},
    ),
    Case(
        "api:perspective_delete",
        "sent",
        "DELETE",
        only(204, anonymous=401),
        args=lambda w: [w.alice_perspective.public_id],
    ),
    Case("api:content_feelings", "list", "GET", everyone(200, anonymous=401)),
    Case("api:content_needs", "list", "GET", everyone(200, anonymous=401)),
    Case("api:content_reactions", "list", "GET", everyone(200, anonymous=401)),
]

CASES = WEB_CASES + API_CASES


@dataclass
class AdminRule:
    """Every admin route: staff only; everyone here is not staff."""

    expect: dict = field(default_factory=lambda: everyone(REDIRECT, anonymous=REDIRECT))
    public: tuple = ("admin:login",)
    # The admin's logout sends people who are not staff back to the admin's front page.
    statuses: dict = field(default_factory=lambda: {"admin:logout": 302})
