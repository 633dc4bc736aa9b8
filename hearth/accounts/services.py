"""Profile changes and personal access tokens."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import ApiToken, User
from hearth.core.errors import ServiceError

TOKEN_PREFIX = "hth_"  # noqa: S105 (a prefix, not a secret)
MAX_ACTIVE_TOKENS = 20


def token_digest(raw: str) -> str:
    # Tokens are 32 random bytes, so a plain SHA-256 is enough (no slow hash needed).
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    with transaction.atomic():
        active = ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
        if active.count() >= MAX_ACTIVE_TOKENS:
            raise ServiceError(
                f"You already have {MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use.",
                code="too_many_tokens",
                status=409,
            )
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            user=user, name=name, prefix=raw[:10], token_hash=token_digest(raw)
        )
    return token, raw


def token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def token_authenticate(raw: str) -> User | None:
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Write last use at most once a minute, so reading the API stays read-only in practice.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def profile_update(*, user: User, **fields) -> User:
    allowed = {"display_name", "pronouns", "timezone", "comfort_level", "pace", "quiet_days"}
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(f"Unknown profile fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.full_clean(exclude=["password", "email"], validate_unique=False)
    user.save(update_fields=list(fields))
    return user
