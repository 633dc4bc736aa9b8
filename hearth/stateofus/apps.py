from django.apps import AppConfig


class StateOfUsConfig(AppConfig):
    name = "hearth.stateofus"
    label = "stateofus"
    verbose_name = "State of us"
