import tomllib

from django.test import SimpleTestCase

from hearth.content import catalog
from hearth.content.loader import CONTENT_DIR, TONES


class FeelingsTests(SimpleTestCase):
    def test_feelings_are_in_eight_groups_of_three_or_more(self):
        groups = catalog.feeling_groups
        self.assertEqual(len(groups), 8)
        for group in groups:
            with self.subTest(group=group.key):
                self.assertGreaterEqual(len(group.feelings), 3)
                self.assertIn(group.tone, TONES)
                self.assertTrue(group.label)
                for feeling in group.feelings:
                    self.assertEqual(feeling.group, group.key)

    def test_keys_are_unique_across_the_file(self):
        group_keys = [group.key for group in catalog.feeling_groups]
        self.assertEqual(len(group_keys), len(set(group_keys)))
        feeling_keys = [f.key for group in catalog.feeling_groups for f in group.feelings]
        self.assertEqual(len(feeling_keys), len(set(feeling_keys)))
        self.assertEqual(set(catalog.feeling_by_key), set(feeling_keys))

    def test_it_matches_the_file(self):
        with (CONTENT_DIR / "feelings.toml").open("rb") as handle:
            raw = tomllib.load(handle)["group"]
        self.assertEqual([g["key"] for g in raw], [g.key for g in catalog.feeling_groups])
        self.assertEqual(
            sum(len(g["feelings"]) for g in raw),
            sum(len(g.feelings) for g in catalog.feeling_groups),
        )

    def test_both_pleasant_and_unpleasant_feelings_are_offered(self):
        tones = {group.tone for group in catalog.feeling_groups}
        self.assertIn("pleasant", tones)
        self.assertIn("unpleasant", tones)

    def test_the_feelings_the_demo_uses_exist(self):
        from hearth.demo.history import COMMON_FEELINGS

        self.assertLessEqual(set(COMMON_FEELINGS), set(catalog.feeling_by_key))
        self.assertEqual(catalog.feeling_by_key["happy"].label, "happy")
