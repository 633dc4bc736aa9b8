import uuid

from hearth.core.tests.html import element_by_id
from hearth.deeptalk import services
from hearth.deeptalk.tests.helpers import DeepTalkTestCase, snapshot, url
from hearth.testing import main_of, make_deep_talk, words


class TalkViewTests(DeepTalkTestCase):
    """GET /deep-talk/<id>/: the page at every step, and its htmx partial."""

    def talk_div(self, response, talk=None) -> dict:
        found = element_by_id(response.content.decode(), f"talk-{(talk or self.talk).public_id}")
        self.assertIsNotNone(found, "the talk element is missing")
        return found[1]

    def test_it_works(self):
        response = self.get_page(self.bob)
        self.assertShows(response, "Step 1 of 3: Light · question 1 of 3")
        self.assertIn(self.item.prompt.text, words(response))
        self.assertEqual(response.context["tv"].step, "answer")
        self.assertContains(response, f'action="{url("answer", self.talk, self.item)}"')
        self.assertContains(response, f'action="{url("skip", self.talk, self.item)}"')
        self.assertContains(response, f'action="{url("pause", self.talk)}"')
        self.assertContains(response, f'action="{url("end", self.talk)}"')
        self.assertContains(response, "<html", count=1)

    def test_the_one_following_is_told_the_partner_answered(self):
        response = self.get_page(self.bob)
        self.assertShows(response, "Your turn Alice has answered; you'll see it once")

    def test_the_one_going_first_is_told_so(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol)
        response = self.get_page(self.carol, talk)
        self.assertShows(response, "You go first Erin answers after you.")
        self.assertEqual(response.context["tv"].step, "answer")

    def test_the_other_waits_for_the_one_going_first(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.carol)
        response = self.get_page(self.erin, talk)
        self.assertShows(response, "Carol goes first on this one.")
        self.assertEqual(response.context["tv"].step, "wait_first")
        self.assertNotContains(response, url("answer", talk, item))
        self.assertContains(response, url("skip", talk, item))  # a skip is always there
        div = self.talk_div(response, talk)
        self.assertEqual(div.get("hx-trigger"), "every 10s")
        self.assertEqual(div.get("hx-get"), url("talk", talk))

    def test_after_answering_one_waits_for_the_partner(self):
        response = self.get_page(self.alice)
        self.assertShows(response, "Waiting for Bob.")
        self.assertIn("Alice's sealed deep answer", words(response))
        self.assertEqual(response.context["tv"].step, "wait_partner")
        self.assertIn("Change my answer", words(response))
        self.assertEqual(self.talk_div(response).get("hx-trigger"), "every 10s")

    def test_no_polling_when_it_is_my_turn(self):
        div = self.talk_div(self.get_page(self.bob))
        self.assertNotIn("hx-trigger", div)
        self.assertNotIn("hx-get", div)

    def test_a_paused_talk(self):
        services.deeptalk_pause(talk=self.talk, person=self.alice)
        response = self.get_page(self.bob)
        self.assertShows(response, "Paused. Come back to it whenever you're both ready")
        self.assertEqual(response.context["tv"].step, "paused")
        self.assertContains(response, f'action="{url("resume", self.talk)}"')
        self.assertNotContains(response, url("answer", self.talk, self.item))
        self.assertNotContains(response, url("skip", self.talk, self.item))
        self.assertNotContains(response, url("pause", self.talk))
        self.assertContains(response, url("end", self.talk))

    def test_together(self):
        talk, item = make_deep_talk(self.world.other_couple, starter=self.erin, mode="together")
        response = self.get_page(self.carol, talk)
        self.assertShows(response, "Erin goes first, then you.")
        self.assertIn("Read the question out loud.", words(response))
        self.assertContains(response, f'action="{url("tick", talk, item)}"')
        self.assertNotContains(response, url("answer", talk, item))
        self.assertEqual(response.context["tv"].step, "talk")
        self.assertShows(self.get_page(self.erin, talk), "You go first, then Carol.")

    def test_it_lists_what_is_behind_us(self):
        self.answer(self.bob, "Bob's first answer")
        self.skip(self.bob)
        response = self.get_page(self.bob)
        text = words(response)
        self.assertIn("So far", text)
        self.assertIn("Bob's first answer", text)
        self.assertIn("Alice's sealed deep answer", text)  # released: both answered
        self.assertIn("Skipped.", text)
        self.assertIn("Step 1 of 3: Light · question 2 of 3", text)

    def test_a_stopped_talk(self):
        services.deeptalk_end(talk=self.talk, person=self.alice)
        response = self.get_page(self.bob)
        self.assertShows(response, "You stopped here")
        self.assertEqual(response.context["tv"].step, "ended")
        self.assertNotContains(response, url("skip", self.talk, self.item))
        self.assertNotContains(response, url("end", self.talk))
        self.assertIn("What you shared", words(response))

    def test_a_talk_done_all_the_way_through(self):
        talk, _ = make_deep_talk(self.world.other_couple, starter=self.carol, mode="together")
        while self.open_item(talk) is not None:
            self.tick(self.carol, talk=talk)
        response = self.get_page(self.erin, talk)
        self.assertShows(response, "You went all the way through")
        self.assertEqual(words(response).count("Talked through together."), 9)

    def test_an_earlier_pairing(self):
        response = self.get_page(self.dan, self.world.old_deep_talk)
        self.assertShows(response, "This talk is from an earlier pairing.")
        self.assertIn("Dan's old deep answer", words(response))
        self.assertEqual(response.context["tv"].step, "earlier")
        self.assertNotIn("<form", main_of(response))  # nothing to do in a past pairing

    def test_the_htmx_partial(self):
        response = self.get_page(self.bob, htmx=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<html")
        self.assertNotContains(response, "← All deep talks")
        self.assertTrue(response.content.decode().lstrip().startswith('<div id="talk-'))
        self.assertIn(self.item.prompt.text, words(response))

    def test_it_is_404_to_outsiders(self):
        for person in (self.carol, self.erin, self.dan):
            with self.subTest(person=person.display_name):
                self.assertEqual(self.get_page(person).status_code, 404)
                self.assertEqual(self.get_page(person, htmx=True).status_code, 404)

    def test_it_is_404_for_an_unknown_talk(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(f"/deep-talk/{uuid.uuid4()}/").status_code, 404)
        self.assertEqual(self.client.get("/deep-talk/not-a-uuid/").status_code, 404)

    def test_it_requires_login(self):
        response = self.client.get(url("talk", self.talk))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])

    def test_it_refuses_post(self):
        before = snapshot()
        self.client.force_login(self.bob)
        self.assertEqual(self.client.post(url("talk", self.talk), {"text": "x"}).status_code, 405)
        self.assertEqual(snapshot(), before)
