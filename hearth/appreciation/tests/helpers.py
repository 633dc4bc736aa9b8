"""Small helpers shared by the appreciation tests."""

from django.urls import reverse

from hearth.appreciation.models import Appreciation

SCRIPT = "<script>alert('hi')</script> & <b>bold</b> \"quoted\""


def fresh(appreciation) -> Appreciation:
    """The row as the database has it now."""
    return Appreciation.objects.get(pk=appreciation.pk)


def url(name: str, appreciation=None) -> str:
    args = [appreciation.public_id] if appreciation is not None else []
    return reverse(f"appreciation:{name}", args=args)


def snapshot() -> list[tuple]:
    """Every appreciation, as stored, to compare before and after a refused request."""
    return [
        (a.pk, a.public_id, a.author_id, a.couple_id, a.visibility, a.what, a.meant, a.sent_at)
        for a in Appreciation.objects.order_by("pk")
    ]
