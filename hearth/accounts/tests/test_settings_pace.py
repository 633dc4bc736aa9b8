from datetime import date, timedelta

from django.urls import reverse

from hearth.accounts.forms import PaceForm
from hearth.accounts.models import WEEKDAYS, Pace, User, days_to_mask, mask_to_days
from hearth.core.tests.html import tags
from hearth.testing import HearthTestCase, main_of

URL = reverse("accounts:pace")
MONDAY = date(2025, 1, 6)


class SettingsPaceTests(HearthTestCase):
    def saved(self, person) -> tuple:
        user = User.objects.get(pk=person.pk)
        return user.comfort_level, user.pace, user.quiet_days

    def post(self, data, person=None):
        self.client.force_login(person or self.alice)
        return self.client.post(URL, data)

    # The weekday mask

    def test_days_and_mask_go_both_ways(self):
        self.assertEqual(days_to_mask([]), 0)
        self.assertEqual(days_to_mask(["monday"]), 1)
        self.assertEqual(days_to_mask(["sunday"]), 64)
        self.assertEqual(days_to_mask(["saturday", "sunday", "sunday"]), 96)
        self.assertEqual(days_to_mask(WEEKDAYS), 127)
        self.assertEqual(mask_to_days(0), [])
        self.assertEqual(mask_to_days(96), ["saturday", "sunday"])
        self.assertEqual(mask_to_days(127), list(WEEKDAYS))
        for mask in range(128):
            self.assertEqual(days_to_mask(mask_to_days(mask)), mask)

    def test_mask_to_days_keeps_week_order(self):
        self.assertEqual(mask_to_days(days_to_mask(["friday", "monday"])), ["monday", "friday"])

    def test_is_quiet_on_reads_the_weekday(self):
        user = User(quiet_days=days_to_mask(["tuesday", "sunday"]))
        quiet = [user.is_quiet_on(MONDAY + timedelta(days=n)) for n in range(7)]
        self.assertEqual(quiet, [False, True, False, False, False, False, True])
        self.assertEqual(user.quiet_day_names, ["tuesday", "sunday"])

    # The page

    def test_it_shows_the_current_settings(self):
        User.objects.filter(pk=self.alice.pk).update(
            pace=Pace.WEEKLY, quiet_days=days_to_mask(["wednesday", "sunday"])
        )
        self.client.force_login(self.alice)
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        main = main_of(response)
        inputs = tags(main, "input")
        checked = {(i["name"], i["value"]) for i in inputs if "checked" in i}
        self.assertEqual(
            checked,
            {
                ("comfort_level", "vulnerable"),
                ("pace", "weekly"),
                ("quiet_days", "wednesday"),
                ("quiet_days", "sunday"),
            },
        )
        self.assertEqual(
            [i["value"] for i in inputs if i.get("name") == "pace"], [p.value for p in Pace]
        )
        self.assertEqual(
            [i["value"] for i in inputs if i.get("name") == "quiet_days"], list(WEEKDAYS)
        )
        self.assertIn("the slower pace", main)
        self.assertIn('aria-current="page">Pace and comfort', main)

    def test_it_saves_pace_quiet_days_and_comfort(self):
        self.client.force_login(self.alice)
        response = self.client.post(
            URL,
            {"comfort_level": "deeper", "pace": "weekly", "quiet_days": ["saturday", "sunday"]},
            follow=True,
        )
        self.assertRedirects(response, URL)
        self.assertContains(response, "Saved. Hearth will keep to this pace.")
        self.assertEqual(self.saved(self.alice), ("deeper", "weekly", 96))
        self.assertEqual(self.saved(self.bob), ("vulnerable", "few", 0))

    def test_it_clears_quiet_days(self):
        User.objects.filter(pk=self.alice.pk).update(quiet_days=127)
        response = self.post({"comfort_level": "light", "pace": "asked"})
        self.assertRedirects(response, URL)
        self.assertEqual(self.saved(self.alice), ("light", "asked", 0))

    def test_every_day_can_be_quiet(self):
        self.post({"comfort_level": "light", "pace": "daily", "quiet_days": list(WEEKDAYS)})
        self.assertEqual(self.saved(self.alice)[2], 127)

    def test_it_refuses_bad_input(self):
        before = self.saved(self.alice)
        good = {"comfort_level": "deeper", "pace": "weekly", "quiet_days": ["monday"]}
        cases = [
            ("no pace", {**good, "pace": ""}),
            ("unknown pace", {**good, "pace": "glacial"}),
            ("pace with script", {**good, "pace": "<script>"}),
            ("no comfort", {k: v for k, v in good.items() if k != "comfort_level"}),
            ("unknown comfort", {**good, "comfort_level": "reckless"}),
            ("unknown day", {**good, "quiet_days": ["funday"]}),
            ("a number for a day", {**good, "quiet_days": ["1"]}),
            ("nothing", {}),
        ]
        self.client.force_login(self.alice)
        for name, data in cases:
            response = self.client.post(URL, data)
            self.assertEqual(response.status_code, 422, name)
            main = main_of(response)
            self.assertIn('role="alert"', main, name)
            self.assertNotIn("<script>", main, name)
        self.assertEqual(self.saved(self.alice), before)

    def test_saving_refreshes_both_partners_pages(self):
        versions = {p.pk: User.objects.get(pk=p.pk).content_version for p in (self.alice, self.bob)}
        carol = User.objects.get(pk=self.carol.pk).content_version
        self.post({"comfort_level": "deeper", "pace": "weekly"}, person=self.bob)
        for person in (self.alice, self.bob):
            self.assertGreater(User.objects.get(pk=person.pk).content_version, versions[person.pk])
        self.assertEqual(User.objects.get(pk=self.carol.pk).content_version, carol)

    def test_the_partner_does_not_see_my_settings_on_their_page(self):
        self.post(
            {"comfort_level": "light", "pace": "asked", "quiet_days": ["friday"]}, person=self.bob
        )
        self.client.force_login(self.alice)
        inputs = tags(main_of(self.client.get(URL)), "input")
        checked = {(i["name"], i["value"]) for i in inputs if "checked" in i}
        self.assertEqual(checked, {("comfort_level", "vulnerable"), ("pace", "few")})

    def test_the_form_maps_to_the_fields_saved(self):
        form = PaceForm(
            {"comfort_level": "light", "pace": "daily", "quiet_days": ["monday", "sunday"]}
        )
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(
            form.fields_to_save(), {"comfort_level": "light", "pace": "daily", "quiet_days": 65}
        )
        user = User(comfort_level="deeper", pace="weekly", quiet_days=65)
        self.assertEqual(
            PaceForm.initial_for(user),
            {"comfort_level": "deeper", "pace": "weekly", "quiet_days": ["monday", "sunday"]},
        )

    def test_it_requires_login(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        before = self.saved(self.alice)
        self.client.post(URL, {"comfort_level": "light", "pace": "asked"})
        self.assertEqual(self.saved(self.alice), before)

    def test_it_rejects_other_methods(self):
        self.client.force_login(self.alice)
        before = self.saved(self.alice)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(URL).status_code, 405, method)
        self.assertEqual(self.saved(self.alice), before)
