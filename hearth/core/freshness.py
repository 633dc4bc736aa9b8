"""Version counters that tell when a page rendered from cache is out of date.

Each person has a `content_version`. Any write that changes what a page shows
bumps the counter of every person it concerns (for a couple's content: both
partners, and anyone who was ever in that couple), in the database, after the
data itself was written (in the same transaction where there is one). A cached
page is keyed by the counter, so a bumped counter means the next request renders
afresh. The counter is on the user row that authentication loads anyway, so
checking it costs no query, and every web process sees the same value.

Saves and deletes of couple-scoped rows bump through the signal receivers
below; code that writes with `.update()` or `bulk_create()` calls `touch()`.
"""

from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from hearth.access import Authored, CoupleOwned


def touch(*, couple_id: int | None = None, user_ids=()) -> None:
    """Bump the counters of these people and of everyone in this couple."""
    from hearth.accounts.models import User

    who = Q(pk__in=[pk for pk in user_ids if pk is not None])
    if couple_id is not None:
        who |= Q(memberships__couple_id=couple_id)
    User.objects.filter(who).update(content_version=F("content_version") + 1)


def touch_person_and_couple(user_id: int) -> None:
    """A person's own details changed: their pages and their partner's."""
    from hearth.couples.models import Membership

    couple_id = (
        Membership.objects.filter(user_id=user_id, left_at__isnull=True)
        .values_list("couple_id", flat=True)
        .first()
    )
    touch(couple_id=couple_id, user_ids=[user_id])


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, instance, **kwargs):
    from hearth.accounts.models import User
    from hearth.checkins.models import CheckInFeeling
    from hearth.couples.models import Couple, Membership

    if isinstance(instance, Authored):
        touch(couple_id=instance.couple_id, user_ids=[instance.author_id])
    elif isinstance(instance, CoupleOwned):
        touch(couple_id=instance.couple_id)
    elif isinstance(instance, CheckInFeeling):
        # Feelings are written together with their check-in, which bumps already.
        return
    elif isinstance(instance, Couple):
        touch(couple_id=instance.pk)
    elif isinstance(instance, Membership):
        touch(couple_id=instance.couple_id, user_ids=[instance.user_id])
    elif isinstance(instance, User) and not kwargs.get("raw"):
        if kwargs.get("update_fields") == frozenset({"last_login"}):
            return  # logging in changes nothing any page shows
        touch_person_and_couple(instance.pk)
