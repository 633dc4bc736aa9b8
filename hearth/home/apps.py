from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "hearth.home"
    label = "home"
