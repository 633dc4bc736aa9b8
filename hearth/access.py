"""THE access layer: every couple-scoped read for a view or an API handler goes here.

Rules (docs/PRIVACY.md explains them for people):

* An author always sees what they wrote, in any couple, past or present.
* Nobody else sees a `private` item.
* A `shared` item is seen by the author's partner only while both are in the
  couple the item was written in. Former partners and strangers see nothing.
* A `sealed` item is seen by the partner only when the model's release rule
  holds (`release_q` for querysets, `is_released` for one object).
* Couple-owned rows without an author (such as the day's question) are seen by
  the couple's current members, plus anything the model adds in `extra_visible_q`.

Whoever may not see an object gets 404, never 403, so existence does not leak.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404


class Visibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    SHARED = "shared", "Shared with my partner"
    SEALED = "sealed", "Sealed until we have both answered"


NOTHING = Q(pk__in=[])


class Authored(models.Model):
    """Base for couple-scoped content that a person wrote."""

    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    visibility = models.CharField(
        max_length=8, choices=Visibility.choices, default=Visibility.SHARED
    )

    class Meta:
        abstract = True

    @classmethod
    def release_q(cls) -> Q:
        """When a sealed row is released to the partner. Sealed models override this."""
        return NOTHING

    def is_released(self) -> bool:
        """The one-object form of release_q. Sealed models override this."""
        return False


class CoupleOwned(models.Model):
    """Base for rows that belong to a couple as a whole, with no single author."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        return NOTHING

    def extra_visible(self, viewer) -> bool:
        return False


def current_couple(user):
    """The person's current couple or None. Cached on the user object for the request.

    One query loads the couple and both memberships, so the partner comes with it.
    """
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_hearth_couple"):
        from hearth.couples.models import Membership

        rows = list(
            Membership.objects.filter(
                couple__memberships__user=user,
                couple__memberships__left_at__isnull=True,
                left_at__isnull=True,
            ).select_related("couple", "user")
        )
        user._hearth_couple = rows[0].couple if rows else None
        user._hearth_partner = next((r.user for r in rows if r.user_id != user.pk), None)
    return user._hearth_couple


def current_couple_id(user) -> int | None:
    couple = current_couple(user)
    return couple.pk if couple else None


def partner_of(user):
    """The person's current partner or None (loaded with current_couple)."""
    if not user.is_authenticated:
        return None
    current_couple(user)
    return user._hearth_partner


def other_member(couple_id: int, person):
    """The other person who was in this couple (current or ended), or None.

    Couple-owned activities (a listening session, a deep talk) use it to find whose turn
    comes next, including for a pairing that has since ended.
    """
    from hearth.accounts.models import User

    others = User.objects.filter(memberships__couple_id=couple_id)
    if person is not None:
        others = others.exclude(pk=person.pk)
    return others.order_by("pk").first()


def forget_couple(user) -> None:
    """Drop the cached couple and partner after pairing or unpairing."""
    for name in ("_hearth_couple", "_hearth_partner"):
        if hasattr(user, name):
            delattr(user, name)


def visible_q(model, viewer) -> Q:
    """A filter for the rows of `model` that `viewer` may see."""
    if not viewer.is_authenticated:
        return NOTHING
    couple_id = current_couple_id(viewer)
    if issubclass(model, Authored):
        mine = Q(author_id=viewer.pk)
        if couple_id is None:
            return mine
        partners = Q(couple_id=couple_id) & ~Q(author_id=viewer.pk)
        shared = partners & Q(visibility=Visibility.SHARED)
        sealed = partners & Q(visibility=Visibility.SEALED) & model.release_q()
        return mine | shared | sealed
    if issubclass(model, CoupleOwned):
        members = Q(couple_id=couple_id) if couple_id else NOTHING
        return members | model.extra_visible_q(viewer)
    raise TypeError(f"{model.__name__} is not couple-scoped content")


def visible(queryset: QuerySet, viewer) -> QuerySet:
    return queryset.filter(visible_q(queryset.model, viewer))


def can_see(viewer, obj) -> bool:
    """The one-object form of visible_q; tests check that the two agree."""
    if not viewer.is_authenticated:
        return False
    if isinstance(obj, Authored):
        if obj.author_id == viewer.pk:
            return True
        if obj.visibility == Visibility.PRIVATE:
            return False
        if obj.couple_id is None or obj.couple_id != current_couple_id(viewer):
            return False
        if obj.visibility == Visibility.SEALED:
            return obj.is_released()
        return True
    if isinstance(obj, CoupleOwned):
        if obj.couple_id == current_couple_id(viewer):
            return True
        return obj.extra_visible(viewer)
    raise TypeError(f"{type(obj).__name__} is not couple-scoped content")


def get_visible_or_404(queryset: QuerySet, viewer, **lookup):
    """Fetch one object the viewer may see, or raise 404."""
    obj = visible(queryset, viewer).filter(**lookup).first()
    if obj is None:
        raise Http404("Not found")
    return obj


def get_own_or_404(queryset: QuerySet, viewer, **lookup):
    """Fetch one object the viewer wrote (for edits and deletes), or raise 404."""
    if not viewer.is_authenticated or not issubclass(queryset.model, Authored):
        raise Http404("Not found")
    obj = queryset.filter(author_id=viewer.pk, **lookup).first()
    if obj is None:
        raise Http404("Not found")
    return obj
