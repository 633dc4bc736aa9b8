from django.urls import path

from hearth.couples import views

app_name = "couples"

urlpatterns = [
    path("pair/", views.pairing, name="pairing"),
    path("pair/invite/", views.invite, name="invite"),
    path("pair/invite/<uuid:public_id>/revoke/", views.revoke, name="revoke"),
    path("pair/invite/<uuid:public_id>/email/", views.email_invitation, name="email"),
    path("pair/code/", views.enter_code, name="enter_code"),
    path("pair/join/<str:token>/", views.join, name="join"),
    path("pair/join/<str:token>/answer/", views.respond, name="respond"),
    path("pair/accept/", views.accept, name="accept"),
    path("pair/notice/dismiss/", views.dismiss_notice, name="dismiss_notice"),
    path("settings/pairing/", views.couple_settings, name="settings"),
    path("settings/pairing/end/", views.unpair, name="unpair"),
]
