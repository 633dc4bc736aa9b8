from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hearth.access import current_couple
from hearth.content import catalog
from hearth.practices.activities import BY_PRACTICE


@require_GET
def index(request):
    rows = [(p, BY_PRACTICE.get(p.key, ())) for p in catalog.practices]
    return render(request, "practices/index.html", {"rows": rows})


@require_GET
def guide(request, key):
    practice = catalog.practice_by_key.get(key)
    if practice is None:
        raise Http404("No such practice")
    paired = current_couple(request.user) is not None
    activities = [a for a in BY_PRACTICE.get(key, ()) if paired or a.solo]
    return render(
        request,
        "practices/guide.html",
        {
            "practice": practice,
            "guide": catalog.practice_guide_by_key[key],
            "activities": activities,
            "waiting_for_partner": [a for a in BY_PRACTICE.get(key, ()) if not a.solo],
        },
    )
