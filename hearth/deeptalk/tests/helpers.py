"""What the deep-talk tests share: URLs, reading pages, moves made through the
services, and a fingerprint of every deep-talk row so a refused request can be
shown to have changed nothing.
"""

from django.urls import reverse

from hearth.core.errors import ServiceError
from hearth.deeptalk import services
from hearth.deeptalk.models import DeepTalk, DeepTalkAnswer, DeepTalkItem, ItemStatus
from hearth.testing import HearthTestCase, alerts, words

HX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, talk=None, item=None) -> str:
    args = []
    if talk is not None:
        args.append(talk.public_id)
    if item is not None:
        args.append(item.public_id)
    return reverse(f"deeptalk:{name}", args=args)


def members(talk) -> list:
    """The two people of the talk's couple, in a fixed order."""
    from hearth.accounts.models import User

    return list(User.objects.filter(memberships__couple_id=talk.couple_id).order_by("pk"))


def snapshot() -> tuple:
    """Every deep-talk row, field by field (answer texts decrypted)."""
    talks = list(
        DeepTalk.objects.order_by("pk").values_list(
            "pk",
            "couple_id",
            "started_by_id",
            "mode",
            "state",
            "cap",
            "completed",
            "updated_at",
            "ended_at",
        )
    )
    items = list(
        DeepTalkItem.objects.order_by("pk").values_list(
            "pk", "talk_id", "position", "prompt_key", "depth", "first_id", "status", "finished_at"
        )
    )
    answers = [
        (a.pk, a.item_id, a.author_id, a.couple_id, a.visibility, a.text, a.updated_at)
        for a in DeepTalkAnswer.objects.order_by("pk")
    ]
    return talks, items, answers


class DeepTalkTestCase(HearthTestCase):
    """World.deep_talk: apart, Alice goes first on the first (light) question and
    has answered it (sealed); Bob has not answered yet."""

    def setUp(self):
        super().setUp()
        self.talk = self.world.deep_talk
        self.item = self.world.deep_item

    # Reading rows again (the world keeps the objects from when they were made).

    def fresh(self, talk=None) -> DeepTalk:
        return DeepTalk.objects.get(pk=(talk or self.talk).pk)

    def fresh_item(self, item=None) -> DeepTalkItem:
        return DeepTalkItem.objects.get(pk=(item or self.item).pk)

    def open_item(self, talk=None) -> DeepTalkItem | None:
        return (talk or self.talk).items.filter(status=ItemStatus.OPEN).first()

    def items(self, talk=None) -> list[DeepTalkItem]:
        return list(DeepTalkItem.objects.filter(talk=talk or self.talk).order_by("position"))

    # Moves straight through the services.

    def answer(self, person, text="An answer", *, talk=None, item=None):
        talk = talk or self.talk
        return services.answer_write(
            talk=talk, item=item or self.open_item(talk), person=person, text=text
        )

    def skip(self, person, *, talk=None, item=None):
        talk = talk or self.talk
        return services.item_skip(talk=talk, item=item or self.open_item(talk), person=person)

    def tick(self, person, *, talk=None, item=None):
        talk = talk or self.talk
        return services.item_tick(talk=talk, item=item or self.open_item(talk), person=person)

    def both_answer(self, talk=None, prefix="Answer"):
        """The one going first, then the other, answer the open question."""
        talk = talk or self.talk
        item = self.open_item(talk)
        people = members(talk)
        first = item.first
        other = next(p for p in people if p.pk != first.pk)
        self.answer(first, f"{prefix} by {first.display_name} to {item.prompt_key}", talk=talk)
        self.answer(other, f"{prefix} by {other.display_name} to {item.prompt_key}", talk=talk)
        return self.fresh_item(item)

    # Web requests.

    def post(self, person, name, data=None, *, talk=None, item=None, htmx=False):
        self.client.force_login(person)
        extra = HX if htmx else {}
        return self.client.post(url(name, talk or self.talk, item), data or {}, **extra)

    def get_page(self, person, talk=None, *, htmx=False):
        self.client.force_login(person)
        return self.client.get(url("talk", talk or self.talk), **(HX if htmx else {}))

    # Assertions.

    def assertRefused(self, call, *, code: str, status: int) -> ServiceError:
        """The call is refused with this code and status, and no deep-talk row changed."""
        before = snapshot()
        with self.assertRaises(ServiceError) as caught:
            call()
        self.assertEqual((caught.exception.code, caught.exception.status), (code, status))
        self.assertTrue(caught.exception.message)
        self.assertEqual(snapshot(), before)
        return caught.exception

    def assertShows(self, response, sentence: str, *, status: int = 200):
        self.assertEqual(response.status_code, status)
        self.assertIn(sentence, words(response), f"alerts: {alerts(response)}")
