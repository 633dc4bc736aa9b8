from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.access import current_couple, get_visible_or_404
from hearth.coach.feedback import feedback_for
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param
from hearth.stateofus import selectors, services
from hearth.stateofus.calendar import meeting_time_ics
from hearth.stateofus.forms import MeetingTimeForm, NoteForm
from hearth.stateofus.models import Meeting, MeetingNote


def _meeting(request, public_id) -> Meeting:
    return get_visible_or_404(
        selectors.with_notes(Meeting.objects.all(), request.user),
        request.user,
        public_id=public_id,
    )


def _render(request, meeting, *, status=200, form=None, error=None, feedback=None, step=None):
    context = {
        "mv": selectors.meeting_view(meeting, request.user),
        "bound_form": form,
        "error": error,
        "error_step": step,
        "feedback": feedback,
    }
    template = "stateofus/partials/meeting.html" if request.htmx else "stateofus/meeting.html"
    return render(request, template, context, status=status)


def _time_context(request, time_form=None) -> dict:
    meeting_time = selectors.meeting_time_for(request.user)
    initial = {}
    if meeting_time is not None:
        initial = {
            "weekday": meeting_time.weekday,
            "at": meeting_time.at,
            "minutes": meeting_time.minutes,
        }
    return {
        "meeting_time": meeting_time,
        "next_at": services.next_meeting_at(meeting_time) if meeting_time else None,
        "time_form": time_form or MeetingTimeForm(initial=initial or None),
    }


def _index_page(request, *, time_form=None, error=None, status=200):
    meetings, next_before = selectors.meetings_for(
        request.user, before=parse_uuid_param(request.GET.get("before"))
    )
    couple = current_couple(request.user)
    context = {
        "meetings": meetings,
        "next_before": next_before,
        "open_meeting": services.open_meeting(couple) if couple else None,
        "error": error,
        **_time_context(request, time_form),
    }
    return render(request, "stateofus/index.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    error = None
    if request.method == "POST":
        try:
            meeting = services.meeting_start(starter=request.user)
        except ServiceError as exc:
            error = exc.message
        else:
            return redirect("stateofus:meeting", public_id=meeting.public_id)
    return _index_page(request, error=error, status=INVALID if error else 200)


@login_required
@require_GET
def meeting(request, public_id):
    return _render(request, _meeting(request, public_id))


@login_required
@require_POST
def note_add(request, public_id):
    meeting_obj = _meeting(request, public_id)
    form = NoteForm(request.POST)
    step = request.POST.get("step")
    if not form.is_valid():
        if "step" in form.errors:
            # No step to show the message by: it goes above the steps.
            error = "Choose one of the meeting's steps."
            return _render(request, meeting_obj, status=INVALID, error=error)
        return _render(request, meeting_obj, status=INVALID, form=form, step=step)
    data = form.cleaned_data
    if "coach" in request.POST:
        # "See how it might land": nothing is saved, the words come back with feedback.
        return _render(
            request,
            meeting_obj,
            form=form,
            feedback=feedback_for(data["text"]),
            step=data["step"],
        )
    try:
        services.note_add(
            meeting=meeting_obj, author=request.user, step=data["step"], text=data["text"]
        )
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404("Not found") from exc
        return _render(
            request,
            meeting_obj,
            status=INVALID,
            form=form,
            error=exc.message,
            step=data["step"],
        )
    if request.htmx:
        return _render(request, _meeting(request, public_id))
    return redirect(reverse("stateofus:meeting", args=[public_id]) + f"#step-{data['step']}")


@login_required
@require_POST
def note_delete(request, public_id, note_id):
    meeting_obj = _meeting(request, public_id)
    note = get_visible_or_404(
        MeetingNote.objects.filter(meeting=meeting_obj, author=request.user),
        request.user,
        public_id=note_id,
    )
    try:
        services.note_delete(note=note, author=request.user)
    except ServiceError as exc:
        return _render(request, meeting_obj, status=INVALID, error=exc.message, step=note.step)
    if request.htmx:
        return _render(request, _meeting(request, public_id))
    return redirect(reverse("stateofus:meeting", args=[public_id]) + f"#step-{note.step}")


@login_required
@require_POST
def close(request, public_id):
    meeting_obj = _meeting(request, public_id)
    try:
        services.meeting_close(meeting=meeting_obj, person=request.user)
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404("Not found") from exc
        return _render(request, meeting_obj, status=INVALID, error=exc.message)
    messages.success(request, "Meeting closed. See you next week.")
    return redirect("stateofus:meeting", public_id=public_id)


@login_required
@require_POST
def time_set(request):
    if "clear" in request.POST:
        try:
            services.meeting_time_clear(person=request.user)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Your weekly time is cleared.")
        return redirect("stateofus:index")
    form = MeetingTimeForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_time_set(person=request.user, **form.cleaned_data)
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Your weekly time is saved. You'll both see it here.")
            return redirect("stateofus:index")
    return _index_page(request, time_form=form, status=INVALID)


@login_required
@require_GET
def time_ics(request):
    meeting_time = selectors.meeting_time_for(request.user)
    if meeting_time is None:
        raise Http404("No weekly time is set")
    response = HttpResponse(
        meeting_time_ics(meeting_time, site_name=settings.HEARTH_SITE_NAME),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="state-of-us.ics"'
    return response
