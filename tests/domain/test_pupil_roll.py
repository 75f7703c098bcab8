"""One row of a MIS file read into a pupil, or its problem named with its line."""

from __future__ import annotations

from datetime import date

import pytest

from scr_reflect.domain.pupil_roll import (
    BadRow,
    Contact,
    Roll,
    RollPupil,
    parse_date,
    read_pupil,
    with_duplicates_named,
    year_group,
)
from tests.fictional_mis import fictional_upn, with_wrong_letter

TODAY = date(2025, 3, 10)


def row(**fields: str) -> dict[str, str]:
    return {
        "upn": fictional_upn(1),
        "surname": "Łukasiewicz-Nguyễn",
        "forename": "Zoë",
        "date_of_birth": "01/09/2013",
        **fields,
    }


def test_a_good_row_becomes_a_pupil_and_a_child() -> None:
    pupil = read_pupil(4, row(year_group="7", tutor_group="7Q"), TODAY)
    assert isinstance(pupil, RollPupil)
    child = pupil.as_child()
    assert child.full_name == "Zoë Łukasiewicz-Nguyễn"
    assert (child.date_of_birth, child.year_group, child.tutor_group) == (
        date(2013, 9, 1),
        "Year 7",
        "7Q",
    )


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"upn": ""}, "The UPN is missing."),
        ({"upn": with_wrong_letter(fictional_upn(1))}, "check letter is wrong"),
        ({"date_of_birth": "31/02/2013"}, "is not a date"),
        ({"date_of_birth": "soon"}, "is not a date"),
        ({"date_of_birth": ""}, "The date of birth is missing."),
        ({"date_of_birth": "2030-01-01"}, "in the future"),
        ({"surname": "  "}, "The surname is missing."),
        ({"tutor_group": "x" * 41}, "longer than 40"),
    ],
)
def test_each_bad_row_says_its_line_and_problem(fields: dict[str, str], problem: str) -> None:
    bad = read_pupil(12, row(**fields), TODAY)
    assert isinstance(bad, BadRow)
    assert bad.line == 12 and problem in bad.problem
    assert str(bad).startswith("Line 12: ")


def test_a_preferred_forename_is_the_name_the_pupil_goes_by() -> None:
    pupil = read_pupil(2, row(forename="Joanna", preferred_forename="Jo"), TODAY)
    assert isinstance(pupil, RollPupil)
    assert pupil.preferred_name == "Jo"
    same = read_pupil(2, row(preferred_forename="zoë"), TODAY)
    assert isinstance(same, RollPupil) and same.preferred_name == ""


def test_contacts_become_the_households_first_lines_in_order() -> None:
    contacts = (
        Contact("Brin Marrowby", "father", False, 2),
        Contact("Della Marrowby", "mother", True, 1),
    )
    pupil = read_pupil(2, row(), TODAY, contacts)
    assert isinstance(pupil, RollPupil)
    assert pupil.as_child().household.splitlines() == [
        "Contact from the MIS: Della Marrowby (mother, parental responsibility)",
        "Contact from the MIS: Brin Marrowby (father)",
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("7", "Year 7"),
        ("07", "Year 7"),
        ("Y7", "Year 7"),
        ("Year 11", "Year 11"),
        ("R", "Reception"),
        ("N2", "Nursery"),
        ("X", ""),
        ("Sixth form", "Sixth form"),
    ],
)
def test_year_groups_read_as_the_window_shows_them(text: str, shown: str) -> None:
    assert year_group(text) == shown


@pytest.mark.parametrize("text", ["2013-09-01", "01/09/2013", "01-09-2013", "01/09/2013 00:00:00"])
def test_dates_as_exports_write_them(text: str) -> None:
    assert parse_date(text) == date(2013, 9, 1)


def test_a_upn_twice_is_a_bad_row_at_the_later_line() -> None:
    first = read_pupil(2, row(), TODAY)
    again = read_pupil(5, row(forename="Ada"), TODAY)
    assert isinstance(first, RollPupil) and isinstance(again, RollPupil)
    roll = with_duplicates_named(Roll((first, again), (), "CSV"))
    assert roll.pupils == (first,)
    assert roll.bad_rows == (BadRow(5, "The UPN is also on line 2."),)


@pytest.mark.parametrize(
    ("given", "kept"),
    [("F", "Female"), ("m", "Male"), ("Female", "Female"), ("Not known", "Not known"), ("", "")],
)
def test_the_pupils_sex_is_kept_in_words(given: str, kept: str) -> None:
    pupil = read_pupil(4, row(sex=given), TODAY)
    assert isinstance(pupil, RollPupil)
    assert pupil.as_child().sex == kept
