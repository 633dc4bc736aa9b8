from django.urls import path

from hearth.practices import views

app_name = "practices"

urlpatterns = [
    path("practices/", views.index, name="index"),
    path("practices/<slug:key>/", views.guide, name="guide"),
]
