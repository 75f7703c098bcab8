"""Gather the supervision pack: every open case, what is overdue, what waits for a reply.

Reads each open case once (concerns, actions, structured picture, reflection answers) and
the referrals and escalations still waiting across the whole caseload.
"""

from __future__ import annotations

from datetime import datetime, time

from ..domain.accounts import ClaimStatus
from ..domain.case_themes import themes_named
from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import ConcernStatus, EntryKind, RecordType
from ..domain.missing import InterviewOffer
from ..domain.records import ChronologyEntry
from ..domain.referrals import Agency, Escalation, EscalationStep
from ..reports.analysis import DECISION_KEY, answer_text
from ..reports.report_data import (
    OpenCase,
    Produced,
    ReflectionNote,
    SupervisionData,
    WaitingLine,
)
from .workspace import Workspace

# What was done for a case, as the supervision pack dates it: not reflecting on it, and not
# a document produced about it.
_CASE_WORK = frozenset(EntryKind) - {EntryKind.REFLECTION, EntryKind.DOCUMENT}


def gather_supervision(ws: Workspace, produced: Produced) -> SupervisionData:
    records, now, today = ws.records, ws.clock.now(), ws.clock.today()
    summaries = records.child_summaries(records.search_children(""))
    names = {s.id: s.display_name for s in summaries}
    cases, notes = [], []
    for summary in (s for s in summaries if s.open_concerns):
        case, case_notes = _open_case(ws, summary.id, names[summary.id], summary.year_group)
        cases.append(case)
        notes += case_notes
    waiting = [
        WaitingLine(
            names.get(r.child_id, ""),
            _referral_to(r.agency),
            r.made_at.date(),
            r.feedback_due_by().date(),
            r.feedback_overdue(now),
        )
        for r in ws.structured.awaiting_feedback()
    ]
    for escalation, step in _unanswered_steps(ws, [s.id for s in summaries]):
        waiting.append(
            WaitingLine(
                names.get(escalation.child_id, ""),
                f"Escalation, {ws.procedure.stage_title(step.stage)}: {step.contacted}",
                step.contacted_on,
                step.next_deadline,
                step.overdue(today),
            )
        )
    return SupervisionData(
        produced=produced,
        cases=tuple(sorted(cases, key=_quietest_first)),
        outstanding=tuple(records.outstanding_actions()),
        waiting=tuple(sorted(waiting, key=lambda w: (not w.late, w.sent_on))),
        reflections=tuple(notes),
        checkpoint=ws.audit.checkpoint(),
    )


def _open_case(
    ws: Workspace, child_id: int, name: str, year_group: str
) -> tuple[OpenCase, list[ReflectionNote]]:
    today = ws.clock.today()
    concerns = ws.records.concerns_for_child(child_id)
    actions = ws.records.actions_for_child(child_id)
    picture = ws.structured.picture(child_id)
    still_open = [c for c in concerns if c.status is not ConcernStatus.CLOSED]
    notes, undecided = [], 0
    for concern in still_open:
        answers = ws.reflection.answers(concern.id or 0)
        decision = answer_text(answers, DECISION_KEY)
        undecided += not decision
        if any(a.text.strip() for a in answers):
            reasons = answer_text(answers, "decision.reasons")
            change = answer_text(answers, "decision.would_change")
            notes.append(ReflectionNote(name, concern, decision, reasons, change))
    latest = [e.occurred_at for e in _latest_work(ws, child_id)]
    latest += [datetime.combine(a.done_on, time()) for a in actions if a.done_on]
    claims = [c for item in picture.accounts for c in item.claims]
    missed = [e for e in picture.missing if e.interview_missed(ws.clock.now())]
    case = OpenCase(
        child_name=name,
        year_group=year_group,
        open_concerns=len(still_open),
        concerns=len(concerns),
        referrals=len(picture.referrals),
        last_recorded=max(latest, default=None),
        open_actions=sum(1 for a in actions if a.done_on is None),
        overdue_actions=sum(1 for a in actions if a.is_overdue(today)),
        missing_recent=picture.missing_pattern.in_last_90_days,
        missing_frequency=picture.missing_pattern.frequency,
        missed_interviews=len(missed),
        contradicted_claims=sum(1 for c in claims if c.status is ClaimStatus.CONTRADICTED),
        unchallenged=tuple(
            case.referral
            for case in picture.referrals
            if case.referral.outcome.may_be_challenged and not case.escalations
        ),
        undecided=undecided,
        categories=tuple(sorted({cat.label for c in concerns for cat in c.categories})),
        factors=tuple(sorted(f.factor.label for f in picture.factors if f.still_applies)),
        themes=themes_named(concerns, picture.factors),
        interviews_not_known=sum(
            1 for e in missed if e.interview_offer is InterviewOffer.NOT_KNOWN
        ),
    )
    return case, notes


def _unanswered_steps(
    ws: Workspace, child_ids: list[int]
) -> list[tuple[Escalation, EscalationStep]]:
    """Open escalations whose latest step still waits for a response."""
    escalations = [
        e
        for e in ws.structured.for_parent(RecordType.ESCALATION, "child_id", child_ids)
        if e.resolved_on is None
    ]
    steps = ws.structured.for_parent(
        RecordType.ESCALATION_STEP, "escalation_id", [e.id for e in escalations]
    )
    waiting = []
    for escalation in escalations:
        own = [s for s in steps if s.escalation_id == escalation.id]
        if own and not own[-1].response.strip():
            waiting.append((escalation, own[-1]))
    return waiting


def _latest_work(ws: Workspace, child_id: int) -> list[ChronologyEntry]:
    """The newest line of work on the case, if there is one (entry ids come newest first)."""
    ids = ws.records.entry_ids(child_id, ChronologyFilter(_CASE_WORK))[:1]
    return ws.records.entries(ids)


def _referral_to(agency: Agency) -> str:
    if agency is Agency.OTHER:
        return "Referral to another agency"
    return f"Referral to {agency.label.lower()}"


def _quietest_first(case: OpenCase) -> tuple[bool, datetime]:
    """Cases with nothing recorded first, then the longest since anything was done."""
    return case.last_recorded is not None, case.last_recorded or datetime.min
