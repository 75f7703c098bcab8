"""From records to prompts: the shipped library brings the right prompts for the facts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.legal_status import LegalStatus
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.prompts import Step
from scr_reflect.domain.records import Child, Concern, SchoolProfile
from scr_reflect.domain.referrals import Agency, Referral, ReferralOutcome
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock

NOW = datetime(2026, 11, 20, 10, 0)


@pytest.fixture
def ws():
    opened = workspace.in_memory(SchoolProfile("Larkspur Vale", "Sam Okafor"), FixedClock(NOW))
    yield opened
    opened.close()


def add_child(ws, born: date, status: LegalStatus = LegalStatus.NONE) -> int:
    return ws.records.add_child(Child("Ada Testperson", born, legal_status=status)).child_id


def concern(ws, child: int, category: Category, days_ago: int = 1) -> int:
    when = NOW - timedelta(days=days_ago)
    return ws.records.record_concern(
        Concern(child, when, when, "Mr Lewin, PE teacher", "Seen and noted.", frozenset({category}))
    ).record_id


def prompt_ids(ws, concern_id: int) -> set[str]:
    walkthrough = ws.reflection.walkthrough(concern_id)
    return {p.id for step in Step for p in walkthrough.prompts[step]}


def test_a_fifteen_year_olds_third_missing_episode_in_two_months(ws) -> None:
    child = add_child(ws, date(2011, 6, 1))
    for days_ago in (55, 30, 3):
        start = NOW - timedelta(days=days_ago, hours=-20)
        ws.structured.add(MissingEpisode(child, start, start + timedelta(hours=14)))
    ids = prompt_ids(ws, concern(ws, child, Category.GOING_MISSING))
    assert {"missing.pattern", "missing.reasons-behind", "missing.sign-of-exploitation"} <= ids
    assert "adolescents.sexual-exploitation" in ids
    assert "early.help-now" not in ids  # that one is for children of 10 and under


def test_a_second_threshold_not_met(ws) -> None:
    child = add_child(ws, date(2016, 2, 1))
    for days_ago in (60, 10):
        made = NOW - timedelta(days=days_ago)
        ws.structured.add(
            Referral(
                child,
                made,
                Agency.CHILDRENS_SOCIAL_CARE,
                "An assessment",
                ReferralOutcome.THRESHOLD_NOT_MET,
                "Parents engaging with the school",
                made + timedelta(hours=5),
            )
        )
    ids = prompt_ids(ws, concern(ws, child, Category.EMOTIONAL))
    assert {"thresholds.second-time", "thresholds.unchallenged"} <= ids


def test_a_five_year_old_with_neglect_and_a_new_partner_at_home(ws) -> None:
    child = add_child(ws, date(2021, 3, 1))
    ws.structured.add(
        CumulativeFactor(
            child, Factor.MULTIPLE_PARTNERS, NOW.date() - timedelta(days=20), "Mother told us"
        )
    )
    ids = prompt_ids(ws, concern(ws, child, Category.NEGLECT))
    assert {"neglect.name-it", "fathers.new-adult", "early.help-now"} <= ids
    assert not {i for i in ids if i.startswith("adolescents.")}
    assert "neglect.adolescent" not in ids


def test_a_child_under_a_special_guardianship_order(ws) -> None:
    child = add_child(ws, date(2015, 9, 1), LegalStatus.SPECIAL_GUARDIANSHIP)
    ids = prompt_ids(ws, concern(ws, child, Category.EMOTIONAL))
    assert {"care.court-is-not-protection", "care.carers-support", "care.identity"} <= ids


def test_an_older_concern_is_reflected_on_with_the_facts_known_on_its_day(ws) -> None:
    child = add_child(ws, date(2021, 3, 1))
    older = concern(ws, child, Category.NEGLECT, days_ago=40)
    prompts_then = ws.reflection.walkthrough(older).prompts
    ws.structured.add(
        CumulativeFactor(
            child, Factor.MULTIPLE_PARTNERS, NOW.date() - timedelta(days=20), "Mother told us"
        )
    )
    later = concern(ws, child, Category.NEGLECT)

    looking_back = ws.reflection.walkthrough(older)
    assert Factor.MULTIPLE_PARTNERS not in looking_back.facts.factors
    assert looking_back.prompts == prompts_then  # the later factor drives nothing here
    assert [f.factor for f in looking_back.since_then.factors] == [Factor.MULTIPLE_PARTNERS]
    assert [c.id for c in looking_back.since_then.concerns] == [later]
    assert not looking_back.picture.factors

    latest = ws.reflection.walkthrough(later)
    assert Factor.MULTIPLE_PARTNERS in latest.facts.factors
    assert "fathers.new-adult" in {p.id for step in Step for p in latest.prompts[step]}
    assert not latest.since_then
