"""Round 3 rule shapes: each family with sentences it must catch and kind look-alikes it must not.

The sentences here are written for these tests (none is in an evaluation set).
"""

import pytest

from hearth.coach import analyse


def cats(text: str, context: str = "message") -> frozenset[str]:
    return analyse(text, context=context).categories


# (text, context, categories that must be present, categories that must be absent)
CASES = [
    # Sarcastic thanks and mock congratulations are contempt, not appreciation.
    ("Cheers for all your help with the move 🙃", "message", {"contempt"}, {"appreciation"}),
    ("Congrats on noticing we own a mop.", "message", {"contempt"}, {"appreciation"}),
    ("Congratulations on the promotion, you earned it!", "message", {"appreciation"}, {"contempt"}),
    (
        "I cook every night and this is the thanks I get.",
        "message",
        {"defensiveness"},
        {"appreciation"},
    ),
    # "You always make me feel ..." is only kind when what follows is kind.
    ("You always make me feel stupid about maths.", "message", {"criticism"}, {"appreciation"}),
    ("You always make me feel safe.", "message", {"appreciation"}, {"criticism"}),
    ("You always laugh at me when I sing.", "message", {"criticism"}, {"appreciation"}),
    ("You did it again, you left the gate open.", "message", set(), {"appreciation"}),
    (
        "You never guess my surprises, you're never going to guess this one!",
        "message",
        set(),
        {"criticism"},
    ),
    ("You always hog the remote and honestly, same 😂", "message", set(), {"criticism"}),
    ("It's not like you've never missed a bin day.", "message", {"defensiveness"}, {"criticism"}),
    # Stonewalling look-alikes.
    ("Fine, you win, tacos it is 😄", "message", set(), {"stonewalling"}),
    ("Don't talk to me like that, please.", "message", set(), {"stonewalling"}),
    (
        "Please don't bring it up at your mum's on Sunday.",
        "message",
        {"specific_request"},
        {"stonewalling"},
    ),
    ("I had my headphones in for a work call, sorry.", "message", set(), {"stonewalling"}),
    ("Can we stop now?", "message", {"stonewalling"}, {"specific_request"}),
    ("Say what you want, I've stopped listening.", "message", {"stonewalling"}, set()),
    ("I'm off to my brother's. Don't wait up.", "message", {"stonewalling"}, set()),
    ("Don't wait up, the train is delayed. Love you.", "message", set(), {"stonewalling"}),
    # "lets" after a subject is the verb, not "let's".
    ("Dad never lets the cat upstairs.", "message", set(), {"specific_request"}),
    (
        "Let's just not talk about the wedding. Ever again.",
        "message",
        {"stonewalling"},
        {"specific_request"},
    ),
    # Contempt shapes.
    ("Did I hurt your fragile little ego?", "message", {"contempt"}, set()),
    ("Were you raised by wolves?", "message", {"contempt"}, set()),
    ("ok genius, where did you put the passports", "message", {"contempt"}, set()),
    ("As if you'd know anything about gardening.", "message", {"contempt"}, set()),
    ("lol ok 'working late'. sure.", "message", {"contempt"}, set()),
    ("My nan calls you 'the tall one', bless her.", "message", set(), {"contempt"}),
    ("It's like living with a ghost lately.", "message", {"criticism"}, {"contempt"}),
    ("Poor thing, you've had a horrid cold. Soup?", "message", set(), {"contempt"}),
    # Defensiveness shapes.
    (
        "I didn't shout. I was talking over the telly because you had it so loud.",
        "message",
        {"defensiveness"},
        set(),
    ),
    ("Easy for you to say, you work from home.", "message", {"defensiveness"}, set()),
    ("I'd help with the bins if you didn't nag me about it.", "message", {"defensiveness"}, set()),
    (
        "I'd really appreciate it if you stopped leaving towels on the floor.",
        "message",
        {"specific_request"},
        {"defensiveness"},
    ),
    (
        "So you feel ignored. Join the club, nobody asks how I am.",
        "paraphrase",
        {"defensiveness", "rebuttal"},
        set(),
    ),
    (
        "So you want me home earlier. You're always at the gym, though.",
        "paraphrase",
        {"criticism", "defensiveness", "rebuttal"},
        set(),
    ),
    # Rebuttal shapes.
    (
        "So you think I forgot the milk. Technically I bought it, it's in the car.",
        "paraphrase",
        {"rebuttal"},
        set(),
    ),
    (
        "You're saying I never empty the dishwasher. It was me yesterday and Monday.",
        "paraphrase",
        {"rebuttal"},
        set(),
    ),
    ("You said I never text. I texted at lunch, remember?", "paraphrase", {"rebuttal"}, {"advice"}),
    (
        "You're saying I forgot the dentist. I'm so sorry, that's on me.",
        "paraphrase",
        set(),
        {"rebuttal"},
    ),
    (
        "So you were scared in the storm. I was scared too.",
        "paraphrase",
        {"feeling_named"},
        {"rebuttal"},
    ),
    (
        "You think I'm jealous of your friend. That's not what's going on.",
        "paraphrase",
        {"rebuttal"},
        {"feeling_named"},
    ),
    # Criticism shapes.
    ("You're just not a dependable partner.", "message", {"criticism"}, set()),
    ("You take your stress out on me every evening.", "message", {"criticism"}, set()),
    ("When you go quiet for days I get scared.", "message", {"feeling_named"}, {"criticism"}),
    (
        "You'd find something to moan about at your own birthday party.",
        "message",
        {"criticism"},
        set(),
    ),
    # Validation, appreciation, advice and feelings.
    ("You're not wrong, I have been grumpy.", "message", {"validation"}, set()),
    ("So you felt left behind at the party. Anyone would.", "paraphrase", {"validation"}, set()),
    (
        "You're a much better singer than you give yourself credit for.",
        "message",
        {"appreciation"},
        set(),
    ),
    ("Noticed you topped up the car. Legend.", "message", {"appreciation"}, set()),
    ("So the noise upstairs is stressing you out.", "paraphrase", {"feeling_named"}, set()),
    (
        "So your sister keeps texting late. You could mute her after nine.",
        "paraphrase",
        {"advice"},
        set(),
    ),
    (
        "So you're dreading Monday. Don't check your email till then.",
        "paraphrase",
        {"advice", "feeling_named"},
        set(),
    ),
    ("You've been amazing with my dad, I see it.", "message", {"appreciation"}, {"validation"}),
]


@pytest.mark.parametrize(("text", "context", "present", "absent"), CASES)
def test_round3_shapes(text, context, present, absent):
    found = cats(text, context)
    assert present <= found, f"{text!r}: missing {sorted(present - found)} (found {sorted(found)})"
    assert not (absent & found), f"{text!r}: should not find {sorted(absent & found)}"


def test_findings_map_back_to_the_original_text():
    for text, context, _present, _absent in CASES:
        result = analyse(text, context=context)
        for finding in result.findings + result.strengths:
            assert text[finding.start : finding.end] == finding.excerpt
