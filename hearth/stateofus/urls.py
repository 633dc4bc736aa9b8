from django.urls import path

from hearth.stateofus import views

app_name = "stateofus"

urlpatterns = [
    path("state-of-us/", views.index, name="index"),
    path("state-of-us/time/", views.time_set, name="time_set"),
    path("state-of-us/time.ics", views.time_ics, name="time_ics"),
    path("state-of-us/<uuid:public_id>/", views.meeting, name="meeting"),
    path("state-of-us/<uuid:public_id>/notes/", views.note_add, name="note_add"),
    path(
        "state-of-us/<uuid:public_id>/notes/<uuid:note_id>/delete/",
        views.note_delete,
        name="note_delete",
    ),
    path("state-of-us/<uuid:public_id>/close/", views.close, name="close"),
]
