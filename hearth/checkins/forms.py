from django import forms

from hearth.access import Visibility
from hearth.checkins.models import NEED_WORDS_MAX, NOTE_MAX, REPLY_MAX
from hearth.checkins.services import MAX_FEELINGS, FeelingChoice
from hearth.content import catalog

INTENSITY_CHOICES = [
    (1, "1 · a little"),
    (2, "2"),
    (3, "3 · clearly"),
    (4, "4"),
    (5, "5 · a lot"),
]
CLOSENESS_CHOICES = [(n, str(n)) for n in range(1, 8)]


class CheckInForm(forms.Form):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for group in catalog.feeling_groups:
            for feeling in group.feelings:
                self.fields[f"feel_{feeling.key}"] = forms.BooleanField(
                    label=feeling.label, required=False
                )
                self.fields[f"intensity_{feeling.key}"] = forms.TypedChoiceField(
                    label=f"How strongly {feeling.label}",
                    choices=INTENSITY_CHOICES,
                    coerce=int,
                    initial=3,
                    required=False,
                    widget=forms.Select(attrs={"class": "intensity"}),
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
        for feeling in checkin.feelings.all():
            initial[f"feel_{feeling.feeling}"] = True
            initial[f"intensity_{feeling.feeling}"] = feeling.intensity
        return initial

    def feeling_groups(self):
        """For the template: groups with their (feeling, checkbox, intensity) rows."""
        for group in catalog.feeling_groups:
            rows = [
                (feeling, self[f"feel_{feeling.key}"], self[f"intensity_{feeling.key}"])
                for feeling in group.feelings
            ]
            chosen = any(checkbox.value() for _, checkbox, _ in rows)
            yield group, rows, chosen

    def clean(self):
        cleaned = super().clean()
        chosen = []
        for feeling in catalog.feeling_by_key.values():
            if cleaned.get(f"feel_{feeling.key}"):
                intensity = cleaned.get(f"intensity_{feeling.key}") or 3
                chosen.append(FeelingChoice(feeling=feeling.key, intensity=intensity))
        if not chosen:
            self.add_error(None, "Pick at least one feeling word.")
        elif len(chosen) > MAX_FEELINGS:
            self.add_error(None, f"Pick at most {MAX_FEELINGS} feeling words.")
        cleaned["feelings"] = chosen
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
