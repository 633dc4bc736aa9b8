import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings
from django.urls import reverse

from hearth.core.tests.html import element_by_id
from hearth.testing import HearthTestCase


def app_js() -> str:
    path = finders.find("hearth/app.js")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


class QuickExitTests(HearthTestCase):
    def pages(self):
        yield "welcome", self.client.get(reverse("home"))
        yield "login", self.client.get(reverse("account_login"))
        yield "safety (anonymous)", self.client.get(reverse("safety:index"))
        self.client.force_login(self.alice)
        yield "home", self.client.get(reverse("home"))
        yield "check-in", self.client.get(reverse("checkins:today"))
        yield (
            "check-in detail",
            self.client.get(
                reverse("checkins:detail", args=[self.world.alice_shared_checkin.public_id])
            ),
        )
        yield "questions", self.client.get(reverse("questions:history"))
        yield "settings", self.client.get(reverse("accounts:settings"))
        yield "safety (signed in)", self.client.get(reverse("safety:index"))

    def assert_quick_exit(self, name, response, url):
        self.assertEqual(response.status_code, 200, name)
        html = response.content.decode()
        found = element_by_id(html, "quick-exit")
        self.assertIsNotNone(found, f"no quick exit on {name}")
        tag, attrs = found
        self.assertEqual(tag, "a")
        self.assertEqual(attrs["href"], url)
        self.assertIn("noreferrer", attrs["rel"].split())
        self.assertIn(">Leave quickly</a>", html)
        # It sits in the header, before the page's own content.
        self.assertLess(html.index('id="quick-exit"'), html.index('id="main"'))

    def test_every_page_has_the_quick_exit(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                self.assert_quick_exit(name, response, settings.HEARTH_QUICK_EXIT_URL)

    @override_settings(HEARTH_QUICK_EXIT_URL="https://weather.example.net/today")
    def test_the_operator_chooses_where_it_goes(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                self.assert_quick_exit(name, response, "https://weather.example.net/today")
                self.assertNotContains(response, "wikipedia.org")

    def test_the_script_replaces_the_history_entry(self):
        script = app_js()
        self.assertIn('getElementById("quick-exit")', script)
        self.assertRegex(script, r"location\.replace\(\s*exit\.href\s*\)")
        self.assertNotIn("location.href =", script)
        self.assertNotIn("location.assign", script)

    def test_three_escapes_leave_the_page(self):
        script = app_js()
        self.assertIn('addEventListener("keydown"', script)
        self.assertIn('event.key !== "Escape"', script)
        self.assertRegex(script, r"escapes\.length\s*>=\s*3\)\s*leaveQuickly\(\)")

    def test_the_script_is_loaded_on_every_page(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                srcs = re.findall(r'<script src="([^"]+)"', response.content.decode())
                self.assertIn("/static/hearth/app.js", srcs)
        self.assertEqual(self.client.get("/static/hearth/app.js").status_code, 200)
