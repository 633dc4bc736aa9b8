"""Cursor paging, newest first, by the public id of the last row already shown."""

from uuid import UUID

from django.db.models import Q, QuerySet


def page_before(queryset: QuerySet, *, before: UUID | None, field: str, limit: int):
    """Rows after `before` in (`field`, pk) descending order, and the next cursor.

    Ordering by the primary key too means two rows with the same `field` value are
    never skipped. A cursor that no longer exists (its row was deleted) gives an
    empty page rather than starting again from the newest, so nothing is shown twice.
    """
    if before is not None:
        anchor = queryset.filter(public_id=before).values(field, "pk").first()
        if anchor is None:
            return [], None
        queryset = queryset.filter(
            Q(**{f"{field}__lt": anchor[field]})
            | Q(**{field: anchor[field], "pk__lt": anchor["pk"]})
        )
    rows = list(queryset.order_by(f"-{field}", "-pk")[: limit + 1])
    next_before = rows[limit - 1].public_id if len(rows) > limit else None
    return rows[:limit], next_before
