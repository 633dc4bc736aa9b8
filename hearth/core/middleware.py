import zoneinfo

from django.utils import timezone


class UserTimezoneMiddleware:
    """Render times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Keep personal pages out of every cache and switch off browser features we never use.

    Static files are served earlier by WhiteNoise and keep their long cache lifetime.
    """

    PERMISSIONS_POLICY = (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        "interest-cohort=(), browsing-topics=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, private"
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        response.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response
