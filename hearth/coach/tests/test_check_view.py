"""GET/POST /coach/: try your words, as a full page or (with htmx) only the feedback.

The rules are being changed by someone else, so these tests assert only robust facts,
and otherwise compare the page with what the engine says for the same text.
"""

import logging
from contextlib import contextmanager

from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.coach import analyse
from hearth.coach.feedback import TEXT_MAX
from hearth.testing import HearthTestCase

URL = reverse("coach:check")
HARSH = "You never listen to me, you're so lazy"
KIND = "Thank you for dinner"
SECRET = "Zanzibar-rhubarb-7431 you never listen to me, you're so lazy"
SCRIPT = "<script>alert(1)</script> You never listen to me & you're so lazy <3"
HX = {"HTTP_HX_REQUEST": "true"}


def row_counts() -> dict:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


class _Keep(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def every_log():
    """Every record at DEBUG and up, from every logger, whether or not it propagates.

    Django sets its own loggers to INFO, so each one is lowered to DEBUG, not just the root.
    """
    keep = _Keep()
    existing = [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    loggers = [logging.getLogger(), *existing]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is loggers[0] or not logger.propagate:
            logger.addHandler(keep)
    try:
        yield keep.records
    finally:
        for logger, level, disabled in saved:
            logger.removeHandler(keep)
            logger.setLevel(level)
            logger.disabled = disabled


def log_text(records) -> str:
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        parts.append(repr({k: v for k, v in vars(record).items() if k not in ("msg", "args")}))
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def cached_bytes() -> bytes:
    blobs = []
    for alias in ("default", "pages"):
        store = getattr(caches[alias], "_cache", {})
        blobs.extend(
            value if isinstance(value, bytes) else repr(value).encode() for value in store.values()
        )
    return b"\n".join(blobs)


class CheckViewTests(HearthTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)

    def check(self, data, **extra):
        return self.client.post(URL, data, **extra)

    def categories(self, response) -> set[str]:
        feedback = response.context["feedback"]
        return {f.category for f in feedback.findings} if feedback else set()

    # The full page

    def test_get_shows_the_form_and_no_feedback(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "coach/check.html")
        self.assertIsNone(response.context["feedback"])
        self.assertContains(response, 'name="text"')
        self.assertContains(response, f'maxlength="{TEXT_MAX}"')
        self.assertContains(response, 'value="paraphrase"')
        self.assertContains(response, "It never stores what you type here")
        self.assertNotContains(response, 'class="coach"')

    def test_a_harsh_message_is_flagged_as_criticism(self):
        response = self.check({"text": HARSH})
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "coach/check.html")
        self.assertIn("criticism", self.categories(response))
        content = response.content.decode()
        self.assertIn("<html", content)
        self.assertIn('<mark title="criticism">', content)
        self.assertIn("This might land harder than you mean.", content)
        self.assertIn("you can send it exactly as it is", content)

    def test_the_page_says_what_the_engine_says(self):
        for text, context in ((HARSH, "message"), (KIND, "message"), (HARSH, "paraphrase")):
            response = self.check({"text": text, "context": context})
            analysis = analyse(text, context=context)
            feedback = response.context["feedback"]
            self.assertEqual(feedback.findings, analysis.findings, (text, context))
            self.assertEqual(feedback.strengths, analysis.strengths, (text, context))
            self.assertEqual(feedback.analysis.suggestion, analysis.suggestion, (text, context))
            self.assertEqual("".join(piece.text for piece in feedback.pieces), text)

    def test_no_context_means_a_message(self):
        response = self.check({"text": HARSH})
        self.assertEqual(response.context["feedback"].findings, analyse(HARSH).findings)

    def test_a_kind_message_has_no_findings(self):
        response = self.check({"text": KIND})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.categories(response), set())
        content = response.content.decode()
        self.assertNotIn("<mark", content)
        self.assertNotIn("This might land harder", content)
        self.assertTrue(
            "This reads kindly" in content or "Nothing here looks likely to sting" in content
        )

    def test_marks_and_text_are_escaped(self):
        response = self.check({"text": SCRIPT})
        content = response.content.decode()
        self.assertIn("criticism", self.categories(response))
        self.assertNotIn("<script>alert", content)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", content)
        self.assertNotIn(" <3", content)
        self.assertIn("&amp; ", content)
        self.assertIn('<mark title="criticism">', content)
        for finding in response.context["feedback"].findings:
            self.assertNotIn("<", finding.excerpt)

    def test_markup_inside_a_flagged_part_is_escaped_in_the_mark(self):
        text = "You never <b>listen</b> to me, you're so lazy"
        response = self.check({"text": text})
        content = response.content.decode()
        self.assertNotIn("<b>listen</b>", content)
        self.assertIn("&lt;b&gt;", content)

    def test_empty_and_over_long_text_is_refused_clearly(self):
        before = row_counts()
        for text, message in (
            ("", "Write something to check first."),
            ("   \n\t", "Write something to check first."),
            ("x" * (TEXT_MAX + 1), f"at most {TEXT_MAX} characters"),
        ):
            response = self.check({"text": text})
            self.assertEqual(response.status_code, 422, len(text))
            self.assertContains(response, message, status_code=422)
            self.assertContains(response, 'role="alert"', status_code=422)
            self.assertIsNone(response.context["feedback"])
        self.assertEqual(row_counts(), before)

    def test_the_longest_text_is_read(self):
        text = ("You never listen to me. " * 100)[:TEXT_MAX]
        response = self.check({"text": text})
        self.assertEqual(response.status_code, 200)
        self.assertIn("criticism", self.categories(response))

    def test_other_bad_input_is_refused(self):
        for data in (
            {"text": HARSH, "context": "shout"},
            {"text": HARSH, "context": "<script>"},
            {"text": "nul\x00here"},
            {},
        ):
            response = self.check(data)
            self.assertEqual(response.status_code, 422, data)
            self.assertNotIn("<script>", response.content.decode().split("<main", 1)[1])

    # With htmx: only the feedback

    def test_with_htmx_only_the_feedback_comes_back(self):
        response = self.check({"text": HARSH}, **HX)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "coach/partials/feedback.html")
        self.assertTemplateNotUsed(response, "coach/check.html")
        content = response.content.decode()
        self.assertNotIn("<html", content)
        self.assertNotIn("<form", content)
        self.assertIn('role="status"', content)
        self.assertIn('<mark title="criticism">', content)
        self.assertIn("criticism", self.categories(response))

    def test_with_htmx_a_kind_message_has_no_marks(self):
        response = self.check({"text": KIND, "context": "message"}, **HX)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<mark", response.content.decode())
        self.assertEqual(self.categories(response), set())

    def test_with_htmx_marks_are_escaped(self):
        content = self.check({"text": SCRIPT}, **HX).content.decode()
        self.assertNotIn("<script>alert", content)
        self.assertIn("&lt;script&gt;", content)

    def test_with_htmx_an_empty_box_clears_the_hints(self):
        for text in ("", "   "):
            response = self.check({"text": text}, **HX)
            self.assertEqual(response.status_code, 200)
            self.assertIsNone(response.context["feedback"])
            self.assertEqual(response.content.decode().strip(), "")

    def test_with_htmx_over_long_text_says_why(self):
        response = self.check({"text": "x" * (TEXT_MAX + 1)}, **HX)
        self.assertEqual(response.status_code, 422)
        content = response.content.decode()
        self.assertNotIn("<html", content)
        self.assertIn('role="alert"', content)
        self.assertIn(f"at most {TEXT_MAX} characters", content)
        self.assertIsNone(response.context["feedback"])

    def test_with_htmx_a_bad_context_says_why(self):
        response = self.check({"text": HARSH, "context": "shout"}, **HX)
        self.assertEqual(response.status_code, 422)
        self.assertIn('role="alert"', response.content.decode())
        self.assertNotIn("<mark", response.content.decode())

    def test_with_htmx_get_gives_an_empty_partial(self):
        response = self.client.get(URL, **HX)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "coach/partials/feedback.html")
        self.assertEqual(response.content.decode().strip(), "")

    # Never stored, never logged

    def test_the_text_is_never_stored(self):
        before = row_counts()
        self.client.get(URL)  # the session and CSRF cookie exist before the text is sent
        with CaptureQueriesContext(connection) as queries:
            for extra in ({}, HX):
                self.assertEqual(self.check({"text": SECRET}, **extra).status_code, 200)
                self.assertEqual(
                    self.check({"text": SECRET, "context": "paraphrase"}, **extra).status_code,
                    200,
                )
                self.check({"text": SECRET * 40}, **extra)  # too long: refused
        self.assertEqual(row_counts(), before)
        writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
        self.assertEqual(writes, [])
        self.assertFalse(any("Zanzibar" in q["sql"] for q in queries))
        self.assertNotIn(b"Zanzibar", cached_bytes())
        session = self.client.session
        self.assertNotIn("Zanzibar", repr(dict(session.items())))

    def test_the_text_is_never_logged(self):
        with self.assertLogs(level="DEBUG") as root, every_log() as everything:
            logging.getLogger("hearth.tests").debug("marker")  # assertLogs needs one record
            with CaptureQueriesContext(connection):  # SQL is logged with its parameters
                for extra in ({}, HX):
                    self.check({"text": SECRET}, **extra)
                    self.check({"text": SECRET, "context": "paraphrase"}, **extra)
                    self.check({"text": SECRET * 40}, **extra)  # a 422, which Django logs
                    self.check({"text": SECRET, "context": "shout"}, **extra)
        self.assertNotIn("Zanzibar", log_text(root.records))
        self.assertNotIn("Zanzibar", log_text(everything))
        self.assertNotIn("zanzibar", log_text(everything).lower())
        # The net really catches: the marker, the SQL of each request, Django's 422 warnings.
        self.assertTrue(any("marker" in r.getMessage() for r in everything))
        self.assertTrue(any(r.name == "django.db.backends" for r in everything))
        self.assertTrue(any(r.name == "django.request" for r in everything))

    # Access and methods

    def test_it_requires_login(self):
        self.client.logout()
        for response in (self.client.get(URL), self.check({"text": HARSH})):
            self.assertEqual(response.status_code, 302)
            self.assertIn("/accounts/login/", response["Location"])

    def test_someone_on_their_own_can_use_it(self):
        self.client.force_login(self.dan)
        response = self.check({"text": HARSH})
        self.assertEqual(response.status_code, 200)
        self.assertIn("criticism", self.categories(response))

    def test_it_rejects_other_methods(self):
        before = row_counts()
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(URL).status_code, 405, method)
        self.assertEqual(row_counts(), before)
