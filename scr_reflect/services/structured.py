"""Record and amend the structured records, and read a child's picture: whole, or the parts
that what is shown needs."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from ..domain.accounts import AccountWithClaims, Claim, check_summary
from ..domain.body_map import BodyMark
from ..domain.changes import ChangeSet
from ..domain.education import EducationAbsence
from ..domain.enums import RecordType
from ..domain.escalation_procedure import EscalationProcedure
from ..domain.factors import CumulativeFactor
from ..domain.missing import MissingEpisode, MissingPattern, missing_pattern
from ..domain.record_kinds import KindContext, StructuredRecord, kind_of_record
from ..domain.referrals import Escalation, EscalationStep, Referral
from ..domain.sharing import SharingDecision
from ..domain.validation import Problem, require
from ..storage.structured_repository import StructuredRepository
from .clock import Clock


@dataclass(frozen=True, slots=True)
class EscalationCase:
    escalation: Escalation
    steps: tuple[EscalationStep, ...]
    challenged: tuple[Referral, ...] = ()  # the decisions it challenges, the first first


@dataclass(frozen=True, slots=True)
class ReferralCase:
    referral: Referral
    escalations: tuple[EscalationCase, ...]  # every escalation challenging this decision

    @property
    def challenge_under_way(self) -> EscalationCase | None:
        """The latest escalation of this decision not yet concluded."""
        open_cases = [c for c in self.escalations if c.escalation.under_way]
        return open_cases[-1] if open_cases else None

    @property
    def challenge_concluded(self) -> Escalation | None:
        """The latest concluded escalation, when none is under way: its outcome stands."""
        if self.challenge_under_way is not None:
            return None
        done = [c.escalation for c in self.escalations if c.escalation.resolved_on is not None]
        return max(done, key=lambda e: e.resolved_on or e.started_on) if done else None


class PicturePart(StrEnum):
    """A part of a child's picture, read only when something shown needs it."""

    FACTORS = "factors"
    MISSING = "missing"
    EDUCATION = "education"
    ACCOUNTS = "accounts"
    REFERRALS = "referrals"
    SHARING = "sharing"
    MARKS = "marks"


ALL_PARTS = frozenset(PicturePart)
# The kinds of record each part reads, and the picture's fields it fills.
_PART_KINDS: dict[PicturePart, tuple[RecordType, ...]] = {
    PicturePart.FACTORS: (RecordType.FACTOR,),
    PicturePart.MISSING: (RecordType.MISSING,),
    PicturePart.EDUCATION: (RecordType.EDUCATION,),
    PicturePart.ACCOUNTS: (RecordType.ACCOUNT, RecordType.CLAIM),
    PicturePart.REFERRALS: (RecordType.REFERRAL, RecordType.ESCALATION, RecordType.ESCALATION_STEP),
    PicturePart.SHARING: (RecordType.SHARING,),
    PicturePart.MARKS: (RecordType.BODY_MARK,),
}
_PART_FIELDS: dict[PicturePart, tuple[str, ...]] = {
    PicturePart.MISSING: ("missing", "missing_pattern"),
}


@dataclass(frozen=True, slots=True)
class ChildPicture:
    """What is structured about one child, read in one go for the child's view: every part,
    or only those named in `parts` (the others are left empty)."""

    factors: tuple[CumulativeFactor, ...]
    missing: tuple[MissingEpisode, ...]
    missing_pattern: MissingPattern
    education: tuple[EducationAbsence, ...]
    accounts: tuple[AccountWithClaims, ...]
    referrals: tuple[ReferralCase, ...]
    sharing: tuple[SharingDecision, ...]
    marks: tuple[BodyMark, ...] = ()  # body map marks, on every concern, oldest first
    parts: frozenset[PicturePart] = ALL_PARTS

    def joined(self, more: ChildPicture) -> ChildPicture:
        """This picture with the parts read in `more` (of the same child) added."""
        values = {
            name: getattr(more, name)
            for part in more.parts
            for name in _PART_FIELDS.get(part, (part.value,))
        }
        return replace(self, **values, parts=self.parts | more.parts)


@dataclass(frozen=True, slots=True)
class WaitingOnOthers:
    """Shown on opening: replies and escalation steps that are overdue."""

    feedback_overdue: tuple[Referral, ...]
    steps_overdue: tuple[tuple[EscalationStep, Escalation, str], ...]


