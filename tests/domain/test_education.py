"""Missing from education and part-day absence: the checks a DSL sees, and the chronology
line each absence writes. Every name is fictional."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from scr_reflect.domain.education import AbsenceKind, EducationAbsence, WhereaboutsCheck
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.structured_lines import education_lines
from scr_reflect.domain.structured_validation import education_problems

NOW = datetime(2026, 11, 20, 9, 30)
LEFT = EducationAbsence(
    child_id=1,
    kind=AbsenceKind.LEFT_SITE,
    started_at=datetime(2026, 11, 18, 10, 50),
    ended_at=datetime(2026, 11, 18, 15, 20),
)


def messages(absence: EducationAbsence) -> dict[str, str]:
    return {p.field: p.message for p in education_problems(absence, NOW)}


def test_a_plain_absence_has_no_problems() -> None:
    assert messages(LEFT) == {}
    assert messages(replace(LEFT, ended_at=None)) == {}


def test_an_absence_cannot_start_in_the_future_or_end_before_it_starts() -> None:
    assert messages(replace(LEFT, started_at=datetime(2026, 11, 20, 11, 0), ended_at=None)) == {
        "started_at": "The absence cannot start in the future."
    }
    early = replace(LEFT, ended_at=datetime(2026, 11, 18, 9, 0))
    assert messages(early) == {"ended_at": "The absence ends before it starts."}
    later = replace(LEFT, ended_at=datetime(2026, 11, 23, 9, 0))
    assert "leave it open" in messages(later)["ended_at"]


def test_a_day_without_its_time_is_compared_by_the_day() -> None:
    # Kept by the day, the end sorts at 09:00: it must not read as before a 10:50 start.
    by_the_day = replace(LEFT, ended_at=datetime(2026, 11, 18, 9, 0), end_time_known=False)
    assert messages(by_the_day) == {}
    assert by_the_day.ended_before_start() is False


def test_what_the_school_was_told_needs_saying_before_it_is_checked() -> None:
    unplaced = replace(LEFT, said_by="Her stepfather, by phone")
    assert messages(unplaced) == {"said_to_be": "Say where the child was said to be."}
    unsaid = replace(LEFT, said_to_be="At the dentist", checked=WhereaboutsCheck.CONFIRMED)
    assert messages(unsaid) == {"check_notes": "Say how it was checked, and by whom."}


def test_the_local_authority_is_told_on_a_day_that_can_be() -> None:
    before = replace(LEFT, la_told_on=date(2026, 11, 17))
    assert messages(before)["la_told_on"].startswith("The local authority is told before")
    ahead = replace(LEFT, la_told_on=date(2026, 11, 21))
    assert messages(ahead)["la_told_on"] == "The local authority is told in the future."


def test_missing_from_education_and_part_day_absence_are_named_apart() -> None:
    assert AbsenceKind.NOT_ON_ROLL.missing_education
    assert not AbsenceKind.REDUCED_TIMETABLE.missing_education
    assert AbsenceKind.WHEREABOUTS_UNKNOWN.label == (
        "Missing from education: not attending, whereabouts unknown"
    )


def test_the_chronology_line_says_where_the_child_was_said_to_be_and_who_was_told() -> None:
    absence = replace(
        LEFT,
        said_to_be="At home, unwell",
        said_by="Her mother",
        checked=WhereaboutsCheck.NOT_CONFIRMED,
        check_notes="Home visit at 12:00: nobody in",
        la_told_on=date(2026, 11, 19),
        parent_told=True,
        notes="Seen near the bus station.",
    )
    (line,) = education_lines(absence)
    assert line.kind is EntryKind.EDUCATION
    assert line.occurred_at == absence.started_at and line.time_known
    assert line.title == "Part-day absence: left the school site; until 18/11/2026 15:20"
    assert "Said to be: At home, unwell (by Her mother; checked: it was not so" in line.body
    assert "local authority (children missing education officer) on 19/11/2026" in line.body
    assert "parent or carer" in line.body and "Seen near the bus station." in line.body


def test_an_absence_still_going_on_kept_by_the_day_says_so() -> None:
    absence = EducationAbsence(
        1, AbsenceKind.NOT_ON_ROLL, datetime(2026, 11, 2, 9, 0), start_time_known=False
    )
    (line,) = education_lines(absence)
    assert not line.time_known
    assert line.title.endswith("; still going on")
    assert "Where the child was: not known" in line.body
    assert "Told: nobody recorded" in line.body


def test_today_without_a_time_is_not_the_future_but_a_later_hour_is() -> None:
    today = replace(LEFT, started_at=datetime(2026, 11, 20, 9, 0), ended_at=None)
    assert messages(replace(today, start_time_known=False)) == {}
    later = replace(today, started_at=datetime(2026, 11, 20, 8, 0))
    assert messages(replace(later, ended_at=datetime(2026, 11, 20, 15, 0))) == {
        "ended_at": "The end is in the future: leave it open until it has ended."
    }
    assert (
        messages(replace(later, ended_at=datetime(2026, 11, 20, 9, 0), end_time_known=False)) == {}
    )
