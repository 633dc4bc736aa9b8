from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "hearth.coach"
    label = "coach"
    verbose_name = "Gentle start-up helper"
