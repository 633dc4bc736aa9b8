"""Good news: sharing, answering with the guide, saying how the answer felt, and who sees it."""

from django.urls import reverse

from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.couples.services import couple_unpair
from hearth.goodnews.models import GoodNews, GoodNewsReply
from hearth.goodnews.services import (
    good_news_delete,
    good_news_felt,
    good_news_reply,
    good_news_share,
)
from hearth.testing import HearthTestCase, main_of, make_person

SCRIPT = "<script>alert('hi')</script> & <b>bold</b>"


def url(name, news=None):
    return reverse(f"goodnews:{name}", args=[news.public_id] if news else [])


def snapshot() -> list[tuple]:
    return [
        (n.pk, n.author_id, n.couple_id, n.text, n.felt, n.felt_at)
        for n in GoodNews.objects.order_by("pk")
    ] + [(r.pk, r.news_id, r.author_id, r.text) for r in GoodNewsReply.objects.order_by("pk")]


class GoodNewsServiceTests(HearthTestCase):
    def test_share_answer_and_say_how_it_felt(self):
        news = good_news_share(author=self.bob, text="  I passed my driving test  ")
        self.assertEqual(
            (news.text, news.visibility, news.couple_id),
            ("I passed my driving test", "shared", self.world.couple.pk),
        )
        with self.assertRaises(ServiceError) as caught:
            good_news_felt(news=news, author=self.bob, felt="celebrated")
        self.assertEqual(caught.exception.code, "no_reply")  # nothing to say yet
        good_news_reply(news=news, author=self.alice, text="First try? Tell me everything!")
        news = good_news_felt(news=news, author=self.bob, felt="celebrated")
        self.assertEqual(news.felt, "celebrated")
        self.assertIsNotNone(news.felt_at)
        news = good_news_felt(news=news, author=self.bob, felt="")
        self.assertEqual((news.felt, news.felt_at), ("", None))

    def test_only_the_partner_answers_and_only_the_sharer_says_how_it_felt(self):
        news = self.world.alice_good_news
        before = snapshot()
        for call, person, code in (
            (good_news_reply, self.alice, "own"),
            (good_news_reply, self.carol, "not_yours"),
            (good_news_reply, self.dan, "not_yours"),
            (good_news_felt, self.bob, "not_sharer"),
            (good_news_felt, self.carol, "not_yours"),
        ):
            with self.subTest(call=call.__name__, person=person.display_name):
                kwargs = {"text": "Hi"} if call is good_news_reply else {"felt": "celebrated"}
                with self.assertRaises(ServiceError) as caught:
                    call(news=news, author=person, **kwargs)
                self.assertEqual(caught.exception.code, code)
        self.assertEqual(snapshot(), before)

    def test_bad_text_and_unknown_feelings_change_nothing(self):
        news = self.world.alice_good_news
        before = snapshot()
        for text in ("", "   ", "x" * 601):
            with self.subTest(text=text[:5]), self.assertRaises(ServiceError):
                good_news_share(author=self.alice, text=text)
            with self.subTest(reply=text[:5]), self.assertRaises(ServiceError):
                good_news_reply(news=news, author=self.bob, text=text)
        with self.assertRaises(ServiceError):
            good_news_felt(news=news, author=self.alice, felt="ecstatic")
        self.assertEqual(snapshot(), before)

    def test_on_ones_own_there_is_no_one_to_share_with(self):
        with self.assertRaises(ServiceError) as caught:
            good_news_share(author=make_person("Solo"), text="A good day")
        self.assertEqual((caught.exception.code, caught.exception.status), ("not_paired", 409))

    def test_after_unpairing_the_old_news_takes_no_answer(self):
        news = self.world.alice_good_news
        couple_unpair(user=self.bob)
        with self.assertRaises(ServiceError):
            good_news_reply(news=news, author=self.bob, text="Late answer")

    def test_only_the_sharer_deletes_and_the_answers_go_too(self):
        news = self.world.alice_good_news
        with self.assertRaises(ServiceError):
            good_news_delete(news=news, author=self.bob)
        good_news_delete(news=news, author=self.alice)
        self.assertFalse(GoodNewsReply.objects.filter(news_id=news.pk).exists())


