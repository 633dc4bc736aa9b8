from django import forms

from hearth.content import catalog
from hearth.goodnews.models import NEWS_MAX, REPLY_MAX


class ShareForm(forms.Form):
    text = forms.CharField(
        label="What's the good news?",
        max_length=NEWS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Big or small: a kind word at work, a test result, the first tomato of summer.",
        error_messages={"required": "Write the good news first, big or small."},
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a few words back first."},
    )


class FeltForm(forms.Form):
    felt = forms.ChoiceField(
        choices=lambda: [("", "none"), *((f.key, f.label) for f in catalog.good_news_felt)],
        required=False,
    )
