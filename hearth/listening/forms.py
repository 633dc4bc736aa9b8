from django import forms

from hearth.coach.feedback import coach_attrs
from hearth.content import catalog
from hearth.listening.models import (
    CORRECTION_MAX,
    PIECE_MAX,
    QUESTION_MAX,
    REFLECTION_MAX,
    TOPIC_MAX,
    Mode,
)
from hearth.listening.services import TIMER_CHOICES


class StartForm(forms.Form):
    topic_idea = forms.ChoiceField(
        label="Pick a gentle topic…",
        required=False,
        choices=lambda: (
            [("", "(none: I'll write my own)")]
            + [(t.key, t.text) for t in catalog.listening_topics]
        ),
    )
    topic = forms.CharField(
        label="…or write your own",
        max_length=TOPIC_MAX,
        required=False,
        help_text="A few words are enough, for example: how this week felt for me.",
    )
    mode = forms.ChoiceField(
        label="How will you do it?",
        choices=Mode.choices,
        initial=Mode.APART,
        widget=forms.RadioSelect,
    )
    timer_minutes = forms.TypedChoiceField(
        label="A timer for each turn (together only)",
        choices=[(n, f"{n} minutes" if n else "No timer") for n in TIMER_CHOICES],
        coerce=int,
        initial=0,
    )

    def clean(self):
        cleaned = super().clean()
        idea = cleaned.get("topic_idea")
        text = (cleaned.get("topic") or "").strip()
        if not text and idea:
            text = next(t.text for t in catalog.listening_topics if t.key == idea)
        if not text:
            self.add_error("topic", "Pick a topic idea or write your own.")
        cleaned["topic"] = text
        return cleaned


class _StepForm(forms.Form):
    """Each step's fields get their own ids: htmx keeps attributes of same-id elements."""

    id_prefix = "step"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class PieceForm(_StepForm):
    id_prefix = "piece"
    text = forms.CharField(
        label="What you want your partner to hear",
        max_length=PIECE_MAX,
        required=False,
        widget=forms.Textarea(attrs=coach_attrs("coach-piece", "message", "piece_text")),
        help_text=f"One short piece (up to {PIECE_MAX} characters), about you: "
        "start with “I”, say how it is for you.",
        error_messages={
            "max_length": f"A piece can be at most {PIECE_MAX} characters; yours has "
            "%(show_value)d. Shorter pieces are easier to hear: try saying part of it now."
        },
    )


class ReflectionForm(_StepForm):
    id_prefix = "reflection"

    text = forms.CharField(
        label="What I heard is…",
        max_length=REFLECTION_MAX,
        required=False,
        widget=forms.Textarea(
            attrs=coach_attrs("coach-reflection", "paraphrase", "reflection_text")
        ),
        help_text="Say back what you heard, in your own words. No advice, no rebuttal: "
        "your turn to speak comes later.",
    )
    question = forms.CharField(
        label="One question to understand better (optional)",
        max_length=QUESTION_MAX,
        required=False,
    )


class VerdictForm(_StepForm):
    id_prefix = "verdict"

    got_it = forms.TypedChoiceField(
        choices=[("yes", "You got it"), ("no", "Not quite")],
        coerce=lambda value: value == "yes",
        error_messages={"required": "Say whether it landed."},
    )
    correction = forms.CharField(
        label="What was missed (optional)",
        max_length=CORRECTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