class GoodNewsPageTests(HearthTestCase):
    def test_a_full_exchange_without_javascript(self):
        self.client.force_login(self.bob)
        response = self.client.post(url("index"), {"text": SCRIPT})
        news = GoodNews.objects.get(author=self.bob)
        self.assertRedirects(response, url("detail", news))
        self.client.force_login(self.alice)
        page = main_of(self.client.get(url("detail", news)))
        self.assertNotIn("<script>alert", page)
        self.assertIn("&lt;script&gt;", page)
        for way in catalog.good_news_ways:  # the guide, with the project's examples
            self.assertIn(way.label, page)
        response = self.client.post(url("reply", news), {"text": "Tell me how it happened!"})
        self.assertRedirects(response, url("detail", news))
        self.client.force_login(self.bob)
        page = main_of(self.client.get(url("detail", news)))
        self.assertIn("Alice answered", page)
        self.assertIn("How did the answer feel?", page)
        self.client.post(url("felt", news), {"felt": "glad_i_shared"})
        self.client.force_login(self.alice)
        self.assertIn(
            "Bob: I&#x27;m glad I shared it", main_of(self.client.get(url("detail", news)))
        )
        self.assertIn("glad I shared it", main_of(self.client.get(url("index"))))

    def test_refusals_are_explained_with_422_and_change_nothing(self):
        news = self.world.alice_good_news
        before = snapshot()
        self.client.force_login(self.alice)
        cases = [
            (url("index"), {"text": ""}, "Write the good news first"),
            (url("index"), {"text": "x" * 601}, "at most 600"),
            (url("reply", news), {"text": "Me too"}, "the answer is your partner"),
            (url("felt", news), {"felt": "ecstatic"}, "Choose one of the options."),
        ]
        for path, data, message in cases:
            with self.subTest(path=path, data=str(data)[:20]):
                response = self.client.post(path, data)
                self.assertContains(response, message, status_code=422)
        self.client.force_login(self.bob)
        response = self.client.post(url("reply", news), {"text": "   "})
        self.assertContains(response, "Write a few words back first.", status_code=422)
        self.assertEqual(snapshot(), before)

    def test_on_ones_own_the_page_explains_instead_of_offering_the_form(self):
        self.client.force_login(make_person("Solo"))
        page = main_of(self.client.get(url("index")))
        self.assertIn("Once you're paired", page)
        self.assertNotIn('name="text"', page)


class GoodNewsApiTests(HearthTestCase):
    def test_share_answer_felt_and_list(self):
        shared = self.api("post", "/good-news", self.bob, {"text": "Got the flat!"})
        self.assertEqual(shared.status_code, 201, shared.content)
        news_id = shared.json()["id"]
        answered = self.api(
            "post", f"/good-news/{news_id}/replies", self.alice, {"text": "Amazing, when?"}
        )
        self.assertEqual(answered.status_code, 201, answered.content)
        self.assertEqual([r["text"] for r in answered.json()["replies"]], ["Amazing, when?"])
        felt = self.api("put", f"/good-news/{news_id}/felt", self.bob, {"felt": "celebrated"})
        self.assertEqual(felt.json()["felt"], "celebrated")
        listed = self.api("get", "/good-news", self.alice).json()["items"]
        self.assertEqual(listed[0]["id"], news_id)
        self.assertFalse(listed[0]["mine"])

    def test_refusals(self):
        news_id = self.world.alice_good_news.public_id
        before = snapshot()
        self.assertEqual(self.api("post", "/good-news", self.alice, {"text": ""}).status_code, 422)
        own = self.api("post", f"/good-news/{news_id}/replies", self.alice, {"text": "Yay"})
        self.assertEqual((own.status_code, own.json()["code"]), (403, "own"))
        unknown = self.api("put", f"/good-news/{news_id}/felt", self.alice, {"felt": "nope"})
        self.assertEqual(unknown.status_code, 422)
        alone = self.api("post", "/good-news", make_person("Solo"), {"text": "Hello"})
        self.assertEqual(alone.status_code, 409)
        self.assertEqual(snapshot(), before)

    def test_the_guide_is_served(self):
        body = self.api("get", "/content/good-news", self.carol).json()
        self.assertEqual([w["key"] for w in body["ways"]], ["ask", "celebrate", "relive"])
        self.assertEqual(len(body["felt"]), len(catalog.good_news_felt))
