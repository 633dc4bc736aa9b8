import re
import tomllib
from collections import Counter

from django.test import SimpleTestCase

from hearth.content import DEPTHS, catalog
from hearth.content.loader import CONTENT_DIR, QUESTION_TAGS

# The practice codes that start each question key (questions.toml explains them).
PRACTICE_CODES = {
    "open_communication": "oc",
    "empathy": "em",
    "active_listening": "al",
    "vulnerability": "vu",
    "quality_time": "qt",
    "appreciation": "ap",
    "trust": "tr",
    "forgiveness": "fo",
    "growth": "gr",
    "humor": "hu",
}


def raw_questions() -> list[dict]:
    with (CONTENT_DIR / "questions.toml").open("rb") as handle:
        return tomllib.load(handle)["question"]


class QuestionsBankTests(SimpleTestCase):
    def test_the_loader_keeps_every_question_in_the_file(self):
        raw = raw_questions()
        self.assertEqual([q.key for q in catalog.questions], [entry["key"] for entry in raw])
        self.assertEqual(
            [q.text for q in catalog.questions], [entry["text"].strip() for entry in raw]
        )

    def test_there_are_enough_questions(self):
        self.assertGreaterEqual(len(catalog.questions), 150)

    def test_every_practice_has_questions_at_every_depth(self):
        by_practice = Counter(q.practice for q in catalog.questions)
        self.assertEqual(set(by_practice), {p.key for p in catalog.practices})
        for practice, count in by_practice.items():
            with self.subTest(practice=practice):
                self.assertGreaterEqual(count, 10)
        by_depth = Counter(q.depth for q in catalog.questions)
        self.assertEqual(set(by_depth), set(DEPTHS))
        for depth, count in by_depth.items():
            with self.subTest(depth=depth):
                self.assertGreaterEqual(count, 40)
        pairs = Counter((q.practice, q.depth) for q in catalog.questions)
        for practice in by_practice:
            for depth in DEPTHS:
                with self.subTest(practice=practice, depth=depth):
                    self.assertGreaterEqual(pairs[(practice, depth)], 3)

    def test_keys_are_unique_and_say_practice_and_depth(self):
        keys = [q.key for q in catalog.questions]
        self.assertEqual(len(keys), len(set(keys)))
        for question in catalog.questions:
            with self.subTest(key=question.key):
                code, letter, number = question.key.split("-")
                self.assertEqual(code, PRACTICE_CODES[question.practice])
                self.assertEqual(letter, question.depth[0])
                self.assertRegex(number, r"^\d{2}$")

    def test_texts_are_unique(self):
        normalised = [re.sub(r"\W+", " ", q.text.lower()).strip() for q in catalog.questions]
        self.assertEqual(len(normalised), len(set(normalised)))

    def test_tags_come_from_the_vocabulary(self):
        used = set()
        for question in catalog.questions:
            with self.subTest(key=question.key):
                self.assertTrue(1 <= len(question.tags) <= 3)
                self.assertLessEqual(set(question.tags), QUESTION_TAGS)
                self.assertEqual(len(question.tags), len(set(question.tags)))
            used.update(question.tags)
        # Every tag in the vocabulary is used, so none is dead.
        self.assertEqual(used, QUESTION_TAGS)

    def test_texts_are_questions_of_a_readable_length(self):
        for question in catalog.questions:
            with self.subTest(key=question.key):
                self.assertTrue(20 <= len(question.text) <= 200)
                self.assertEqual(question.text, question.text.strip())

    def test_lookups_find_every_question(self):
        self.assertEqual(len(catalog.question_by_key), len(catalog.questions))
        question = catalog.question_by_key["oc-l-01"]
        self.assertEqual(question.practice, "open_communication")
        self.assertEqual(question.depth, "light")
        self.assertEqual(question.depth_rank, 0)
