from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.access import get_own_or_404, get_visible_or_404
from hearth.core.errors import ServiceError
from hearth.core.feelings import INTENSITY_CHOICES
from hearth.core.http import INVALID, parse_uuid_param
from hearth.empathy import selectors, services
from hearth.empathy.forms import GuessForm, PerspectiveForm, ValidationForm
from hearth.empathy.models import PerspectiveCheck


def _check(request, public_id) -> PerspectiveCheck:
    return get_visible_or_404(
        selectors.with_visible_parts(PerspectiveCheck.objects.all(), request.user),
        request.user,
        public_id=public_id,
    )


def _render(request, check, *, status=200, error=None, **forms):
    view = selectors.perspective_view(check, request.user)
    context = {
        "pv": view,
        "intensity_choices": INTENSITY_CHOICES,
        "edit_form": forms.get("edit_form")
        or PerspectiveForm(
            initial={
                "situation": check.situation,
                **PerspectiveForm.feelings_initial(view.actual),
            }
        ),
        "guess_form": forms.get("guess_form") or GuessForm(),
        "validation_form": forms.get("validation_form") or ValidationForm(),
        "error": error,
    }
    return render(request, "empathy/detail.html", context, status=status)


@login_required
@require_GET
def index(request):
    views, next_before = selectors.checks_for(
        request.user, before=parse_uuid_param(request.GET.get("before"))
    )
    return render(
        request,
        "empathy/index.html",
        {"views": views, "next_before": next_before, "to_guess": selectors.to_guess(request.user)},
    )


def _save(request, form, check=None):
    data = form.cleaned_data
    sending = data.get("action") == "send"
    check = services.perspective_save(
        sharer=request.user,
        situation=data["situation"],
        feelings=data["feelings"],
        check=check,
        send=sending,
    )
    if sending:
        messages.success(request, "Sent. You'll both see the feelings once they've guessed.")
    else:
        messages.success(request, "Kept for later. Only you can see it until you send it.")
    return check


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    form = PerspectiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            check = _save(request, form)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("empathy:detail", public_id=check.public_id)
    status = INVALID if request.method == "POST" else 200
    return render(
        request,
        "empathy/new.html",
        {"form": form, "intensity_choices": INTENSITY_CHOICES},
        status=status,
    )


@login_required
@require_GET
def detail(request, public_id):
    return _render(request, _check(request, public_id))


@login_required
@require_POST
def edit(request, public_id):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.user, public_id=public_id)
    form = PerspectiveForm(request.POST)
    if not form.is_valid():
        return _render(request, _check(request, public_id), status=INVALID, edit_form=form)
    try:
        _save(request, form, check=check)
    except ServiceError as exc:
        return _render(
            request, _check(request, public_id), status=INVALID, edit_form=form, error=exc.message
        )
    return redirect("empathy:detail", public_id=public_id)


@login_required
@require_POST
def send(request, public_id):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.user, public_id=public_id)
    try:
        services.perspective_send(check=check, sharer=request.user)
    except ServiceError as exc:
        return _render(request, _check(request, public_id), status=INVALID, error=exc.message)
    messages.success(request, "Sent. You'll both see the feelings once they've guessed.")
    return redirect("empathy:detail", public_id=public_id)


@login_required
@require_POST
def guess(request, public_id):
    check = _check(request, public_id)
    form = GuessForm(request.POST)
    if not form.is_valid():
        return _render(request, check, status=INVALID, guess_form=form)
    try:
        services.perspective_guess(
            check=check, guesser=request.user, feelings=form.cleaned_data["feelings"]
        )
    except ServiceError as exc:
        return _render(request, check, status=INVALID, guess_form=form, error=exc.message)
    return redirect("empathy:detail", public_id=public_id)


@login_required
@require_POST
def validate(request, public_id):
    check = _check(request, public_id)
    form = ValidationForm(request.POST)
    if not form.is_valid():
        return _render(request, check, status=INVALID, validation_form=form)
    try:
        services.perspective_validate(
            check=check, guesser=request.user, text=form.cleaned_data["text"]
        )
    except ServiceError as exc:
        return _render(request, check, status=INVALID, validation_form=form, error=exc.message)
    return redirect(reverse("empathy:detail", args=[public_id]))


@login_required
@require_POST
def delete(request, public_id):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.user, public_id=public_id)
    services.perspective_delete(check=check, author=request.user)
    messages.success(request, "Deleted.")
    return redirect("empathy:index")
