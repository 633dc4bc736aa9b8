from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from hearth.access import current_couple
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID
from hearth.couples import services
from hearth.couples.forms import (
    AcceptForm,
    CodeForm,
    CoupleTimezoneForm,
    EmailInvitationForm,
    InviteForm,
    RespondForm,
    UnpairForm,
)
from hearth.couples.models import Invitation, Response
from hearth.couples.qr import qr_data_uri

# Guessing codes is the one way to find an invitation without being sent it.
CODE_RATE = "10/h"


def _too_many_attempts(request) -> bool:
    return is_ratelimited(
        request, group="pairing-code", key="user_or_ip", rate=CODE_RATE, increment=True
    )


def _join_link(request, invitation) -> str:
    return request.build_absolute_uri(reverse("couples:join", args=[invitation.token]))


def _pairing_page(request, *, code_form=None, invite_form=None, email_form=None, status=200):
    invitation = services.pending_invitation(request.user)
    context = {
        "invitation": invitation,
        "code_form": code_form or CodeForm(),
        "invite_form": invite_form or InviteForm(),
        "email_form": email_form or EmailInvitationForm(),
        "next_email_at": services.next_email_at(request.user),
        "invitation_messages": catalog.invitation_messages,
    }
    if invitation is not None:
        link = _join_link(request, invitation)
        context.update(
            link=link,
            code=services.format_code(invitation.code),
            qr=qr_data_uri(link),
        )
    else:
        # The last answer to an invitation, told gently, with no nudge to ask again:
        # only if the inviter's latest invitation is the one that was declined.
        latest = Invitation.objects.filter(inviter=request.user).order_by("-created_at").first()
        context["last_answer"] = (
            latest if latest is not None and latest.response == Response.DECLINED else None
        )
        context["send_again"] = latest if services.can_send_again(latest) else None
    return render(request, "couples/pairing.html", context, status=status)


@login_required
@require_GET
def pairing(request):
    return _pairing_page(request)


@login_required
@require_POST
def invite(request):
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _pairing_page(request, invite_form=form, status=INVALID)
    try:
        services.invitation_create(inviter=request.user, message=form.cleaned_data["message"])
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("couples:pairing")
    messages.success(request, "Your invitation is ready. Share the link or the code.")
    return redirect("couples:pairing")


@login_required
@require_POST
def email_invitation(request, public_id):
    invitation = get_object_or_404(Invitation, inviter=request.user, public_id=public_id)
    form = EmailInvitationForm(request.POST)
    if not form.is_valid():
        return _pairing_page(request, email_form=form, status=INVALID)
    try:
        services.invitation_email(
            invitation=invitation,
            link=_join_link(request, invitation),
            email=form.cleaned_data["email"],
        )
    except ServiceError as exc:
        form.add_error("email", exc.message)
        return _pairing_page(request, email_form=form, status=INVALID)
    messages.success(
        request, "Sent. There's nothing more to do; they'll answer when they're ready."
    )
    return redirect("couples:pairing")


@login_required
@require_POST
def revoke(request, public_id):
    invitation = get_object_or_404(Invitation, inviter=request.user, public_id=public_id)
    try:
        services.invitation_revoke(invitation=invitation)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The invitation is withdrawn; nobody can use it now.")
    return redirect("couples:pairing")


def _confirm_page(request, invitation, *, code="", token="", form=None, status=200):
    return render(
        request,
        "couples/confirm.html",
        {
            "inviter": invitation.inviter,
            "invitation": invitation,
            "code": code,
            "token": token,
            "form": form or AcceptForm(initial={"code": code, "token": token}),
        },
        status=status,
    )


def _error_page(request, message, status):
    return render(request, "couples/invitation_error.html", {"message": message}, status=status)


@login_required
@require_POST
def enter_code(request):
    form = CodeForm(request.POST)
    if not form.is_valid():
        return _pairing_page(request, code_form=form, status=INVALID)
    if _too_many_attempts(request):
        form.add_error("code", "Too many tries. Please wait an hour and try again.")
        return _pairing_page(request, code_form=form, status=429)
    code = services.normalise_code(form.cleaned_data["code"])
    try:
        invitation = services.invitation_check(
            invitation=services.invitation_find(code=code), user=request.user
        )
    except ServiceError as exc:
        if current_couple(request.user) is not None:
            return _error_page(request, exc.message, INVALID)
        form.add_error("code", exc.message)
        return _pairing_page(request, code_form=form, status=INVALID)
    return _confirm_page(request, invitation, code=code)


