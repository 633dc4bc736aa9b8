"""Shared pieces of the JSON API: error shape, text types, auth, response maps."""

from typing import Annotated, Any, Literal

from django.http import Http404
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from pydantic import AfterValidator, BeforeValidator

from hearth.accounts.services import token_authenticate
from hearth.core.errors import ServiceError


def _printable(value: str) -> str:
    # Lone surrogates cannot be stored as UTF-8, and PostgreSQL refuses NUL.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("Text must be valid Unicode.") from exc
    if "\x00" in value:
        raise ValueError("Text must not contain NUL characters.")
    return value


# Every character Python's str.strip() removes, spelled out: regex engines (the
# JSON Schema's ECMA, Python's, pydantic's Rust) disagree on what \s means.
SPACES = "".join(f"\\u{ord(ch):04x}" for ch in map(chr, range(0x10000)) if ch.isspace())


def Text(max_length: int, min_length: int = 0) -> Any:
    """A string with a length limit that the database can store.

    A required text (min_length >= 1) must also hold something other than spaces,
    said in the schema as a pattern, so the OpenAPI document is exact.
    """
    # No NUL anywhere (PostgreSQL cannot store it); something other than spaces if required.
    pattern = f"^[^\\x00]*[^\\x00{SPACES}][^\\x00]*$" if min_length else r"^[^\x00]*$"
    return Annotated[
        str,
        Field(min_length=min_length, max_length=max_length, pattern=pattern),
        AfterValidator(_printable),
    ]


def _json_integer(value: Any) -> Any:
    # JSON Schema's integer: 3 and 3.0, but never true/false or "3".
    if isinstance(value, bool | str):
        raise ValueError("Input should be a whole number.")
    return value


def WholeNumber(low: int, high: int) -> Any:
    """An integer from low to high, as JSON Schema's `integer` means it."""
    # The bounds come before the validator so they appear in the JSON schema.
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(_json_integer)]


def OneOf(keys) -> Any:
    """A string that must be one of `keys` (an enum in the schema)."""
    return Literal[tuple(keys)]


def feelings_map() -> Any:
    """Feeling keys (an enum) with whole-number intensities from 1 to 5, one to six of them."""
    from hearth.content import catalog
    from hearth.core.feelings import MAX_FEELINGS

    return Annotated[
        dict[OneOf(catalog.feeling_by_key), WholeNumber(1, 5)],
        Field(
            min_length=1,
            max_length=MAX_FEELINGS,
            description="Feeling keys (GET /api/content/feelings) with an intensity from 1 to 5.",
        ),
    ]


def timezone_type() -> Any:
    from hearth.accounts.models import timezone_names

    return OneOf(timezone_names())


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    code: str
    errors: list[FieldErrorOut] = []


COMMON_ERRORS = (400, 401, 403, 422)


def responses(ok: int, schema, *errors: int) -> dict:
    """A response map: the success status plus every error the operation can give."""
    mapping: dict = {ok: schema}
    for status in (*COMMON_ERRORS, *errors):
        mapping[status] = ErrorOut
    return mapping


class TokenAuth(HttpBearer):
    """Personal access tokens, sent as `Authorization: Bearer hth_…`."""

    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


# Bearer first: session auth checks CSRF, and a token request has no CSRF token.
AUTH = [TokenAuth(), SessionAuth()]


def error(api, request, *, status: int, detail: str, code: str, errors=None):
    return api.create_response(
        request, {"detail": detail, "code": code, "errors": errors or []}, status=status
    )


def install_error_handlers(api) -> None:
    def on_service_error(request, exc: ServiceError):
        return error(api, request, status=exc.status, detail=exc.message, code=exc.code)

    def on_not_found(request, exc):
        return error(api, request, status=404, detail="Not found.", code="not_found")

    def on_auth(request, exc):
        return error(
            api,
            request,
            status=401,
            detail="Sign in, or send a personal access token as a Bearer header.",
            code="unauthenticated",
        )

    def on_validation(request, exc: ValidationError):
        fields = []
        for item in exc.errors:
            location = [
                str(part) for part in item.get("loc", ()) if part not in ("body", "payload")
            ]
            fields.append({"field": ".".join(location) or "body", "message": item.get("msg", "")})
        return error(
            api,
            request,
            status=422,
            detail="Some of what was sent is not valid.",
            code="invalid",
            errors=fields,
        )

    def on_http_error(request, exc: HttpError):
        code = "csrf_failed" if exc.status_code == 403 else "error"
        return error(api, request, status=exc.status_code, detail=str(exc), code=code)

    api.add_exception_handler(ServiceError, on_service_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(HttpError, on_http_error)


FeelingsMap = feelings_map()