class StructuredService:
    def __init__(
        self,
        repository: StructuredRepository,
        clock: Clock,
        actor: str,
        procedure: EscalationProcedure,
    ) -> None:
        self._repo, self._clock, self._actor = repository, clock, actor
        self.procedure = procedure

    def add(self, record: StructuredRecord) -> ChangeSet:
        kind, context = kind_of_record(record), self._context()
        require(kind.problems(record, context) + self._other_childs(record))
        child_id = self._child_of(record)
        record_id = self._repo.add(record, child_id, kind.lines(record, context))
        return _changed(child_id, record_id)

    def amend(self, record: StructuredRecord, reason: str) -> ChangeSet:
        kind, context = kind_of_record(record), self._context()
        problems = kind.problems(record, context) + self._other_childs(record)
        if not reason.strip():
            problems.append(Problem("reason", "Say why the record is being amended."))
        require(problems)
        child_id = self._child_of(record)
        lines = kind.lines(record, context)
        self._repo.amend(record, child_id, lines, self._actor, reason.strip(), context.now)
        assert record.id is not None
        return _changed(child_id, record.id)

    def check(self, claim: Claim) -> ChangeSet:
        """Check a claim against another source: kept as its next version, with no reason
        asked for, since the check is the reason; its history and chronology call it one."""
        kind, context = kind_of_record(claim), self._context()
        problems = kind.problems(claim, context)
        if claim.checked_on is None:
            problems.append(Problem("checked_on", "Say when the claim was checked."))
        require(problems)
        child_id = self._child_of(claim)
        lines = kind.lines(claim, context)
        reason = check_summary(claim)
        self._repo.amend(claim, child_id, lines, self._actor, reason, context.now)
        assert claim.id is not None
        return _changed(child_id, claim.id)

    @property
    def actor(self) -> str:
        """Who is working: the one a check is by, unless they say otherwise."""
        return self._actor

    def get(self, record_type: RecordType, record_id: int) -> Any:
        return self._repo.get(record_type, record_id)

    def for_parent(
        self, record_type: RecordType, parent_key: str, parent_ids: Sequence[int]
    ) -> list[Any]:
        """Records whose `parent_key` (child_id, escalation_id, ...) is one of `parent_ids`."""
        return self._repo.for_parent(record_type, parent_key, parent_ids)

    def awaiting_feedback(self) -> list[Referral]:
        """Referrals the school has not yet heard back about, oldest first."""
        return self._repo.awaiting_feedback()

    def picture(self, child_id: int, parts: Collection[PicturePart] = ALL_PARTS) -> ChildPicture:
        """The child's picture, or only the parts asked for, read in one transaction."""
        kinds = {kind for part in parts for kind in _PART_KINDS[part]}
        found = self._repo.for_child(child_id, kinds)
        accounts, claims = found.get(RecordType.ACCOUNT, []), found.get(RecordType.CLAIM, [])
        referrals = found.get(RecordType.REFERRAL, [])
        escalations = found.get(RecordType.ESCALATION, [])
        steps = found.get(RecordType.ESCALATION_STEP, [])
        missing = found.get(RecordType.MISSING, [])
        by_id = {r.id: r for r in referrals}
        return ChildPicture(
            factors=tuple(found.get(RecordType.FACTOR, [])),
            missing=tuple(missing),
            missing_pattern=missing_pattern(missing, self._clock.now()),
            education=tuple(found.get(RecordType.EDUCATION, [])),
            accounts=tuple(
                AccountWithClaims(a, tuple(c for c in claims if c.account_id == a.id))
                for a in accounts
            ),
            referrals=tuple(
                ReferralCase(
                    r,
                    tuple(
                        EscalationCase(
                            e,
                            tuple(s for s in steps if s.escalation_id == e.id),
                            tuple(by_id[i] for i in e.challenges if i in by_id),
                        )
                        for e in escalations
                        if r.id in e.challenges
                    ),
                )
                for r in referrals
            ),
            sharing=tuple(found.get(RecordType.SHARING, [])),
            marks=tuple(found.get(RecordType.BODY_MARK, [])),
            parts=frozenset(parts),
        )

    def waiting(self) -> WaitingOnOthers:
        now = self._clock.now()
        return WaitingOnOthers(
            feedback_overdue=tuple(
                r for r in self._repo.awaiting_feedback() if r.feedback_overdue(now)
            ),
            steps_overdue=tuple(self._repo.steps_due_before(self._clock.today())),
        )

    # Dispatch by record kind ------------------------------------------------------------

    def _context(self) -> KindContext:
        return KindContext(self._clock.now(), self.procedure)

    def _other_childs(self, record: StructuredRecord) -> list[Problem]:
        """An escalation challenges only its own child's decisions."""
        if not isinstance(record, Escalation):
            return []
        theirs = {
            r.id for r in self._repo.for_parent(RecordType.REFERRAL, "child_id", [record.child_id])
        }
        if set(record.challenges) <= theirs:
            return []
        return [Problem("also_challenges", "Choose decisions about this child only.")]

    def _child_of(self, record: StructuredRecord) -> int:
        """Through the record it belongs to, for a kind the child does not own directly."""
        kind = kind_of_record(record)
        parent_id = getattr(record, kind.parent_key)
        return parent_id if kind.parent is None else self._repo.child_of(kind.parent, parent_id)


def _changed(child_id: int, record_id: int) -> ChangeSet:
    return ChangeSet(chronology=True, structured=True, child_id=child_id, record_id=record_id)
