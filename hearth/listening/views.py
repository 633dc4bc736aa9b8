from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from hearth.access import current_couple, get_visible_or_404
from hearth.coach.feedback import feedback_for
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param
from hearth.listening import selectors, services
from hearth.listening.forms import PieceForm, ReflectionForm, StartForm, VerdictForm
from hearth.listening.models import Kind, ListeningEntry, ListeningSession


def _session(request, public_id) -> ListeningSession:
    return get_visible_or_404(
        ListeningSession.objects.select_related("speaker"), request.user, public_id=public_id
    )


def _render(request, session, *, forms=None, error=None, status=200, coach=None):
    view = selectors.session_view(session, request.user)
    context = {
        "sv": view,
        "piece_form": PieceForm(),
        "reflection_form": ReflectionForm(),
        "verdict_form": VerdictForm(),
        "error": error,
        "coach": coach or {},
        **(forms or {}),
    }
    template = "listening/partials/session.html" if request.htmx else "listening/session.html"
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_start(
                starter=request.user,
                topic=form.cleaned_data["topic"],
                mode=form.cleaned_data["mode"],
                timer_minutes=form.cleaned_data["timer_minutes"],
            )
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("listening:session", public_id=session.public_id)
    sessions, next_before = selectors.sessions_for(
        request.user, before=parse_uuid_param(request.GET.get("before"))
    )
    couple = current_couple(request.user)
    context = {
        "form": form,
        "sessions": sessions,
        "next_before": next_before,
        "open_session": services.open_session(couple) if couple else None,
    }
    status = INVALID if request.method == "POST" else 200
    return render(request, "listening/index.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def session(request, public_id):
    return _render(request, _session(request, public_id))


def _act(request, public_id, action, *, form_class=None, form_name=None, coach_context=None):
    """Run one move; on a refusal show the session again with the message.

    "See how it might land" (a `coach` field) saves nothing: the words come back with
    the gentle start-up helper's hints, to send as they are or changed.
    """
    session_obj = _session(request, public_id)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return _render(request, session_obj, forms={form_name: form}, status=INVALID)
    if coach_context and "coach" in request.POST:
        feedback = feedback_for(form.cleaned_data["text"], coach_context)
        return _render(request, session_obj, forms={form_name: form}, coach={form_name: feedback})
    try:
        action(session_obj, form.cleaned_data if form is not None else {})
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404("Not found") from exc
        forms = {form_name: form} if form is not None else None
        return _render(request, session_obj, forms=forms, error=exc.message, status=INVALID)
    session_obj.refresh_from_db()
    if request.htmx:
        return _render(request, session_obj)
    return redirect(reverse("listening:session", args=[public_id]))


@login_required
@require_POST
def say(request, public_id):
    return _act(
        request,
        public_id,
        lambda s, data: services.piece_say(session=s, person=request.user, text=data["text"]),
        form_class=PieceForm,
        form_name="piece_form",
        coach_context="message",
    )


@login_required
@require_POST
def reflect(request, public_id):
    return _act(
        request,
        public_id,
        lambda s, data: services.reflection_add(
            session=s, person=request.user, text=data["text"], question=data["question"]
        ),
        form_class=ReflectionForm,
        form_name="reflection_form",
        coach_context="paraphrase",
    )


@login_required
@require_POST
def verdict(request, public_id):
    return _act(
        request,
        public_id,
        lambda s, data: services.verdict_give(
            session=s, person=request.user, got_it=data["got_it"], correction=data["correction"]
        ),
        form_class=VerdictForm,
        form_name="verdict_form",
    )


@login_required
@require_POST
def pass_floor(request, public_id):
    return _act(
        request, public_id, lambda s, _: services.floor_pass(session=s, person=request.user)
    )


@login_required
@require_POST
def time_out(request, public_id):
    return _act(request, public_id, lambda s, _: services.time_out(session=s, person=request.user))


@login_required
@require_POST
def resume(request, public_id):
    return _act(request, public_id, lambda s, _: services.resume(session=s, person=request.user))


@login_required
@require_POST
def end(request, public_id):
    def finish(s, _):
        services.session_end(session=s, person=request.user)
        messages.success(request, "Thank you both for listening.")

    return _act(request, public_id, finish)


@login_required
@require_POST
def understood(request, public_id, piece_id):
    def mark(s, _):
        piece = get_visible_or_404(
            ListeningEntry.objects.filter(session=s, kind=Kind.PIECE),
            request.user,
            public_id=piece_id,
        )
        services.understood_mark(session=s, person=request.user, piece=piece)

    return _act(request, public_id, mark)
