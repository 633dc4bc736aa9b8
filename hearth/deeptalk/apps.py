from django.apps import AppConfig


class DeepTalkConfig(AppConfig):
    name = "hearth.deeptalk"
    label = "deeptalk"
    verbose_name = "Deep talk"
