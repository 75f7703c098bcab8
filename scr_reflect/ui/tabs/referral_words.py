"""What the Referrals tab says about a referral or an escalation: where it stands, in words.

Kept apart from the widgets so the same sentences read the same in the table, the panels and
the banner, and can be checked without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from ...domain import display_dates as show
from ...domain.escalation_procedure import EscalationProcedure, Stage
from ...domain.referrals import EscalationStep, Referral, working_days_after
from ...services.structured import EscalationCase, ReferralCase

_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if 1 <= number <= len(_ORDINALS) else f"{number}th"


def feedback_text(referral: Referral, now: datetime) -> str:
    """When the school heard back, or plainly that it has not and how late that is."""
    if referral.heard_back_at is not None:
        return f"Heard back {show.day_and_time(referral.heard_back_at)}"
    due = referral.feedback_due_by()
    if not referral.feedback_overdue(now):
        return f"Awaiting a reply: due {show.day_and_time(due)}"
    late = working_days_after(due.date(), now.date())
    lateness = "now late" if late == 0 else f"now {late} working day{'s' * (late != 1)} late"
    return f"No reply: due {show.day_and_time(due)}, {lateness}"


def repeat_numbers(cases: Sequence[ReferralCase]) -> dict[int, int]:
    """For each decision that may be challenged, which one it is of the child's decisions not
    to act further: 'threshold not met', 'no further action' and 'stepped down' count together,
    as the reviews saw them (the same no, in other words)."""
    disputable = [
        case.referral.id
        for case in sorted(cases, key=lambda c: c.referral.made_at)
        if case.referral.outcome.may_be_challenged and case.referral.id is not None
    ]
    return {referral_id: number for number, referral_id in enumerate(disputable, start=1)}


def repeat_text(referral: Referral, number: int) -> str:
    return (
        f"The {ordinal(number)} decision not to act further for this child "
        f"('{referral.outcome.label}')."
    )


def next_stage(procedure: EscalationProcedure, steps: Sequence[EscalationStep]) -> Stage:
    """The stage a new step most likely belongs to: the one after the latest step's."""
    if not steps or steps[-1].stage not in procedure.stage_keys:
        return procedure.stages[0]
    return procedure.next_stage(steps[-1].stage) or procedure.stage(steps[-1].stage)


def is_open(case: EscalationCase) -> bool:
    return case.escalation.resolved_on is None


def overdue_steps(case: EscalationCase, today: date) -> list[EscalationStep]:
    return [step for step in case.steps if is_open(case) and step.overdue(today)]


def escalation_standing(case: EscalationCase, procedure: EscalationProcedure, today: date) -> str:
    escalation = case.escalation
    if escalation.resolved_on is not None:
        return f"Resolved {show.day(escalation.resolved_on)}"
    if not case.steps:
        return f"Started {show.day(escalation.started_on)}; no one contacted yet"
    latest = case.steps[-1]
    title = procedure.stage_title(latest.stage)
    late = overdue_steps(case, today)
    if late and late[0].next_deadline is not None:
        late_title = procedure.stage_title(late[0].stage)
        return f"Reply overdue: {late_title}, due {show.day(late[0].next_deadline)}"
    if latest.response.strip():
        return f"{title}: response received"
    due = f", reply due {show.day(latest.next_deadline)}" if latest.next_deadline else ""
    return f"{title}{due}"


def referral_standing(case: ReferralCase, procedure: EscalationProcedure, now: datetime) -> str:
    """In full: what, if anything, this referral is waiting on."""
    referral = case.referral
    open_cases = [c for c in case.escalations if is_open(c)]
    if open_cases:
        return "Escalating: " + escalation_standing(open_cases[-1], procedure, now.date())
    if case.escalations:
        resolved_on = case.escalations[-1].escalation.resolved_on or now.date()
        return f"Escalation resolved {show.day(resolved_on)}"
    if referral.outcome.may_be_challenged and not referral.feedback_overdue(now):
        return "Not challenged"
    return feedback_text(referral, now)


def short_standing(case: ReferralCase, now: datetime) -> str:
    """A few words for the table, which is narrow; the full line is its tooltip."""
    referral = case.referral
    open_cases = [c for c in case.escalations if is_open(c)]
    if open_cases:
        latest = open_cases[-1]
        if overdue_steps(latest, now.date()):
            return "Escalating: reply overdue"
        if not latest.steps:
            return "Escalating: no contact yet"
        return "Escalating: " + (
            "response in" if latest.steps[-1].response.strip() else "awaiting reply"
        )
    if case.escalations:
        return "Escalation resolved"
    if referral.feedback_overdue(now):
        late = working_days_after(referral.feedback_due_by().date(), now.date())
        return f"No reply: {late} working day{'s' * (late != 1)} late" if late else "No reply: late"
    if referral.outcome.may_be_challenged:
        return "Not challenged"
    return "Heard back" if referral.heard_back_at else "Awaiting reply"


def needs_attention(case: ReferralCase, now: datetime) -> bool:
    """Overdue, or a decision that may be challenged with no escalation."""
    referral = case.referral
    return (
        referral.feedback_overdue(now)
        or (referral.outcome.may_be_challenged and not case.escalations)
        or any(overdue_steps(c, now.date()) for c in case.escalations)
    )


def summary(cases: Sequence[ReferralCase], now: datetime) -> str:
    """What a DSL should see first, a line each: repeated decisions, decisions waiting to be
    challenged, and what is late."""
    if not cases:
        return "No referrals recorded for this child."
    disputable = [c.referral for c in cases if c.referral.outcome.may_be_challenged]
    lines = []
    if len(disputable) > 1:
        which = ", then ".join(
            f"'{r.outcome.label}'" for r in sorted(disputable, key=lambda r: r.made_at)
        )
        lines.append(f"{len(disputable)} decisions not to act further for this child: {which}.")
    unchallenged = [
        c.referral for c in cases if c.referral.outcome.may_be_challenged and not c.escalations
    ]
    lines += [
        f"Not challenged yet: '{r.outcome.label}' of {show.day(r.made_at.date())}."
        for r in unchallenged
    ]
    late_replies = sum(c.referral.feedback_overdue(now) for c in cases)
    if late_replies:
        lines.append(f"No reply in time to {late_replies} referral{'s' * (late_replies > 1)}.")
    late_steps = sum(len(overdue_steps(e, now.date())) for c in cases for e in c.escalations)
    if late_steps:
        lines.append(f"{late_steps} escalation step{'s' * (late_steps > 1)} overdue.")
    return "\n".join(lines) or "Nothing here is waiting to be challenged or overdue."
