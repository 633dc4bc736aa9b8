from django.urls import path

from hearth.appreciation import views

app_name = "appreciation"

urlpatterns = [
    path("appreciations/", views.index, name="index"),
    path("appreciations/cared-for/", views.cared_for, name="cared_for"),
    path("appreciations/<uuid:public_id>/", views.detail, name="detail"),
    path("appreciations/<uuid:public_id>/send/", views.send, name="send"),
    path("appreciations/<uuid:public_id>/react/", views.react, name="react"),
    path("appreciations/<uuid:public_id>/delete/", views.delete, name="delete"),
]
