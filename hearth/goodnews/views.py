from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.access import get_own_or_404, get_visible_or_404
from hearth.content import catalog
from hearth.core.errors import ServiceError
from hearth.core.http import INVALID, parse_uuid_param
from hearth.goodnews import selectors, services
from hearth.goodnews.forms import FeltForm, ReplyForm, ShareForm
from hearth.goodnews.models import GoodNews


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = ShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            news = services.good_news_share(author=request.user, text=form.cleaned_data["text"])
        except ServiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Shared. It's waiting for them here.")
            return redirect("goodnews:detail", public_id=news.public_id)
    items, next_before = selectors.news_list(
        request.user, before=parse_uuid_param(request.GET.get("before"))
    )
    status = INVALID if request.method == "POST" else 200
    return render(
        request,
        "goodnews/index.html",
        {"form": form, "items": items, "next_before": next_before},
        status=status,
    )


def _detail(request, news, *, reply_form=None, error=None, status=200):
    context = {
        "news": news,
        "mine": news.author_id == request.user.pk,
        "reply_form": reply_form or ReplyForm(),
        "ways": catalog.good_news_ways,
        "felt_options": catalog.good_news_felt,
        "error": error,
    }
    return render(request, "goodnews/detail.html", context, status=status)


def _visible(request, public_id) -> GoodNews:
    return get_visible_or_404(selectors.news_queryset(), request.user, public_id=public_id)


@login_required
def detail(request, public_id):
    return _detail(request, _visible(request, public_id))


@login_required
@require_POST
def reply(request, public_id):
    news = _visible(request, public_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _detail(request, news, reply_form=form, status=INVALID)
    try:
        services.good_news_reply(news=news, author=request.user, text=form.cleaned_data["text"])
    except ServiceError as exc:
        return _detail(request, news, reply_form=form, error=exc.message, status=INVALID)
    messages.success(request, "Sent.")
    return redirect("goodnews:detail", public_id=public_id)


@login_required
@require_POST
def felt(request, public_id):
    news = _visible(request, public_id)
    form = FeltForm(request.POST)
    error = None if form.is_valid() else "Choose one of the options."
    if error is None:
        try:
            services.good_news_felt(news=news, author=request.user, felt=form.cleaned_data["felt"])
        except ServiceError as exc:
            error = exc.message
    if error:
        return _detail(request, news, error=error, status=INVALID)
    return redirect("goodnews:detail", public_id=public_id)


@login_required
@require_POST
def delete(request, public_id):
    news = get_own_or_404(GoodNews.objects.all(), request.user, public_id=public_id)
    services.good_news_delete(news=news, author=request.user)
    messages.success(request, "Deleted.")
    return redirect("goodnews:index")
