from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def index(request):
    """Safety and privacy: the quick exit and its limits, and what Hearth keeps."""
    return render(request, "safety/index.html")
