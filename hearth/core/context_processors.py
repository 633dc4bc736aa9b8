from django.conf import settings

from hearth.access import current_couple, partner_of


def hearth(request):
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "QUICK_EXIT_URL": settings.HEARTH_QUICK_EXIT_URL,
        "SITE_NAME": settings.HEARTH_SITE_NAME,
        "couple": current_couple(user) if signed_in else None,
        "partner": partner_of(user) if signed_in else None,
    }
