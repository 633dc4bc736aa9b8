"""Reacting to an appreciation one received: service, pages (with and without htmx), API."""

from hearth.appreciation.models import AppreciationReaction
from hearth.appreciation.services import appreciation_react
from hearth.appreciation.tests.helpers import url
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, main_of, make_appreciation


def reactions(appreciation) -> list[tuple]:
    return list(
        AppreciationReaction.objects.filter(appreciation=appreciation)
        .order_by("pk")
        .values_list("author_id", "reaction", "couple_id", "visibility")
    )


class AppreciationReactServiceTests(HearthTestCase):
    def test_the_receiver_sets_changes_and_removes_a_reaction(self):
        sent = self.world.alice_appreciation
        appreciation_react(appreciation=sent, author=self.bob, reaction="made_my_day")
        self.assertEqual(reactions(sent), [(self.bob.pk, "made_my_day", sent.couple_id, "shared")])
        appreciation_react(appreciation=sent, author=self.bob, reaction="heart")
        self.assertEqual(reactions(sent), [(self.bob.pk, "heart", sent.couple_id, "shared")])
        appreciation_react(appreciation=sent, author=self.bob, reaction="")
        self.assertEqual(reactions(sent), [])

    def test_the_writer_cannot_react_to_their_own(self):
        sent = self.world.alice_appreciation
        with self.assertRaises(ServiceError) as caught:
            appreciation_react(appreciation=sent, author=self.alice, reaction="heart")
        self.assertEqual((caught.exception.code, caught.exception.status), ("own", 403))
        self.assertEqual(reactions(sent), [])

    def test_a_draft_cannot_have_a_reaction(self):
        draft = self.world.alice_appreciation_draft
        with self.assertRaises(ServiceError) as caught:
            appreciation_react(appreciation=draft, author=self.bob, reaction="heart")
        self.assertEqual(caught.exception.status, 404)
        self.assertEqual(reactions(draft), [])

    def test_only_a_listed_reaction_is_taken(self):
        sent = self.world.alice_appreciation
        for bad in ("nope", "hug", "x" * 30):  # "hug" is a check-in reaction, not this list's
            with self.subTest(bad=bad), self.assertRaises(ServiceError) as caught:
                appreciation_react(appreciation=sent, author=self.bob, reaction=bad)
            self.assertEqual(caught.exception.code, "unknown_reaction")
        self.assertEqual(reactions(sent), [])

    def test_strangers_and_former_partners_cannot_react(self):
        sent = self.world.alice_appreciation
        for person in (self.carol, self.dan):
            with self.subTest(person=person.display_name), self.assertRaises(ServiceError) as c:
                appreciation_react(appreciation=sent, author=person, reaction="heart")
            self.assertEqual(c.exception.status, 404)
        self.assertEqual(reactions(sent), [])

    def test_after_unpairing_the_old_one_takes_no_reaction(self):
        sent = make_appreciation(self.alice, "The walk on Sunday")
        couple_unpair(user=self.bob)
        with self.assertRaises(ServiceError):
            appreciation_react(appreciation=sent, author=self.bob, reaction="heart")
        self.assertEqual(reactions(sent), [])


class AppreciationReactViewTests(HearthTestCase):
    def test_without_javascript_the_receiver_reacts_and_the_writer_sees_it(self):
        sent = self.world.alice_appreciation
        self.client.force_login(self.bob)
        page = self.client.get(url("detail", sent))
        for r in catalog.appreciation_reactions:
            self.assertContains(page, r.label)
        response = self.client.post(url("react", sent), {"reaction": "glad_you_noticed"})
        self.assertRedirects(response, url("detail", sent))
        self.assertContains(self.client.get(url("detail", sent)), 'aria-pressed="true"')
        self.client.force_login(self.alice)
        page = self.client.get(url("detail", sent))
        self.assertIn("Bob: So glad you noticed", main_of(page))
        self.assertNotContains(page, 'name="reaction"')  # no buttons on one's own
        sent_box = self.client.get(url("index") + "?box=sent")
        self.assertIn("So glad you noticed", main_of(sent_box))

    def test_with_htmx_only_the_reactions_come_back(self):
        sent = self.world.alice_appreciation
        self.client.force_login(self.bob)
        response = self.client.post(
            url("react", sent), {"reaction": "needed_that"}, HTTP_HX_REQUEST="true"
        )
        self.assertEqual(response.status_code, 200)
        body = response.content.decode()
        self.assertTrue(body.lstrip().startswith(f'<div id="reactions-{sent.public_id}"'))
        self.assertNotIn("<main", body)
        self.assertIn('value="" aria-pressed="true"', body)  # pressing it again removes it
        self.assertEqual(reactions(sent)[0][1], "needed_that")

    def test_a_bad_reaction_says_so_and_changes_nothing(self):
        sent = self.world.alice_appreciation
        appreciation_react(appreciation=sent, author=self.bob, reaction="heart")
        before = reactions(sent)
        self.client.force_login(self.bob)
        for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = self.client.post(url("react", sent), {"reaction": "<b>nope</b>"}, **extra)
            self.assertEqual(response.status_code, 422)
            self.assertContains(response, "Choose a reaction from the list.", status_code=422)
            self.assertNotContains(response, "<b>nope</b>", status_code=422)
        self.assertEqual(reactions(sent), before)

    def test_the_writer_is_told_reactions_are_for_the_receiver(self):
        sent = self.world.alice_appreciation
        self.client.force_login(self.alice)
        response = self.client.post(url("react", sent), {"reaction": "heart"})
        self.assertContains(response, "reactions are for the one who received it", status_code=422)
        self.assertEqual(reactions(sent), [])

    def test_the_received_box_links_to_react(self):
        self.client.force_login(self.bob)
        page = main_of(self.client.get(url("index")))
        self.assertIn(url("detail", self.world.alice_appreciation), page)
        self.assertIn(">React<", page)


class AppreciationReactApiTests(HearthTestCase):
    def test_put_sets_and_removes_and_the_writer_sees_it(self):
        sent = self.world.alice_appreciation
        path = f"/appreciations/{sent.public_id}/reaction"
        response = self.api("put", path, self.bob, {"reaction": "smile"})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(
            [(r["author"]["display_name"], r["reaction"]) for r in response.json()["reactions"]],
            [("Bob", "smile")],
        )
        seen = self.api("get", f"/appreciations/{sent.public_id}", self.alice).json()
        self.assertEqual([r["reaction"] for r in seen["reactions"]], ["smile"])
        cleared = self.api("put", path, self.bob, {"reaction": ""})
        self.assertEqual(cleared.json()["reactions"], [])

    def test_bad_or_own_reactions_are_refused_with_a_reason(self):
        sent = self.world.alice_appreciation
        path = f"/appreciations/{sent.public_id}/reaction"
        unknown = self.api("put", path, self.bob, {"reaction": "nope"})
        self.assertEqual(unknown.status_code, 422)
        own = self.api("put", path, self.alice, {"reaction": "heart"})
        self.assertEqual((own.status_code, own.json()["code"]), (403, "own"))
        self.assertEqual(reactions(sent), [])

    def test_the_list_of_reactions_is_served(self):
        response = self.api("get", "/content/appreciation-reactions", self.carol)
        self.assertEqual(
            [r["key"] for r in response.json()], [r.key for r in catalog.appreciation_reactions]
        )
