import logging

from django.test import SimpleTestCase

from hearth.core.logging import RedactSecretsFilter, redact


def record(msg, *args) -> logging.LogRecord:
    return logging.LogRecord("django.server", logging.INFO, __file__, 1, msg, args or None, None)


def filtered(msg, *args) -> str:
    entry = record(msg, *args)
    kept = RedactSecretsFilter().filter(entry)
    assert kept is True
    return entry.getMessage()


class RedactSecretsFilterTests(SimpleTestCase):
    def test_it_removes_invitation_tokens(self):
        line = filtered('"GET /pair/join/Xk3_-abcDEF123456789012345678/ HTTP/1.1" 200 512')
        self.assertEqual(line, '"GET /pair/join/[redacted]/ HTTP/1.1" 200 512')

    def test_it_removes_email_confirmation_keys(self):
        line = filtered("GET /accounts/confirm-email/MQ:1uQx2b:AbCdEfGh_IjKl-Mn/ 302")
        self.assertEqual(line, "GET /accounts/confirm-email/[redacted]/ 302")

    def test_it_removes_password_reset_keys(self):
        line = filtered("POST /accounts/password/reset/key/1-set-password/ 200")
        self.assertEqual(line, "POST /accounts/password/reset/key/[redacted]/ 200")
        line = filtered("GET /accounts/password/reset/key/2s-cv5s1w-0f9e8d7c6b5a4/")
        self.assertEqual(line, "GET /accounts/password/reset/key/[redacted]/")

    def test_it_removes_bearer_tokens(self):
        line = filtered("Unauthorized: Authorization: Bearer hth_s3cr3tT0ken.value from 10.0.0.1")
        self.assertEqual(line, "Unauthorized: Authorization: Bearer [redacted] from 10.0.0.1")
        self.assertEqual(
            filtered("authorization: bearer hth_lower"), "authorization: bearer [redacted]"
        )

    def test_it_removes_secrets_that_come_through_the_arguments(self):
        entry = record('"%s" %s %s', "GET /pair/join/SecretToken123/?next=/ HTTP/1.1", "200", "64")
        RedactSecretsFilter().filter(entry)
        self.assertEqual(entry.getMessage(), '"GET /pair/join/[redacted]/?next=/ HTTP/1.1" 200 64')
        self.assertNotIn("SecretToken123", entry.msg)
        self.assertEqual(entry.args, ())

    def test_it_removes_a_token_at_the_end_of_a_line_or_before_a_query(self):
        self.assertEqual(filtered("/pair/join/abc123"), "/pair/join/[redacted]")
        self.assertEqual(filtered("/pair/join/abc123?x=1"), "/pair/join/[redacted]?x=1")
        self.assertEqual(
            filtered("Bearer hth_one and /pair/join/two/ and Bearer eyJhbGciOiJIUzI1NiJ9.e30"),
            "Bearer [redacted] and /pair/join/[redacted]/ and Bearer [redacted]",
        )

    def test_it_leaves_other_text_unchanged(self):
        entry = record('"%s" %s %s', "GET /checkins/ HTTP/1.1", "200", "1024")
        RedactSecretsFilter().filter(entry)
        self.assertEqual(entry.msg, '"%s" %s %s')
        self.assertEqual(entry.args, ("GET /checkins/ HTTP/1.1", "200", "1024"))
        self.assertEqual(entry.getMessage(), '"GET /checkins/ HTTP/1.1" 200 1024')
        for text in ("GET /pair/ 200", "GET /pair/join/ 404", "Bearer", "hearth.bearer"):
            self.assertEqual(redact(text), text)

    def test_it_leaves_the_word_bearer_alone_when_no_token_follows(self):
        # The API's own 401 message names the scheme but holds no secret.
        text = "Sign in, or send a personal access token as a Bearer header."
        self.assertEqual(filtered(text), text)

    def test_the_console_handler_uses_the_filter(self):
        from django.conf import settings

        handler = settings.LOGGING["handlers"]["console"]
        self.assertIn("redact", handler["filters"])
        self.assertEqual(
            settings.LOGGING["filters"]["redact"]["()"], "hearth.core.logging.RedactSecretsFilter"
        )
        for name in ("django.server", "django.request"):
            self.assertEqual(settings.LOGGING["loggers"][name]["handlers"], ["console"])
