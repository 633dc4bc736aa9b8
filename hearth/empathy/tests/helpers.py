"""Small helpers shared by the perspective-check tests."""

from django.urls import reverse

from hearth.core.feelings import FeelingChoice
from hearth.empathy.models import PerspectiveCheck, PerspectiveFeeling, Role
from hearth.empathy.services import perspective_guess, perspective_send
from hearth.testing import make_perspective


def choices(feelings: dict) -> list[FeelingChoice]:
    return [FeelingChoice(key, level) for key, level in feelings.items()]


def picker_data(feelings: dict) -> dict:
    """The feelings picker's form fields (feel_<key>, intensity_<key>) for these feelings."""
    data = {}
    for key, level in feelings.items():
        data[f"feel_{key}"] = "on"
        data[f"intensity_{key}"] = str(level)
    return data


def form_data(situation: str, feelings: dict, action: str = "keep") -> dict:
    return {"situation": situation, "action": action, **picker_data(feelings)}


def fresh(check) -> PerspectiveCheck:
    # build_world keeps the object from before it was sent; always read the row again.
    return PerspectiveCheck.objects.get(pk=check.pk)


def sent_check(sharer, situation: str, feelings: dict) -> PerspectiveCheck:
    return perspective_send(
        check=make_perspective(sharer, situation, feelings=feelings), sharer=sharer
    )


def guessed_check(sharer, guesser, situation: str, actual: dict, guess: dict):
    check = sent_check(sharer, situation, actual)
    return perspective_guess(check=check, guesser=guesser, feelings=choices(guess))


def stored_feelings(check, role=Role.ACTUAL) -> dict:
    rows = PerspectiveFeeling.objects.filter(perspective_id=check.pk, role=role)
    return dict(rows.values_list("feeling", "intensity"))


def url(name: str, check=None) -> str:
    return reverse(f"empathy:{name}", args=[check.public_id] if check is not None else [])
