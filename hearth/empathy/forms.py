from django import forms

from hearth.core.feelings import FeelingPickerMixin
from hearth.empathy.models import SITUATION_MAX, VALIDATION_MAX


class PerspectiveForm(FeelingPickerMixin, forms.Form):
    situation = forms.CharField(
        label="What happened?",
        max_length=SITUATION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Describe the situation plainly, as a camera would have seen it: "
        "what happened, where, who said what. Keep your feelings for the list below.",
        error_messages={"required": "Describe the situation in a few sentences."},
    )
    action = forms.ChoiceField(
        choices=[("keep", "Keep it for later"), ("send", "Send it")],
        initial="keep",
        required=False,
    )


class GuessForm(FeelingPickerMixin, forms.Form):
    feelings_required_message = "Pick at least one feeling you think they had."


class ValidationForm(forms.Form):
    text = forms.CharField(
        label="Tell them why it makes sense",
        max_length=VALIDATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a few words first."},
    )
