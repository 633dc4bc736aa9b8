from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from hearth.access import current_couple
from hearth.checkins import services as checkin_services
from hearth.checkins.forms import ReplyForm
from hearth.content import catalog
from hearth.deeptalk import selectors as deeptalk_selectors
from hearth.empathy import selectors as empathy_selectors
from hearth.home.fragments import render_cached
from hearth.home.selectors import today_for, waiting_for
from hearth.home.suggestions import suggestion_for
from hearth.listening import selectors as listening_selectors
from hearth.questions import services as question_services
from hearth.questions.views import card_context


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html")

    def build_context():
        user = request.user
        today = today_for(user)
        # Replies to today's check-in and answer are shown in full on this page:
        # they count as seen, and "waiting for you" lists only the others.
        if today.my_checkin is not None:
            checkin_services.replies_mark_seen(checkin=today.my_checkin, viewer=user)
        if today.question is not None and today.question.mine is not None:
            question_services.replies_mark_seen(answer=today.question.mine, viewer=user)
        today.waiting = waiting_for(user, current_couple(user))
        context = {
            "today": today,
            "listening": listening_selectors.waiting_sessions(user),
            "to_guess": empathy_selectors.to_guess(user),
            "deep_talk": deeptalk_selectors.waiting_talk(user),
            "suggestion": suggestion_for(user),
            "reactions": catalog.reactions,
            "checkin_reply_form": ReplyForm(),
        }
        if today.question is not None:
            context.update(card_context(user, today.question))
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
