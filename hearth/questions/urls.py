from django.urls import path

from hearth.questions import views

app_name = "questions"

urlpatterns = [
    path("questions/", views.history, name="history"),
    path("questions/today/", views.today, name="today"),
    path("questions/<uuid:public_id>/", views.detail, name="detail"),
    path("questions/<uuid:public_id>/answer/", views.answer, name="answer"),
    path("questions/<uuid:public_id>/pass/", views.pass_today, name="pass"),
    path("questions/<uuid:public_id>/answer/delete/", views.delete_answer, name="delete_answer"),
    path("questions/answers/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("questions/replies/<uuid:public_id>/felt-heard/", views.felt_heard, name="felt_heard"),
]
