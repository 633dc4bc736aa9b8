from django import forms

from hearth.accounts.forms import timezone_choices


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=20,
        help_text="Eight letters and numbers, like ABCD-2345. Dashes and spaces are fine.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": "Type the code your partner gave you."},
    )


class AcceptForm(forms.Form):
    code = forms.CharField(required=False, max_length=20)
    token = forms.CharField(required=False, max_length=64)
    confirm = forms.BooleanField(
        label="Yes, pair us",
        error_messages={"required": "Tick the box to confirm you want to pair."},
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("code") and not cleaned.get("token"):
            raise forms.ValidationError("This confirmation has no invitation in it.")
        return cleaned


class UnpairForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, end our pairing now",
        error_messages={"required": "Tick the box to confirm."},
    )


class CoupleTimezoneForm(forms.Form):
    timezone = forms.ChoiceField(
        label="Our shared day follows this time zone",
        choices=timezone_choices,
        help_text="The daily question changes at midnight here.",
    )
