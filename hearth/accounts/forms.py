from django import forms

from hearth.accounts.models import (
    WEEKDAYS,
    Depth,
    Pace,
    User,
    days_to_mask,
    mask_to_days,
    timezone_names,
)


def timezone_choices():
    return [(name, name.replace("_", " ")) for name in timezone_names()]


class ProfileFieldsMixin(forms.Form):
    display_name = forms.CharField(
        label="Your name",
        max_length=40,
        help_text="What your partner will see. A first name or nickname is plenty.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    pronouns = forms.CharField(
        label="Pronouns (optional)",
        max_length=30,
        required=False,
        help_text="For example: she/her, he/him, they/them.",
    )
    timezone = forms.ChoiceField(
        label="Your time zone",
        choices=timezone_choices,
        initial="UTC",
        help_text="Your day starts at midnight here. We guess it from your browser.",
        widget=forms.Select(attrs={"data-guess-timezone": "true"}),
    )
    comfort_level = forms.ChoiceField(
        label="How personal may questions get?",
        choices=Depth.choices,
        initial=Depth.LIGHT,
        widget=forms.RadioSelect,
        help_text="You can change this any time. Questions never go deeper than "
        "the lower level of the two of you.",
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError("Please enter a name.")
        return name

    def clean_pronouns(self):
        return " ".join(self.cleaned_data["pronouns"].split())


class ProfileSignupForm(ProfileFieldsMixin):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    def signup(self, request, user):
        for field in ("display_name", "pronouns", "timezone", "comfort_level"):
            setattr(user, field, self.cleaned_data[field])
        user.save(update_fields=["display_name", "pronouns", "timezone", "comfort_level"])


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "timezone", "comfort_level"]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Name for this token",
        max_length=60,
        help_text="So you can recognise it later, for example 'my script'.",
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please give the token a name.")
        return name


class PaceForm(forms.Form):
    comfort_level = forms.ChoiceField(
        label="How personal may questions get?",
        choices=Depth.choices,
        widget=forms.RadioSelect,
        help_text="For the daily question and deep talk. They never go deeper than the "
        "lower level of the two of you, and your partner isn't told which of you set it.",
    )
    pace = forms.ChoiceField(
        label="How often should Hearth suggest something to try?",
        choices=Pace.choices,
        widget=forms.RadioSelect,
        help_text="When you two differ, Hearth goes at the slower pace.",
    )
    quiet_days = forms.MultipleChoiceField(
        label="Quiet days: no suggestions at all",
        choices=[(day, day.capitalize()) for day in WEEKDAYS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="On a quiet day of either of you, Hearth suggests nothing to either of you. "
        "Everything still works if you go looking.",
    )

    @classmethod
    def initial_for(cls, user: User) -> dict:
        return {
            "comfort_level": user.comfort_level,
            "pace": user.pace,
            "quiet_days": mask_to_days(user.quiet_days),
        }

    def fields_to_save(self) -> dict:
        data = self.cleaned_data
        return {
            "comfort_level": data["comfort_level"],
            "pace": data["pace"],
            "quiet_days": days_to_mask(data["quiet_days"]),
        }
