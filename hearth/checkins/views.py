from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.access import get_own_or_404, get_visible_or_404
from hearth.checkins import selectors, services
from hearth.checkins.forms import CheckInForm, ReactionForm, ReplyForm
from hearth.checkins.models import CheckIn
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.feelings import INTENSITY_CHOICES
from hearth.core.http import INVALID, parse_date_param, redirect_back, render_invalid


@login_required
@require_http_methods(["GET", "POST"])
def today(request):
    current = selectors.my_checkin_on(request.user, request.user.local_today())
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.checkin_save_today(
                    author=request.user,
                    feelings=data["feelings"],
                    closeness=data["closeness"],
                    need=data["need"],
                    need_words=data["need_words"],
                    note=data["note"],
                    visibility=data["visibility"],
                )
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, "Your check-in is saved. You can change it all day.")
                return redirect("home")
        return render_invalid(request, "checkins/today.html", _today_context(form, current))
    initial = CheckInForm.initial_from(current) if current else None
    form = CheckInForm(initial=initial)
    return render(request, "checkins/today.html", _today_context(form, current))


def _today_context(form, current) -> dict:
    return {"form": form, "current": current, "intensity_choices": INTENSITY_CHOICES}


@login_required
@require_GET
def history(request):
    whose = "partner" if request.GET.get("whose") == "partner" else "mine"
    before = parse_date_param(request.GET.get("before"))
    items, next_before = selectors.history(request.user, whose=whose, before=before)
    return render(
        request,
        "checkins/history.html",
        {"items": items, "whose": whose, "next_before": next_before, "before": before},
    )


@login_required
@require_GET
def detail(request, public_id):
    checkin = get_visible_or_404(
        selectors.with_details(CheckIn.objects.all(), request.user),
        request.user,
        public_id=public_id,
    )
    services.replies_mark_seen(checkin=checkin, viewer=request.user)
    return render(
        request,
        "checkins/detail.html",
        {"checkin": checkin, "reply_form": ReplyForm(), "reactions": catalog.reactions},
    )


def _card(request, public_id, *, reply_form=None, error=None, status=200):
    """Render the check-in card: as a fragment for htmx, else as the detail page."""
    checkin = get_visible_or_404(
        selectors.with_details(CheckIn.objects.all(), request.user),
        request.user,
        public_id=public_id,
    )
    context = {
        "checkin": checkin,
        "reply_form": reply_form or ReplyForm(),
        "reactions": catalog.reactions,
        "error": error,
    }
    template = "checkins/partials/checkin_card.html" if request.htmx else "checkins/detail.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def reply(request, public_id):
    checkin = get_visible_or_404(CheckIn.objects.all(), request.user, public_id=public_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _card(request, public_id, reply_form=form, status=INVALID)
    try:
        services.checkin_reply(checkin=checkin, author=request.user, text=form.cleaned_data["text"])
    except ServiceError as exc:
        return _card(request, public_id, reply_form=form, error=exc.message, status=INVALID)
    if request.htmx:
        return _card(request, public_id)
    messages.success(request, "Your reply is sent.")
    return redirect_back(request, reverse("checkins:detail", args=[public_id]))


@login_required
@require_POST
def react(request, public_id):
    checkin = get_visible_or_404(CheckIn.objects.all(), request.user, public_id=public_id)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return _card(request, public_id, error="Choose a reaction from the list.", status=INVALID)
    try:
        services.checkin_react(
            checkin=checkin, author=request.user, reaction=form.cleaned_data["reaction"]
        )
    except ServiceError as exc:
        return _card(request, public_id, error=exc.message, status=INVALID)
    if request.htmx:
        return _card(request, public_id)
    return redirect_back(request, reverse("checkins:detail", args=[public_id]))


@login_required
@require_POST
def delete(request, public_id):
    checkin = get_own_or_404(CheckIn.objects.all(), request.user, public_id=public_id)
    services.checkin_delete(checkin=checkin, author=request.user)
    messages.success(request, "That check-in is deleted.")
    return redirect("checkins:history")
