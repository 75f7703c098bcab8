"""Plain data for the PDF documents: gathered by services/reports.py, drawn by the builders.

Records are the domain's own frozen dataclasses. Anything that needs the national facts, the
prompt library or the local procedure arrives here already as text, so the builders need
nothing but this module, the domain and reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain.accounts import Account, AccountWithClaims, Claim
from ..domain.audit_seal import Checkpoint
from ..domain.body_map import BodyMark
from ..domain.case_themes import ThemeFound
from ..domain.chronology_filter import ChronologyFilter
from ..domain.education import EducationAbsence
from ..domain.escalation_procedure import LocalContact
from ..domain.factors import CumulativeFactor
from ..domain.missing import MissingEpisode, MissingPattern, Trend
from ..domain.records import Child, ChronologyEntry, Concern, FollowUpAction, OverdueAction
from ..domain.referrals import Escalation, EscalationStep, Referral


@dataclass(frozen=True, slots=True)
class Produced:
    """What every page carries: whose document, when and by whom it was produced."""

    school_name: str
    produced_by: str
    produced_at: datetime


@dataclass(frozen=True, slots=True)
class FactorLine:
    factor: CumulativeFactor
    national: str  # "59% of SCRs 2014-17", or why there is no figure for this child


@dataclass(frozen=True, slots=True)
class Answered:
    """One answer from the DSL's reflection, under a short label of our own."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class MarkLine:
    """A body map mark as a document shows it: its number in the child's marks, and a
    sentence on earlier marks on the same part of the body (empty if none)."""

    number: int
    mark: BodyMark
    earlier: str


@dataclass(frozen=True, slots=True)
class ReferralSummaryData:
    produced: Produced
    child: Child
    concern: Concern
    earlier_words: tuple[Concern, ...]  # earlier concerns in which the child's words were kept
    actions: tuple[FollowUpAction, ...]
    referrals: tuple[Referral, ...]
    factors: tuple[FactorLine, ...]
    factors_source: str
    missing: tuple[MissingEpisode, ...]
    missing_pattern: MissingPattern
    accounts: tuple[AccountWithClaims, ...]
    analysis: tuple[Answered, ...]
    asking_for: str
    chronology: tuple[ChronologyEntry, ...]  # oldest first
    chronology_from: date
    chronology_to: date
    reflection_answered: int = 0  # questions answered in Reflect, on any step
    education: tuple[EducationAbsence, ...] = ()  # oldest first
    marks: tuple[MarkLine, ...] = ()  # the child's body map marks, oldest first


@dataclass(frozen=True, slots=True)
class StepLine:
    stage_title: str
    step: EscalationStep


@dataclass(frozen=True, slots=True)
class EscalationSummaryData:
    produced: Produced
    child: Child
    challenged: tuple[Referral, ...]  # every decision the escalation challenges, first first
    escalation: Escalation
    steps: tuple[StepLine, ...]  # oldest first
    stage_reached: str  # "Stage 2: DSL to team manager (2 of 4)"
    next_stage: str  # the next stage's title and who, or "" at the last stage
    procedure_name: str
    contacts: tuple[LocalContact, ...]
    referrals: tuple[Referral, ...]  # every referral for the child, oldest first
    concerns: tuple[Concern, ...]  # the evidence the school relies on, oldest first
    factors: tuple[FactorLine, ...]  # those that still apply
    factors_source: str
    missing_pattern: MissingPattern
    missing: tuple[MissingEpisode, ...]  # oldest first, with their return home interviews
    contradicted: tuple[tuple[Account, Claim], ...]
    education: tuple[EducationAbsence, ...] = ()  # oldest first
    marks: tuple[MarkLine, ...] = ()  # the child's body map marks, oldest first


@dataclass(frozen=True, slots=True)
class ChronologyData:
    produced: Produced
    child: Child
    wanted: ChronologyFilter
    entries: tuple[ChronologyEntry, ...]  # oldest first
    marks: tuple[MarkLine, ...] = ()  # body map marks in the period, when they are shown


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A child with a concern still open, and the facts supervision asks about."""

    child_name: str
    year_group: str
    open_concerns: int
    concerns: int
    referrals: int
    last_recorded: datetime | None
    open_actions: int
    overdue_actions: int
    missing_recent: int  # missing episodes in the last 90 days
    missing_frequency: Trend
    missed_interviews: int
    contradicted_claims: int
    unchallenged: tuple[Referral, ...]  # outcomes that may be challenged, with no escalation
    undecided: int  # open concerns with no decision in their reflection
    categories: tuple[str, ...] = ()  # the concerns' categories, as labels
    factors: tuple[str, ...] = ()  # the factors that still apply, as labels
    themes: tuple[ThemeFound, ...] = ()  # themes the concerns name in words
    # Of the missed interviews, those where it is not known whether one was offered.
    interviews_not_known: int = 0


@dataclass(frozen=True, slots=True)
class WaitingLine:
    child_name: str
    what: str  # "Referral to children's social care", "Escalation, Stage 2: ..."
    sent_on: date
    due_by: date | None
    late: bool


@dataclass(frozen=True, slots=True)
class ReflectionNote:
    child_name: str
    concern: Concern
    decision: str
    reasons: str
    would_change: str


@dataclass(frozen=True, slots=True)
class SupervisionData:
    produced: Produced
    cases: tuple[OpenCase, ...]
    outstanding: tuple[OverdueAction, ...]  # every action not done, soonest due first
    waiting: tuple[WaitingLine, ...]
    reflections: tuple[ReflectionNote, ...]
    checkpoint: Checkpoint | None = None  # the audit trail's newest entry, printed to compare


@dataclass(frozen=True, slots=True)
class RecoverySheetData:
    """The one page kept in the school safe: the recovery code and what to do with it."""

    produced: Produced
    code: str  # grouped for reading, as new_code() gives it
    checkpoint: Checkpoint | None = None  # the audit trail's newest entry, printed to compare
