"""Retention rules: the review date, who is due, what a hold changes, what confirms a deletion."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.kept import Kept
from scr_reflect.domain.retention import (
    ChildRecords,
    RetentionHold,
    ReviewChild,
    confirms_deletion,
    deletion_refusal,
    hold_lifted_line,
    hold_placed_line,
    hold_problems,
    is_past_review,
    latest_birth_date_due,
    retention_review,
    review_date,
    time_past,
)

TODAY = date(2026, 11, 20)
NAME = "Wren Ashbury-Tollemache"


def hold(
    child_id: int = 1, reason: str = "Inquiry has asked schools to keep records"
) -> RetentionHold:
    return RetentionHold(child_id, reason, datetime(2026, 5, 4, 10, 0), "Sam Okafor")


def child(child_id: int, born: date, on_hold: bool = False) -> ReviewChild:
    return ReviewChild(
        child_id, f"{NAME} {child_id}", "", born, hold(child_id) if on_hold else None
    )


def test_records_are_reviewed_on_the_25th_birthday() -> None:
    assert review_date(date(2001, 6, 14)) == date(2026, 6, 14)


def test_a_29_february_birthday_is_reviewed_on_1_march() -> None:
    # Born in a leap year, 25 years on is never one: the later day, so never reviewed early.
    assert review_date(date(2004, 2, 29)) == date(2029, 3, 1)
    assert review_date(date(2000, 2, 29)) == date(2025, 3, 1)
    assert not is_past_review(date(2004, 2, 29), date(2029, 2, 28))
    assert is_past_review(date(2004, 2, 29), date(2029, 3, 1))


def test_due_from_the_review_date_itself_not_the_day_before() -> None:
    born = date(2001, 11, 20)
    assert is_past_review(born, TODAY)
    assert not is_past_review(born, TODAY - timedelta(days=1))


def test_the_latest_birth_date_due_agrees_with_the_rule_on_every_day() -> None:
    # Four years of days, leap days included: those born on the date are due, a day later not.
    day = date(2047, 1, 1)
    while day < date(2051, 1, 1):
        latest = latest_birth_date_due(day)
        assert is_past_review(latest, day), day
        assert not is_past_review(latest + timedelta(days=1), day), day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (TODAY, "due today"),
        (TODAY + timedelta(days=3), "not yet due"),
        (date(2026, 11, 19), "1 day"),
        (date(2026, 10, 23), "28 days"),
        (date(2026, 10, 20), "1 month"),
        (date(2026, 6, 21), "4 months"),
        (date(2025, 11, 20), "1 year"),
        (date(2023, 9, 1), "3 years 2 months"),
    ],
)
def test_how_long_past_reads_naturally(review: date, expected: str) -> None:
    assert time_past(review, TODAY) == expected


def test_the_review_lists_those_past_their_date_and_those_on_hold_apart() -> None:
    children = [
        child(1, date(2000, 3, 1)),
        child(2, date(1998, 7, 9)),
        child(3, date(1999, 1, 5), on_hold=True),
        child(4, date(2010, 1, 5), on_hold=True),  # held before the date: listed as held
        child(5, date(2002, 1, 1)),  # turns 25 next year
    ]

    review = retention_review(children, TODAY)

    assert [c.child_id for c in review.due] == [2, 1]  # the longest past first
    assert [c.child_id for c in review.on_hold] == [3, 4]
    assert review.today == TODAY


def test_deletion_is_refused_before_the_date_and_while_on_hold_naming_only_the_id() -> None:
    early = deletion_refusal(child(7, date(2002, 1, 1)), TODAY)
    held = deletion_refusal(child(8, date(1990, 1, 1), on_hold=True), TODAY)

    assert early is not None and "Child 7" in early and "has not come" in early
    assert held is not None and "Child 8" in held and "Lift the hold" in held
    assert NAME not in early + held
    assert deletion_refusal(child(9, date(1990, 1, 1)), TODAY) is None


@pytest.mark.parametrize(
    ("typed", "confirms"),
    [
        ("DELETE", True),
        (" DELETE ", True),
        ("wren  ashbury-tollemache", True),
        (NAME, True),
        ("delete", False),
        ("Wren", False),
        ("", False),
    ],
)
def test_the_dsl_confirms_with_the_full_name_or_delete(typed: str, confirms: bool) -> None:
    assert confirms_deletion(typed, NAME) is confirms


def test_a_hold_needs_a_reason() -> None:
    assert [p.field for p in hold_problems("   ")] == ["reason"]
    assert hold_problems("Legal claim notified by the trust's solicitors") == []


def test_placing_and_lifting_a_hold_read_in_the_chronology_with_who_and_when() -> None:
    placed = hold_placed_line(hold())
    lifted = hold_lifted_line(hold(), "Priya Deputy", datetime(2026, 11, 20, 9, 0))

    assert placed.kind is lifted.kind is EntryKind.NOTE
    assert placed.occurred_at == datetime(2026, 5, 4, 10, 0)
    assert "Sam Okafor" in placed.body and "Inquiry has asked" in placed.body
    assert lifted.occurred_at == datetime(2026, 11, 20, 9, 0)
    assert "Lifted by Priya Deputy" in lifted.body and "04/05/2026" in lifted.body


def test_what_a_deletion_removes_is_listed_kind_by_kind() -> None:
    records = ChildRecords(
        {Kept.CONCERN: 1, Kept.ENTRY: 12, Kept.VERSION: 2, Kept.DRAFT: 0, Kept.HOLD: 0}
    )

    assert records.lines() == [
        "1 concern",
        "12 chronology entries",
        "2 earlier versions of amended records",
    ]
