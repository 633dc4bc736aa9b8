"""The rule families that catch a *shape* rather than one phrasing.

Every sentence here was written for these tests (none is in an evaluation set). Each family
has sentences it must flag and innocent look-alikes it must leave alone.
"""

import pytest

from hearth.coach import analyse


def cats(text: str, context: str = "message") -> set[str]:
    return set(analyse(text, context=context).categories)


M, P = "message", "paraphrase"

FLAGS = [
    # criticism: sweeping generalisations without "always"/"never"
    ("criticism", M, "You only ever tidy up when your parents are coming over."),
    ("criticism", M, "The only time you talk to me is when you need a lift."),
    ("criticism", M, "You turn every family dinner into a lecture."),
    ("criticism", M, "Why does every weekend have to be about your football?"),
    ("criticism", M, "Ten years in and you still can't remember my sister's name."),
    ("criticism", M, "You couldn't be bothered to come to my leaving drinks."),
    ("criticism", M, "Your idea of a romantic evening is pizza in front of the football."),
    ("criticism", M, "You act like the housework does itself."),
    ("criticism", M, "You treat money like it's never going to run out."),
    ("criticism", M, "You care more about your phone than about me."),
    ("criticism", M, "Your phone gets more attention than I do."),
    ("criticism", M, "You put in zero effort with my family."),
    ("criticism", M, "You've stopped trying with me altogether."),
    ("criticism", M, "You tell me to relax and then you shout at the kids."),
    ("criticism", M, "What sort of father forgets school pick-up?"),
    ("criticism", M, "You think the world revolves around you."),
    ("criticism", M, "u act like im ur maid"),
    # contempt: mock grandeur, mock comparisons, sarcasm, disgust
    ("contempt", M, "Oh sorry, I forgot her majesty doesn't do laundry."),
    ("contempt", M, "Miss 'I never spend money' bought three dresses."),
    ("contempt", M, "Look at you, so pleased with yourself for making toast."),
    ("contempt", M, "Talking to you about money is like talking to a goldfish."),
    ("contempt", M, "You've got the attention span of a goldfish."),
    ("contempt", M, "Sure, because watching telly is such hard work."),
    ("contempt", M, "Yeah, slam the door, that'll help."),
    ("contempt", M, "I can't even look at you right now."),
    ("contempt", M, "Oh wow, you're a real genius."),
    ("contempt", P, "What I'm hearing is blah blah the car blah."),
    ("contempt", M, "Clearly listening isn't your strong point."),
    ("contempt", M, "Yeah, real helpful, thanks."),
    # defensiveness: counter-charges, "not on me", "I can't win", feeling accused
    ("defensiveness", M, "Says the person who forgot our anniversary."),
    ("defensiveness", M, "Bit rich, coming from you."),
    ("defensiveness", M, "That one's not on me, the builders messed up."),
    ("defensiveness", M, "Don't come at me about the bins, I did them yesterday."),
    ("defensiveness", M, "There's no pleasing you."),
    ("defensiveness", M, "You're putting words in my mouth."),
    ("defensiveness", M, "You're making a mountain out of a molehill."),
    ("defensiveness", M, "Of course I was late, the trains were all cancelled."),
    ("defensiveness", M, "Go on, blame me for the weather too."),
    ("defensiveness", M, "At least I actually turned up."),
    ("defensiveness", M, "ur one to talk"),
    # stonewalling: refusing, switching off, walking off
    ("stonewalling", M, "Not interested in hearing it."),
    ("stonewalling", M, "I'm not listening to this."),
    ("stonewalling", M, "Can we just not, please."),
    ("stonewalling", M, "That's it. End of."),
    ("stonewalling", M, "Don't bother texting me back."),
    ("stonewalling", M, "I don't owe you an explanation."),
    ("stonewalling", M, "We'll talk when I'm ready, which isn't today."),
    ("stonewalling", M, "Yep. Heard you. Going to bed."),
    ("stonewalling", M, "I've said all I'm going to say."),
    # advice and rebuttal inside a reflection
    ("advice", P, "So you're worn out. Best thing would be to take a week off."),
    ("advice", P, "You're nervous about the interview. You have to try breathing slowly."),
    ("advice", P, "You're lonely in the evenings. Just come out with us on Friday!"),
    ("rebuttal", P, "You're upset about the text. It was a harmless message though."),
    ("rebuttal", P, "So you felt embarrassed. I don't think I said anything that bad."),
    ("rebuttal", P, "You think I'm stingy. I'm just careful with money."),
    ("rebuttal", P, "You feel I don't help. I did the shopping twice this week, actually."),
    ("rebuttal", P, "So you think I'm messy. I tidied yesterday!"),
    ("rebuttal", P, "So I'm always late. Twice isn't always."),
    ("rebuttal", P, "So you think I'm controlling. I'd call it organised."),
    # validation and appreciation in fresh words
    ("validation", P, "So you're exhausted from the night feeds. Fair enough."),
    ("validation", M, "That's a completely understandable worry."),
    ("validation", P, "You felt left out at the wedding. I can totally understand that."),
    ("validation", P, "So work and your mum at the same time. That sounds like a lot."),
    ("validation", M, "It'd make anyone anxious, waiting that long for results."),
    ("appreciation", M, "You're an amazing mum."),
    ("appreciation", M, "You've done such a good job with the garden."),
]


