from django.urls import path

from hearth.goodnews import views

app_name = "goodnews"

urlpatterns = [
    path("good-news/", views.index, name="index"),
    path("good-news/<uuid:public_id>/", views.detail, name="detail"),
    path("good-news/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("good-news/<uuid:public_id>/felt/", views.felt, name="felt"),
    path("good-news/<uuid:public_id>/delete/", views.delete, name="delete"),
]
