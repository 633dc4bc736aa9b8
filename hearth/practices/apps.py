from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "hearth.practices"
    label = "practices"
    verbose_name = "Reading about the practices"
