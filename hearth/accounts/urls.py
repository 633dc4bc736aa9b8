from django.urls import path

from hearth.accounts import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.settings_profile, name="settings"),
    path("settings/pace/", views.settings_pace, name="pace"),
    path("settings/tokens/", views.tokens, name="tokens"),
    path("settings/tokens/<uuid:public_id>/revoke/", views.token_revoke, name="token_revoke"),
]
