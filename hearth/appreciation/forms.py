from django import forms

from hearth.appreciation.models import CARE_DETAIL_MAX, CARE_LABEL_MAX, MEANT_MAX, WHAT_MAX
from hearth.appreciation.services import WayIn
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


class CareWaysForm(forms.Form):
    """One place (1..n) and a few words for each way; the service checks the order."""

    def __init__(self, *args, ways=(), **kwargs):
        super().__init__(*args, **kwargs)
        kinds = catalog.care_ways
        places = [(str(n), str(n)) for n in range(1, len(kinds) + 1)]
        current = {w.kind: w for w in ways}
        for index, kind in enumerate(kinds, start=1):
            saved = current.get(kind.key)
            self.fields[f"rank_{kind.key}"] = forms.ChoiceField(
                label=f"Place for “{kind.label}”",
                choices=places,
                initial=str(saved.rank if saved else index),
                error_messages={"required": "Choose a place.", "invalid_choice": "Choose a place."},
            )
            if kind.key == "other":
                self.fields["label_other"] = forms.CharField(
                    label="What would you call it?",
                    max_length=CARE_LABEL_MAX,
                    required=False,
                    initial=saved.label if saved else "",
                )
            self.fields[f"detail_{kind.key}"] = forms.CharField(
                label=f"What “{kind.label.lower()}” looks like for you",
                max_length=CARE_DETAIL_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=kind.hint,
                initial=saved.detail if saved else "",
            )

    def rows(self):
        """The fields grouped per way, in the catalogue's order, for the template."""
        for kind in catalog.care_ways:
            yield {
                "kind": kind,
                "rank": self[f"rank_{kind.key}"],
                "label": self["label_other"] if kind.key == "other" else None,
                "detail": self[f"detail_{kind.key}"],
            }

    def ways(self):
        data = self.cleaned_data
        return [
            WayIn(
                kind=kind.key,
                rank=int(data[f"rank_{kind.key}"]),
                detail=data.get(f"detail_{kind.key}", ""),
                label=data.get("label_other", "") if kind.key == "other" else "",
            )
            for kind in catalog.care_ways
        ]
