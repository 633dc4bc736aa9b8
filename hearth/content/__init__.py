"""The project's own content: practices, questions, feelings, needs, reactions.

Loaded once per process from the TOML files beside this module, validated on
load. Code asks this module, never the files.
"""

from dataclasses import dataclass
from functools import cached_property

from hearth.content.loader import (
    DEPTHS,
    CareWay,
    ContentError,
    Feeling,
    FeelingGroup,
    Need,
    Practice,
    Question,
    Reaction,
    Topic,
    load_care_ways,
    load_feelings,
    load_good_news,
    load_listening_topics,
    load_needs,
    load_practices,
    load_questions,
    load_reactions,
)
from hearth.content.prompts import (
    DeepTalkQuestion,
    InvitationMessage,
    MeetingStep,
    PracticeGuide,
    Suggestion,
    load_deep_talk,
    load_invitation_messages,
    load_practice_guides,
    load_state_of_us,
    load_suggestions,
    normalised_text,
)

__all__ = [
    "DEPTHS",
    "ContentError",
    "DeepTalkQuestion",
    "Feeling",
    "FeelingGroup",
    "InvitationMessage",
    "MeetingStep",
    "Need",
    "Practice",
    "PracticeGuide",
    "Question",
    "Reaction",
    "Suggestion",
    "Topic",
    "catalog",
]


@dataclass
class Catalog:
    @cached_property
    def practices(self) -> tuple[Practice, ...]:
        return load_practices()

    @cached_property
    def practice_by_key(self) -> dict[str, Practice]:
        return {practice.key: practice for practice in self.practices}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return load_questions(set(self.practice_by_key))

    @cached_property
    def question_by_key(self) -> dict[str, Question]:
        return {question.key: question for question in self.questions}

    @cached_property
    def feeling_groups(self) -> tuple[FeelingGroup, ...]:
        return load_feelings()

    @cached_property
    def feeling_by_key(self) -> dict[str, Feeling]:
        return {f.key: f for group in self.feeling_groups for f in group.feelings}

    @cached_property
    def needs(self) -> tuple[Need, ...]:
        return load_needs()

    @cached_property
    def need_by_key(self) -> dict[str, Need]:
        return {need.key: need for need in self.needs}

    @cached_property
    def listening_topics(self) -> tuple[Topic, ...]:
        return load_listening_topics()

    @cached_property
    def reactions(self) -> tuple[Reaction, ...]:
        return load_reactions()

    @cached_property
    def reaction_by_key(self) -> dict[str, Reaction]:
        return {reaction.key: reaction for reaction in self.reactions}

    @cached_property
    def care_ways(self) -> tuple[CareWay, ...]:
        return load_care_ways()

    @cached_property
    def good_news_ways(self):
        return load_good_news()[0]

    @cached_property
    def good_news_felt(self):
        return load_good_news()[1]

    @cached_property
    def good_news_felt_by_key(self) -> dict:
        return {felt.key: felt for felt in self.good_news_felt}

    @cached_property
    def care_way_by_key(self) -> dict[str, CareWay]:
        return {way.key: way for way in self.care_ways}

    @cached_property
    def appreciation_reactions(self) -> tuple[Reaction, ...]:
        return load_reactions("appreciation_reaction")

    @cached_property
    def appreciation_reaction_by_key(self) -> dict[str, Reaction]:
        return {reaction.key: reaction for reaction in self.appreciation_reactions}

    @cached_property
    def deep_talk(self) -> tuple[DeepTalkQuestion, ...]:
        return load_deep_talk({normalised_text(q.text) for q in self.questions})

    @cached_property
    def deep_talk_by_key(self) -> dict[str, DeepTalkQuestion]:
        return {question.key: question for question in self.deep_talk}

    @cached_property
    def meeting_steps(self) -> tuple[MeetingStep, ...]:
        return load_state_of_us()

    @cached_property
    def meeting_step_by_key(self) -> dict[str, MeetingStep]:
        return {step.key: step for step in self.meeting_steps}

    @cached_property
    def invitation_messages(self) -> tuple[InvitationMessage, ...]:
        return load_invitation_messages()

    @cached_property
    def invitation_message_by_key(self) -> dict[str, InvitationMessage]:
        return {message.key: message for message in self.invitation_messages}

    @cached_property
    def suggestions(self) -> tuple[Suggestion, ...]:
        return load_suggestions()

    @cached_property
    def practice_guides(self) -> tuple[PracticeGuide, ...]:
        return load_practice_guides([practice.key for practice in self.practices])

    @cached_property
    def practice_guide_by_key(self) -> dict[str, PracticeGuide]:
        return {guide.practice: guide for guide in self.practice_guides}

    def load_all(self) -> None:
        """Touch every file so a broken one fails at start-up, not mid-request."""
        names = (
            "practices",
            "questions",
            "feeling_groups",
            "needs",
            "reactions",
            "appreciation_reactions",
            "care_ways",
            "good_news_ways",
            "good_news_felt",
            "listening_topics",
            "deep_talk",
            "meeting_steps",
            "invitation_messages",
            "suggestions",
            "practice_guides",
        )
        for name in names:
            getattr(self, name)


catalog = Catalog()


def depth_rank(depth: str) -> int:
    return DEPTHS.index(depth)
