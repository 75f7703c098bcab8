"""Which shipped prompts a concern's facts bring: the right ones, and not the wrong ones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scr_reflect.domain.concern_facts import ConcernFacts, Flag, facts_for
from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.legal_status import LegalStatus
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.prompts import Prompt, choose_prompts
from scr_reflect.domain.records import Child, Concern
from scr_reflect.guidance.prompt_library import SHIPPED_FOLDER, load_library
from scr_reflect.resource_files import resources_dir

PROMPTS = list(load_library(resources_dir() / SHIPPED_FOLDER).prompts)


def facts(
    age: int,
    categories: set[Category] = frozenset(),
    factors: set[Factor] = frozenset(),
    flags: set[Flag] = frozenset(),
    legal_status: LegalStatus = LegalStatus.NONE,
) -> ConcernFacts:
    return ConcernFacts(
        age=age,
        categories=frozenset(categories),
        factors=frozenset(factors),
        legal_status=legal_status,
        flags=frozenset(flags),
        concerns_so_far=1,
        missing_last_90_days=0,
    )


def chosen(given: ConcernFacts) -> set[str]:
    return {prompt.id for prompt in choose_prompts(PROMPTS, given)}


def starting(ids: set[str], *prefixes: str) -> set[str]:
    return {i for i in ids if i.startswith(prefixes)}


def test_a_15_year_olds_third_missing_episode_in_two_months():
    ids = chosen(
        facts(
            15,
            {Category.GOING_MISSING},
            {Factor.CHILD_GOING_MISSING},
            {Flag.MISSING_RECENTLY, Flag.MISSING_REPEATEDLY, Flag.CONCERNS_CLOSE_TOGETHER},
        )
    )
    assert {
        "missing.reasons-behind",
        "missing.return-home-interview",
        "missing.sign-of-exploitation",
        "missing.harm-at-home",
        "missing.pattern",
        "missing.read-together",
        "adolescents.criminal-exploitation",
        "adolescents.sexual-exploitation",
        "adolescents.trusted-relationship",
        "early.look-back",
        "cumulative.close-together",
    } <= ids
    # Not this child's facts: no neglect, care, threshold, younger-child or adult-services ones,
    # nor those resting on findings about neglect cases, nor harm the young person has done.
    assert not starting(ids, "neglect.", "care.", "thresholds.", "hsb.", "online.")
    assert not ids & {"voice.young-child", "early.help-now", "adolescents.adult-services"}
    assert not ids & {"fathers.known", "adolescents.vulnerable-not-choosing"}
    assert "adolescents.harmed-and-harming" not in ids
    # The interview prompt waits until an interview has actually been missed.
    assert "missing.interview-not-held" not in ids


def test_the_same_facts_built_from_records_bring_the_same_prompts():
    now = datetime(2025, 3, 10, 9, 30)
    child = Child(full_name="Fictional Child", date_of_birth=date(2009, 9, 1), id=1)
    concern = Concern(
        child_id=1,
        occurred_at=now - timedelta(days=1),
        recorded_at=now,
        raised_by="Form tutor",
        what_happened="Reported missing overnight for the third time.",
        categories=frozenset({Category.GOING_MISSING}),
        id=3,
    )
    episodes = [
        MissingEpisode(1, now - timedelta(days=d), now - timedelta(days=d) + timedelta(hours=9))
        for d in (55, 30, 2)
    ]
    built = facts_for(child, concern, [concern], [], episodes, [], [], now)
    assert built.age == 15 and Flag.MISSING_REPEATEDLY in built.flags
    ids = chosen(built)
    assert {"missing.pattern", "missing.reasons-behind", "missing.sign-of-exploitation"} <= ids
    # Two of the three were more than 72 hours ago with no interview held.
    assert "missing.interview-not-held" in ids


def test_a_second_threshold_not_met():
    flags = {Flag.THRESHOLD_NOT_MET, Flag.THRESHOLD_NOT_MET_AGAIN, Flag.DECISION_UNCHALLENGED}
    ids = chosen(facts(9, {Category.EMOTIONAL}, flags=flags))
    assert {
        "thresholds.second-time",
        "thresholds.what-was-weighed",
        "thresholds.unchallenged",
        "thresholds.holding-the-risk",
        "previous.no-plan",
    } <= ids
    first_time = chosen(facts(9, {Category.EMOTIONAL}, flags={Flag.THRESHOLD_NOT_MET}))
    assert "thresholds.what-was-weighed" in first_time
    assert "thresholds.second-time" not in first_time
    assert "thresholds.unchallenged" not in first_time  # it was escalated


def test_a_5_year_old_with_neglect_and_a_new_partner_at_home():
    ids = chosen(facts(5, {Category.NEGLECT}, {Factor.MULTIPLE_PARTNERS}, {Flag.NEW_ADULT_AT_HOME}))
    assert {
        "neglect.name-it",
        "neglect.poverty-asked",
        "neglect.basic-needs",
        "neglect.wider-family",
        "neglect.structured-assessment",
        "fathers.new-adult",
        "fathers.comings-and-goings",
        "early.help-now",
        "voice.young-child",
        "fathers.known",
    } <= ids
    assert "cumulative.together" not in ids  # one circumstance recorded, not several
    assert not starting(ids, "adolescents.", "missing.", "care.", "thresholds.")
    assert not ids & {"neglect.adolescent", "early.look-back", "mental-health.self-harm"}


def test_a_child_under_a_special_guardianship_order():
    under_order = facts(
        8,
        {Category.EMOTIONAL},
        flags={Flag.IN_CARE_OR_COURT},
        legal_status=LegalStatus.SPECIAL_GUARDIANSHIP,
    )
    ids = chosen(under_order)
    assert {
        "care.carers-support",
        "care.court-is-not-protection",
        "care.identity",
        "care.carer-assessment",
        "care.designated-teacher",
    } <= ids
    assert not starting(chosen(facts(8, {Category.EMOTIONAL})), "care.")


@pytest.mark.parametrize("age", [0, 3, 5, 7, 9])
def test_no_adolescent_prompt_reaches_a_young_child_whatever_else_is_true(age):
    everything = facts(age, set(Category), set(Factor), set(Flag), LegalStatus.LOOKED_AFTER)
    ids = chosen(everything)
    assert not starting(ids, "adolescents.")
    assert not ids & {"early.look-back", "neglect.adolescent", "missing.sign-of-exploitation"}
    assert "early.help-now" in ids


def test_no_prompt_appears_when_nothing_calls_for_it():
    """The questions for every concern are the walk-through's fixed ones."""
    assert chosen(facts(12, {Category.OTHER})) == set()
    assert chosen(facts(5, {Category.OTHER})) == {"voice.young-child"}


