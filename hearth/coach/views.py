from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from hearth.coach import CONTEXTS
from hearth.coach.feedback import feedback_for
from hearth.coach.forms import CheckForm


@login_required
@require_http_methods(["GET", "POST"])
def check(request):
    """Try your words. With htmx, only the feedback comes back (for a form's live hints).

    Nothing is stored: the text is read, described and forgotten.
    """
    form = CheckForm(request.POST if request.method == "POST" else None)
    feedback = None
    if request.method == "POST" and form.is_valid():
        context = form.cleaned_data.get("context") or "message"
        feedback = feedback_for(
            form.cleaned_data["text"], context if context in CONTEXTS else "message"
        )
    if request.htmx:
        errors, status = [], 200
        if request.method == "POST" and not form.is_valid():
            feedback = None
            # An empty box just clears the live hints; anything else says why it was refused.
            if not form.has_error("text", "required"):
                errors = [error for field in form.errors.values() for error in field]
                status = 422
        return render(
            request,
            "coach/partials/feedback.html",
            {"feedback": feedback, "errors": errors},
            status=status,
        )
    status = 422 if request.method == "POST" and not form.is_valid() else 200
    # `errors` is always set: at DEBUG, Django logs a missing variable with the whole
    # context, which holds the text.
    page = {"form": form, "feedback": feedback, "errors": []}
    return render(request, "coach/check.html", page, status=status)
