from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts import services
from hearth.accounts.forms import ApiTokenForm, PaceForm, ProfileForm
from hearth.accounts.models import ApiToken
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID


@login_required
@require_http_methods(["GET", "POST"])
def settings_profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.profile_update(
                user=request.user,
                **{name: form.cleaned_data[name] for name in ProfileForm.Meta.fields},
            )
            messages.success(request, "Your profile is saved.")
            return redirect("accounts:settings")
        request.user.refresh_from_db()
        return render(request, "accounts/settings.html", {"form": form}, status=INVALID)
    return render(request, "accounts/settings.html", {"form": form})


def _tokens_page(request, *, form=None, new_token=None, status=200):
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    return render(
        request,
        "accounts/tokens.html",
        {"form": form or ApiTokenForm(), "tokens": tokens, "new_token": new_token},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    if request.method == "GET":
        return _tokens_page(request)
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _tokens_page(request, form=form, status=INVALID)
    try:
        _, raw = services.token_create(user=request.user, name=form.cleaned_data["name"])
    except ServiceError as exc:
        form.add_error(None, exc.message)
        return _tokens_page(request, form=form, status=INVALID)
    # Shown once, on this response only; it is not stored anywhere readable.
    return _tokens_page(request, new_token=raw)


@login_required
@require_POST
def token_revoke(request, public_id):
    token = get_object_or_404(ApiToken, user=request.user, public_id=public_id)
    services.token_revoke(token=token)
    messages.success(request, f"The token '{token.name}' is revoked.")
    return redirect("accounts:tokens")


@login_required
@require_http_methods(["GET", "POST"])
def settings_pace(request):
    if request.method == "GET":
        form = PaceForm(initial=PaceForm.initial_for(request.user))
        return render(request, "accounts/pace.html", {"form": form})
    form = PaceForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/pace.html", {"form": form}, status=INVALID)
    services.profile_update(user=request.user, **form.fields_to_save())
    messages.success(request, "Saved. Hearth will keep to this pace.")
    return redirect("accounts:pace")
