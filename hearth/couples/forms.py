from django import forms

from hearth.accounts.forms import timezone_choices
from hearth.content import catalog
from hearth.couples.models import INVITATION_MESSAGE_MAX


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


class InviteForm(forms.Form):
    """Which words go with the invitation: one of the gentle ones, my own, or none."""

    choice = forms.ChoiceField(
        label="A few words to go with it",
        choices=lambda: (
            [(m.key, m.label) for m in catalog.invitation_messages]
            + [("own", "In my own words"), ("none", "No message, just the link")]
        ),
        widget=forms.RadioSelect,
        initial="curious",
        required=False,
    )
    own = forms.CharField(
        label="Your own words",
        max_length=INVITATION_MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Easy to say no to is the kindest kind of invitation.",
    )

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        own = (cleaned.get("own") or "").strip()
        if choice == "own" and not own:
            self.add_error("own", "Write your message, or pick one of the others.")
        if choice == "own":
            cleaned["message"] = own
        elif choice in catalog.invitation_message_by_key:
            cleaned["message"] = catalog.invitation_message_by_key[choice].text
        else:
            cleaned["message"] = ""
        return cleaned


class EmailInvitationForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        max_length=254,
        required=False,
        help_text="Hearth sends the link and your message, nothing else. At most once a week.",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class RespondForm(forms.Form):
    response = forms.ChoiceField(
        choices=[("not_now", "Not now"), ("declined", "No, thank you")],
        error_messages={"required": "Choose 'not now' or 'no, thank you'."},
    )
