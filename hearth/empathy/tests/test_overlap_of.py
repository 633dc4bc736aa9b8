from django.test import SimpleTestCase
from hypothesis import given
from hypothesis import strategies as st

from hearth.content import catalog
from hearth.empathy.services import Overlap, overlap_of

keys = st.lists(st.sampled_from(sorted(catalog.feeling_by_key)), max_size=6, unique=True)


class OverlapOfTests(SimpleTestCase):
    def test_it_counts_exact_matches(self):
        result = overlap_of(["hurt", "lonely"], ["lonely", "hurt"])
        self.assertEqual(result, Overlap(exact=2, close=0, total=2, score=1.0))

    def test_a_guess_in_the_same_family_counts_half(self):
        # "embarrassed" is in the same family as "hurt" (shame and hurt).
        result = overlap_of(["hurt"], ["embarrassed"])
        self.assertEqual(result, Overlap(exact=0, close=1, total=1, score=0.5))

    def test_a_guess_in_another_family_counts_nothing(self):
        result = overlap_of(["hurt"], ["happy"])
        self.assertEqual(result, Overlap(exact=0, close=0, total=1, score=0.0))

    def test_exact_and_close_add_up(self):
        result = overlap_of(["hurt", "lonely", "angry"], ["hurt", "sad", "calm"])
        self.assertEqual((result.exact, result.close, result.total), (1, 1, 3))
        self.assertEqual(result.score, 0.5)

    def test_each_guessed_word_is_used_once(self):
        # One guess in the shame family cannot stand in for two of the sharer's feelings.
        result = overlap_of(["hurt", "rejected"], ["embarrassed"])
        self.assertEqual((result.exact, result.close), (0, 1))
        self.assertEqual(result.score, 0.25)

    def test_an_exact_match_is_not_used_again_as_a_close_one(self):
        result = overlap_of(["hurt", "embarrassed"], ["hurt"])
        self.assertEqual((result.exact, result.close), (1, 0))
        self.assertEqual(result.score, 0.5)

    def test_exact_matches_come_first(self):
        # "hurt" is an exact match even though it is also close to "embarrassed".
        result = overlap_of(["embarrassed", "hurt"], ["hurt", "ashamed"])
        self.assertEqual((result.exact, result.close), (1, 1))
        self.assertEqual(result.score, 0.75)

    def test_an_empty_guess_scores_nothing(self):
        self.assertEqual(overlap_of(["hurt"], []), Overlap(exact=0, close=0, total=1, score=0.0))
        self.assertEqual(overlap_of([], []), Overlap(exact=0, close=0, total=0, score=0.0))

    def test_guessing_more_words_than_were_felt_lowers_the_score(self):
        one = overlap_of(["hurt"], ["hurt"])
        three = overlap_of(["hurt"], ["hurt", "sad", "angry"])
        self.assertEqual(one.score, 1.0)
        self.assertEqual(three.exact, 1)
        self.assertAlmostEqual(three.score, 1 / 3)
        six = overlap_of(["hurt"], ["hurt", "sad", "angry", "calm", "happy", "tired"])
        self.assertLess(six.score, three.score)

    def test_unknown_keys_do_not_crash(self):
        result = overlap_of(["retired_feeling", "hurt"], ["another_old_one", "embarrassed"])
        self.assertEqual((result.exact, result.close, result.total), (0, 1, 2))
        self.assertEqual(result.score, 0.25)
        self.assertEqual(overlap_of(["retired_feeling"], ["retired_feeling"]).exact, 1)
        self.assertEqual(overlap_of(["hurt"], ["retired_feeling"]).score, 0.0)

    @given(actual=keys, guess=keys)
    def test_the_score_stays_between_nothing_and_everything(self, actual, guess):
        result = overlap_of(actual, guess)
        self.assertEqual(result.total, len(actual))
        self.assertEqual(result.exact, len(set(actual) & set(guess)))
        self.assertLessEqual(result.exact + result.close, min(len(actual), len(guess)))
        self.assertGreaterEqual(result.score, 0.0)
        self.assertLessEqual(result.score, 1.0)
        self.assertEqual(result.score == 1.0, bool(actual) and sorted(actual) == sorted(guess))
