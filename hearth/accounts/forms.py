from django import forms

from hearth.accounts.models import Depth, User, timezone_names


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
