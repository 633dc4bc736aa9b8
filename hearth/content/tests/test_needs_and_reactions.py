from django.test import SimpleTestCase

from hearth.content import catalog


class NeedsAndReactionsTests(SimpleTestCase):
    def test_needs_include_own_words(self):
        keys = [need.key for need in catalog.needs]
        self.assertIn("own_words", keys)
        self.assertEqual(len(keys), len(set(keys)))
        self.assertEqual(catalog.need_by_key["own_words"].label, "In my own words")

    def test_every_need_has_a_label_and_a_hint(self):
        for need in catalog.needs:
            with self.subTest(need=need.key):
                self.assertTrue(2 <= len(need.label) <= 40)
                self.assertTrue(5 <= len(need.hint) <= 120)

    def test_reactions_have_unique_keys_symbols_and_labels(self):
        reactions = catalog.reactions
        self.assertGreaterEqual(len(reactions), 3)
        for attribute in ("key", "symbol", "label"):
            values = [getattr(reaction, attribute) for reaction in reactions]
            with self.subTest(attribute=attribute):
                self.assertEqual(len(values), len(set(values)))
        self.assertEqual(catalog.reaction_by_key["hug"].label, "A hug for you")

    def test_there_are_ten_practices_in_order(self):
        self.assertEqual([p.number for p in catalog.practices], list(range(1, 11)))
        self.assertEqual(catalog.practices[0].key, "open_communication")
        self.assertEqual(catalog.practices[-1].key, "humor")
