from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hearth.access import current_couple, get_own_or_404, get_visible_or_404
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param, redirect_back
from hearth.questions import selectors, services
from hearth.questions.forms import AnswerForm, AnswerReplyForm, FeltHeardForm
from hearth.questions.models import Answer, AnswerReply, DailyQuestion


def card_context(user, view, *, answer_form=None, reply_form=None, error=None) -> dict:
    """What questions/partials/question_card.html needs (also used by the home page)."""
    mine = view.mine
    return {
        "qv": view,
        "answer_form": answer_form
        or AnswerForm(initial={"text": mine.text if mine and not mine.passed else ""}),
        "reply_form": reply_form or AnswerReplyForm(),
        "error": error,
    }


def _render_question(
    request, question, *, answer_form=None, reply_form=None, error=None, status=200
):
    view = selectors.question_view(question, request.user)
    if view.mine is not None:
        services.replies_mark_seen(answer=view.mine, viewer=request.user)
    context = card_context(
        request.user, view, answer_form=answer_form, reply_form=reply_form, error=error
    )
    template = "questions/partials/question_card.html" if request.htmx else "questions/detail.html"
    return render(request, template, context, status=status)


@login_required
@require_GET
def today(request):
    couple = current_couple(request.user)
    if couple is None:
        messages.info(request, "The daily question starts once you're paired.")
        return redirect("couples:pairing")
    question = services.question_for_today(couple=couple)
    return redirect("questions:detail", public_id=question.public_id)


@login_required
@require_GET
def detail(request, public_id):
    question = get_visible_or_404(DailyQuestion.objects.all(), request.user, public_id=public_id)
    return _render_question(request, question)


@login_required
@require_POST
def answer(request, public_id):
    question = get_visible_or_404(DailyQuestion.objects.all(), request.user, public_id=public_id)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render_question(request, question, answer_form=form, status=INVALID)
    try:
        services.answer_submit(
            daily_question=question, author=request.user, text=form.cleaned_data["text"]
        )
    except ServiceError as exc:
        return _render_question(
            request, question, answer_form=form, error=exc.message, status=INVALID
        )
    if request.htmx:
        return _render_question(request, question)
    return redirect_back(request, reverse("questions:detail", args=[public_id]))


@login_required
@require_POST
def pass_today(request, public_id):
    question = get_visible_or_404(DailyQuestion.objects.all(), request.user, public_id=public_id)
    try:
        services.answer_pass(daily_question=question, author=request.user)
    except ServiceError as exc:
        return _render_question(request, question, error=exc.message, status=INVALID)
    if request.htmx:
        return _render_question(request, question)
    messages.info(request, "That's fine. Not today is always an option.")
    return redirect_back(request, reverse("questions:detail", args=[public_id]))


@login_required
@require_POST
def delete_answer(request, public_id):
    question = get_visible_or_404(DailyQuestion.objects.all(), request.user, public_id=public_id)
    mine = get_own_or_404(Answer.objects.all(), request.user, daily_question=question)
    services.answer_delete(answer=mine, author=request.user)
    if request.htmx:
        return _render_question(request, question)
    messages.success(request, "Your answer is deleted.")
    return redirect_back(request, reverse("questions:detail", args=[public_id]))


@login_required
@require_POST
def reply(request, public_id):
    answer_obj = get_visible_or_404(
        Answer.objects.select_related("daily_question"), request.user, public_id=public_id
    )
    question = answer_obj.daily_question
    form = AnswerReplyForm(request.POST)
    if not form.is_valid():
        return _render_question(request, question, reply_form=form, status=INVALID)
    try:
        services.answer_reply(
            answer=answer_obj, author=request.user, text=form.cleaned_data["text"]
        )
    except ServiceError as exc:
        return _render_question(
            request, question, reply_form=form, error=exc.message, status=INVALID
        )
    if request.htmx:
        return _render_question(request, question)
    return redirect_back(request, reverse("questions:detail", args=[question.public_id]))


@login_required
@require_POST
def felt_heard(request, public_id):
    reply_obj = get_visible_or_404(
        AnswerReply.objects.select_related("answer__daily_question"),
        request.user,
        public_id=public_id,
    )
    question = reply_obj.answer.daily_question
    form = FeltHeardForm(request.POST)
    form.is_valid()
    try:
        services.reply_felt_heard(
            reply=reply_obj,
            person=request.user,
            felt_heard=form.cleaned_data.get("felt_heard", False),
        )
    except ServiceError as exc:
        return _render_question(request, question, error=exc.message, status=exc.status)
    if request.htmx:
        return _render_question(request, question)
    return redirect_back(request, reverse("questions:detail", args=[question.public_id]))


@login_required
@require_GET
def history(request):
    before = parse_uuid_param(request.GET.get("before"))
    views, next_before = selectors.history(request.user, before=before)
    return render(
        request,
        "questions/history.html",
        {"views": views, "next_before": next_before, "before": before},
    )
