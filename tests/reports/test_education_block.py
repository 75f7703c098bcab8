"""The line that heads the documents' list of absences from education. Names are fictional."""

from __future__ import annotations

from datetime import datetime

from scr_reflect.domain.education import AbsenceKind, EducationAbsence
from scr_reflect.reports.education import summary

LEFT = EducationAbsence(1, AbsenceKind.LEFT_SITE, datetime(2026, 11, 18, 10, 50))
GONE = EducationAbsence(1, AbsenceKind.NOT_ON_ROLL, datetime(2026, 11, 2, 9, 0))


def test_each_kind_is_counted_in_words_and_none_is_left_out() -> None:
    assert summary([LEFT]) == "1 part-day absence recorded."
    assert summary([GONE, GONE, LEFT]) == (
        "2 times missing from education and 1 part-day absence recorded. <b>Missing from "
        "education now: no end is recorded.</b>"
    )
