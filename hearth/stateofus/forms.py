from django import forms

from hearth.stateofus.models import NOTE_MAX, Step
from hearth.stateofus.services import DURATIONS

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


class NoteForm(forms.Form):
    step = forms.ChoiceField(choices=Step.choices, widget=forms.HiddenInput)
    text = forms.CharField(
        label="Your note",
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Write a few words first.",
            "max_length": f"A note can be at most {NOTE_MAX} characters; yours has %(show_value)d.",
        },
    )


class MeetingTimeForm(forms.Form):
    weekday = forms.TypedChoiceField(label="Day", choices=WEEKDAYS, coerce=int, initial=6)
    at = forms.TimeField(
        label="Time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H:%M:%S"],
        initial="19:00",
        error_messages={"required": "Choose a time.", "invalid": "Write the time as HH:MM."},
    )
    minutes = forms.TypedChoiceField(
        label="For about",
        choices=[(n, f"{n} minutes") for n in DURATIONS],
        coerce=int,
        initial=30,
    )
