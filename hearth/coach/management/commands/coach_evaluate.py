from django.core.management.base import BaseCommand

from hearth.coach.evaluation import SETS, run


class Command(BaseCommand):
    help = (
        "Measure the gentle start-up helper against its labelled evaluation sets: per category "
        "support, precision, recall and F1 at message level."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            dest="set_name",
            choices=[*SETS, "all"],
            default="dev",
            help="Which set to evaluate (default dev; tune rules on dev only).",
        )
        parser.add_argument(
            "--show-errors",
            action="store_true",
            help="Also list every misclassified message with expected and found categories.",
        )

    def handle(self, *args, set_name, show_errors, **options):
        self.stdout.write(run(set_name, show_errors=show_errors))