@require_GET
def join(request, token):
    """The invitation link. Without an account, it shows who invited you and lets you
    answer "not now" or "no, thank you" without signing up."""
    if _too_many_attempts(request):
        return _error_page(request, "Too many tries. Please wait an hour and try again.", 429)
    invitation = services.invitation_find(token=token)
    try:
        if request.user.is_authenticated:
            services.invitation_check(invitation=invitation, user=request.user)
        else:
            services.invitation_usable(invitation=invitation)
    except ServiceError as exc:
        return _error_page(request, exc.message, exc.status)
    return _confirm_page(request, invitation, token=token)


@require_POST
def respond(request, token):
    if _too_many_attempts(request):
        return _error_page(request, "Too many tries. Please wait an hour and try again.", 429)
    invitation = services.invitation_find(token=token)
    try:
        services.invitation_usable(invitation=invitation)
        if request.user.is_authenticated and invitation.inviter_id == request.user.pk:
            raise ServiceError(
                "This is your own invitation. Your partner answers it.", code="own", status=409
            )
    except ServiceError as exc:
        return _error_page(request, exc.message, exc.status)
    form = RespondForm(request.POST)
    if not form.is_valid():
        return _confirm_page(request, invitation, token=token, status=INVALID)
    services.invitation_respond(invitation=invitation, response=form.cleaned_data["response"])
    return render(
        request,
        "couples/responded.html",
        {"inviter": invitation.inviter, "response": form.cleaned_data["response"], "token": token},
    )


@login_required
@require_POST
def accept(request):
    code = request.POST.get("code", "")[:20]
    token = request.POST.get("token", "")[:64]
    if not code and not token:
        return _error_page(request, "This confirmation has no invitation in it.", 400)
    # Counted before the lookup, so posting codes can't be used to test them for free.
    if _too_many_attempts(request):
        return _error_page(request, "Too many tries. Please wait an hour and try again.", 429)
    try:
        invitation = services.invitation_check(
            invitation=services.invitation_find(code=code, token=token), user=request.user
        )
    except ServiceError as exc:
        return _error_page(request, exc.message, exc.status)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return _confirm_page(request, invitation, code=code, token=token, form=form, status=INVALID)
    try:
        services.couple_pair(invitation=invitation, user=request.user)
    except ServiceError as exc:
        return _error_page(request, exc.message, exc.status)
    messages.success(
        request, f"You and {invitation.inviter.display_name} are paired. Welcome, both of you."
    )
    return redirect("home")


@login_required
@require_http_methods(["GET", "POST"])
def unpair(request):
    if current_couple(request.user) is None:
        messages.info(request, "You are not paired with anyone.")
        return redirect("couples:settings")
    form = UnpairForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            services.couple_unpair(user=request.user)
            messages.success(
                request,
                "Your pairing has ended. Your own entries are still yours; "
                "nothing of theirs is shown to you any more, and nothing of yours to them.",
            )
            return redirect("home")
        return render(request, "couples/unpair.html", {"form": form}, status=INVALID)
    return render(request, "couples/unpair.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def couple_settings(request):
    couple = current_couple(request.user)
    if couple is None:
        return render(request, "couples/settings.html", {"form": None})
    form = CoupleTimezoneForm(
        request.POST if request.method == "POST" else None,
        initial={"timezone": couple.timezone},
    )
    if request.method == "POST":
        if form.is_valid():
            services.couple_set_timezone(
                user=request.user, timezone_name=form.cleaned_data["timezone"]
            )
            messages.success(request, "Saved. Your shared day now follows that time zone.")
            return redirect("couples:settings")
        return render(request, "couples/settings.html", {"form": form}, status=INVALID)
    return render(request, "couples/settings.html", {"form": form})


@login_required
@require_POST
def dismiss_notice(request):
    services.ended_notice_dismiss(user=request.user)
    return redirect("home")
