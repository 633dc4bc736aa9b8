"""Sharing good news, answering it, saying how the answer felt, deleting one's own."""

from django.db import transaction
from django.utils import timezone

from hearth.access import Visibility, current_couple
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.goodnews.models import NEWS_MAX, REPLY_MAX, GoodNews, GoodNewsReply


def _clean(text: str, limit: int, empty: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(empty, code="empty")
    if len(text) > limit:
        raise ServiceError(
            f"This can be at most {limit} characters; yours has {len(text)}.", code="too_long"
        )
    return text


def good_news_share(*, author, text: str) -> GoodNews:
    text = _clean(text, NEWS_MAX, "Write the good news first, big or small.")
    couple = current_couple(author)
    if couple is None:
        raise ServiceError(
            "Good news is for sharing with your partner, once you're paired.",
            code="not_paired",
            status=409,
        )
    return GoodNews.objects.create(
        author=author, couple=couple, visibility=Visibility.SHARED, text=text
    )


def _in_couple(news: GoodNews, person) -> None:
    couple = current_couple(person)
    if couple is None or news.couple_id != couple.pk:
        raise ServiceError("This isn't one of yours to answer.", code="not_yours", status=404)


def good_news_reply(*, news: GoodNews, author, text: str) -> GoodNewsReply:
    """The partner answers the news (more than once if they like)."""
    _in_couple(news, author)
    if news.author_id == author.pk:
        raise ServiceError(
            "This is your own news; the answer is your partner's to write.", code="own", status=403
        )
    text = _clean(text, REPLY_MAX, "Write a few words back first.")
    return GoodNewsReply.objects.create(
        author=author, couple=news.couple, visibility=Visibility.SHARED, news=news, text=text
    )


def good_news_felt(*, news: GoodNews, author, felt: str) -> GoodNews:
    """The sharer says how the answer felt (or, with an empty value, takes it back)."""
    _in_couple(news, author)
    if news.author_id != author.pk:
        raise ServiceError(
            "Only the one who shared the news says how the answer felt.",
            code="not_sharer",
            status=403,
        )
    if felt and felt not in catalog.good_news_felt_by_key:
        raise ServiceError("Choose one of the options.", code="unknown_felt")
    with transaction.atomic():
        news = GoodNews.objects.select_for_update().get(pk=news.pk)
        if felt and not news.replies.exists():
            raise ServiceError(
                "There's no answer yet to say anything about.", code="no_reply", status=409
            )
        news.felt, news.felt_at = felt, (timezone.now() if felt else None)
        news.save(update_fields=["felt", "felt_at"])
    return news


def good_news_delete(*, news: GoodNews, author) -> None:
    if news.author_id != author.pk:
        raise ServiceError("You can only delete your own.", code="not_yours", status=404)
    news.delete()
