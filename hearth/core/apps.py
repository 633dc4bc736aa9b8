from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hearth.core"
    label = "core"

    def ready(self):
        from hearth.core import checks, freshness  # noqa: F401  (registers checks and signals)
