import uuid
from datetime import timedelta

from hearth.access import Visibility
from hearth.checkins.models import CheckIn, CheckInReaction, CheckInReply
from hearth.testing import HearthTestCase, make_checkin, make_person


class ApiCheckinsTests(HearthTestCase):
    """The check-in API apart from saving today's (see test_api_checkin_today_save.py)."""

    def call(self, method, path, person, body=None):
        return self.api(method, f"/checkins{path}", person, body)

    def ids(self, response) -> list[str]:
        return [item["id"] for item in response.json()["items"]]

    def new_replies(self):
        return CheckInReply.objects.exclude(pk=self.world.bob_reply_on_alice_checkin.pk)

    # GET /api/checkins/today

    def test_today_returns_my_checkin(self):
        response = self.call("get", "/today", self.alice)
        self.assertEqual(response.status_code, 200)
        checkin = response.json()["checkin"]
        self.assertEqual(checkin["id"], str(self.world.alice_shared_checkin.public_id))
        self.assertEqual(checkin["note"], self.world.alice_shared_checkin.note)
        self.assertEqual(checkin["visibility"], "shared")
        self.assertEqual(
            checkin["feelings"], [{"feeling": "happy", "label": "happy", "intensity": 3}]
        )
        self.assertEqual(checkin["need"], {"kind": "talk", "label": "To talk", "words": ""})
        self.assertEqual(
            [reply["text"] for reply in checkin["replies"]],
            [self.world.bob_reply_on_alice_checkin.text],
        )
        self.assertEqual(checkin["replies"][0]["author"]["display_name"], "Bob")
        # Reading today's check-in is not opening it: the reply stays unseen.
        self.assertIsNone(CheckInReply.objects.get().seen_at)

    def test_today_is_null_without_a_checkin(self):
        response = self.call("get", "/today", self.erin)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"checkin": None})
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    def test_today_requires_a_token(self):
        response = self.client.get("/api/checkins/today")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthenticated")
        self.assertNotIn("Alice", response.content.decode())

    def test_today_rejects_post(self):
        response = self.call("post", "/today", self.erin, {})
        self.assertEqual(response.status_code, 405)
        self.assertFalse(CheckIn.objects.filter(author=self.erin).exists())

    # GET /api/checkins

    def test_list_returns_all_of_mine_newest_first(self):
        response = self.call("get", "", self.alice)
        self.assertEqual(response.status_code, 200)
        expected = [
            self.world.alice_shared_checkin,
            self.world.alice_private_checkin,
            self.world.alice_old_shared_checkin,
        ]
        self.assertEqual(self.ids(response), [str(c.public_id) for c in expected])
        self.assertIsNone(response.json()["next_before"])
        self.assertNotIn(self.world.bob_shared_checkin.note, response.content.decode())

    def test_list_pages_with_before(self):
        pat = make_person("Pat")
        today = pat.local_today()
        for back in range(5):
            make_checkin(pat, couple=None, day=today - timedelta(days=back))
        first = self.call("get", "?limit=2", pat)
        self.assertEqual(len(self.ids(first)), 2)
        cursor = first.json()["next_before"]
        self.assertEqual(cursor, (today - timedelta(days=1)).isoformat())
        second = self.call("get", f"?limit=2&before={cursor}", pat)
        dates = [item["date"] for item in second.json()["items"]]
        self.assertEqual(dates, [(today - timedelta(days=n)).isoformat() for n in (2, 3)])
        third = self.call("get", f"?limit=2&before={second.json()['next_before']}", pat)
        self.assertEqual(len(self.ids(third)), 1)
        self.assertIsNone(third.json()["next_before"])
        self.assertEqual(CheckIn.objects.filter(author=pat).count(), 5)

    def test_list_uses_pages_of_twenty_by_default(self):
        pat = make_person("Pat")
        today = pat.local_today()
        for back in range(21):
            make_checkin(pat, couple=None, day=today - timedelta(days=back))
        response = self.call("get", "", pat)
        self.assertEqual(len(self.ids(response)), 20)
        self.assertEqual(response.json()["next_before"], (today - timedelta(days=19)).isoformat())

    def test_list_rejects_a_bad_limit(self):
        for limit in ("0", "51", "many"):
            response = self.call("get", f"?limit={limit}", self.alice)
            self.assertEqual(response.status_code, 422)
            self.assertEqual(response.json()["errors"][0]["field"], "query.limit")

    def test_list_rejects_a_malformed_date(self):
        response = self.call("get", "?before=yesterday", self.alice)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "query.before")

    # GET /api/checkins/partner

    def test_partner_list_has_only_shared_checkins_of_this_pairing(self):
        response = self.call("get", "/partner", self.bob)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.ids(response), [str(self.world.alice_shared_checkin.public_id)])
        text = response.content.decode()
        self.assertNotIn(self.world.alice_private_checkin.note, text)
        self.assertNotIn(str(self.world.alice_old_shared_checkin.public_id), text)

    def test_partner_list_is_empty_for_someone_on_their_own(self):
        response = self.call("get", "/partner", self.dan)
        self.assertEqual(response.json(), {"items": [], "next_before": None})
        self.assertTrue(CheckIn.objects.filter(author=self.alice).exists())

    def test_partner_list_never_has_the_former_partners(self):
        response = self.call("get", "/partner", self.alice)
        self.assertEqual(self.ids(response), [str(self.world.bob_shared_checkin.public_id)])
        self.assertNotIn(self.world.dan_old_shared_checkin.note, response.content.decode())

    # GET /api/checkins/partner/today

    def test_partner_today_returns_the_shared_checkin(self):
        response = self.call("get", "/partner/today", self.alice)
        self.assertEqual(response.status_code, 200)
        checkin = response.json()["checkin"]
        self.assertEqual(checkin["id"], str(self.world.bob_shared_checkin.public_id))
        self.assertEqual(checkin["author"]["display_name"], "Bob")

    def test_partner_today_hides_a_private_checkin(self):
        CheckIn.objects.filter(pk=self.world.bob_shared_checkin.pk).update(
            visibility=Visibility.PRIVATE, note="Just for me"
        )
        response = self.call("get", "/partner/today", self.alice)
        self.assertEqual(response.json(), {"checkin": None})
        self.assertEqual(
            CheckIn.objects.get(pk=self.world.bob_shared_checkin.pk).note, "Just for me"
        )

    def test_partner_today_is_null_for_someone_on_their_own(self):
        response = self.call("get", "/partner/today", self.dan)
        self.assertEqual(response.json(), {"checkin": None})

    # GET /api/checkins/{id}

    def test_get_returns_one_i_may_see(self):
        checkin = self.world.alice_shared_checkin
        response = self.call("get", f"/{checkin.public_id}", self.bob)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["note"], self.world.alice_shared_checkin.note)
        self.assertIsNone(CheckInReply.objects.get().seen_at)

    def test_get_marks_replies_seen_for_the_author(self):
        checkin = self.world.alice_shared_checkin
        response = self.call("get", f"/{checkin.public_id}", self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(CheckInReply.objects.get().seen_at)

    def test_get_returns_my_private_checkin(self):
        checkin = self.world.alice_private_checkin
        response = self.call("get", f"/{checkin.public_id}", self.alice)
        self.assertEqual(response.json()["visibility"], "private")

    def test_get_gives_404_for_the_partners_private_checkin(self):
        response = self.call("get", f"/{self.world.alice_private_checkin.public_id}", self.bob)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(
            response.json(), {"detail": "Not found.", "code": "not_found", "errors": []}
        )

    def test_get_gives_404_to_another_couple(self):
        response = self.call("get", f"/{self.world.alice_shared_checkin.public_id}", self.carol)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Alice", response.content.decode())

    def test_get_gives_404_to_a_former_partner(self):
        for checkin in (self.world.alice_old_shared_checkin, self.world.alice_shared_checkin):
            response = self.call("get", f"/{checkin.public_id}", self.dan)
            self.assertEqual(response.status_code, 404)

    def test_get_gives_me_404_for_the_former_partners(self):
        response = self.call("get", f"/{self.world.dan_old_shared_checkin.public_id}", self.alice)
        self.assertEqual(response.status_code, 404)

    def test_get_gives_404_for_an_unknown_id(self):
        response = self.call("get", f"/{uuid.uuid4()}", self.alice)
        self.assertEqual(response.status_code, 404)

    def test_get_rejects_an_id_that_is_not_a_uuid(self):
        response = self.call("get", "/42", self.alice)
        self.assertEqual(response.status_code, 422)

    # DELETE /api/checkins/{id}

    def test_delete_works(self):
        checkin = self.world.alice_shared_checkin
        response = self.call("delete", f"/{checkin.public_id}", self.alice)
        self.assertEqual(response.status_code, 204)
        self.assertFalse(CheckIn.objects.filter(pk=checkin.pk).exists())
        self.assertFalse(CheckInReply.objects.exists())

    def test_delete_checks_ownership(self):
        checkin = self.world.alice_shared_checkin
        response = self.call("delete", f"/{checkin.public_id}", self.bob)
        self.assertEqual(response.status_code, 404)
        self.assertTrue(CheckIn.objects.filter(pk=checkin.pk).exists())
        self.assertTrue(CheckInReply.objects.exists())

    def test_delete_gives_404_to_strangers_and_former_partners(self):
        checkin = self.world.alice_old_shared_checkin
        for person in (self.carol, self.dan):
            response = self.call("delete", f"/{checkin.public_id}", person)
            self.assertEqual(response.status_code, 404)
        self.assertTrue(CheckIn.objects.filter(pk=checkin.pk).exists())

    def test_it_rejects_patch(self):
        checkin = self.world.alice_shared_checkin
        note = checkin.note
        response = self.call("patch", f"/{checkin.public_id}", self.alice, {"note": "x"})
        self.assertEqual(response.status_code, 405)
        checkin.refresh_from_db()
        self.assertEqual(checkin.note, note)

    # POST /api/checkins/{id}/replies

    def test_reply_works(self):
        checkin = self.world.bob_shared_checkin
        response = self.call("post", f"/{checkin.public_id}/replies", self.alice, {"text": "Hug?"})
        self.assertEqual(response.status_code, 201)
        reply = self.new_replies().get()
        self.assertEqual(response.json()["id"], str(reply.public_id))
        self.assertEqual(response.json()["text"], "Hug?")
        self.assertEqual(response.json()["author"]["display_name"], "Alice")
        self.assertEqual(reply.checkin, checkin)
        self.assertEqual(reply.author, self.alice)
        self.assertEqual(reply.couple, self.world.couple)

    def test_the_author_sees_the_reply(self):
        checkin = self.world.bob_shared_checkin
        self.call("post", f"/{checkin.public_id}/replies", self.alice, {"text": "Hug?"})
        response = self.call("get", f"/{checkin.public_id}", self.bob)
        self.assertEqual([r["text"] for r in response.json()["replies"]], ["Hug?"])
        self.assertIsNotNone(self.new_replies().get().seen_at)

    def test_reply_refuses_my_own_checkin(self):
        checkin = self.world.alice_shared_checkin
        response = self.call("post", f"/{checkin.public_id}/replies", self.alice, {"text": "Me"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "own")
        self.assertEqual(
            response.json()["detail"], "You can reply to your partner's check-in, not your own."
        )
        self.assertFalse(self.new_replies().exists())

    def test_reply_gives_404_for_a_private_checkin(self):
        checkin = self.world.alice_private_checkin
        response = self.call("post", f"/{checkin.public_id}/replies", self.bob, {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_reply_gives_404_to_strangers_and_former_partners(self):
        for person, checkin in (
            (self.carol, self.world.alice_shared_checkin),
            (self.dan, self.world.alice_old_shared_checkin),
            (self.alice, self.world.dan_old_shared_checkin),
        ):
            response = self.call("post", f"/{checkin.public_id}/replies", person, {"text": "Hi"})
            self.assertEqual(response.status_code, 404)
        self.assertFalse(self.new_replies().exists())

    def test_reply_requires_text(self):
        checkin = self.world.bob_shared_checkin
        response = self.call("post", f"/{checkin.public_id}/replies", self.alice, {"text": ""})
        self.assertEqual(response.status_code, 422)
        response = self.call("post", f"/{checkin.public_id}/replies", self.alice, {})
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.new_replies().exists())

    def test_reply_refuses_blank_text(self):
        checkin = self.world.bob_shared_checkin
        path = f"/{checkin.public_id}/replies"
        for text in ("  ", "\t\n", "\u00a0\u2003"):
            response = self.call("post", path, self.alice, {"text": text})
            self.assertEqual(response.status_code, 422, repr(text))
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "text")
        # U+001C..U+001F are spaces to Python's strip(); the schema's pattern agrees.
        response = self.call("post", path, self.alice, {"text": "\x1f"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertFalse(self.new_replies().exists())

    def test_reply_rejects_long_text(self):
        checkin = self.world.bob_shared_checkin
        body = {"text": "x" * 501}
        response = self.call("post", f"/{checkin.public_id}/replies", self.alice, body)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "text")
        self.assertFalse(self.new_replies().exists())

    def test_reply_rejects_nul_and_lone_surrogates(self):
        checkin = self.world.bob_shared_checkin
        for text in ("a\x00b", "\ud800", "ok \udc00 then"):
            body = {"text": text}
            response = self.call("post", f"/{checkin.public_id}/replies", self.alice, body)
            self.assertEqual(response.status_code, 422)
        self.assertFalse(self.new_replies().exists())

    # PUT /api/checkins/{id}/reaction

    def test_react_sets_changes_and_removes(self):
        checkin = self.world.bob_shared_checkin
        path = f"/{checkin.public_id}/reaction"
        response = self.call("put", path, self.alice, {"reaction": "heart"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [(r["author"]["display_name"], r["reaction"]) for r in response.json()["reactions"]],
            [("Alice", "heart")],
        )
        self.assertEqual(CheckInReaction.objects.get().reaction, "heart")

        response = self.call("put", path, self.alice, {"reaction": "smile"})
        self.assertEqual([r["reaction"] for r in response.json()["reactions"]], ["smile"])
        self.assertEqual(CheckInReaction.objects.get().reaction, "smile")

        response = self.call("put", path, self.alice, {"reaction": ""})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["reactions"], [])
        self.assertFalse(CheckInReaction.objects.exists())

    def test_react_without_a_reaction_removes_mine(self):
        checkin = self.world.bob_shared_checkin
        CheckInReaction.objects.create(
            checkin=checkin, couple=self.world.couple, author=self.alice, reaction="hug"
        )
        response = self.call("put", f"/{checkin.public_id}/reaction", self.alice, {})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_react_rejects_an_unknown_reaction(self):
        checkin = self.world.bob_shared_checkin
        for reaction in ("thumbs_down", " ", "HEART"):
            body = {"reaction": reaction}
            response = self.call("put", f"/{checkin.public_id}/reaction", self.alice, body)
            self.assertEqual(response.status_code, 422, reaction)
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "reaction")
        self.assertFalse(CheckInReaction.objects.exists())

    def test_react_rejects_null(self):
        checkin = self.world.bob_shared_checkin
        CheckInReaction.objects.create(
            checkin=checkin, couple=self.world.couple, author=self.alice, reaction="hug"
        )
        body = {"reaction": None}
        response = self.call("put", f"/{checkin.public_id}/reaction", self.alice, body)
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "reaction")
        self.assertEqual(CheckInReaction.objects.get().reaction, "hug")

    def test_react_rejects_nul_and_lone_surrogates(self):
        checkin = self.world.bob_shared_checkin
        for reaction in ("heart\x00", "\ud83d"):
            body = {"reaction": reaction}
            response = self.call("put", f"/{checkin.public_id}/reaction", self.alice, body)
            self.assertEqual(response.status_code, 422)
        self.assertFalse(CheckInReaction.objects.exists())

    def test_react_refuses_my_own_checkin(self):
        checkin = self.world.alice_shared_checkin
        for reaction in ("heart", ""):
            body = {"reaction": reaction}
            response = self.call("put", f"/{checkin.public_id}/reaction", self.alice, body)
            self.assertEqual(response.status_code, 403)
            self.assertEqual(response.json()["code"], "own")
            self.assertEqual(
                response.json()["detail"], "You can react to your partner's check-in, not your own."
            )
        self.assertFalse(CheckInReaction.objects.exists())

    def test_react_gives_404_for_private_and_not_visible_checkins(self):
        for person, checkin in (
            (self.bob, self.world.alice_private_checkin),
            (self.carol, self.world.alice_shared_checkin),
            (self.dan, self.world.alice_old_shared_checkin),
        ):
            body = {"reaction": "heart"}
            response = self.call("put", f"/{checkin.public_id}/reaction", person, body)
            self.assertEqual(response.status_code, 404)
        self.assertFalse(CheckInReaction.objects.exists())
