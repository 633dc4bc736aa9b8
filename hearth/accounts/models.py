import uuid
import zoneinfo
from functools import cache

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone


class Depth(models.TextChoices):
    """How personal questions may get. Ordered from light to vulnerable."""

    LIGHT = "light", "Light: easy, everyday questions"
    DEEPER = "deeper", "Deeper: feelings, values, the two of us"
    VULNERABLE = "vulnerable", "Vulnerable: hopes, fears, tender things"


class Pace(models.TextChoices):
    """How often Hearth suggests something to try. Ordered from most to least often."""

    DAILY = "daily", "Something most days"
    FEW = "few", "A few times a week"
    WEEKLY = "weekly", "About once a week"
    ASKED = "asked", "Only when I go looking"


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def days_to_mask(days) -> int:
    return sum(1 << WEEKDAYS.index(day) for day in set(days))


def mask_to_days(mask: int) -> list[str]:
    return [day for index, day in enumerate(WEEKDAYS) if mask & (1 << index)]


@cache
def timezone_names() -> tuple[str, ...]:
    names = {
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    }
    names.add("UTC")
    return tuple(sorted(names))


def validate_timezone(value: str) -> None:
    if value not in timezone_names():
        raise ValidationError("Choose a time zone from the list, for example Europe/Paris.")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person. Signs in with an email address; there is no username."""

    username = None
    first_name = None
    last_name = None

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=40)
    pronouns = models.CharField(max_length=30, blank=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    comfort_level = models.CharField(max_length=12, choices=Depth.choices, default=Depth.LIGHT)
    pace = models.CharField(max_length=8, choices=Pace.choices, default=Pace.FEW)
    # Days of the week with no suggestions at all: bit 0 is Monday, bit 6 Sunday.
    quiet_days = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(127)])
    # Bumped by every write that changes what this person's pages show (core/freshness.py).
    content_version = models.PositiveBigIntegerField(default=0)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    def __str__(self) -> str:
        return self.display_name or f"person {self.public_id}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def local_now(self):
        return timezone.now().astimezone(self.zone)

    def local_today(self):
        return self.local_now().date()

    @property
    def quiet_day_names(self) -> list[str]:
        return mask_to_days(self.quiet_days)

    def is_quiet_on(self, day) -> bool:
        return bool(self.quiet_days & (1 << day.weekday()))


class ApiToken(models.Model):
    """A personal access token for the JSON API. Only its SHA-256 is stored."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=60)
    prefix = models.CharField(max_length=16)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
