from django.urls import path

from hearth.checkins import views

app_name = "checkins"

urlpatterns = [
    path("checkin/", views.today, name="today"),
    path("checkins/", views.history, name="history"),
    path("checkins/<uuid:public_id>/", views.detail, name="detail"),
    path("checkins/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("checkins/<uuid:public_id>/react/", views.react, name="react"),
    path("checkins/<uuid:public_id>/delete/", views.delete, name="delete"),
]
