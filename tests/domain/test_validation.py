"""Each problem appears when it should, names its field, and not otherwise."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.validation import (
    InvalidRecord,
    Problem,
    action_problems,
    child_problems,
    concern_problems,
    require,
)
from tests.core_fixtures import make_action, make_child, make_concern


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


# Children -------------------------------------------------------------------------------


def test_a_complete_child_has_no_problems(today) -> None:
    assert child_problems(make_child(upn="A123456789012"), today) == []


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_child_needs_a_name(today, name: str) -> None:
    problems = child_problems(make_child(name), today)
    assert fields(problems) == ["full_name"]
    assert problems[0].message == "Enter the child's full name."


def test_date_of_birth_in_the_future(today) -> None:
    problems = child_problems(make_child(date_of_birth=today + timedelta(days=1)), today)
    assert fields(problems) == ["date_of_birth"]
    assert "future" in problems[0].message


def test_born_today_is_fine(today) -> None:
    assert child_problems(make_child(date_of_birth=today), today) == []


def test_over_25_is_a_problem_and_25_is_not(today) -> None:
    twenty_five_today = today.replace(year=today.year - 25)
    assert child_problems(make_child(date_of_birth=twenty_five_today), today) == []
    day_before_26 = today.replace(year=today.year - 26) + timedelta(days=1)
    assert child_problems(make_child(date_of_birth=day_before_26), today) == []
    twenty_six_today = today.replace(year=today.year - 26)
    problems = child_problems(make_child(date_of_birth=twenty_six_today), today)
    assert fields(problems) == ["date_of_birth"]
    assert "over 25" in problems[0].message


@pytest.mark.parametrize(
    "upn",
    ["A123456789012", "Z12345678901B", "a123456789012", " A123456789012 ", ""],
    ids=["permanent", "temporary", "lower-case", "spaces", "none"],
)
def test_valid_upns(today, upn: str) -> None:
    assert child_problems(make_child(upn=upn), today) == []


@pytest.mark.parametrize(
    "upn",
    ["A12345678901", "A1234567890123", "1123456789012", "AB23456789012", "A1234 6789012"],
    ids=["too-short", "too-long", "no-letter", "letter-inside", "space-inside"],
)
def test_invalid_upns(today, upn: str) -> None:
    problems = child_problems(make_child(upn=upn), today)
    assert fields(problems) == ["upn"]
    assert "13 characters" in problems[0].message


def test_child_problems_are_all_reported_together(today) -> None:
    child = make_child(" ", date_of_birth=today + timedelta(days=3), upn="nope")
    assert fields(child_problems(child, today)) == ["full_name", "date_of_birth", "upn"]


# Concerns -------------------------------------------------------------------------------


def test_a_complete_concern_has_no_problems(now) -> None:
    assert concern_problems(make_concern(), now) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"what_happened": "  "}, "what_happened"),
        ({"raised_by": ""}, "raised_by"),
        ({"categories": frozenset()}, "categories"),
    ],
)
def test_concern_needs_each_required_part(now, change: dict, field: str) -> None:
    assert fields(concern_problems(make_concern(**change), now)) == [field]


def test_a_concern_cannot_happen_in_the_future(now) -> None:
    later = now + timedelta(minutes=1)
    problems = concern_problems(make_concern(occurred_at=later, recorded_at=later), now)
    assert fields(problems) == ["occurred_at", "recorded_at"]
    assert concern_problems(make_concern(occurred_at=now, recorded_at=now), now) == []


def test_a_concern_cannot_be_recorded_before_it_happened(now) -> None:
    happened = datetime(2025, 3, 3, 10, 0)
    early = make_concern(occurred_at=happened, recorded_at=happened - timedelta(minutes=5))
    assert fields(concern_problems(early, now)) == ["recorded_at"]
    same_time = make_concern(occurred_at=happened, recorded_at=happened)
    assert concern_problems(same_time, now) == []


def test_concern_problems_are_all_reported_together(now) -> None:
    concern = make_concern(what_happened="", raised_by=" ", categories=frozenset())
    assert fields(concern_problems(concern, now)) == ["what_happened", "raised_by", "categories"]


# Actions --------------------------------------------------------------------------------


def test_a_complete_action_has_no_problems() -> None:
    assert action_problems(make_action()) == []


def test_an_action_needs_a_description_and_an_owner() -> None:
    assert fields(action_problems(make_action(description=" "))) == ["description"]
    assert fields(action_problems(make_action(owner=""))) == ["owner"]
    assert fields(action_problems(make_action(description="", owner=""))) == [
        "description",
        "owner",
    ]


def test_an_overdue_due_date_is_not_a_problem() -> None:
    # Recording an action after its date has passed is allowed: it shows as overdue.
    assert action_problems(make_action(due_on=date(2000, 1, 1))) == []


# require ---------------------------------------------------------------------------------


def test_require_passes_with_no_problems() -> None:
    require([])


def test_require_raises_with_every_problem() -> None:
    problems = [Problem("full_name", "Enter the name."), Problem("upn", "Bad UPN.")]
    with pytest.raises(InvalidRecord) as raised:
        require(problems)
    assert raised.value.problems == problems
    assert str(raised.value) == "Enter the name.; Bad UPN."
    assert isinstance(raised.value, ValueError)
