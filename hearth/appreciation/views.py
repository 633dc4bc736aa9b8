from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.access import current_couple, get_own_or_404
from hearth.appreciation import selectors, services
from hearth.appreciation.forms import AppreciationForm, CareWaysForm, ReactionForm
from hearth.appreciation.models import Appreciation
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param

SENT = "Sent. It's waiting for them on their Appreciations page."
KEPT = "Kept for later. Only you can see it until you send it."


def _save(request, form, appreciation=None):
    data = form.cleaned_data
    sending = data.get("action") == "send"
    saved = services.appreciation_save(
        author=request.user,
        what=data["what"],
        meant=data["meant"],
        appreciation=appreciation,
        send=sending,
    )
    messages.success(request, SENT if sending else KEPT)
    return saved


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = AppreciationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, form)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("appreciation:index")
    name = request.GET.get("box")
    name = name if name in selectors.BOXES else "received"
    items, next_before = selectors.box(
        request.user, name, before=parse_uuid_param(request.GET.get("before"))
    )
    context = {
        "form": form,
        "box": name,
        "boxes": selectors.BOXES,
        "items": items,
        "next_before": next_before,
        "drafts": selectors.box(request.user, "drafts", limit=5)[0] if name != "drafts" else [],
    }
    status = INVALID if request.method == "POST" else 200
    return render(request, "appreciation/index.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, public_id):
    appreciation = selectors.one_or_404(request.user, public_id)
    mine = appreciation.author_id == request.user.pk
    form = None
    if mine and not appreciation.is_sent:
        form = AppreciationForm(
            request.POST if request.method == "POST" else None,
            initial={"what": appreciation.what, "meant": appreciation.meant},
        )
        if request.method == "POST" and form.is_valid():
            try:
                saved = _save(request, form, appreciation)
            except ServiceError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("appreciation:detail", public_id=saved.public_id)
    elif request.method == "POST":
        messages.error(request, "A sent appreciation stays as it is.")
        return _detail(request, appreciation, status=409)
    status = INVALID if request.method == "POST" else 200
    return _detail(request, appreciation, form=form, status=status)


def _detail(request, appreciation, *, form=None, error=None, status=200, partial=False):
    context = {
        "a": appreciation,
        "mine": appreciation.author_id == request.user.pk,
        "form": form,
        "reactions": catalog.appreciation_reactions,
        "error": error,
    }
    template = "appreciation/partials/reactions.html" if partial else "appreciation/detail.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def react(request, public_id):
    appreciation = selectors.one_or_404(request.user, public_id)
    partial = bool(request.htmx)
    form = ReactionForm(request.POST)
    error = None if form.is_valid() else "Choose a reaction from the list."
    if error is None:
        try:
            services.appreciation_react(
                appreciation=appreciation,
                author=request.user,
                reaction=form.cleaned_data["reaction"],
            )
        except ServiceError as exc:
            error = exc.message
    if error:
        return _detail(request, appreciation, error=error, status=INVALID, partial=partial)
    if partial:
        return _detail(request, selectors.one_or_404(request.user, public_id), partial=True)
    return redirect("appreciation:detail", public_id=public_id)


@login_required
@require_POST
def send(request, public_id):
    appreciation = get_own_or_404(Appreciation.objects.all(), request.user, public_id=public_id)
    try:
        services.appreciation_send(appreciation=appreciation, author=request.user)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("appreciation:detail", public_id=public_id)
    messages.success(request, SENT)
    return redirect("appreciation:index")


@login_required
@require_POST
def delete(request, public_id):
    appreciation = get_own_or_404(Appreciation.objects.all(), request.user, public_id=public_id)
    services.appreciation_delete(appreciation=appreciation, author=request.user)
    messages.success(request, "Deleted.")
    return redirect("appreciation:index")


@login_required
@require_http_methods(["GET", "POST"])
def cared_for(request):
    ways, from_before = selectors.care_ways_mine(request.user)
    form = CareWaysForm(request.POST if request.method == "POST" else None, ways=ways)
    if request.method == "POST" and form.is_valid():
        try:
            services.care_ways_save(author=request.user, ways=form.ways())
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                "Saved. Your partner can see it now."
                if current_couple(request.user)
                else "Saved. Only you can see it until you're paired.",
            )
            return redirect("appreciation:cared_for")
    context = {
        "form": form,
        "saved": bool(ways) and not from_before,
        "from_before": from_before,
        "theirs": selectors.care_ways_partner(request.user),
    }
    status = INVALID if request.method == "POST" else 200
    return render(request, "appreciation/cared_for.html", context, status=status)
