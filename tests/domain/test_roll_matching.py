"""Which pupil in the file is which child in the records, and what an import would change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from scr_reflect.domain.pupil_roll import BadRow, Contact, Roll, RollPupil
from scr_reflect.domain.records import Child
from scr_reflect.domain.roll_matching import FieldChange, SameChildTwice, plan_import, resolve
from tests.fictional_mis import fictional_upn

BORN = date(2013, 9, 1)


def pupil(
    line: int, serial: int, forename: str = "Ada", surname: str = "Quillfeather", **more: object
) -> RollPupil:
    values: dict[str, object] = {"date_of_birth": BORN, "year_group": "Year 7", **more}
    return RollPupil(line, fictional_upn(serial), surname, forename, **values)  # type: ignore[arg-type]


def child(id: int, name: str = "Ada Quillfeather", upn: str = "", **more: object) -> Child:
    values: dict[str, object] = {"date_of_birth": BORN, "year_group": "Year 7", **more}
    return Child(full_name=name, upn=upn, id=id, **values)  # type: ignore[arg-type]


def roll(*pupils: RollPupil, bad: tuple[BadRow, ...] = ()) -> Roll:
    return Roll(pupils, bad, "CTF")


def test_a_upn_match_shows_each_change_old_to_new() -> None:
    stored = child(1, upn=fictional_upn(1), tutor_group="7Q")
    plan = plan_import(roll(pupil(2, 1, year_group="Year 8", tutor_group="8Q")), [stored])
    assert plan.new == () and plan.unchanged == 0
    (changed,) = plan.changed
    assert changed.changes == (
        FieldChange("Year", "Year 7", "Year 8"),
        FieldChange("Registration group", "7Q", "8Q"),
    )
    assert changed.updated == replace(stored, year_group="Year 8", tutor_group="8Q")


def test_the_same_details_are_unchanged_and_a_blank_never_clears() -> None:
    stored = child(1, upn=fictional_upn(1), tutor_group="7Q")
    plan = plan_import(roll(pupil(2, 1)), [stored])
    assert (plan.unchanged, plan.changed, plan.new) == (1, (), ())


def test_name_and_birth_match_a_child_stored_without_a_upn() -> None:
    stored = child(1)
    plan = plan_import(roll(pupil(2, 1)), [stored])
    (changed,) = plan.changed
    assert changed.on_name
    assert changed.changes == (FieldChange("UPN", "", fictional_upn(1)),)


def test_the_dsl_is_asked_when_unsure() -> None:
    other_upn = child(1, upn=fictional_upn(50))
    cousin = child(2, "Ada Marrowby", upn=fictional_upn(51))
    twins = [child(3, "Brin Fernsworth"), child(4, "Brin Fernsworth")]
    plan = plan_import(
        roll(
            pupil(2, 1),
            pupil(3, 2, surname="Marrowby", forename="Cato"),
            pupil(4, 3, "Brin", "Fernsworth"),
        ),
        [other_upn, cousin, *twins],
    )
    reasons = {u.pupil.line: (u.reason, [c.id for c in u.candidates]) for u in plan.unsure}
    assert reasons[2] == (
        "Same name and date of birth, another UPN.",
        [1],
    )
    assert reasons[3][1] == [2]
    assert reasons[4] == (
        "Two or more children have this name and date of birth.",
        [3, 4],
    )
    assert plan.not_on_roll == () and plan.new == ()


def test_the_dsls_answers_decide_what_the_unsure_pupils_become() -> None:
    stored = child(1, upn=fictional_upn(50))
    plan = plan_import(
        roll(pupil(2, 1), pupil(3, 2, "Ada", "Marrowby")),
        [stored, child(2, "Ada Marrowby", upn=fictional_upn(60))],
    )
    new, changed = resolve(plan, {2: 1})
    assert new == [] and [c.child.id for c in changed] == [1]
    new, changed = resolve(plan, {2: None, 3: None})
    assert [p.line for p in new] == [2, 3] and changed == []
    assert resolve(plan, {}) == ([], [])


def test_children_not_in_the_file_are_listed_never_removed() -> None:
    left = child(9, "Hester Oakhollow", upn=fictional_upn(90), date_of_birth=date(2012, 1, 1))
    plan = plan_import(roll(pupil(2, 1)), [left])
    assert plan.not_on_roll == (left,)
    assert [p.line for p in plan.new] == [2]


def test_bad_rows_are_carried_into_the_plan() -> None:
    bad = (BadRow(7, "The UPN is missing."),)
    assert plan_import(roll(bad=bad), []).bad_rows == bad


def test_one_child_cannot_be_two_lines_of_the_file() -> None:
    twins = [child(3, "Brin Fernsworth"), child(4, "Brin Fernsworth")]
    plan = plan_import(
        roll(pupil(2, 1, "Brin", "Fernsworth"), pupil(3, 2, "Brin", "Fernsworth")), twins
    )
    assert len(plan.unsure) == 2
    with pytest.raises(SameChildTwice, match="Line 3 was chosen as the same child as line 2"):
        resolve(plan, {2: 3, 3: 3})
    new, changed = resolve(plan, {2: 3, 3: 4})
    assert new == [] and {c.child.id for c in changed} == {3, 4}


def test_a_child_the_file_already_matched_is_not_offered_again() -> None:
    stored = child(1, upn=fictional_upn(1))
    plan = plan_import(roll(pupil(2, 1), pupil(3, 2, "Ada", "Quillfeather")), [stored])
    assert plan.matched == frozenset({1}) and plan.unsure == ()
    assert [p.line for p in plan.new] == [3]


def test_a_sex_from_the_mis_is_a_change_shown_and_a_blank_keeps_the_one_typed() -> None:
    stored = child(1, upn=fictional_upn(1))
    (changed,) = plan_import(roll(pupil(2, 1, sex="Female")), [stored]).changed
    assert changed.changes == (FieldChange("Sex", "", "Female"),)
    assert changed.updated.sex == "Female"
    typed = replace(stored, sex="Female")
    assert plan_import(roll(pupil(2, 1)), [typed]).unchanged == 1


def test_new_contacts_are_added_below_the_household_note_and_none_is_removed() -> None:
    said = "Lives with Della Marrowby and two younger brothers."
    known = "Contact from the MIS: Della Marrowby (mother, parental responsibility)"
    stored = child(1, upn=fictional_upn(1), household=f"{said}\n{known}")
    contacts = (
        Contact("Della Marrowby", "mother", True, 1),
        Contact("Orrin Vale", "stepfather", False, 2),
    )
    (changed,) = plan_import(roll(pupil(2, 1, contacts=contacts)), [stored]).changed
    added = "Contact from the MIS: Orrin Vale (stepfather)"
    [change] = changed.changes
    assert (change.label, change.new, change.adds_only) == (
        "Contacts added to the household",
        added,
        True,
    )
    assert str(change) == f"Contacts added to the household: {added}"
    assert changed.updated.household.splitlines() == [said, known, added]
    again = plan_import(roll(pupil(2, 1, contacts=contacts[:1])), [changed.updated])
    assert again.unchanged == 1  # a contact no longer in the MIS stays in the note
