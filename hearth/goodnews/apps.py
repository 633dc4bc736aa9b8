from django.apps import AppConfig


class GoodNewsConfig(AppConfig):
    name = "hearth.goodnews"
    label = "goodnews"