def test_harmed_and_harming_needs_harm_the_young_person_has_done():
    exploited = {Category.CRIMINAL_EXPLOITATION, Category.SEXUAL_EXPLOITATION, Category.PHYSICAL}
    assert "adolescents.harmed-and-harming" not in chosen(facts(14, exploited))
    harmed_someone = chosen(facts(14, {Category.HARMFUL_SEXUAL_BEHAVIOUR}))
    assert "adolescents.harmed-and-harming" in harmed_someone


def test_a_young_person_recorded_as_having_harmed_another_brings_harmed_and_harming():
    """Harm done to another child need not be sexual: the factor calls for it on its own."""
    ids = chosen(facts(13, {Category.PHYSICAL}, {Factor.CHILD_HAS_HARMED}))
    assert "adolescents.harmed-and-harming" in ids
    # The prompts about harmful sexual behaviour still wait for that category.
    assert not starting(ids, "hsb.")
    assert "adolescents.harmed-and-harming" not in chosen(
        facts(8, factors={Factor.CHILD_HAS_HARMED})
    )


def test_an_unknown_adult_online_recorded_as_a_factor_brings_reporting_and_evidence():
    """The concern need not be filed under online harm: the child's factor is enough."""
    ids = chosen(facts(12, {Category.EMOTIONAL}, {Factor.CHILD_ONLINE_UNKNOWN_ADULT}))
    assert {"online.report-police-ceop", "online.keep-evidence", "online.who-they-talk-to"} <= ids
    assert "online.report-police-ceop" not in chosen(facts(12, {Category.EMOTIONAL}))


