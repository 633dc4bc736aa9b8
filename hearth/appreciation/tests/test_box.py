import uuid
from datetime import timedelta

import time_machine
from django.utils import timezone

from hearth.access import forget_couple
from hearth.appreciation.models import Appreciation
from hearth.appreciation.selectors import box
from hearth.couples.services import couple_unpair
from hearth.testing import HearthTestCase, make_appreciation, make_couple, make_person


class BoxTests(HearthTestCase):
    def pks(self, person, name, **kwargs) -> list[int]:
        items, _ = box(person, name, **kwargs)
        return [a.pk for a in items]

    def test_received_holds_what_the_partner_sent(self):
        sent = self.world.alice_appreciation
        self.assertEqual(self.pks(self.bob, "received"), [sent.pk])
        self.assertEqual(self.pks(self.alice, "received"), [])

    def test_sent_holds_what_i_sent(self):
        self.assertEqual(self.pks(self.alice, "sent"), [self.world.alice_appreciation.pk])
        self.assertEqual(self.pks(self.bob, "sent"), [])

    def test_drafts_hold_my_drafts_only(self):
        self.assertEqual(self.pks(self.alice, "drafts"), [self.world.alice_appreciation_draft.pk])
        self.assertEqual(self.pks(self.bob, "drafts"), [])

    def test_other_people_see_nothing(self):
        for person in (self.carol, self.erin, self.dan):
            for name in ("received", "sent", "drafts"):
                self.assertEqual(self.pks(person, name), [], (person, name))
        self.assertEqual(Appreciation.objects.count(), 2)

    def test_a_solo_person_receives_nothing_and_keeps_drafts(self):
        pat = make_person("Pat")
        draft = make_appreciation(pat, "Pat's draft", sent=False)
        self.assertEqual(box(pat, "received"), ([], None))
        self.assertEqual(self.pks(pat, "drafts"), [draft.pk])
        self.assertEqual(self.pks(pat, "sent"), [])

    def test_after_unpairing_the_partner_no_longer_receives_it(self):
        couple_unpair(user=self.alice)
        for person in (self.alice, self.bob):
            forget_couple(person)
        self.assertEqual(self.pks(self.bob, "received"), [])
        self.assertEqual(self.pks(self.alice, "sent"), [self.world.alice_appreciation.pk])

    def test_what_was_sent_in_an_earlier_couple_is_not_received_by_a_new_partner(self):
        pat, sam, kim = make_person("Pat"), make_person("Sam"), make_person("Kim")
        old_couple = make_couple(pat, sam, ended=True)
        old = Appreciation.objects.create(
            author=pat,
            couple=old_couple,
            what="old",
            visibility="shared",
            sent_at=timezone.now(),
        )
        make_couple(pat, kim)
        forget_couple(pat)
        self.assertEqual(self.pks(kim, "received"), [])
        self.assertEqual(self.pks(pat, "sent"), [old.pk])

    def test_it_lists_newest_first_and_pages_with_before(self):
        pat, sam = make_person("Pat"), make_person("Sam")
        make_couple(pat, sam)
        start = timezone.now() - timedelta(hours=10)
        made = []
        for n in range(5):
            with time_machine.travel(start + timedelta(minutes=n), tick=False):
                made.append(make_appreciation(pat, f"Thing {n}"))
        first, cursor = box(sam, "received", limit=2)
        self.assertEqual([a.pk for a in first], [made[4].pk, made[3].pk])
        self.assertEqual(cursor, made[3].public_id)
        second, cursor = box(sam, "received", before=cursor, limit=2)
        self.assertEqual([a.pk for a in second], [made[2].pk, made[1].pk])
        third, cursor = box(sam, "received", before=cursor, limit=2)
        self.assertEqual([a.pk for a in third], [made[0].pk])
        self.assertIsNone(cursor)

    def test_rows_with_the_same_time_are_neither_skipped_nor_repeated(self):
        pat = make_person("Pat")
        with time_machine.travel(timezone.now(), tick=False):
            made = [make_appreciation(pat, f"Same time {n}", sent=False) for n in range(5)]
        seen, cursor = [], None
        for _ in range(5):
            items, cursor = box(pat, "drafts", before=cursor, limit=2)
            seen.extend(a.pk for a in items)
            if cursor is None:
                break
        self.assertEqual(sorted(seen), sorted(a.pk for a in made))
        self.assertEqual(len(seen), len(set(seen)))

    def test_a_vanished_cursor_gives_an_empty_page(self):
        pat = make_person("Pat")
        made = [make_appreciation(pat, f"Draft {n}", sent=False) for n in range(4)]
        _, cursor = box(pat, "drafts", limit=2)
        Appreciation.objects.filter(public_id=cursor).delete()
        self.assertEqual(box(pat, "drafts", before=cursor, limit=2), ([], None))
        self.assertEqual(Appreciation.objects.filter(author=pat).count(), 3)
        self.assertEqual(box(pat, "drafts", before=uuid.uuid4()), ([], None))
        self.assertEqual(len(made), 4)

    def test_a_cursor_from_another_box_or_person_gives_an_empty_page(self):
        # Alice's draft is not in her sent box, and Bob may not see it at all.
        draft = self.world.alice_appreciation_draft.public_id
        self.assertEqual(box(self.alice, "sent", before=draft), ([], None))
        self.assertEqual(box(self.bob, "received", before=draft), ([], None))

    def test_the_page_is_twenty_by_default(self):
        pat = make_person("Pat")
        for n in range(21):
            make_appreciation(pat, f"Draft {n}", sent=False)
        items, cursor = box(pat, "drafts")
        self.assertEqual(len(items), 20)
        self.assertIsNotNone(cursor)
        rest, cursor = box(pat, "drafts", before=cursor)
        self.assertEqual(len(rest), 1)
        self.assertIsNone(cursor)
