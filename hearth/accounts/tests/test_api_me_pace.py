from django.test import Client

from hearth.accounts.models import User, days_to_mask
from hearth.testing import HearthTestCase


class ApiMePaceTests(HearthTestCase):
    def saved(self, person=None) -> tuple:
        user = User.objects.get(pk=(person or self.alice).pk)
        return user.pace, user.quiet_days, user.comfort_level, user.display_name

    def patch(self, body, person=None):
        return self.api("patch", "/me", person or self.alice, body)

    def test_me_shows_pace_and_quiet_days_in_week_order(self):
        User.objects.filter(pk=self.alice.pk).update(
            pace="weekly", quiet_days=days_to_mask(["sunday", "monday"])
        )
        doc = self.api("get", "/me", self.alice).json()
        self.assertEqual(doc["pace"], "weekly")
        self.assertEqual(doc["quiet_days"], ["monday", "sunday"])
        self.assertEqual(self.api("get", "/me", self.bob).json()["quiet_days"], [])
        self.assertEqual(self.api("get", "/me", self.bob).json()["pace"], "few")

    def test_the_partner_is_not_shown_my_pace(self):
        self.patch({"pace": "asked", "quiet_days": ["friday"]})
        partner = self.api("get", "/me", self.bob).json()["partner"]
        self.assertEqual(set(partner), {"id", "display_name", "pronouns"})

    def test_patch_sets_pace_and_quiet_days(self):
        response = self.patch({"pace": "daily", "quiet_days": ["saturday", "monday", "saturday"]})
        self.assertEqual(response.status_code, 200)
        doc = response.json()
        self.assertEqual((doc["pace"], doc["quiet_days"]), ("daily", ["monday", "saturday"]))
        self.assertEqual(self.saved()[:2], ("daily", days_to_mask(["monday", "saturday"])))
        self.assertEqual(self.saved()[2:], ("vulnerable", "Alice"))

    def test_patch_of_one_leaves_the_other(self):
        self.patch({"pace": "weekly", "quiet_days": ["tuesday"]})
        self.patch({"pace": "asked"})
        self.assertEqual(self.saved()[:2], ("asked", 2))
        self.patch({"quiet_days": ["wednesday"]})
        self.assertEqual(self.saved()[:2], ("asked", 4))
        self.patch({"pace": None, "quiet_days": None})
        self.assertEqual(self.saved()[:2], ("asked", 4))

    def test_an_empty_list_clears_quiet_days(self):
        self.patch({"quiet_days": ["tuesday"]})
        response = self.patch({"quiet_days": []})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["quiet_days"], [])
        self.assertEqual(self.saved()[1], 0)

    def test_all_seven_days_can_be_quiet(self):
        days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        response = self.patch({"quiet_days": days})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.saved()[1], 127)

    def test_it_refuses_bad_input(self):
        before = self.saved()
        for body in (
            {"pace": "slow"},
            {"pace": ""},
            {"pace": "DAILY"},
            {"pace": 3},
            {"pace": ["daily"]},
            {"quiet_days": "monday"},
            {"quiet_days": ["funday"]},
            {"quiet_days": ["Monday"]},
            {"quiet_days": [1]},
            {"quiet_days": [None]},
            {"quiet_days": {"monday": True}},
            {"quiet_days": ["monday"] * 8},
            {"pace": "daily", "quiet_days": ["funday"]},
        ):
            response = self.patch(body)
            self.assertEqual(response.status_code, 422, body)
            self.assertEqual(response.json()["code"], "invalid", body)
            self.assertTrue(response.json()["errors"], body)
        self.assertEqual(self.saved(), before)

    def test_a_body_that_is_not_an_object_changes_nothing(self):
        before = self.saved()
        for body in (["pace"], "daily", 5):
            response = self.patch(body)
            self.assertLess(response.status_code, 500, body)
        self.assertEqual(self.saved(), before)

    def test_patch_refreshes_both_partners_pages(self):
        versions = {p.pk: User.objects.get(pk=p.pk).content_version for p in (self.alice, self.bob)}
        self.patch({"pace": "weekly"}, person=self.bob)
        for person in (self.alice, self.bob):
            self.assertGreater(User.objects.get(pk=person.pk).content_version, versions[person.pk])

    def test_it_requires_authentication_and_csrf_with_the_session(self):
        before = self.saved()
        response = self.client.patch("/api/me", {"pace": "asked"}, content_type="application/json")
        self.assertEqual(response.status_code, 401)
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        response = client.patch("/api/me", {"pace": "asked"}, content_type="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.saved(), before)
