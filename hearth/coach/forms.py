from django import forms

from hearth.coach.feedback import TEXT_MAX


class CheckForm(forms.Form):
    text = forms.CharField(
        label="What would you like to say?",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write something to check first."},
    )
    context = forms.ChoiceField(
        label="It is",
        choices=[
            ("message", "Something I want to raise"),
            ("paraphrase", "What I heard my partner say"),
        ],
        initial="message",
        widget=forms.RadioSelect,
        required=False,
    )
