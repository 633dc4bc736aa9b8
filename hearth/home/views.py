from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from hearth.checkins.forms import ReplyForm
from hearth.content import catalog
from hearth.home.fragments import render_cached
from hearth.home.selectors import today_for
from hearth.questions.views import card_context


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")

    def build_context():
        today = today_for(request.user)
        context = {
            "today": today,
            "reactions": catalog.reactions,
            "checkin_reply_form": ReplyForm(),
        }
        if today.question is not None:
            context.update(card_context(request.user, today.question))
        return context

    fragment = render_cached(request, "home/partials/today.html", build_context)
    # The fragment is our own template's output, already escaped when rendered.
    return render(request, "home/today.html", {"fragment": mark_safe(fragment)})  # noqa: S308


@require_GET
def ping(request):
    """A trivial page through the same middleware (used by benchmarks and health checks)."""
    return HttpResponse(
        "ok signed-in\n" if request.user.is_authenticated else "ok\n",
        content_type="text/plain",
    )
