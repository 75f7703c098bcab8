"""A CSV's columns: guessed from the usual names or last time's choice, then read by line."""

from __future__ import annotations

from datetime import date

from scr_reflect.domain.csv_columns import guess_mapping, mapping_problems, read_rows
from tests.fictional_mis import fictional_upn, with_wrong_letter

TODAY = date(2025, 3, 10)
SIMS_LIKE = ("UPN", "Legal Surname", "Legal Forename", "Preferred Forename", "DOB", "Year", "Reg")


def test_the_usual_column_names_are_recognised() -> None:
    mapping = guess_mapping(SIMS_LIKE, None)
    assert mapping == {
        "upn": "UPN",
        "surname": "Legal Surname",
        "forename": "Legal Forename",
        "preferred_forename": "Preferred Forename",
        "date_of_birth": "DOB",
        "year_group": "Year",
    }
    assert mapping_problems(mapping, SIMS_LIKE) == []


def test_last_times_choice_wins_where_the_file_has_that_column() -> None:
    remembered = {"tutor_group": "Reg", "surname": "Gone Column"}
    mapping = guess_mapping(SIMS_LIKE, remembered)
    assert mapping["tutor_group"] == "Reg"
    assert mapping["surname"] == "Legal Surname"


def test_a_needed_field_without_a_column_is_named() -> None:
    headers = ("Pupil No", "Name", "Born")
    problems = mapping_problems(guess_mapping(headers, None), headers)
    assert "Choose the column that holds the UPN." in problems
    assert "Choose the column that holds the date of birth." in problems


def test_one_column_for_two_fields_is_refused() -> None:
    mapping = {**guess_mapping(SIMS_LIKE, None), "preferred_forename": "Legal Forename"}
    assert "Each column can hold only one of the pupil's details." in mapping_problems(
        mapping, SIMS_LIKE
    )


def test_rows_are_read_and_bad_ones_named_by_line() -> None:
    headers = ("UPN", "Surname", "Forename", "DOB")
    mapping = guess_mapping(headers, None)
    rows = [
        (2, (fictional_upn(1), "Quillfeather", "Ada", "2013-09-01")),
        (3, (with_wrong_letter(fictional_upn(2)), "Marrowby", "Brin", "2013-09-02")),
        (4, ("", "Oakhollow", "Cato", "2013-09-03")),
        (5, (fictional_upn(4), "Fernsworth", "Della", "someday")),
        (6, (fictional_upn(5), "Thistledown")),
        (7, ("", "", "", "")),
    ]
    roll = read_rows(headers, rows, mapping, TODAY)
    assert [p.line for p in roll.pupils] == [2]
    assert [(b.line, b.problem.split(" ")[1]) for b in roll.bad_rows] == [
        (3, "UPN's"),
        (4, "UPN"),
        (5, "date"),
        (6, "row"),
    ]
