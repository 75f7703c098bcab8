"""Where an escalation stands, in a sentence: what it challenges and the stage of the local
procedure it has reached, or how it concluded. Read in Reflect's decision step, so the DSL
weighing the next decision sees the challenge already made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from . import display_dates as show
from .escalation_grounds import decision_words
from .escalation_procedure import EscalationProcedure
from .referrals import Escalation, EscalationStep, Referral


def challenge_line(
    escalation: Escalation,
    steps: Sequence[EscalationStep],
    referrals: Sequence[Referral],
    procedure: EscalationProcedure,
    today: date,
) -> str:
    by_id = {r.id: r for r in referrals}
    what = (
        " and ".join(decision_words(by_id[r]) for r in escalation.challenges if r in by_id)
        or "a decision"
    )
    if escalation.resolved_on is not None:
        return (
            f"Escalation of {what}: concluded {show.day(escalation.resolved_on)}. "
            f"Outcome: {' '.join(escalation.resolution.split())}"
        )
    started = f"Escalation of {what}: under way since {show.day(escalation.started_on)}."
    return f"{started} {_stage(steps, procedure, today)}"


def _stage(steps: Sequence[EscalationStep], procedure: EscalationProcedure, today: date) -> str:
    if not steps:
        return "No one contacted yet under the local procedure."
    latest = max(steps, key=lambda s: (s.contacted_on, s.id or 0))
    stage = f"Current stage: {procedure.stage_title(latest.stage)}, contacted {latest.contacted}"
    if latest.response.strip():
        return f"{stage}; response received."
    if latest.next_deadline is None:
        return f"{stage}; no reply yet."
    late = " (overdue)" if latest.overdue(today) else ""
    return f"{stage}; reply due {show.day(latest.next_deadline)}{late}."
