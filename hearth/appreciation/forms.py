from django import forms

from hearth.appreciation.models import MEANT_MAX, WHAT_MAX
from hearth.content import catalog


class AppreciationForm(forms.Form):
    what = forms.CharField(
        label="What did they do?",
        max_length=WHAT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One moment, in detail: when, what they did or said. "
        "“You made me tea on Tuesday when I was late” lands more than “you're great”.",
        error_messages={
            "required": "Say what they did: one moment, as plainly as you'd tell a friend."
        },
    )
    meant = forms.CharField(
        label="What did it mean to you?",
        max_length=MEANT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="How it felt, or what it showed you about them. "
        "Optional, and often the best part.",
    )
    action = forms.ChoiceField(
        choices=[("keep", "Keep it to send later"), ("send", "Send it now")],
        initial="keep",
        required=False,
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(
        choices=lambda: [("", "none"), *((r.key, r.label) for r in catalog.appreciation_reactions)],
        required=False,
    )
