"""A step's questions, those the facts call for most strongly first, the strongest few shown."""

from __future__ import annotations

from scr_reflect.domain.concern_facts import ConcernFacts, Flag
from scr_reflect.domain.enums import Category
from scr_reflect.domain.factors import Factor
from scr_reflect.domain.legal_status import LegalStatus
from scr_reflect.domain.prompts import PRACTICE, Conditions, Prompt, Step
from scr_reflect.domain.question_order import questions_for_step
from scr_reflect.domain.walkthrough import fixed_questions


def facts(
    categories: set[Category], factors: set[Factor] = frozenset(), flags: set[Flag] = frozenset()
) -> ConcernFacts:
    return ConcernFacts(
        age=9,
        categories=frozenset(categories),
        factors=frozenset(factors),
        legal_status=LegalStatus.NONE,
        flags=frozenset(flags),
        concerns_so_far=1,
        missing_last_90_days=0,
    )


def prompt(key: str, step: Step, **when) -> Prompt:
    conditions = Conditions(**{k: frozenset(v) for k, v in when.items()})
    return Prompt(key, "A theme", step, f"{key}?", "Why. Because.", PRACTICE, conditions)


def test_the_questions_more_facts_call_for_come_first_then_the_fixed_ones():
    given = facts({Category.NEGLECT, Category.EMOTIONAL}, {Factor.POVERTY})
    prompts = [
        prompt("one.fact", Step.CUMULATIVE, any_category={Category.NEGLECT}),
        prompt(
            "three.facts",
            Step.CUMULATIVE,
            any_category={Category.NEGLECT, Category.EMOTIONAL},
            any_factor={Factor.POVERTY},
        ),
        prompt("not.called", Step.CUMULATIVE, any_category={Category.SEXUAL}),
        prompt("other.step", Step.THEMES, any_category={Category.NEGLECT}),
    ]
    ordered = questions_for_step(Step.CUMULATIVE, prompts, given)
    assert [q.key for q in ordered.all] == ["three.facts", "one.fact", "cumulative.pattern"]


def test_the_strongest_few_are_shown_and_the_rest_wait_a_click_away():
    given = facts({Category.NEGLECT})
    prompts = [
        prompt(f"called.{n}", Step.THEMES, any_category={Category.NEGLECT}) for n in range(8)
    ]
    ordered = questions_for_step(Step.THEMES, prompts, given, shown_first=5)
    assert [q.key for q in ordered.shown] == [f"called.{n}" for n in range(5)]
    assert [q.key for q in ordered.more] == [f"called.{n}" for n in range(5, 8)]


def test_the_reasons_for_a_decision_are_always_asked_among_the_first():
    given = facts({Category.NEGLECT}, flags={Flag.THRESHOLD_NOT_MET})
    prompts = [
        prompt(f"called.{n}", Step.DECISION, any_category={Category.NEGLECT}) for n in range(6)
    ]
    ordered = questions_for_step(Step.DECISION, prompts, given, shown_first=5)
    shown = [q.key for q in ordered.shown]
    assert len(shown) == 5 and "decision.reasons" in shown
    # The escalation question is called for by the outcome, so it comes before the others.
    assert shown[0] == "decision.agree_with_outcome"
    assert "decision.choice" not in [q.key for q in ordered.all]  # asked as a choice


def test_a_fixed_question_for_an_outcome_waits_for_that_outcome():
    keys = [q.key for q in questions_for_step(Step.DECISION, [], facts({Category.OTHER})).all]
    assert "decision.agree_with_outcome" not in keys
    assert len(keys) == len(fixed_questions(Step.DECISION)) - 2


def test_every_question_carries_its_source():
    ordered = questions_for_step(Step.ACCOUNTS, [], facts({Category.OTHER}))
    assert all(q.source.kind for q in ordered.all)
    assert {q.key for q in ordered.all} == {"accounts.checked", "accounts.between-professionals"}
