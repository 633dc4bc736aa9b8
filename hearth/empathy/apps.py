from django.apps import AppConfig


class EmpathyConfig(AppConfig):
    name = "hearth.empathy"
    label = "empathy"
