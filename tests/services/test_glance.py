"""The glance lines say what has built up, what does not hold together, what is waiting."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, SchoolProfile
from scr_reflect.domain.referrals import Agency, Escalation, Referral, ReferralOutcome
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.services.glance import GlanceTopic, glance

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def ws():
    opened = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(NOW))
    yield opened
    opened.close()


@pytest.fixture
def child(ws) -> int:
    return ws.records.add_child(Child("Ada Testperson", date(2011, 3, 4))).child_id


def texts(ws, child: int) -> dict[GlanceTopic, str]:
    return {line.topic: line.text for line in glance(ws.structured.picture(child), NOW)}


def test_nothing_recorded_says_nothing(ws, child) -> None:
    assert texts(ws, child) == {}


def test_factors_are_counted_not_scored(ws, child) -> None:
    for factor, applies in ((Factor.DOMESTIC_ABUSE, True), (Factor.POVERTY, False)):
        ws.structured.add(
            CumulativeFactor(child, factor, date(2024, 3, 1), "Police notification", applies)
        )
    assert texts(ws, child)[GlanceTopic.FACTORS] == (
        "1 of 2 recorded factors still applies (first noted 03/2024)."
    )


def test_missing_episodes_in_the_last_90_days_and_more_often(ws, child) -> None:
    for day in (2, 12, 40):
        start = datetime(2026, 10, 1, 20) if day == 40 else datetime(2026, 11, day, 20)
        ws.structured.add(MissingEpisode(child, start, start.replace(hour=23)))
    assert texts(ws, child)[GlanceTopic.MISSING] == (
        "3 missing episodes in the last 90 days, more often than the 90 days before."
    )


def test_contradicted_and_unchecked_claims(ws, child) -> None:
    account = ws.structured.add(
        Account(child, AccountSource.PARENT, "Mother", datetime(2026, 11, 2, 9), "At her aunt's")
    ).record_id
    ws.structured.add(Claim(account, "Stayed at her aunt's"))
    ws.structured.add(
        Claim(account, "Home by 9", ClaimStatus.CONTRADICTED, EvidenceKind.RECORD, "Police log")
    )
    assert texts(ws, child)[GlanceTopic.ACCOUNTS] == (
        "Accounts: 1 claim contradicted and 1 not yet checked."
    )


def test_decisions_waiting_to_be_challenged(ws, child) -> None:
    for day in (3, 10):
        ws.structured.add(
            Referral(
                child,
                datetime(2026, 11, day, 10),
                Agency.CHILDRENS_SOCIAL_CARE,
                "Assessment",
                ReferralOutcome.THRESHOLD_NOT_MET,
                "Parents engaging",
                datetime(2026, 11, day + 1, 10),
            )
        )
    assert texts(ws, child)[GlanceTopic.REFERRALS] == (
        "Referrals: 2 decisions not to act further, 2 not challenged."
    )
    first = ws.structured.picture(child).referrals[0].referral
    assert first.id is not None
    ws.structured.add(Escalation(child, first.id, date(2026, 11, 12), "Pattern", "Strategy"))
    assert "1 not challenged" in texts(ws, child)[GlanceTopic.REFERRALS]
