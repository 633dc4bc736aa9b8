"""Choosing feeling words with intensities: shared by the check-in and the perspective check."""

from dataclasses import dataclass

from django import forms

from hearth.content import catalog

MAX_FEELINGS = 6
INTENSITY_CHOICES = [
    (1, "1 · a little"),
    (2, "2"),
    (3, "3 · clearly"),
    (4, "4"),
    (5, "5 · a lot"),
]


@dataclass(frozen=True)
class FeelingChoice:
    feeling: str
    intensity: int


def clean_feelings(feelings: list[FeelingChoice]) -> list[FeelingChoice]:
    """Check a list of chosen feelings; raise ServiceError with a clear message."""
    from hearth.core.errors import ServiceError

    if not feelings:
        raise ServiceError("Pick at least one feeling word.", code="no_feelings")
    if len(feelings) > MAX_FEELINGS:
        raise ServiceError(f"Pick at most {MAX_FEELINGS} feeling words.", code="too_many")
    seen = set()
    for choice in feelings:
        if choice.feeling not in catalog.feeling_by_key:
            raise ServiceError(f"'{choice.feeling}' is not on the feelings list.", code="unknown")
        if choice.feeling in seen:
            raise ServiceError("Each feeling can be picked once.", code="duplicate")
        if not 1 <= choice.intensity <= 5:
            raise ServiceError("Intensity goes from 1 (a little) to 5 (a lot).", code="range")
        seen.add(choice.feeling)
    return feelings


class FeelingPickerMixin(forms.Form):
    """Adds a checkbox and an intensity for every word on the feelings list.

    Render with templates/includes/feelings_picker.html; the chosen feelings are
    in cleaned_data["feelings"] as FeelingChoice items.
    """

    feelings_required_message = "Pick at least one feeling word."

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

    @staticmethod
    def feelings_initial(feelings) -> dict:
        """Initial data from stored rows that have .feeling and .intensity."""
        initial = {}
        for row in feelings:
            initial[f"feel_{row.feeling}"] = True
            initial[f"intensity_{row.feeling}"] = row.intensity
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
            self.add_error(None, self.feelings_required_message)
        elif len(chosen) > MAX_FEELINGS:
            self.add_error(None, f"Pick at most {MAX_FEELINGS} feeling words.")
        cleaned["feelings"] = chosen
        return cleaned