def test_a_carer_under_strain_brings_the_question_of_their_support():
    ids = chosen(facts(7, {Category.NEGLECT}, {Factor.CARER_UNDER_STRAIN}))
    assert "care.carers-support" in ids
    # Only that one: the other care questions are about orders and proceedings.
    assert "care.court-is-not-protection" not in ids


def test_a_new_adult_in_the_household_is_new_for_as_long_as_it_applies():
    now = datetime(2026, 11, 2, 9, 0)
    child = Child(full_name="Fictional Child", date_of_birth=date(2021, 5, 4), id=1)
    concern = Concern(
        child_id=1,
        occurred_at=now,
        recorded_at=now,
        raised_by="Class teacher",
        what_happened="Came in hungry again.",
        categories=frozenset({Category.NEGLECT}),
        id=2,
    )
    long_ago = now.date() - timedelta(days=400)

    def built(factor: Factor, still: bool = True) -> ConcernFacts:
        recorded = CumulativeFactor(1, factor, long_ago, "Mother told us", still)
        return facts_for(child, concern, [concern], [recorded], [], [], [], now)

    assert Flag.NEW_ADULT_AT_HOME in built(Factor.NEW_ADULT_IN_HOUSEHOLD).flags
    assert "fathers.new-adult" in chosen(built(Factor.NEW_ADULT_IN_HOUSEHOLD))
    assert Flag.NEW_ADULT_AT_HOME not in built(Factor.NEW_ADULT_IN_HOUSEHOLD, still=False).flags
    # A partner noted long ago under multiple partners is no longer new.
    assert Flag.NEW_ADULT_AT_HOME not in built(Factor.MULTIPLE_PARTNERS).flags


def test_a_family_wary_of_professionals_needs_more_than_an_unchecked_claim():
    unchecked = facts(7, {Category.NEGLECT}, flags={Flag.CLAIM_UNVERIFIED})
    assert "accounts.wary-parents" not in chosen(unchecked)
    contradicted = facts(7, {Category.NEGLECT}, flags={Flag.CLAIM_CONTRADICTED})
    assert "accounts.wary-parents" in chosen(contradicted)
    known_before = facts(7, {Category.NEGLECT}, flags={Flag.PREVIOUS_SOCIAL_CARE})
    assert "accounts.wary-parents" in chosen(known_before)


def test_findings_about_neglect_cases_wait_for_neglect():
    poor = facts(7, {Category.EMOTIONAL}, {Factor.POVERTY}, {Flag.CLAIM_CONTRADICTED})
    ids = chosen(poor)
    assert not ids & {"neglect.poverty-planned", "fathers.known", "accounts.wary-parents"}
    assert {"neglect.poverty-planned", "fathers.known"} <= chosen(
        facts(7, {Category.NEGLECT}, {Factor.POVERTY})
    )


def test_online_contact_brings_reporting_evidence_and_the_statutory_steps():
    ids = chosen(facts(13, {Category.ONLINE_HARM}))
    assert {"online.report-police-ceop", "online.keep-evidence", "online.kcsie-steps"} <= ids
    assert not starting(chosen(facts(13, {Category.MENTAL_HEALTH})), "online.")


def facts_that_satisfy(prompt: Prompt) -> list[ConcernFacts]:
    """For each set of conditions a prompt has, facts that meet it and no more."""
    found = []
    for when in (prompt.when, *prompt.or_when):
        age = when.min_age if when.min_age is not None else min(when.max_age or 10, 10)
        factors = set(list(when.any_factor)[:1]) | set(list(Factor)[: when.min_factors or 0])
        found.append(
            facts(
                age,
                set(list(when.any_category)[:1]),
                factors,
                set(when.all_flags) | set(list(when.any_flag)[:1]),
            )
        )
    return found


@pytest.mark.parametrize("prompt", PROMPTS, ids=lambda p: p.id)
def test_every_prompt_can_be_reached_by_each_of_its_sets_of_facts(prompt):
    for given in facts_that_satisfy(prompt):
        assert prompt.id in chosen(given)
