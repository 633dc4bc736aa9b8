from datetime import time

from hearth.stateofus.models import MeetingTime
from hearth.stateofus.tests.helpers import MeetingTestCase, snapshot, url
from hearth.testing import alerts, words

TIME_SET = url("time_set")


class TimeSetViewTests(MeetingTestCase):
    """POST /state-of-us/time/: save, change or clear the weekly time."""

    def ours(self) -> MeetingTime:
        return MeetingTime.objects.get(couple=self.world.couple)

    def test_it_works(self):
        response = self.post(self.carol, TIME_SET, {"weekday": "2", "at": "20:15", "minutes": "45"})
        self.assertRedirects(response, url("index"), fetch_redirect_response=False)
        row = MeetingTime.objects.get(couple=self.world.other_couple)
        self.assertEqual(
            (row.weekday, row.at, row.minutes, row.set_by), (2, time(20, 15), 45, self.carol)
        )
        page = self.client.get(url("index"))
        self.assertIn("Your weekly time is saved. You'll both see it here.", words(page))
        self.assertIn("Every Wednesday at 20:15, for about 45 minutes.", words(page))

    def test_the_partner_sees_it(self):
        self.post(self.carol, TIME_SET, {"weekday": "5", "at": "10:00", "minutes": "15"})
        page = self.get(self.erin, url("index"))
        self.assertIn("Every Saturday at 10:00, for about 15 minutes.", words(page))

    def test_it_changes_the_time(self):
        self.post(self.bob, TIME_SET, {"weekday": "0", "at": "07:30:00", "minutes": "60"})
        row = self.ours()
        self.assertEqual(
            (row.weekday, row.at, row.minutes, row.set_by), (0, time(7, 30), 60, self.bob)
        )
        self.assertEqual(MeetingTime.objects.filter(couple=self.world.couple).count(), 1)

    def test_it_clears_the_time(self):
        response = self.post(self.bob, TIME_SET, {"clear": "1", "weekday": "9"})
        self.assertRedirects(response, url("index"), fetch_redirect_response=False)
        self.assertFalse(MeetingTime.objects.filter(couple=self.world.couple).exists())
        page = self.client.get(url("index"))
        self.assertIn("Your weekly time is cleared.", words(page))
        self.assertIn("Choosing a regular time makes it easier to keep.", words(page))

    def test_it_refuses_bad_input_with_messages(self):
        cases = [
            (
                {"weekday": "9", "at": "19:00", "minutes": "30"},
                "Select a valid choice. 9 is not one of the available choices.",
            ),
            ({"weekday": "-1", "at": "19:00", "minutes": "30"}, "Select a valid choice."),
            ({"weekday": "Sunday", "at": "19:00", "minutes": "30"}, "Select a valid choice."),
            ({"weekday": "6", "at": "25:00", "minutes": "30"}, "Write the time as HH:MM."),
            ({"weekday": "6", "at": "7pm", "minutes": "30"}, "Write the time as HH:MM."),
            ({"weekday": "6", "at": "19:60", "minutes": "30"}, "Write the time as HH:MM."),
            ({"weekday": "6", "at": "", "minutes": "30"}, "Choose a time."),
            (
                {"weekday": "6", "at": "19:00", "minutes": "17"},
                "Select a valid choice. 17 is not one of the available choices.",
            ),
            ({"weekday": "6", "at": "19:00", "minutes": "0"}, "Select a valid choice."),
            ({"weekday": "6", "at": "19:00"}, "This field is required."),
            ({}, "This field is required."),
        ]
        before = snapshot()
        for data, message in cases:
            with self.subTest(data=data):
                response = self.post(self.alice, TIME_SET, data)
                self.assertEqual(response.status_code, 422)
                self.assertTrue(
                    any(message in shown for shown in alerts(response)), alerts(response)
                )
        self.assertEqual(snapshot(), before)

    def test_someone_on_their_own_is_refused(self):
        before = snapshot()
        response = self.post(self.dan, TIME_SET, {"weekday": "6", "at": "19:00", "minutes": "30"})
        self.assertEqual(response.status_code, 422)
        self.assertIn("The state of us is a meeting for two.", words(response))
        response = self.post(self.dan, TIME_SET, {"clear": "1"})
        self.assertRedirects(response, url("index"), fetch_redirect_response=False)
        self.assertIn("it starts once you're paired", words(self.client.get(url("index"))))
        self.assertEqual(snapshot(), before)

    def test_it_requires_login(self):
        before = snapshot()
        response = self.client.post(TIME_SET, {"weekday": "1", "at": "19:00", "minutes": "30"})
        self.assertEqual(response.status_code, 302)
        self.assertIn("/accounts/login/", response["Location"])
        self.assertEqual(snapshot(), before)

    def test_it_refuses_get(self):
        self.assertEqual(self.get(self.alice, TIME_SET).status_code, 405)
