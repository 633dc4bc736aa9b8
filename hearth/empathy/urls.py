from django.urls import path

from hearth.empathy import views

app_name = "empathy"

urlpatterns = [
    path("perspective/", views.index, name="index"),
    path("perspective/new/", views.new, name="new"),
    path("perspective/<uuid:public_id>/", views.detail, name="detail"),
    path("perspective/<uuid:public_id>/edit/", views.edit, name="edit"),
    path("perspective/<uuid:public_id>/send/", views.send, name="send"),
    path("perspective/<uuid:public_id>/guess/", views.guess, name="guess"),
    path("perspective/<uuid:public_id>/validate/", views.validate, name="validate"),
    path("perspective/<uuid:public_id>/delete/", views.delete, name="delete"),
]
