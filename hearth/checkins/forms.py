from django import forms

from hearth.access import Visibility
from hearth.checkins.models import NEED_WORDS_MAX, NOTE_MAX, REPLY_MAX
from hearth.content import catalog
from hearth.core.feelings import FeelingPickerMixin

CLOSENESS_CHOICES = [(n, str(n)) for n in range(1, 8)]


class CheckInForm(FeelingPickerMixin, forms.Form):
    """The daily check-in. Feeling fields are made from the feelings list."""

    closeness = forms.TypedChoiceField(
        label="How close do you feel to your partner today?",
        choices=CLOSENESS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how close you feel, from 1 to 7."},
    )
    need = forms.ChoiceField(
        label="What do you need today?",
        choices=lambda: [(n.key, n.label) for n in catalog.needs],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you need today."},
    )
    need_words = forms.CharField(
        label="In your own words",
        max_length=NEED_WORDS_MAX,
        required=False,
    )
    note = forms.CharField(
        label="A note (optional)",
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Anything you'd like to add. Up to {NOTE_MAX} characters.",
    )
    visibility = forms.ChoiceField(
        label="Who can see this check-in?",
        choices=[
            (Visibility.SHARED, "My partner and me"),
            (Visibility.PRIVATE, "Only me"),
        ],
        initial=Visibility.SHARED,
        widget=forms.RadioSelect,
    )

    @classmethod
    def initial_from(cls, checkin) -> dict:
        initial = {
            "closeness": checkin.closeness,
            "need": checkin.need,
            "need_words": checkin.need_words,
            "note": checkin.note,
            "visibility": checkin.visibility,
        }
        initial.update(cls.feelings_initial(checkin.feelings.all()))
        return initial

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("need") == "own_words" and not (cleaned.get("need_words") or "").strip():
            self.add_error("need_words", "Write what you need in your own words.")
        return cleaned


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your reply",
        max_length=REPLY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write a short reply first."},
    )


class ReactionForm(forms.Form):
    reaction = forms.ChoiceField(
        choices=lambda: [("", "none"), *((r.key, r.label) for r in catalog.reactions)],
        required=False,
    )
