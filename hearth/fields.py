"""Model field that stores free text encrypted at rest.

The database only ever sees a Fernet token; Python code sees the plain text.
Encrypted columns cannot be searched or filtered on, which is the point.
Empty text is stored as an empty string so "no note" needs no decryption.
"""

from django.core import validators
from django.db import models

from hearth import crypto


class EncryptedTextField(models.TextField):
    description = "Text encrypted at rest with the project's encryption keys"

    def __init__(self, *args, max_length: int | None = None, **kwargs):
        # max_length limits the plain text; the stored token is longer.
        self.plain_max_length = max_length
        super().__init__(*args, **kwargs)
        if max_length is not None:
            self.validators.append(validators.MaxLengthValidator(max_length))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.plain_max_length is not None:
            kwargs["max_length"] = self.plain_max_length
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)

    def formfield(self, **kwargs):
        defaults = {"max_length": self.plain_max_length}
        defaults.update(kwargs)
        return super().formfield(**defaults)
