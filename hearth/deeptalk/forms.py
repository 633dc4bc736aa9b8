from django import forms

from hearth.deeptalk.models import ANSWER_MAX, Mode


class StartForm(forms.Form):
    mode = forms.ChoiceField(
        label="How will you do it?",
        choices=Mode.choices,
        initial=Mode.APART,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose apart or together."},
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only you can see it until your partner has answered too.",
        error_messages={
            "required": "Write your answer, or skip this one: that's always fine.",
            "max_length": f"An answer can be at most {ANSWER_MAX} characters; yours has "
            "%(show_value)d.",
        },
    )
