"""Round 5 rule shapes: put-downs without a fixed marker, thanks said through gritted teeth,
answering back with plain facts, and stonewalling and validation in new words. Each family has
sentences it must catch and innocent look-alikes it must not.

The sentences here are written for these tests (none is in an evaluation set).
"""

import pytest

from hearth.coach import analyse

P = "paraphrase"
M = "message"

# (text, context, categories that must be present, categories that must be absent)
CASES = [
    (
        "Thanks SO much for eating the last yoghurt. Really considerate.",
        M,
        {"contempt"},
        {"appreciation"},
    ),
    ("Oh great, thanks for that, super helpful.", M, {"contempt"}, {"appreciation"}),
    ("Thank you SO much for telling everyone my news before I could.", M, set(), {"appreciation"}),
    (
        "Cheers for leaving the gate open, really thoughtful of you.",
        M,
        {"contempt"},
        {"appreciation"},
    ),
    ("Fine, you're right, you're always right.", M, set(), {"appreciation"}),
    ("Why are you always so cold to my friends?", M, set(), {"appreciation"}),
    ("Thanks for nothing, as usual.", M, set(), {"appreciation"}),
    ("Thanks a bunch for forgetting my birthday. Really sweet.", M, {"contempt"}, {"appreciation"}),
    ("Why are you always so distant lately?", M, set(), {"appreciation"}),
    ("Thanks so much for picking me up, really thoughtful.", M, {"appreciation"}, set()),
    ("Thank you for the flowers, that was really thoughtful.", M, {"appreciation"}, set()),
    ("Thanks for listening last night, it was really helpful.", M, {"appreciation"}, set()),
    ("THANK YOU for sorting the car, you're a star.", M, {"appreciation"}, set()),
    ("Great, thanks for booking it, that's a weight off.", M, {"appreciation"}, set()),
    ("You're always so patient with my mum.", M, {"appreciation"}, set()),
    ("You're always right about restaurants, I should just trust you.", M, {"appreciation"}, set()),
    ("Thanks SO much for the birthday cake, I loved it!", M, {"appreciation"}, set()),
    ("The dinner last night was amazing, you outdid yourself.", M, {"appreciation"}, set()),
    ("Just wanted to say you looked gorgeous last night 😍", M, {"appreciation"}, set()),
    ("You outdid yourself with the garden this year.", M, {"appreciation"}, set()),
    ("The cake you baked was incredible, honestly.", M, {"appreciation"}, set()),
    ("That was a braw dinner, cheers hen.", M, {"appreciation"}, set()),
    (
        "Haha you always know the answer at quiz night, we're keeping you",
        M,
        {"appreciation"},
        set(),
    ),
    (
        "Watching you try to assemble furniture is like watching a toddler with a hammer.",
        M,
        {"contempt"},
        set(),
    ),
    ("You sulk like a five-year-old when you lose at cards.", M, {"contempt"}, set()),
    ("Arguing with you is like arguing with a puppy.", M, {"contempt"}, set()),
    (
        "Imagine being thirty-five and not knowing how to use a washing machine.",
        M,
        {"contempt"},
        set(),
    ),
    (
        "Imagine being an adult and still needing your mum to ring the dentist.",
        M,
        {"contempt"},
        set(),
    ),
    ("You can't even boil pasta and you want to host Christmas?", M, {"contempt"}, set()),
    ("You can't even remember the bins and you want a dog?", M, {"contempt"}, set()),
    (
        "Sure, let's take parenting tips from the man who forgot the school run.",
        M,
        {"contempt"},
        set(),
    ),
    ("Yeah, let's listen to the woman who got lost in our own street.", M, {"contempt"}, set()),
    ("Ew, you're slurping your soup again, gross.", M, {"contempt"}, set()),
    ("ugh that's disgusting, you left your toenails on the sofa", M, {"contempt"}, set()),
    ("Aww, did someone have a hard day at the office? 🥺", M, {"contempt"}, set()),
    ("Oh, you've got a headache? You slept till noon. Poor you.", M, {"contempt"}, set()),
    ("It's the blue bin. Do you need a diagram?", M, {"contempt"}, set()),
    ("Do I need to draw you a picture?", M, {"contempt"}, set()),
    ("Sorry, I forgot the world revolves around your golf.", M, {"contempt"}, set()),
    ("Amazing parenting, letting her skip dinner 👏", M, {"contempt"}, set()),
    ("Wow, you loaded the dishwasher. Round of applause 👏👏", M, {"contempt"}, set()),
    ('Nobody is buying the "I was busy" routine.', M, {"contempt"}, set()),
    ("No one believes the poor-me act anymore.", M, {"contempt"}, set()),
    ("You're sad I missed your recital. Wow, tragic.", P, {"contempt"}, set()),
    ("So you're tired. Welcome to the real world, I guess.", P, {"contempt"}, set()),
    ("Listening to you complain is like listening to a child.", M, {"contempt"}, set()),
    (
        "Watching the kids at the beach was like watching puppies play, so sweet.",
        M,
        set(),
        {"contempt"},
    ),
    ("Imagine being on that beach right now with you.", M, set(), {"contempt"}),
    ("Imagine how nice it'll be when the kitchen is finished.", M, set(), {"contempt"}),
    ("I can't even remember what we argued about, honestly.", M, set(), {"contempt"}),
    ("Let's take advice from your dad, he knows gardens.", M, set(), {"contempt"}),
    ("Ew, there's a spider in the bath, can you come?", M, set(), {"contempt"}),
    ("The milk smells gross, I'll get more.", M, set(), {"contempt"}),
    ("Aww, you remembered my favourite biscuits!", M, set(), {"contempt"}),
    ("Poor you, that sounds like an awful day. Come here.", M, set(), {"contempt"}),
    ("Do you need a hand with the boxes?", M, set(), {"contempt"}),
    ("I'll draw you a map to the venue if that helps.", M, set(), {"contempt"}),
    (
        "The kids' routine revolves around your shifts, so let's plan around them.",
        M,
        set(),
        {"contempt"},
    ),
    ("👏 well done on the promotion, so proud of you", M, set(), {"contempt"}),
    ("Wow, that's tragic news about your aunt, I'm so sorry.", M, set(), {"contempt"}),
    (
        "So you're stressed about the move. That's a lot, I guess I hadn't realised.",
        P,
        set(),
        {"contempt"},
    ),
    ("You were brilliant with the baby, like a natural.", M, set(), {"contempt"}),
    ("Nobody is buying tickets until we've checked the dates.", M, set(), {"contempt"}),
    ("He's such a toddler about vegetables, bless him.", M, set(), {"contempt"}),
    (
        "So you feel I'm always on my phone. "
        "I put it away every night at eight, that's not always.",
        P,
        {"rebuttal"},
        set(),
    ),
    ("You're saying I never cook. I cooked three nights this week.", P, {"rebuttal"}, set()),
    (
        "What I heard is that I'm never around at weekends. I was home every Sunday last month.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "I hear that you're nervous about the flight. "
        "Planes are the safest way to travel, so there's nothing to worry about.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "So you're worried about the lump. The doctor said it's nothing, no need to worry.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "You're saying you'd like a new sofa, but fixing the old one makes more sense.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "I hear you want to move to the coast. Staying near work makes more sense for us though.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "So you want me to stop working late. You know my job, I can't change that.",
        P,
        {"rebuttal"},
        set(),
    ),
    ("You feel I interrupt you. That's just how I talk, it is what it is.", P, {"rebuttal"}, set()),
    (
        "So you're saying my mum doesn't ring you. She never hears from you either.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "You think I don't support your art. I'm upset you'd think that, I've always backed you.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "So you think I'm lazy. Not true, I did the whole garden on Saturday.",
        P,
        {"rebuttal"},
        set(),
    ),
    (
        "You feel I don't appreciate you. After I planned your whole birthday.",
        P,
        {"rebuttal"},
        set(),
    ),
    ("You're saying I'm on my phone too much. It's not that bad.", P, {"rebuttal"}, set()),
    ("So you're upset that I shouted. You shouted first.", P, {"defensiveness"}, set()),
    (
        "You're saying I spend too much, but you're the one with the takeaway habit.",
        P,
        {"defensiveness"},
        set(),
    ),
    ("At least I don't spend every weekend at the pub.", M, {"defensiveness"}, set()),
    (
        "I do plenty around here, I'm not apologising for one late bill.",
        M,
        {"defensiveness"},
        set(),
    ),
    ("I feel attacked. I didn't even do anything.", M, {"defensiveness"}, set()),
    (
        "So you're saying I'm never home. "
        "The hardest part for you is the evenings, when the kids are in bed.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "So you've been lonely since I took the new job. And that's been going on since May.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "You felt hurt when I missed your recital. I didn't realise how much it hurt.",
        P,
        set(),
        {"rebuttal"},
    ),
    ("So you're saying I'm never home. That's true, and I'm sorry.", P, set(), {"rebuttal"}),
    ("You feel I don't listen. You're right, I've been distracted.", P, set(), {"rebuttal"}),
    (
        "What I heard is you'd like a smaller wedding because it makes more sense for your family.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "You're saying I work three nights a week and it leaves you alone with the kids.",
        P,
        set(),
        {"rebuttal"},
    ),
    ("So you feel your sister never calls you either, and that hurts.", P, set(), {"rebuttal"}),
    (
        "So you think I'm always on my phone. I can see why, I have been lately.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "You feel like I don't support you. "
        "I've always wanted to, and I'm sorry it hasn't felt that way.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "So you're anxious about the move. That makes more sense now that you've explained it.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "You felt abandoned when I left early. "
        "After I left, you were on your own with my family, which must have been awful.",
        P,
        set(),
        {"rebuttal"},
    ),
    ("So you want me to call when I'm late. I can do that.", P, set(), {"rebuttal"}),
    (
        "So the commute is wearing you down. It's two hours a day, that's a lot.",
        P,
        set(),
        {"rebuttal"},
    ),
    ("At least I don't have to work tomorrow!", M, set(), {"defensiveness"}),
    ("I'm not apologising for loving you this much.", M, set(), {"defensiveness"}),
    ("You called first, so I owe you one.", M, set(), {"defensiveness"}),
    (
        "Poor you, stuck at the airport all night! Want me to come and get you?",
        M,
        set(),
        {"contempt"},
    ),
    ("Yeah, poor you, that sounds rotten. I'll bring soup.", M, set(), {"contempt"}),
    (
        "So you're saying everyone's been asking after you since the op. That must feel nice.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "So you feel Sunday is the only time I relax with you. That's true and I'd like more.",
        P,
        set(),
        {"rebuttal"},
    ),
    (
        "You finally got the car fixed! Only took an hour at the garage, not bad.",
        M,
        set(),
        {"contempt"},
    ),
    (
        "My sister could do it better than you, she's a hairdresser, shall I ask her?",
        M,
        set(),
        {"contempt"},
    ),
    ("Great, thanks for sorting it, brilliant work.", M, {"appreciation"}, set()),
    ("Great, thanks for sorting the boiler, brilliant work!", M, {"appreciation"}, set()),
    ("Thanks for the lift, really kind.", M, {"appreciation"}, {"contempt"}),
    # Stonewalling and validation in new words.
    ("No. Next question.", M, {"stonewalling"}, set()),
    ("Muting you now.", M, {"stonewalling"}, set()),
    ("Not replying to that.", M, {"stonewalling"}, set()),
    ("Next topic: the holiday budget. Can we pick dates tonight?", M, set(), {"stonewalling"}),
    ("I'm muting the group chat, it's so noisy.", M, set(), {"stonewalling"}),
    ("Makes sense that you'd want a quiet birthday this year.", M, {"validation"}, set()),
    ("Completely fair that you want to see your sister first.", M, {"validation"}, set()),
    ("That's a fair point about the car.", M, {"validation"}, set()),
    ("That's a good point 🙄", M, {"contempt"}, {"validation"}),
]


@pytest.mark.parametrize(("text", "context", "present", "absent"), CASES)
def test_round5_shapes(text, context, present, absent):
    found = analyse(text, context=context).categories
    assert present <= found, f"{text!r}: expected {sorted(present)}, found {sorted(found)}"
    assert not (absent & found), f"{text!r}: did not expect {sorted(absent & found)}"


def test_sarcastic_thanks_needs_more_than_capitals():
    # Shouted thanks alone is enthusiasm; a bare "Really thoughtful." after it is the twist.
    assert "appreciation" in analyse("Thanks SO much for the cake, I loved it!").categories
    assert "contempt" in analyse("Thanks SO much for the help. Really thoughtful.").categories
    assert (
        "appreciation" in analyse("THANK YOU SO MUCH for the help. Really thoughtful.").categories
    )


def test_findings_still_point_into_the_original_text():
    text = "Thanks SO much for leaving me one square of loo roll\u2026 Really thoughtful."
    for finding in analyse(text).findings:
        assert text[finding.start : finding.end] == finding.excerpt
