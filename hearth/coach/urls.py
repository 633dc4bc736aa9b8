from django.urls import path

from hearth.coach import views

app_name = "coach"

urlpatterns = [
    path("coach/", views.check, name="check"),
]
