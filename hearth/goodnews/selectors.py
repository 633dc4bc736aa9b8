"""Which good news a person sees: what they and their partner shared, newest first."""

from hearth.access import visible
from hearth.core.paging import page_before
from hearth.goodnews.models import GoodNews

PAGE_SIZE = 20


def news_queryset():
    return GoodNews.objects.select_related("author").prefetch_related("replies__author")


def news_list(viewer, *, before=None, limit: int = PAGE_SIZE):
    return page_before(
        visible(news_queryset(), viewer), before=before, field="created_at", limit=limit
    )
