from django.conf import settings
from django.utils.functional import SimpleLazyObject

from hearth.access import current_couple, partner_of

# The apps whose pages sit under "Practices" in the main navigation.
PRACTICE_APPS = (
    "practices",
    "listening",
    "empathy",
    "deeptalk",
    "stateofus",
    "appreciation",
    "goodnews",
    "coach",
)


def hearth(request):
    """Site settings, and the couple and partner, loaded only if a template asks."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "QUICK_EXIT_URL": settings.HEARTH_QUICK_EXIT_URL,
        "SITE_NAME": settings.HEARTH_SITE_NAME,
        "PRACTICE_APPS": PRACTICE_APPS,
        "couple": SimpleLazyObject(lambda: current_couple(user) if signed_in else None),
        "partner": SimpleLazyObject(lambda: partner_of(user) if signed_in else None),
    }
