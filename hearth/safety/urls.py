from django.urls import path

from hearth.safety import views

app_name = "safety"

urlpatterns = [
    path("safety/", views.index, name="index"),
]
