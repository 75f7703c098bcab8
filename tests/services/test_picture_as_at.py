"""A child's picture as it stood on a concern's day: later records kept apart, never lost."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode, missing_pattern
from scr_reflect.domain.records import Concern
from scr_reflect.domain.referrals import Agency, Referral, ReferralOutcome
from scr_reflect.services.picture_as_at import as_at, picture_as_at
from scr_reflect.services.structured import ChildPicture, ReferralCase

NOW = datetime(2026, 11, 20, 10, 0)
CONCERN = Concern(
    1,
    datetime(2026, 10, 1, 11, 0),
    datetime(2026, 10, 1, 11, 30),
    "Mr Lewin, PE teacher",
    "Bruise on the arm, explained as a fall.",
    frozenset({Category.PHYSICAL}),
    id=1,
)


def picture(
    factors: list[CumulativeFactor],
    missing: list[MissingEpisode],
    referrals: list[Referral],
) -> ChildPicture:
    return ChildPicture(
        factors=tuple(factors),
        missing=tuple(missing),
        missing_pattern=missing_pattern(missing, NOW),
        education=(),
        accounts=(),
        referrals=tuple(ReferralCase(r, ()) for r in referrals),
        sharing=(),
    )


def test_the_facts_are_taken_at_the_end_of_the_concerns_day_or_now_if_sooner() -> None:
    assert as_at(CONCERN, NOW) == datetime(2026, 10, 1, 23, 59, 59, 999999)
    today = Concern(1, NOW - timedelta(hours=2), NOW, "Ms Obi", "Upset.", frozenset())
    assert as_at(today, NOW) == NOW


def test_what_was_under_way_then_reads_as_it_stood_and_what_came_after_is_set_apart() -> None:
    at = as_at(CONCERN, NOW)
    ended_later = CumulativeFactor(
        1, Factor.DOMESTIC_ABUSE, date(2026, 6, 1), "Police", False, date(2026, 10, 20)
    )
    noted_later = CumulativeFactor(1, Factor.PARENT_MENTAL_HEALTH, date(2026, 10, 2), "GP")
    away_then = MissingEpisode(1, datetime(2026, 9, 30, 22, 0), datetime(2026, 10, 2, 8, 0))
    away_later = MissingEpisode(1, datetime(2026, 10, 9, 22, 0), datetime(2026, 10, 10, 7, 0))
    answered_later = Referral(
        1,
        datetime(2026, 9, 20, 10, 0),
        Agency.CHILDRENS_SOCIAL_CARE,
        "An assessment",
        ReferralOutcome.THRESHOLD_NOT_MET,
        "Family engaging",
        datetime(2026, 10, 3, 15, 0),
    )
    later = Concern(1, datetime(2026, 11, 2, 9, 0), NOW, "Ms Obi", "Upset.", frozenset(), id=2)

    then, since = picture_as_at(
        picture([ended_later, noted_later], [away_then, away_later], [answered_later]),
        [CONCERN, later],
        at,
    )

    assert [(f.factor, f.still_applies) for f in then.factors] == [(Factor.DOMESTIC_ABUSE, True)]
    assert [e.ended_at for e in then.missing] == [None] and then.missing_pattern.still_missing
    assert then.referrals[0].referral.outcome is ReferralOutcome.AWAITING
    assert since.factors == (noted_later,)
    assert since.missing == (away_later,)
    assert since.outcomes == (answered_later,)
    assert since.concerns == (later,) and not since.referrals
