from django import forms

from hearth.questions.models import ANSWER_MAX, REPLY_MAX


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Sealed: your partner sees it only after answering too.",
        error_messages={"required": "Write an answer, or choose 'Not today'."},
    )


class AnswerReplyForm(forms.Form):
    text = forms.CharField(
        label="Reply to your partner",
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write a reply first."},
    )


class FeltHeardForm(forms.Form):
    felt_heard = forms.BooleanField(required=False)
