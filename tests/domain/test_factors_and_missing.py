"""The rules behind the factors timeline and the missing-episode pattern (no Qt, no store)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.factors import (
    MINIMUM_AGE_COUNTED,
    CumulativeFactor,
    Factor,
    FactorGroup,
    national_figure_applies,
)
from scr_reflect.domain.missing import (
    MissingEpisode,
    Trend,
    missing_pattern,
    with_interview_dates,
)

NOW = datetime(2026, 11, 20, 9, 30)


def episode(days_ago: float, hours: float | None = 6, **fields) -> MissingEpisode:
    started = NOW - timedelta(days=days_ago)
    ended = None if hours is None else started + timedelta(hours=hours)
    return MissingEpisode(child_id=1, started_at=started, ended_at=ended, **fields)


# Factors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factor", "age", "applies"),
    [
        (Factor.CHILD_MENTAL_HEALTH, 5, False),
        (Factor.CHILD_MENTAL_HEALTH, 6, True),
        (Factor.CHILD_BULLYING, 4, False),
        (Factor.CHILD_SUBSTANCE_MISUSE, 5, False),
        (Factor.CHILD_BEHAVIOUR, 0, False),
        (Factor.CHILD_BEHAVIOUR, 1, True),
        (Factor.DOMESTIC_ABUSE, 0, True),
        (Factor.PARENT_MENTAL_HEALTH, 2, True),
    ],
)
def test_the_national_figure_counts_only_the_ages_the_analysis_counted(factor, age, applies):
    assert national_figure_applies(factor, age) is applies


def test_only_child_factors_have_an_age_rule_and_every_factor_has_a_group():
    assert {f.group for f in MINIMUM_AGE_COUNTED} == {FactorGroup.CHILD}
    assert {f.group for f in Factor} == set(FactorGroup)


def test_every_factor_has_a_label_short_enough_for_the_timeline_column():
    """The timeline's label column is 30 average characters wide."""
    assert all(len(factor.short_label) <= 29 for factor in Factor)
    assert Factor.NEW_ADULT_IN_HOUSEHOLD.short_label == "New adult in the household"
    assert Factor.POVERTY.short_label == Factor.POVERTY.label


def test_a_factor_spans_to_today_while_it_applies_and_to_its_end_after():
    today = date(2026, 11, 20)
    ongoing = CumulativeFactor(1, Factor.POVERTY, date(2024, 2, 1), "Free school meals")
    assert ongoing.span(today) == (date(2024, 2, 1), today)
    ended = CumulativeFactor(
        1, Factor.POVERTY, date(2024, 2, 1), "FSM", still_applies=False, ended_on=date(2025, 7, 1)
    )
    assert ended.span(today) == (date(2024, 2, 1), date(2025, 7, 1))


# Missing pattern ---------------------------------------------------------------------------


def test_three_episodes_in_two_months_after_a_quiet_spell_are_more_frequent():
    pattern = missing_pattern([episode(150), episode(55), episode(30), episode(3)], NOW)
    assert (pattern.in_last_90_days, pattern.in_previous_90_days) == (3, 1)
    assert pattern.frequency is Trend.RISING


def test_fewer_recent_episodes_are_falling_and_equal_counts_steady():
    assert missing_pattern([episode(120), episode(100), episode(10)], NOW).frequency is (
        Trend.FALLING
    )
    assert missing_pattern([episode(120), episode(10)], NOW).frequency is Trend.STEADY
    assert missing_pattern([], NOW).frequency is Trend.TOO_FEW


def test_an_episode_exactly_90_days_ago_counts_as_recent():
    pattern = missing_pattern([episode(90), episode(90.01)], NOW)
    assert (pattern.in_last_90_days, pattern.in_previous_90_days) == (1, 1)


@pytest.mark.parametrize(
    ("hours", "trend"),
    [
        ([4, 4, 12], Trend.RISING),  # latest well over the average before it
        ([10, 10, 4], Trend.FALLING),
        ([6, 6, 7], Trend.STEADY),  # within a quarter either way
        ([6], Trend.TOO_FEW),
    ],
)
def test_the_latest_episode_is_compared_with_the_average_before_it(hours, trend):
    episodes = [episode(60 - 10 * n, h) for n, h in enumerate(hours)]
    assert missing_pattern(episodes, NOW).duration is trend


def test_a_child_not_yet_returned_is_missing_now_and_not_timed():
    pattern = missing_pattern([episode(40, 5), episode(1, None)], NOW)
    assert pattern.still_missing
    assert pattern.duration is Trend.TOO_FEW  # one timed episode only


# Return home interview (72 hours) ----------------------------------------------------------

RETURNED = datetime(2026, 11, 16, 18, 0)


def returned(**fields) -> MissingEpisode:
    return MissingEpisode(1, RETURNED - timedelta(hours=20), RETURNED, **fields)


def test_the_interview_is_due_72_hours_after_return():
    assert returned().interview_due_by() == datetime(2026, 11, 19, 18, 0)
    assert episode(1, None).interview_due_by() is None


@pytest.mark.parametrize(
    ("now", "missed"),
    [
        (datetime(2026, 11, 19, 17, 59), False),
        (datetime(2026, 11, 19, 18, 0), False),  # the 72nd hour itself is still in time
        (datetime(2026, 11, 19, 18, 1), True),
    ],
)
def test_no_interview_is_missed_only_once_72_hours_have_passed(now, missed):
    assert returned().interview_missed(now) is missed
    offered = with_interview_dates(returned(), date(2026, 11, 17), None)
    assert offered.interview_missed(now) is missed


@pytest.mark.parametrize(
    ("held", "missed"),
    [
        (date(2026, 11, 16), False),
        (date(2026, 11, 19), False),  # the day the window closes
        (date(2026, 11, 20), True),  # held, but late
    ],
)
def test_an_interview_held_is_in_time_up_to_the_day_the_window_closes(held, missed):
    later = datetime(2026, 12, 1)
    assert with_interview_dates(returned(), None, held).interview_missed(later) is missed


def test_a_child_still_missing_has_no_interview_due_yet():
    assert not episode(10, None).interview_missed(NOW)
