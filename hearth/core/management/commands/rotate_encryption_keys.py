from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F, TextField, Value
from django.db.models.functions import Cast

from hearth import crypto
from hearth.fields import EncryptedTextField

BATCH = 500


def encrypted_fields():
    """(model, [field names]) for every model with encrypted text."""
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


class Command(BaseCommand):
    help = (
        "Re-encrypt all stored text with the newest key in HEARTH_ENCRYPTION_KEYS. "
        "Safe to run again; afterwards older keys can be removed from the setting."
    )

    def handle(self, *args, **options):
        total = 0
        for model, names in encrypted_fields():
            rotated = self.rotate_model(model, names)
            total += rotated
            label = model._meta.label
            self.stdout.write(f"{label}: {rotated} value(s) re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} value(s) re-encrypted."))

    def rotate_model(self, model, names) -> int:
        # Read the raw tokens (a Cast skips the field's decryption), rotate the
        # ones made with an older key, and write the new tokens back unchanged.
        raw = {f"raw_{name}": Cast(F(name), output_field=TextField()) for name in names}
        rotated = 0
        last_pk = 0
        while True:
            rows = list(
                model._base_manager.filter(pk__gt=last_pk)
                .order_by("pk")
                .annotate(**raw)
                .values("pk", *raw)[:BATCH]
            )
            if not rows:
                return rotated
            last_pk = rows[-1]["pk"]
            with transaction.atomic():
                for row in rows:
                    changes = {}
                    for name in names:
                        token = row[f"raw_{name}"]
                        if token and not crypto.is_current(token):
                            changes[name] = crypto.rotate(token)
                    if changes:
                        # A plain-text Value skips the field's encryption: the token is final.
                        model._base_manager.filter(pk=row["pk"]).update(
                            **{
                                name: Value(token, output_field=TextField())
                                for name, token in changes.items()
                            }
                        )
                        rotated += len(changes)
