from django.apps import AppConfig


class AppreciationConfig(AppConfig):
    name = "hearth.appreciation"
    label = "appreciation"
