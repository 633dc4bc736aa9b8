"""Round 4 rule shapes: answering back after a reflection, advice that is really a reflection,
and a few validation and contempt shapes. Each family has sentences it must catch and
innocent look-alikes it must not.

The sentences here are written for these tests (none is in an evaluation set).
"""

import pytest

from hearth.coach import analyse

P = "paraphrase"
M = "message"
REBUT = {"rebuttal"}
ADVICE = {"advice"}

# (text, context, categories that must be present, categories that must be absent)
CASES = [
    # A "but" that turns to the listener's own case.
    (
        "So you want me to call your gran more, but I already ring her every Sunday.",
        P,
        REBUT,
        ADVICE,
    ),
    ("You think the holiday cost too much, but actually we came in under budget.", P, REBUT, set()),
    (
        "So you felt left out at the barbecue, but I really don't see what I did wrong.",
        P,
        REBUT,
        set(),
    ),
    (
        "I get that you're nervous, but I really think the new school is the right call.",
        P,
        REBUT,
        set(),
    ),
    ("You'd like the heating on longer, but two hours in the evening is plenty.", P, REBUT, set()),
    ("So you think we eat out too much, but most of those were birthdays.", P, REBUT, set()),
    (
        "So you're cross about the parking fine, but there was no sign up when I parked.",
        P,
        REBUT,
        set(),
    ),
    # ... and turns that stay with the speaker.
    ("So you love the new flat, but the commute is wearing you down.", P, set(), REBUT),
    ("So you're proud of the promotion, but a bit scared about leading the team.", P, set(), REBUT),
    ("So you wanted me there, but I didn't realise how much it mattered to you.", P, set(), REBUT),
    ("You were frustrated, not because I was late, but because I didn't call.", P, set(), REBUT),
    ("So you wanted to go, but there was nobody to mind your mum.", P, set(), REBUT),
    ("You tried to tell me, but I wasn't listening, and that's on me.", P, set(), REBUT),
    # A verdict on what the speaker wants, and "I'm X, not Y".
    (
        "So you want to sell the car. I think that's a bad idea with the winter coming.",
        P,
        REBUT,
        set(),
    ),
    ("So you want a bigger wedding. I don't think that's a good idea.", P, REBUT, set()),
    ("So you want me to quit my job. That's just not realistic right now.", P, REBUT, set()),
    ("So you think I'm stingy. I'm careful, not stingy.", P, REBUT, set()),
    ("So you want to take a break from work. I think that's a great idea.", P, set(), REBUT),
    ("So you want more time with your sister. I think that makes sense.", P, set(), REBUT),
    ("So you were hurt, not angry. Did I get that right?", P, set(), REBUT),
    ("So it was the timing, not the gift, that stung.", P, set(), REBUT),
    # Making one's own case: pointing out, remembering it differently, reframing.
    (
        "You think I don't help. I'd point out that I did every school run this week.",
        P,
        REBUT,
        ADVICE,
    ),
    ("So you're annoyed about the bill. Just saying, it was your turn.", P, REBUT, set()),
    ("So you think I agreed to it. The way I remember it, I said maybe.", P, REBUT, set()),
    ("You reckon I was flirting, I remember just chatting about work.", P, REBUT, set()),
    ("So you think I was sulking. I'd say I was just quiet.", P, REBUT, set()),
    (
        "So you'd like me to point out when you're interrupting, gently. Is that right?",
        P,
        set(),
        REBUT,
    ),
    ("I remember how hurt you were when we talked about it last time.", P, set(), REBUT),
    ("I mean, that sounds exhausting, you've had the kids all week.", P, set(), REBUT),
    # Self-defence as a question (defensiveness, so also rebuttal in a paraphrase).
    (
        "You think I stayed out too late. Am I not allowed to see my friends?",
        P,
        {"rebuttal", "defensiveness"},
        set(),
    ),
    ("You feel I ignore your mum. Since when is being quiet a crime?", P, REBUT, set()),
    ("So you're cross I didn't wait. Who else was going to pick up the kids?", P, REBUT, set()),
    ("What's wrong with treating myself once in a while?", M, {"defensiveness"}, set()),
    ("So you want to know what's wrong with the boiler? I'll have a look.", P, set(), REBUT),
    ("You're wondering who else was at the meeting.", P, set(), REBUT),
    # Playing it down.
    ("So you're cross I let the kids have sweets. One bag won't hurt them.", P, REBUT, set()),
    ("You're annoyed about the scratch. It's hardly the end of the world.", P, REBUT, set()),
    (
        "So the bill worried you, and it felt like the end of the world at the time.",
        P,
        set(),
        REBUT,
    ),
    # Handing the blame back after a reflection about the listener.
    (
        "So the bins didn't go out and it's on me. You were home all day, not me.",
        P,
        {"defensiveness"},
        set(),
    ),
    (
        "You're saying I'm grumpy. Maybe I'm grumpy because you never let me sleep in.",
        P,
        {"defensiveness"},
        set(),
    ),
    (
        "So you feel I'm always working. Well, someone has to pay the bills.",
        P,
        {"defensiveness"},
        set(),
    ),
    (
        "So you think I'm moody. You're the moodiest person I know.",
        P,
        {"defensiveness", "rebuttal"},
        set(),
    ),
    (
        "So you're upset about the weekend. You're always upset about something.",
        P,
        {"criticism"},
        REBUT,
    ),
    ("So you were home all day with the kids, not me, and that was exhausting.", P, set(), REBUT),
    ("Someone has to pick up Sam at four, can you do it?", M, set(), {"defensiveness"}),
    # Chat with no full stops.
    ("so u think i was ignoring you lol no i was on a call", P, REBUT, set()),
    ("ok so i was rude no i wasn't i was tired", P, REBUT, set()),
    ("so you felt ignored lol no wonder, i was on my phone all night", P, set(), REBUT),
    ("so no one asked you about your day haha that's rough", P, set(), REBUT),
    # "So you never ..." opening a paraphrase reflects; it is not a verdict.
    ("So you never get a minute to yourself on weekdays.", P, set(), {"criticism"}),
    # Advice that is really a reflection, and advice that is advice.
    (
        "So what you need is for me to text when I'm running late. Did I get that right?",
        P,
        set(),
        ADVICE,
    ),
    ("I'd just like to check I heard you: you felt ignored at dinner.", P, set(), ADVICE),
    (
        "So you think I'd help more if you didn't jump in and take over. Is that right?",
        P,
        set(),
        ADVICE,
    ),
    ("You think I should call your brother. Forget it.", P, {"stonewalling"}, ADVICE),
    ("So next time I'm late, you'd like a text. Got it.", P, set(), ADVICE),
    ("Just so I'm clear, you felt ignored at dinner?", P, set(), ADVICE),
    ("So work is awful. What you need is a new job, honestly.", P, ADVICE, set()),
    ("So the hedge is getting too much for you. Just rip it out, honestly.", P, ADVICE, set()),
    ("So you hate your commute. Then move, life's too short.", P, ADVICE, set()),
    ("So your coworker keeps interrupting. Next time cc your manager.", P, ADVICE, set()),
    # Short affirmations are validation.
    ("So you were angry about the invoice. You had every right to be.", P, {"validation"}, REBUT),
    ("So you felt cut out of the plans. Anyone would have.", P, {"validation"}, set()),
    (
        "So you're behind at work, which makes total sense after the month you've had.",
        P,
        {"validation"},
        set(),
    ),
    (
        "So you feel nervous about the scan. That's completely normal, honestly.",
        P,
        {"validation"},
        REBUT,
    ),
    ("Your boss's emails would stress anybody out.", M, {"validation"}, set()),
    ("So it's all on me now. Brilliant. Of course it is.", M, set(), {"validation"}),
    ("You had every chance to tell me.", M, set(), {"validation"}),
    # Talking down to the partner.
    ("Maybe try using your head for once.", M, {"contempt"}, set()),
    ("Did I ask for your opinion on my haircut?", M, {"contempt"}, set()),
    ("You ought to be ashamed of yourself.", M, {"contempt"}, set()),
    ("And here comes the silent treatment. Right on cue.", M, {"contempt"}, set()),
    ("Could you use your car for the school run tomorrow?", M, set(), {"contempt"}),
    ("I'm ashamed of how I spoke to you yesterday.", M, set(), {"contempt"}),
    ("left my keys at work 🤦 back in 20", M, set(), {"contempt"}),
    # Appreciation shapes, and thanks passed on to someone else.
    ("You looked gorgeous at the party last night.", M, {"appreciation"}, set()),
    ("Appreciate you picking the kids up, what a day.", M, {"appreciation"}, set()),
    ("Tell your dad thank you for the lift, it saved me.", M, set(), {"appreciation"}),
    ("You always make the flat smell lovely on baking days.", M, {"appreciation"}, {"criticism"}),
]


@pytest.mark.parametrize(("text", "context", "present", "absent"), CASES)
def test_round4_shapes(text, context, present, absent):
    found = analyse(text, context=context).categories
    assert present <= found, f"{text!r}: expected {sorted(present)}, found {sorted(found)}"
    assert not (absent & found), f"{text!r}: did not expect {sorted(absent & found)}"


def test_findings_still_point_into_the_original_text():
    text = "So you think I\u2019m stingy. I\u2019m careful, not stingy."  # curly apostrophes
    for finding in analyse(text, context=P).findings:
        assert text[finding.start : finding.end] == finding.excerpt
