from django.core.exceptions import ValidationError

from hearth.accounts.models import User
from hearth.accounts.services import profile_update
from hearth.core.errors import ServiceError
from hearth.testing import HearthTestCase


class ProfileUpdateTests(HearthTestCase):
    def assertUnchanged(self):
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Alice")
        self.assertEqual(alice.timezone, "Europe/London")
        self.assertEqual(alice.email, "alice@example.org")

    def test_it_works(self):
        profile_update(user=self.alice, display_name="Ali", timezone="Asia/Tokyo")
        alice = User.objects.get(pk=self.alice.pk)
        self.assertEqual(alice.display_name, "Ali")
        self.assertEqual(alice.timezone, "Asia/Tokyo")
        self.assertEqual(alice.comfort_level, "vulnerable")

    def test_it_refuses_other_fields(self):
        with self.assertRaises(ServiceError):
            profile_update(user=self.alice, email="mallory@example.org", display_name="M")
        with self.assertRaises(ServiceError):
            profile_update(user=self.alice, is_staff=True)
        self.assertUnchanged()
        self.assertFalse(User.objects.get(pk=self.alice.pk).is_staff)

    def test_it_validates_the_time_zone(self):
        with self.assertRaises(ValidationError):
            profile_update(user=self.alice, timezone="Mars/Olympus", display_name="Ali")
        self.assertUnchanged()

    def test_it_validates_the_comfort_level(self):
        with self.assertRaises(ValidationError):
            profile_update(user=self.alice, comfort_level="extreme")
        self.assertEqual(User.objects.get(pk=self.alice.pk).comfort_level, "vulnerable")
