from typing import Literal

from ninja import Router, Schema

from hearth.content import catalog
from hearth.core.api import responses

router = Router(tags=["content"])


class ContentFeelingOut(Schema):
    key: str
    label: str


class FeelingGroupOut(Schema):
    key: str
    label: str
    tone: Literal["pleasant", "unpleasant", "mixed"]
    feelings: list[ContentFeelingOut]


class ContentChoiceOut(Schema):
    key: str
    label: str


@router.get(
    "/feelings",
    response=responses(200, list[FeelingGroupOut]),
    operation_id="content_feelings",
    summary="The feelings list, grouped",
)
def content_feelings(request):
    return [
        {
            "key": g.key,
            "label": g.label,
            "tone": g.tone,
            "feelings": [{"key": f.key, "label": f.label} for f in g.feelings],
        }
        for g in catalog.feeling_groups
    ]


@router.get(
    "/needs",
    response=responses(200, list[ContentChoiceOut]),
    operation_id="content_needs",
    summary="What someone may need today",
)
def content_needs(request):
    return [{"key": n.key, "label": n.label} for n in catalog.needs]


@router.get(
    "/reactions",
    response=responses(200, list[ContentChoiceOut]),
    operation_id="content_reactions",
    summary="Reactions to a check-in",
)
def content_reactions(request):
    return [{"key": r.key, "label": r.label} for r in catalog.reactions]


@router.get(
    "/appreciation-reactions",
    response=responses(200, list[ContentChoiceOut]),
    operation_id="content_appreciation_reactions",
    summary="Reactions to an appreciation",
)
def content_appreciation_reactions(request):
    return [{"key": r.key, "label": r.label} for r in catalog.appreciation_reactions]


@router.get(
    "/care-ways",
    response=responses(200, list[ContentChoiceOut]),
    operation_id="content_care_ways",
    summary="The ways of feeling cared for, to put in order",
)
def content_care_ways(request):
    return [{"key": w.key, "label": w.label} for w in catalog.care_ways]


@router.get(
    "/listening-topics",
    response=responses(200, list[ContentChoiceOut]),
    operation_id="content_listening_topics",
    summary="Gentle topic ideas for a listening session",
)
def content_listening_topics(request):
    return [{"key": t.key, "label": t.text} for t in catalog.listening_topics]


class ResponseWayOut(Schema):
    key: str
    label: str
    about: str
    examples: list[str]


class GoodNewsGuideOut(Schema):
    ways: list[ResponseWayOut]
    felt: list[ContentChoiceOut]


@router.get(
    "/good-news",
    response=responses(200, GoodNewsGuideOut),
    operation_id="content_good_news",
    summary="How to answer good news, and how an answer can feel",
)
def content_good_news(request):
    return {
        "ways": [
            {"key": w.key, "label": w.label, "about": w.about, "examples": list(w.examples)}
            for w in catalog.good_news_ways
        ],
        "felt": [{"key": f.key, "label": f.label} for f in catalog.good_news_felt],
    }
