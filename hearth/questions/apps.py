from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "hearth.questions"
    label = "questions"
