from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from hearth.access import Visibility
from hearth.appreciation.models import Appreciation
from hearth.appreciation.tests.helpers import SCRIPT, snapshot, url
from hearth.core.tests.html import tags
from hearth.testing import HearthTestCase, main_of, make_appreciation, make_couple, make_person

URL = url("index")


class IndexViewTests(HearthTestCase):
    def listed(self, response) -> list[int]:
        return [a.pk for a in response.context["items"]]

    def post(self, person, data):
        self.client.force_login(person)
        return self.client.post(URL, data)

    # Reading the boxes

    def test_it_shows_the_partner_what_was_received(self):
        self.client.force_login(self.bob)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["box"], "received")
        self.assertEqual(self.listed(response), [self.world.alice_appreciation.pk])
        main = main_of(response)
        self.assertIn(escape("Alice thanked Bob for the lift"), main)
        self.assertIn("from Alice", main)
        self.assertNotIn(escape("Alice's draft thanks"), main)
        self.assertEqual(response.context["drafts"], [])
        self.assertEqual(Appreciation.objects.count(), 2)

    def test_it_shows_the_author_their_drafts_and_sent_box(self):
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(self.listed(response), [])
        self.assertIn("Nothing here yet.", main_of(response))
        self.assertEqual(
            [a.pk for a in response.context["drafts"]], [self.world.alice_appreciation_draft.pk]
        )
        self.assertContains(response, url("detail", self.world.alice_appreciation_draft))
        response = self.client.get(URL, {"box": "sent"})
        self.assertEqual(response.context["box"], "sent")
        self.assertEqual(self.listed(response), [self.world.alice_appreciation.pk])
        response = self.client.get(URL, {"box": "drafts"})
        self.assertEqual(self.listed(response), [self.world.alice_appreciation_draft.pk])
        self.assertEqual(response.context["drafts"], [])
        self.assertIn("Open, change or send", main_of(response))

    def test_an_unknown_box_shows_received(self):
        self.client.force_login(self.bob)
        for name in ("inbox", "", "DRAFTS", "<script>"):
            response = self.client.get(URL, {"box": name})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.context["box"], "received")
            self.assertNotIn("<script>", main_of(response))

    def test_other_people_see_nothing_of_alices(self):
        for person in (self.carol, self.erin, self.dan):
            self.client.force_login(person)
            for name in ("received", "sent", "drafts"):
                response = self.client.get(URL, {"box": name})
                self.assertEqual(self.listed(response), [])
                self.assertNotIn("Alice", main_of(response))

    def test_a_solo_person_is_offered_only_to_keep(self):
        self.client.force_login(self.dan)
        response = self.client.get(URL)
        main = main_of(response)
        self.assertIn("Keep it to send later", main)
        self.assertNotIn('value="send"', main)
        self.assertIn("send it once you're paired", main)
        self.assertIn("Appreciations from your partner will show here once you're paired.", main)
        self.client.force_login(self.alice)
        self.assertIn('value="send"', main_of(self.client.get(URL)))
        self.assertIn("Send to Bob", main_of(self.client.get(URL)))

    # Writing one

    def test_keeping_one_for_later(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            URL, {"what": "  You walked the dog ", "meant": "Rest"}, follow=True
        )
        self.assertRedirects(response, URL)
        self.assertContains(response, "Kept for later. Only you can see it until you send it.")
        made = Appreciation.objects.exclude(
            pk__in=[self.world.alice_appreciation.pk, self.world.alice_appreciation_draft.pk]
        ).get()
        self.assertEqual(
            (made.author, made.what, made.meant), (self.alice, "You walked the dog", "Rest")
        )
        self.assertEqual(made.visibility, Visibility.PRIVATE)
        self.assertIsNone(made.sent_at)

    def test_keep_is_the_default_action(self):
        self.post(self.alice, {"what": "You walked the dog", "action": ""})
        latest = Appreciation.objects.filter(author=self.alice).order_by("-pk").first()
        self.assertEqual(latest.what, "You walked the dog")
        self.assertIsNone(latest.sent_at)

    def test_sending_one(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            URL, {"what": "You cooked", "meant": "", "action": "send"}, follow=True
        )
        self.assertRedirects(response, URL)
        self.assertContains(response, escape("Sent. It's waiting for them"))
        latest = Appreciation.objects.filter(author=self.alice).order_by("-pk").first()
        self.assertEqual(latest.what, "You cooked")
        self.assertEqual(latest.visibility, Visibility.SHARED)
        self.assertEqual(latest.couple, self.world.couple)
        self.assertIsNotNone(latest.sent_at)
        self.client.force_login(self.bob)
        self.assertIn(latest.pk, self.listed(self.client.get(URL)))

    def test_a_solo_person_who_sends_gets_a_clear_refusal_and_keeps_their_words(self):
        before = snapshot()
        response = self.post(self.dan, {"what": "You held the door", "action": "send"})
        self.assertEqual(response.status_code, 422)
        main = main_of(response)
        self.assertIn('role="alert"', main)
        self.assertIn("once you&#x27;re paired", main)
        self.assertIn("You held the door", main)  # still in the box, to keep instead
        self.assertEqual(snapshot(), before)

    def test_it_refuses_bad_input(self):
        before = snapshot()
        cases = [
            ("no what", {"meant": "x"}),
            ("empty what", {"what": ""}),
            ("blank what", {"what": "  \n\t "}),
            ("long what", {"what": "x" * 401}),
            ("long meant", {"what": "ok", "meant": "y" * 401}),
            ("NUL", {"what": "o\x00k"}),
        ]
        self.client.force_login(self.alice)
        for name, data in cases:
            response = self.client.post(URL, data)
            self.assertEqual(response.status_code, 422, name)
            self.assertIn('role="alert"', main_of(response), name)
        # Not something the page sends: refused, though the form shows no message for it.
        response = self.client.post(URL, {"what": "ok", "action": "shout"})
        self.assertEqual(response.status_code, 422)
        self.assertEqual(snapshot(), before)

    def test_the_empty_message_is_friendly(self):
        response = self.post(self.alice, {"what": "   "})
        self.assertContains(response, escape("Say what they did: one moment"), status_code=422)

    def test_script_text_is_stored_as_written_and_shown_escaped(self):
        self.post(self.alice, {"what": SCRIPT, "meant": SCRIPT, "action": "send"})
        latest = Appreciation.objects.filter(author=self.alice).order_by("-pk").first()
        self.assertEqual((latest.what, latest.meant), (SCRIPT, SCRIPT))
        for person, box in ((self.alice, "sent"), (self.bob, "received")):
            self.client.force_login(person)
            response = self.client.get(URL, {"box": box})
            main = main_of(response)
            self.assertIn(escape(SCRIPT), main)
            self.assertNotIn("<script>alert", main)
            self.assertNotIn("<b>bold</b>", main)

    def test_a_draft_with_script_is_escaped_in_the_drafts_list(self):
        make_appreciation(self.alice, SCRIPT, sent=False)
        self.client.force_login(self.alice)
        main = main_of(self.client.get(URL))
        self.assertNotIn("<script>alert", main)
        self.assertIn("&lt;script&gt;", main)

    # Paging

    def test_it_pages_each_box_and_the_next_link_stays_in_the_box(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        make_couple(pat, sam)
        made = [make_appreciation(pat, f"Sent {n}") for n in range(21)]
        self.client.force_login(pat)
        first = self.client.get(URL, {"box": "sent"})
        self.assertEqual(self.listed(first), [a.pk for a in reversed(made[1:])])
        cursor = first.context["next_before"]
        self.assertEqual(cursor, made[1].public_id)
        links = [a["href"] for a in tags(main_of(first), "a") if "before=" in a.get("href", "")]
        self.assertEqual(len(links), 1)
        self.assertIn("box=sent", links[0])
        self.assertIn(f"before={cursor}", links[0])
        self.assertTrue(links[0].startswith("?"), links[0])
        second = self.client.get(URL + links[0])
        self.assertEqual(second.context["box"], "sent")
        self.assertEqual(self.listed(second), [made[0].pk])
        self.assertIsNone(second.context["next_before"])

    def test_a_vanished_cursor_gives_an_empty_page_with_a_way_back(self):
        pat = make_person("Pat")
        made = [make_appreciation(pat, f"Draft {n}", sent=False) for n in range(21)]
        self.client.force_login(pat)
        cursor = self.client.get(URL, {"box": "drafts"}).context["next_before"]
        Appreciation.objects.filter(public_id=cursor).delete()
        response = self.client.get(URL, {"box": "drafts", "before": str(cursor)})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.listed(response), [])
        main = main_of(response)
        self.assertIn("Nothing older to show here.", main)
        hrefs = [a.get("href", "") for a in tags(main, "a")]
        self.assertIn(f"{URL}?box=drafts", hrefs)
        self.assertEqual(Appreciation.objects.filter(author=pat).count(), 20)
        self.assertEqual(len(made), 21)

    def test_a_malformed_cursor_shows_the_newest(self):
        self.client.force_login(self.alice)
        for raw in ("yesterday", "1234", "'; DROP TABLE x; --"):
            response = self.client.get(URL, {"box": "sent", "before": raw})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(self.listed(response), [self.world.alice_appreciation.pk])

    def test_its_query_count_does_not_grow_with_the_number_of_appreciations(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        make_couple(pat, sam)

        def counts():
            found = {}
            for person, box in ((sam, "received"), (pat, "sent"), (pat, "drafts")):
                self.client.force_login(person)
                self.client.get(URL, {"box": box})
                with CaptureQueriesContext(connection) as queries:
                    response = self.client.get(URL, {"box": box})
                found[box] = (len(queries), len(response.context["items"]))
            return found

        for n in range(3):
            make_appreciation(pat, f"Sent {n}")
            make_appreciation(pat, f"Draft {n}", sent=False)
        few = counts()
        for n in range(22):
            make_appreciation(pat, f"More sent {n}")
            make_appreciation(pat, f"More drafts {n}", sent=False)
        many = counts()
        self.assertEqual({box: c[1] for box, c in few.items()}, dict.fromkeys(few, 3))
        self.assertEqual({box: c[1] for box, c in many.items()}, dict.fromkeys(many, 20))
        self.assertEqual(
            {box: c[0] for box, c in many.items()}, {box: c[0] for box, c in few.items()}
        )

    # Access and methods

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        response = self.client.post(URL, {"what": "Anonymous thanks"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Appreciation.objects.count(), 2)

    def test_it_rejects_other_methods(self):
        self.client.force_login(self.alice)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)(URL)
            self.assertEqual(response.status_code, 405, method)
        self.assertEqual(Appreciation.objects.count(), 2)
