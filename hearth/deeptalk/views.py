from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.access import current_couple, get_visible_or_404
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param
from hearth.deeptalk import selectors, services
from hearth.deeptalk.forms import AnswerForm, StartForm
from hearth.deeptalk.models import DeepTalk, DeepTalkItem


def _talk(request, public_id) -> DeepTalk:
    return get_visible_or_404(
        selectors.with_items(DeepTalk.objects.all(), request.user),
        request.user,
        public_id=public_id,
    )


def _render(request, talk, *, answer_form=None, error=None, status=200):
    answer_form = answer_form or AnswerForm()
    context = {
        "tv": selectors.talk_view(talk, request.user),
        "answer_form": answer_form,
        "error": error,
        # Changing my answer while waiting: the page stops polling, so nothing typed is lost.
        "editing": request.GET.get("edit") == "1" or bool(answer_form.errors),
    }
    template = "deeptalk/partials/talk.html" if request.htmx else "deeptalk/talk.html"
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = StartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            talk_obj = services.deeptalk_start(starter=request.user, mode=form.cleaned_data["mode"])
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("deeptalk:talk", public_id=talk_obj.public_id)
    talks, next_before = selectors.talks_for(
        request.user, before=parse_uuid_param(request.GET.get("before"))
    )
    couple = current_couple(request.user)
    context = {
        "form": form,
        "talks": talks,
        "next_before": next_before,
        "open_talk": services.open_talk(couple) if couple else None,
    }
    status = INVALID if request.method == "POST" else 200
    return render(request, "deeptalk/index.html", context, status=status)


@login_required
@require_GET
def talk(request, public_id):
    return _render(request, _talk(request, public_id))


def _act(request, public_id, action, *, item_id=None, form=None):
    """Run one move; on a refusal show the talk again with the message."""
    talk_obj = _talk(request, public_id)
    item = None
    if item_id is not None:
        item = get_visible_or_404(
            DeepTalkItem.objects.filter(talk=talk_obj), request.user, public_id=item_id
        )
    if form is not None and not form.is_valid():
        return _render(request, talk_obj, answer_form=form, status=INVALID)
    try:
        action(talk_obj, item)
    except ServiceError as exc:
        if exc.status == 404:
            raise Http404("Not found") from exc
        return _render(request, talk_obj, answer_form=form, error=exc.message, status=INVALID)
    if request.htmx:
        return _render(request, _talk(request, public_id))
    return redirect(reverse("deeptalk:talk", args=[public_id]))


@login_required
@require_POST
def answer(request, public_id, item_id):
    form = AnswerForm(request.POST)
    return _act(
        request,
        public_id,
        lambda t, i: services.answer_write(
            talk=t, item=i, person=request.user, text=form.cleaned_data["text"]
        ),
        item_id=item_id,
        form=form,
    )


@login_required
@require_POST
def tick(request, public_id, item_id):
    return _act(
        request,
        public_id,
        lambda t, i: services.item_tick(talk=t, item=i, person=request.user),
        item_id=item_id,
    )


@login_required
@require_POST
def skip(request, public_id, item_id):
    return _act(
        request,
        public_id,
        lambda t, i: services.item_skip(talk=t, item=i, person=request.user),
        item_id=item_id,
    )


@login_required
@require_POST
def pause(request, public_id):
    return _act(
        request, public_id, lambda t, _: services.deeptalk_pause(talk=t, person=request.user)
    )


@login_required
@require_POST
def resume(request, public_id):
    return _act(
        request, public_id, lambda t, _: services.deeptalk_resume(talk=t, person=request.user)
    )


@login_required
@require_POST
def end(request, public_id):
    def stop(t, _):
        services.deeptalk_end(talk=t, person=request.user)
        messages.success(request, "Stopped here. Thank you for sharing what you did.")

    return _act(request, public_id, stop)