@pytest.mark.parametrize(("category", "context", "text"), FLAGS)
def test_the_shape_is_flagged(category, context, text):
    assert category in cats(text, context)


LEAVES = [
    ("criticism", M, "You only need to bring a salad on Saturday."),
    ("criticism", M, "You only ever need to ask, babe."),
    ("criticism", M, "Every time I see you I smile."),
    ("criticism", M, "You make every morning a bit brighter."),
    ("criticism", M, "You still can't come on Friday? No worries, next week then."),
    ("criticism", M, "I can't be bothered to cook tonight, shall we get a takeaway?"),
    ("criticism", M, "Your idea for the garden is lovely, let's do it."),
    ("criticism", M, "What's your idea of a perfect Sunday?"),
    ("criticism", M, "You acted like a real pro at the wedding."),
    ("criticism", M, "You'd rather have pizza than curry? Fine by me."),
    ("criticism", M, "You've stopped smoking! I'm so proud of you."),
    ("criticism", M, "What kind of music do you like?"),
    ("criticism", M, "You always text when you land, it puts my mind at ease."),
    ("contempt", M, "The little prince is my favourite book."),
    ("contempt", M, "Look at you, all dressed up! You look gorgeous."),
    ("contempt", M, "You've got the patience of a saint."),
    ("contempt", M, "Your job is so stressful at the moment, I'm sorry."),
    ("contempt", M, "Ice on it, that'll help with the swelling."),
    ("contempt", M, "I can't look at the screen, it's too scary!"),
    ("contempt", M, "You're a genius, the shelf looks perfect!"),
    ("contempt", M, "Aww, poor you, the flu is the worst. Want soup?"),
    ("contempt", M, "Bravo! The speech was amazing."),
    ("contempt", M, 'I felt hurt when your aunt introduced me as your "friend" again.'),
    ("defensiveness", M, "Drinks are on me tonight!"),
    ("defensiveness", M, "Don't start without me!"),
    ("defensiveness", M, "That's really sweet coming from you."),
    ("defensiveness", M, "I can't win at this board game lol"),
    ("defensiveness", M, "I would never have found it without you, thanks."),
    ("defensiveness", M, "Of course I'll pick you up, what time?"),
    ("defensiveness", M, "You're the one who taught me to make bread, thank you."),
    ("stonewalling", M, "I'm not interested in the gym membership, thanks though."),
    ("stonewalling", M, "Switching my phone off for the film, text me after."),
    ("stonewalling", M, "Don't bother cooking, I'll grab something."),
    ("stonewalling", M, "I'll be in the garage fixing the bike if you need me."),
    ("stonewalling", M, "Leave me alone with that cake and it'll be gone 😂"),
    ("stonewalling", M, "Forget it's your mum's birthday? Never!"),
    ("advice", P, "So the best thing about the trip was the beach."),
    ("advice", P, "So you'd like us to see my parents less, maybe every other week?"),
    ("rebuttal", P, "So you're hurt, though you didn't want to say it at the time."),
    ("rebuttal", P, "So it's not the money, it's that I didn't ask you first."),
    ("rebuttal", P, "You felt lonely. I didn't realise, I'm sorry."),
    ("validation", M, "That sounds like a plan."),
    ("validation", M, "I get that a lot at work."),
    ("validation", M, "It makes sense to leave early and beat the traffic."),
    ("validation", M, "That's fair enough for a first attempt at a cake."),
    ("feeling_named", P, "So your ex is being awkward about the handover times again."),
    ("i_statement", M, "We'll talk when I feel like it."),
]


@pytest.mark.parametrize(("category", "context", "text"), LEAVES)
def test_the_look_alike_is_left_alone(category, context, text):
    assert category not in cats(text, context)


def test_a_plan_taken_back_is_no_time_out():
    assert "stonewalling" not in cats("I'm going out. Can we talk about it tomorrow?")
    assert "stonewalling" in cats("I'm going out. We'll talk when I feel like it.")


def test_reported_words_are_not_the_listeners_feelings():
    found = cats("So you're saying I was grumpy at Christmas. Is that it?", "paraphrase")
    assert "feeling_named" not in found and "i_statement" not in found
