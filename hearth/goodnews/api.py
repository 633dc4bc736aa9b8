from datetime import datetime
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status

from hearth.access import get_own_or_404, get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.content import catalog
from hearth.core.api import OneOf, Text, responses
from hearth.goodnews import selectors, services
from hearth.goodnews.models import NEWS_MAX, REPLY_MAX, GoodNews

router = Router(tags=["good news"])


class GoodNewsReplyOut(Schema):
    id: UUID
    author: PersonOut
    text: str
    created_at: datetime


class GoodNewsOut(Schema):
    id: UUID
    author: PersonOut
    mine: bool
    text: str
    created_at: datetime
    felt: str = Field(description="How the answer felt to the sharer, or empty.")
    replies: list[GoodNewsReplyOut]


class GoodNewsPageOut(Schema):
    items: list[GoodNewsOut]
    next_before: UUID | None = None


class GoodNewsIn(Schema):
    text: Text(NEWS_MAX, 1)


class GoodNewsReplyIn(Schema):
    text: Text(REPLY_MAX, 1)


class FeltIn(Schema):
    felt: OneOf(["", *catalog.good_news_felt_by_key]) = Field(
        "", description="A key from GET /api/content/good-news, or empty to take it back."
    )


def news_out(news: GoodNews, viewer) -> dict:
    return {
        "id": news.public_id,
        "author": person_out(news.author),
        "mine": news.author_id == viewer.pk,
        "text": news.text,
        "created_at": news.created_at,
        "felt": news.felt,
        "replies": [
            {
                "id": r.public_id,
                "author": person_out(r.author),
                "text": r.text,
                "created_at": r.created_at,
            }
            for r in news.replies.all()
        ],
    }


def _visible(viewer, news_id) -> GoodNews:
    return get_visible_or_404(selectors.news_queryset(), viewer, public_id=news_id)


@router.get(
    "",
    response=responses(200, GoodNewsPageOut),
    operation_id="good_news_list",
    summary="Good news we shared, newest first",
)
def good_news_list(
    request,
    before: UUID | None = Query(None, description="Id of the last one already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    items, next_before = selectors.news_list(request.auth, before=before, limit=limit)
    return {"items": [news_out(n, request.auth) for n in items], "next_before": next_before}


@router.post(
    "",
    response=responses(201, GoodNewsOut, 409),
    operation_id="good_news_share",
    summary="Share good news with my partner",
)
def good_news_share(request, payload: GoodNewsIn):
    news = services.good_news_share(author=request.auth, text=payload.text)
    return Status(201, news_out(_visible(request.auth, news.public_id), request.auth))


@router.get(
    "/{news_id}",
    response=responses(200, GoodNewsOut, 404),
    operation_id="good_news_get",
    summary="One piece of good news and its answers",
)
def good_news_get(request, news_id: UUID):
    return news_out(_visible(request.auth, news_id), request.auth)


@router.post(
    "/{news_id}/replies",
    response=responses(201, GoodNewsOut, 403, 404),
    operation_id="good_news_reply",
    summary="Answer my partner's good news",
)
def good_news_reply(request, news_id: UUID, payload: GoodNewsReplyIn):
    services.good_news_reply(
        news=_visible(request.auth, news_id), author=request.auth, text=payload.text
    )
    return Status(201, news_out(_visible(request.auth, news_id), request.auth))


@router.put(
    "/{news_id}/felt",
    response=responses(200, GoodNewsOut, 403, 404, 409),
    operation_id="good_news_felt",
    summary="Say how my partner's answer felt",
)
def good_news_felt(request, news_id: UUID, payload: FeltIn):
    services.good_news_felt(
        news=_visible(request.auth, news_id), author=request.auth, felt=payload.felt
    )
    return news_out(_visible(request.auth, news_id), request.auth)


@router.delete(
    "/{news_id}",
    response=responses(204, None, 404),
    operation_id="good_news_delete",
    summary="Delete good news I shared",
)
def good_news_delete(request, news_id: UUID):
    news = get_own_or_404(GoodNews.objects.all(), request.auth, public_id=news_id)
    services.good_news_delete(news=news, author=request.auth)
    return Status(204, None)
