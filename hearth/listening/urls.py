from django.urls import path

from hearth.listening import views

app_name = "listening"

urlpatterns = [
    path("listening/", views.index, name="index"),
    path("listening/<uuid:public_id>/", views.session, name="session"),
    path("listening/<uuid:public_id>/say/", views.say, name="say"),
    path("listening/<uuid:public_id>/reflect/", views.reflect, name="reflect"),
    path("listening/<uuid:public_id>/verdict/", views.verdict, name="verdict"),
    path("listening/<uuid:public_id>/pass/", views.pass_floor, name="pass"),
    path("listening/<uuid:public_id>/time-out/", views.time_out, name="time_out"),
    path("listening/<uuid:public_id>/resume/", views.resume, name="resume"),
    path("listening/<uuid:public_id>/end/", views.end, name="end"),
    path(
        "listening/<uuid:public_id>/understood/<uuid:piece_id>/",
        views.understood,
        name="understood",
    ),
]
