from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hearth.demo.services import demo_ensure


class Command(BaseCommand):
    help = "Create the demo couple (alex@example.com, sam@example.com) with generated history."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="Days of history (default 90).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. The demo logins are public: never on a real server.",
        )

    def handle(self, *args, days, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to create the demo couple with DEBUG off: its password is public. "
                "Use --force if this really is a throwaway server."
            )
        if not 1 <= days <= 3650:
            raise CommandError("--days must be between 1 and 3650.")
        result = demo_ensure(days=days)
        added = ", ".join(f"{n} {what}" for what, n in result["added"].items())
        self.stdout.write(f"Demo couple ready (added: {added}).")
        self.stdout.write("Log in as either partner:")
        for email in result["people"]:
            self.stdout.write(f"  {email}  password: {result['password']}")
