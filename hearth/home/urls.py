from django.urls import path

from hearth.home import views

urlpatterns = [
    path("", views.home, name="home"),
    path("ping", views.ping, name="ping"),
]
