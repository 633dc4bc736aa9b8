from urllib.parse import urlsplit

from csp.constants import NONCE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from hearth.core.tests.html import parse, tags, urls
from hearth.testing import HearthTestCase


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def is_local(url: str) -> bool:
    """A URL on this site, or inline data (a QR code image) that needs no request."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


class CSPTests(HearthTestCase):
    def pages(self):
        """(name, response) for the pages people see most, anonymous and signed in."""
        yield "welcome", self.client.get(reverse("home"))
        yield "login", self.client.get(reverse("account_login"))
        yield "signup", self.client.get(reverse("account_signup"))
        yield "safety", self.client.get(reverse("safety:index"))
        self.client.force_login(self.alice)
        yield "home", self.client.get(reverse("home"))
        yield "check-in", self.client.get(reverse("checkins:today"))
        yield "questions", self.client.get(reverse("questions:history"))
        yield "settings", self.client.get(reverse("accounts:settings"))
        self.client.force_login(self.dan)
        yield "pairing", self.client.get(reverse("couples:pairing"))

    def test_the_policy_allows_only_this_site(self):
        response = self.client.get(reverse("account_login"))
        directives = policy(response)
        self.assertEqual(directives["default-src"], ["'none'"])
        self.assertEqual(directives["script-src"][0], "'self'")
        self.assertEqual(directives["frame-ancestors"], ["'none'"])
        self.assertEqual(directives["object-src"], ["'none'"])
        self.assertEqual(directives["base-uri"], ["'none'"])
        self.assertEqual(directives["form-action"], ["'self'"])
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])
        self.assertNotIn("unsafe-eval", response["Content-Security-Policy"])
        for name, values in directives.items():
            for value in values:
                with self.subTest(directive=name, value=value):
                    self.assertNotIn("://", value)
                    self.assertNotEqual(value, "*")

    def test_a_script_with_the_nonce_is_allowed_and_others_are_not(self):
        seen = {}

        def view(request):
            seen["nonce"] = str(request.csp_nonce)
            return HttpResponse(f'<script nonce="{seen["nonce"]}">1</script>')

        response = CSPMiddleware(view)(RequestFactory().get("/"))
        directives = policy(response)
        self.assertEqual(directives["script-src"], ["'self'", f"'nonce-{seen['nonce']}'"])
        self.assertGreaterEqual(len(seen["nonce"]), 16)
        self.assertIn(NONCE, settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"])

    def test_every_page_sends_the_policy(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                self.assertEqual(response.status_code, 200)
                directives = policy(response)
                self.assertEqual(directives["default-src"], ["'none'"])
                self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])

    def test_every_script_is_a_file_from_this_site(self):
        for name, response in self.pages():
            html = response.content.decode()
            scripts = tags(html, "script")
            with self.subTest(page=name):
                self.assertGreater(len(scripts), 0)
                for attrs in scripts:
                    self.assertTrue(attrs.get("src"), f"inline script on {name}: {attrs}")
                    self.assertTrue(attrs["src"].startswith("/static/"), attrs["src"])
                bodies = [body.strip() for body in parse(html).script_bodies]
                self.assertEqual(bodies, [""] * len(scripts))
                # No event-handler attributes either: they are inline scripts too.
                for _tag, attrs in parse(html).tags:
                    handlers = [attr for attr in attrs if attr.startswith("on")]
                    self.assertEqual(handlers, [], f"{name}: {_tag} {attrs}")

    def test_no_page_uses_inline_styles(self):
        # style-src 'self' blocks them, so they would silently not apply.
        for name, response in self.pages():
            with self.subTest(page=name):
                found = parse(response.content.decode()).tags
                self.assertEqual([tag for tag, _attrs in found if tag == "style"], [])
                self.assertEqual([attrs for _tag, attrs in found if "style" in attrs], [])
                for attrs in tags(response.content.decode(), "link"):
                    if attrs.get("rel") == "stylesheet":
                        self.assertTrue(attrs["href"].startswith("/static/"), attrs["href"])

    def test_no_page_links_or_loads_another_site_except_the_quick_exit(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                html = response.content.decode()
                outside = [url for url in urls(html) if not is_local(url)]
                self.assertEqual(outside, [settings.HEARTH_QUICK_EXIT_URL])

    def test_the_api_docs_load_only_local_files(self):
        response = self.client.get("/api/docs")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        scripts = tags(html, "script")
        loaded = [attrs["src"] for attrs in scripts if "src" in attrs]
        self.assertGreater(len(loaded), 0)
        for src in loaded:
            self.assertTrue(src.startswith("/static/"), src)
        for attrs in scripts:
            if "src" not in attrs:
                # A JSON settings block is data, not code; nothing else may be inline.
                self.assertEqual(attrs.get("type"), "application/json")
        stylesheets = [attrs["href"] for attrs in tags(html, "link")]
        self.assertGreater(len(stylesheets), 0)
        for href in stylesheets:
            self.assertTrue(href.startswith("/static/"), href)
        self.assertEqual([url for url in urls(html) if not is_local(url)], [])
        for src in loaded:
            self.assertEqual(self.client.get(src).status_code, 200, src)
