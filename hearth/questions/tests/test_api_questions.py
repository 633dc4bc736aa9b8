import uuid
from datetime import timedelta

from hearth.questions.models import Answer, AnswerReply, DailyQuestion
from hearth.questions.services import couple_today
from hearth.testing import HearthTestCase, make_answer, make_couple, make_person, make_question


class ApiQuestionsTests(HearthTestCase):
    def call(self, method, path, person, body=None):
        return self.api(method, f"{path}", person, body)

    def question_path(self, question, suffix=""):
        return f"/questions/{question.public_id}{suffix}"

    def answer_today(self, person, text):
        path = self.question_path(self.world.question_today, "/answer")
        return self.call("put", path, person, {"text": text})

    def bobs_answer(self):
        return Answer.objects.filter(author=self.bob, daily_question=self.world.question_today)

    # GET /api/questions/today

    def test_today_for_the_one_who_answered(self):
        response = self.call("get", "/questions/today", self.alice)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["id"], str(self.world.question_today.public_id))
        self.assertEqual(body["prompt"]["key"], self.world.question_today.prompt_key)
        self.assertEqual(body["state"], "waiting")
        self.assertFalse(body["partner_answered"])
        self.assertEqual(body["my_answer"]["text"], self.world.alice_sealed_answer.text)
        self.assertIsNone(body["partner_answer"])

    def test_today_for_the_partner_keeps_the_seal(self):
        response = self.call("get", "/questions/today", self.bob)
        body = response.json()
        self.assertEqual(body["state"], "open")
        self.assertTrue(body["partner_answered"])
        self.assertIsNone(body["my_answer"])
        self.assertIsNone(body["partner_answer"])
        self.assertNotIn(self.world.alice_sealed_answer.text, response.content.decode())
        self.assertNotIn(str(self.world.alice_sealed_answer.public_id), response.content.decode())

    def test_today_creates_the_question_once(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        first = self.call("get", "/questions/today", pat).json()
        second = self.call("get", "/questions/today", sam).json()
        self.assertEqual(first["id"], second["id"])
        self.assertEqual(first["state"], "open")
        self.assertEqual(DailyQuestion.objects.filter(couple=couple).count(), 1)

    def test_today_needs_a_pairing(self):
        response = self.call("get", "/questions/today", self.dan)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "not_paired")
        self.assertEqual(DailyQuestion.objects.count(), 4)

    def test_today_requires_a_token(self):
        response = self.client.get("/api/questions/today")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(DailyQuestion.objects.count(), 4)

    def test_today_rejects_post(self):
        response = self.call("post", "/questions/today", self.alice, {})
        self.assertEqual(response.status_code, 405)
        self.assertEqual(DailyQuestion.objects.count(), 4)

    # GET /api/questions/{id}

    def test_get_shows_both_answers_once_revealed(self):
        path = self.question_path(self.world.question_yesterday)
        body = self.call("get", path, self.bob).json()
        self.assertEqual(body["state"], "revealed")
        self.assertEqual(body["my_answer"]["text"], self.world.bob_released_answer.text)
        self.assertEqual(body["partner_answer"]["text"], self.world.alice_released_answer.text)
        self.assertEqual(
            [r["text"] for r in body["partner_answer"]["replies"]],
            [self.world.bob_reply_on_alice_answer.text],
        )
        self.assertIsNone(AnswerReply.objects.get().seen_at)

    def test_get_marks_replies_seen_for_the_answers_author(self):
        path = self.question_path(self.world.question_yesterday)
        response = self.call("get", path, self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(AnswerReply.objects.get().seen_at)

    def test_get_gives_404_to_another_couple(self):
        response = self.call("get", self.question_path(self.world.question_today), self.carol)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response.json()["code"], "not_found")

    def test_get_gives_404_to_a_former_partner_for_the_new_question(self):
        response = self.call("get", self.question_path(self.world.question_today), self.dan)
        self.assertEqual(response.status_code, 404)

    def test_get_shows_a_former_partner_only_his_own_old_answer(self):
        response = self.call("get", self.question_path(self.world.question_old), self.dan)
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["my_answer"]["text"], self.world.dan_old_answer.text)
        self.assertIsNone(body["partner_answer"])
        self.assertNotIn(self.world.alice_old_answer.text, response.content.decode())

    def test_get_gives_404_for_an_unknown_id(self):
        response = self.call("get", f"/questions/{uuid.uuid4()}", self.alice)
        self.assertEqual(response.status_code, 404)

    # PUT /api/questions/{id}/answer

    def test_answer_reveals_both(self):
        response = self.answer_today(self.bob, "Walking to the bakery")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["state"], "revealed")
        self.assertEqual(body["my_answer"]["text"], "Walking to the bakery")
        self.assertFalse(body["my_answer"]["passed"])
        self.assertEqual(body["partner_answer"]["text"], self.world.alice_sealed_answer.text)
        self.assertEqual(self.bobs_answer().get().text, "Walking to the bakery")
        alice_view = self.call("get", "/questions/today", self.alice).json()
        self.assertEqual(alice_view["partner_answer"]["text"], "Walking to the bakery")

    def test_answer_can_be_edited_before_the_reveal(self):
        response = self.answer_today(self.alice, "Changed my mind")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["my_answer"]["text"], "Changed my mind")
        answer = Answer.objects.get(pk=self.world.alice_sealed_answer.pk)
        self.assertEqual(answer.text, "Changed my mind")

    def test_answer_cannot_be_edited_after_the_reveal(self):
        path = self.question_path(self.world.question_yesterday, "/answer")
        response = self.call("put", path, self.alice, {"text": "Rewritten"})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["code"], "revealed")
        self.assertIn("already been revealed", response.json()["detail"])
        answer = Answer.objects.get(pk=self.world.alice_released_answer.pk)
        self.assertEqual(answer.text, self.world.alice_released_answer.text)

    def test_answer_rejects_empty_text(self):
        response = self.answer_today(self.bob, "")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["errors"][0]["field"], "text")
        self.assertFalse(self.bobs_answer().exists())

    def test_answer_rejects_blank_text(self):
        for text in ("   ", "\n\t", "\u3000"):
            response = self.answer_today(self.bob, text)
            self.assertEqual(response.status_code, 422, repr(text))
            self.assertEqual(response.json()["code"], "invalid")
            self.assertEqual(response.json()["errors"][0]["field"], "text")
        # U+001C..U+001F are spaces to Python's strip(); the schema's pattern agrees.
        response = self.answer_today(self.bob, "\x1c\x1d")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(response.json()["code"], "invalid")
        self.assertFalse(self.bobs_answer().exists())

    def test_answer_rejects_long_text(self):
        response = self.answer_today(self.bob, "x" * 2001)
        self.assertEqual(response.status_code, 422)
        self.assertFalse(self.bobs_answer().exists())

    def test_answer_rejects_nul_and_lone_surrogates(self):
        for text in ("a\x00b", "\ud800", "half \udfff a pair"):
            response = self.answer_today(self.bob, text)
            self.assertEqual(response.status_code, 422)
            self.assertEqual(response.json()["code"], "invalid")
        self.assertFalse(self.bobs_answer().exists())

    def test_answer_gives_404_to_strangers_and_former_partners(self):
        for person in (self.carol, self.dan):
            response = self.answer_today(person, "Let me in")
            self.assertEqual(response.status_code, 404)
        self.assertEqual(Answer.objects.filter(daily_question=self.world.question_today).count(), 1)

    def test_answer_gives_404_to_a_former_partner_on_the_old_question(self):
        path = self.question_path(self.world.question_old, "/answer")
        response = self.call("put", path, self.dan, {"text": "Rewriting history"})
        self.assertEqual(response.status_code, 404)
        answer = Answer.objects.get(pk=self.world.dan_old_answer.pk)
        self.assertEqual(answer.text, self.world.dan_old_answer.text)

    def test_answer_gives_404_for_an_unknown_question(self):
        response = self.call("put", f"/questions/{uuid.uuid4()}/answer", self.bob, {"text": "Hi"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Answer.objects.filter(author=self.bob, text="Hi").exists())

    def test_answer_rejects_get(self):
        path = self.question_path(self.world.question_today, "/answer")
        response = self.call("get", path, self.alice)
        self.assertEqual(response.status_code, 405)

    # POST /api/questions/{id}/pass

    def test_pass_is_never_visible_to_the_partner(self):
        question = self.world.question_today
        self.world.alice_sealed_answer.delete()
        before = self.call("get", self.question_path(question), self.bob).content
        response = self.call("post", self.question_path(question, "/pass"), self.alice)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["state"], "passed")
        self.assertTrue(response.json()["my_answer"]["passed"])
        after = self.call("get", self.question_path(question), self.bob)
        self.assertEqual(after.content, before)
        self.assertEqual(after.json()["state"], "open")
        self.assertFalse(after.json()["partner_answered"])
        self.assertIsNone(after.json()["partner_answer"])
        self.assertTrue(Answer.objects.get(author=self.alice, daily_question=question).passed)

    def test_pass_then_answer_later(self):
        question = self.world.question_today
        self.call("post", self.question_path(question, "/pass"), self.bob)
        response = self.answer_today(self.bob, "After all")
        self.assertEqual(response.json()["state"], "revealed")
        answer = self.bobs_answer().get()
        self.assertFalse(answer.passed)
        self.assertEqual(answer.text, "After all")

    def test_pass_refuses_after_the_reveal(self):
        path = self.question_path(self.world.question_yesterday, "/pass")
        response = self.call("post", path, self.alice)
        self.assertEqual(response.status_code, 409)
        self.assertFalse(Answer.objects.get(pk=self.world.alice_released_answer.pk).passed)

    def test_pass_gives_404_to_strangers(self):
        response = self.call(
            "post", self.question_path(self.world.question_today, "/pass"), self.carol
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Answer.objects.filter(author=self.carol, passed=True).exists())

    # DELETE /api/questions/{id}/answer

    def test_delete_works_and_the_partner_no_longer_sees_it(self):
        question = self.world.question_yesterday
        response = self.call("delete", self.question_path(question, "/answer"), self.alice)
        self.assertEqual(response.status_code, 204)
        self.assertFalse(Answer.objects.filter(pk=self.world.alice_released_answer.pk).exists())
        body = self.call("get", self.question_path(question), self.bob).json()
        self.assertIsNone(body["partner_answer"])
        self.assertEqual(body["state"], "waiting")

    def test_delete_gives_404_without_an_answer(self):
        response = self.call(
            "delete", self.question_path(self.world.question_today, "/answer"), self.bob
        )
        self.assertEqual(response.status_code, 404)
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    def test_delete_gives_404_to_strangers(self):
        for person in (self.carol, self.dan):
            path = self.question_path(self.world.question_today, "/answer")
            response = self.call("delete", path, person)
            self.assertEqual(response.status_code, 404)
        self.assertTrue(Answer.objects.filter(pk=self.world.alice_sealed_answer.pk).exists())

    # GET /api/questions

    def test_history_is_newest_first(self):
        response = self.call("get", "/questions", self.alice)
        self.assertEqual(response.status_code, 200)
        ids = [item["id"] for item in response.json()["items"]]
        expected = [
            self.world.question_today,
            self.world.question_yesterday,
            self.world.question_old,
        ]
        self.assertEqual(ids, [str(q.public_id) for q in expected])
        self.assertIsNone(response.json()["next_before"])
        self.assertNotIn(self.world.dan_old_answer.text, response.content.decode())

    def test_history_never_has_the_partners_unrevealed_answer(self):
        response = self.call("get", "/questions", self.bob)
        self.assertNotIn(self.world.alice_sealed_answer.text, response.content.decode())
        self.assertNotIn(self.world.alice_old_answer.text, response.content.decode())
        items = response.json()["items"]
        self.assertEqual(items[0]["state"], "open")
        self.assertTrue(items[0]["partner_answered"])
        self.assertIsNone(items[0]["partner_answer"])

    def test_history_pages_with_before(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        couple = make_couple(pat, sam)
        today = couple_today(couple)
        questions = []
        for back in range(5):
            question = make_question(couple, day=today - timedelta(days=back))
            make_answer(question, sam, text=f"secret {back}")
            questions.append(question)
        first = self.call("get", "/questions?limit=3", pat).json()
        self.assertEqual(
            [item["date"] for item in first["items"]],
            [(today - timedelta(days=n)).isoformat() for n in range(3)],
        )
        self.assertEqual(first["next_before"], str(questions[2].public_id))
        second = self.call("get", f"/questions?limit=3&before={first['next_before']}", pat)
        self.assertEqual(len(second.json()["items"]), 2)
        self.assertIsNone(second.json()["next_before"])
        self.assertNotIn("secret", second.content.decode())

    def test_history_rejects_a_bad_limit_and_date(self):
        for query in ("limit=0", "limit=51", "before=soon"):
            response = self.call("get", f"/questions?{query}", self.alice)
            self.assertEqual(response.status_code, 422)

    # POST /api/answers/{id}/replies

    def test_reply_works(self):
        path = f"/answers/{self.world.bob_released_answer.public_id}/replies"
        response = self.call("post", path, self.alice, {"text": "So sweet"})
        self.assertEqual(response.status_code, 201)
        reply = AnswerReply.objects.get(author=self.alice)
        self.assertEqual(response.json()["id"], str(reply.public_id))
        self.assertEqual(response.json()["text"], "So sweet")
        self.assertFalse(response.json()["felt_heard"])
        self.assertEqual(reply.answer, self.world.bob_released_answer)

    def test_reply_refuses_my_own_answer(self):
        path = f"/answers/{self.world.alice_released_answer.public_id}/replies"
        response = self.call("post", path, self.alice, {"text": "Me"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "own")
        self.assertEqual(
            response.json()["detail"], "You can reply to your partner's answer, not your own."
        )
        self.assertFalse(AnswerReply.objects.filter(author=self.alice).exists())

    def test_reply_gives_404_for_an_unrevealed_answer(self):
        path = f"/answers/{self.world.alice_sealed_answer.public_id}/replies"
        response = self.call("post", path, self.bob, {"text": "Peek"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(AnswerReply.objects.filter(author=self.bob).count(), 1)

    def test_reply_gives_404_to_strangers_and_former_partners(self):
        for person, answer in (
            (self.carol, self.world.alice_released_answer),
            (self.dan, self.world.alice_old_answer),
        ):
            response = self.call(
                "post", f"/answers/{answer.public_id}/replies", person, {"text": "Hi"}
            )
            self.assertEqual(response.status_code, 404)
        self.assertEqual(AnswerReply.objects.count(), 1)

    def test_reply_rejects_long_and_broken_text(self):
        path = f"/answers/{self.world.bob_released_answer.public_id}/replies"
        for text in ("x" * 1001, "", "   ", "\x00", "\udc80"):
            response = self.call("post", path, self.alice, {"text": text})
            self.assertEqual(response.status_code, 422, repr(text))
            self.assertEqual(response.json()["errors"][0]["field"], "text")
        self.assertFalse(AnswerReply.objects.filter(author=self.alice).exists())

    # PUT /api/answer-replies/{id}/felt-heard

    def test_felt_heard_can_be_set_and_undone(self):
        path = f"/answer-replies/{self.world.bob_reply_on_alice_answer.public_id}/felt-heard"
        response = self.call("put", path, self.alice, {})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["felt_heard"])
        self.assertIsNotNone(AnswerReply.objects.get().felt_heard_at)
        response = self.call("put", path, self.alice, {"felt_heard": False})
        self.assertFalse(response.json()["felt_heard"])
        self.assertIsNone(AnswerReply.objects.get().felt_heard_at)

    def test_felt_heard_refuses_the_replier(self):
        path = f"/answer-replies/{self.world.bob_reply_on_alice_answer.public_id}/felt-heard"
        response = self.call("put", path, self.bob, {"felt_heard": True})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "not_answer_author")
        self.assertIsNone(AnswerReply.objects.get().felt_heard_at)

    def test_felt_heard_gives_404_to_strangers(self):
        path = f"/answer-replies/{self.world.bob_reply_on_alice_answer.public_id}/felt-heard"
        for person in (self.carol, self.dan):
            response = self.call("put", path, person, {"felt_heard": True})
            self.assertEqual(response.status_code, 404)
        self.assertIsNone(AnswerReply.objects.get().felt_heard_at)

    def test_felt_heard_rejects_a_value_that_is_not_a_boolean(self):
        path = f"/answer-replies/{self.world.bob_reply_on_alice_answer.public_id}/felt-heard"
        response = self.call("put", path, self.alice, {"felt_heard": "maybe"})
        self.assertEqual(response.status_code, 422)
        self.assertIsNone(AnswerReply.objects.get().felt_heard_at)
