from django.contrib import admin
from django.urls import include, path

from hearth.api import api

urlpatterns = [
    path("", include("hearth.home.urls")),
    path("", include("hearth.accounts.urls")),
    path("", include("hearth.couples.urls")),
    path("", include("hearth.checkins.urls")),
    path("", include("hearth.questions.urls")),
    path("", include("hearth.listening.urls")),
    path("", include("hearth.empathy.urls")),
    path("", include("hearth.deeptalk.urls")),
    path("", include("hearth.appreciation.urls")),
    path("", include("hearth.goodnews.urls")),
    path("", include("hearth.stateofus.urls")),
    path("", include("hearth.coach.urls")),
    path("", include("hearth.practices.urls")),
    path("", include("hearth.safety.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
