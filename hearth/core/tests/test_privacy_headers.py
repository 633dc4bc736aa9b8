from django.urls import reverse

from hearth.testing import HearthTestCase

PERMISSIONS_OFF = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


class PrivacyHeadersTests(HearthTestCase):
    def assert_private(self, response):
        self.assertIn("no-store", response.get("Cache-Control", ""))
        self.assertIn("private", response.get("Cache-Control", ""))
        for feature in PERMISSIONS_OFF:
            self.assertIn(feature, response.get("Permissions-Policy", ""))
        self.assertIn("interest-cohort=()", response.get("Permissions-Policy", ""))
        self.assertEqual(response.get("X-Robots-Tag"), "noindex, nofollow")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")

    def test_signed_in_pages_are_never_cached(self):
        self.client.force_login(self.alice)
        for name in ("home", "checkins:today", "checkins:history", "questions:history"):
            with self.subTest(page=name):
                response = self.client.get(reverse(name))
                self.assertEqual(response.status_code, 200)
                self.assert_private(response)

    def test_a_detail_page_is_never_cached(self):
        self.client.force_login(self.bob)
        response = self.client.get(
            reverse("checkins:detail", args=[self.world.alice_shared_checkin.public_id])
        )
        self.assertContains(response, "Alice&#x27;s shared note")
        self.assert_private(response)

    def test_the_api_is_never_cached(self):
        self.client.force_login(self.alice)
        response = self.client.get("/api/me")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["email"], "alice@example.org")
        self.assert_private(response)

    def test_api_errors_are_never_cached(self):
        response = self.client.get("/api/me")
        self.assertEqual(response.status_code, 401)
        self.assert_private(response)

    def test_anonymous_pages_get_the_same_headers(self):
        for path in (reverse("home"), reverse("account_login"), reverse("safety:index")):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                self.assert_private(response)

    def test_redirects_and_not_found_get_the_same_headers(self):
        self.assert_private(self.client.get(reverse("checkins:today")))
        self.client.force_login(self.carol)
        response = self.client.get(
            reverse("checkins:detail", args=[self.world.alice_shared_checkin.public_id])
        )
        self.assertEqual(response.status_code, 404)
        self.assert_private(response)

    def test_a_redirect_to_add_a_slash_gets_the_same_headers(self):
        # An invitation link whose last "/" got lost: the permanent redirect carries
        # the token, and browsers keep 301s in their cache unless told not to.
        response = self.client.get("/pair/join/SomeInvitationToken")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/pair/join/SomeInvitationToken/")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertIn("no-store", response.get("Cache-Control", ""))
        self.assertEqual(response.get("X-Robots-Tag"), "noindex, nofollow")

    def test_static_files_keep_their_cache_lifetime(self):
        response = self.client.get("/static/hearth/app.js")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("no-store", response.get("Cache-Control", ""))
        self.assertNotIn("X-Robots-Tag", response)
