import logging
import re

# Paths that carry a secret in the URL: invitation links, email confirmation
# and password-reset keys. Request logs show them redacted.
SECRET_PATHS = re.compile(
    r"(/pair/join/|/accounts/confirm-email/|/accounts/password/reset/key/)[^\s/\"?]+"
)
# A bearer token: long and token-like, so the word "Bearer" in prose stays as it is.
BEARER = re.compile(r"(Bearer\s+)(?:hth_\S+|[A-Za-z0-9_\-.~+/=]{16,})", re.IGNORECASE)


def redact(text: str) -> str:
    return BEARER.sub(r"\1[redacted]", SECRET_PATHS.sub(r"\1[redacted]", text))


class RedactSecretsFilter(logging.Filter):
    """Remove tokens from log lines. Logs never hold content, tokens or passwords."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        return True
