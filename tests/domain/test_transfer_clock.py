"""The 5-school-day clock of a child protection file sent: weekends are skipped."""

from __future__ import annotations

from datetime import date

from scr_reflect.domain.transfer import school_days_after, school_days_between
from scr_reflect.domain.transfer_words import WORDS, tidied

FRIDAY, SATURDAY, MONDAY = date(2025, 3, 7), date(2025, 3, 8), date(2025, 3, 10)


def test_five_school_days_skip_the_weekend() -> None:
    assert school_days_after(FRIDAY, 5) == date(2025, 3, 14)
    assert school_days_after(SATURDAY, 5) == date(2025, 3, 14)
    assert school_days_after(MONDAY, 5) == date(2025, 3, 17)


def test_days_between_count_weekdays_either_way() -> None:
    assert school_days_between(FRIDAY, MONDAY) == 1
    assert school_days_between(MONDAY, FRIDAY) == -1
    assert school_days_between(MONDAY, MONDAY) == 0


def test_the_words_are_distinct_and_the_passphrase_is_read_loosely() -> None:
    assert len(set(WORDS)) == len(WORDS) == 256
    assert all(word.isalpha() and word.islower() for word in WORDS)
    assert tidied(" Oak-Lion  river ") == "oak lion river"
