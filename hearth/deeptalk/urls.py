from django.urls import path

from hearth.deeptalk import views

app_name = "deeptalk"

urlpatterns = [
    path("deep-talk/", views.index, name="index"),
    path("deep-talk/<uuid:public_id>/", views.talk, name="talk"),
    path("deep-talk/<uuid:public_id>/pause/", views.pause, name="pause"),
    path("deep-talk/<uuid:public_id>/resume/", views.resume, name="resume"),
    path("deep-talk/<uuid:public_id>/end/", views.end, name="end"),
    path("deep-talk/<uuid:public_id>/<uuid:item_id>/answer/", views.answer, name="answer"),
    path("deep-talk/<uuid:public_id>/<uuid:item_id>/tick/", views.tick, name="tick"),
    path("deep-talk/<uuid:public_id>/<uuid:item_id>/skip/", views.skip, name="skip"),
]
