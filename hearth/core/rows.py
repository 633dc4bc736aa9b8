"""Saving a few fields of a row that keeps an `updated_at`."""

from django.utils import timezone


def update_fields(instance, **changes) -> None:
    """Set `changes` and `updated_at` on `instance`, and save only those fields.

    The save (not a queryset update) lets the freshness signals bump the pages it shows on.
    """
    changes["updated_at"] = timezone.now()
    for name, value in changes.items():
        setattr(instance, name, value)
    instance.save(update_fields=list(changes))
