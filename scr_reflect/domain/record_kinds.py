"""Each kind of structured record described once: what the rest of the product derives from.

A record kind names its record class, the RecordType its versions and lines are filed under,
the kinds of chronology line it writes, the record it belongs to, its rules and its lines,
how a deletion counts it, and the form its drafts are keyed by. Storage pairs each with a row
(storage/record_rows.py) and the ui with a tab (ui/tabs/child_tabs.py); tests/domain/
test_record_kinds.py checks every layer has exactly one of each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import structured_lines as lines
from . import structured_validation as checks
from .accounts import Account, Claim
from .body_map import BodyMark
from .draft_key import FormKind
from .education import EducationAbsence
from .enums import EntryKind, RecordType
from .escalation_procedure import EscalationProcedure
from .factors import CumulativeFactor
from .headlines import ChronologyLine
from .kept import Kept
from .missing import MissingEpisode
from .referrals import Escalation, EscalationStep, Referral
from .sharing import SharingDecision
from .validation import Problem

StructuredRecord = (
    CumulativeFactor
    | MissingEpisode
    | EducationAbsence
    | Account
    | Claim
    | Referral
    | Escalation
    | EscalationStep
    | SharingDecision
    | BodyMark
)


@dataclass(frozen=True, slots=True)
class KindContext:
    """What a record's rules and lines need beyond the record: the time, the local procedure."""

    now: datetime
    procedure: EscalationProcedure


@dataclass(frozen=True, slots=True)
class RecordKind:
    record_class: type
    record_type: RecordType
    line_kinds: tuple[EntryKind, ...]  # the kinds of chronology line it writes
    # The link to the record it belongs to: the child's own (parent None) or another record's.
    parent_key: str
    parent: RecordType | None
    problems: Callable[[Any, KindContext], list[Problem]]
    lines: Callable[[Any, KindContext], list[ChronologyLine]]
    kept: Kept
    words: tuple[str, str]  # singular and plural, as a deletion's summary counts them
    form: FormKind
    # Other links set when the record is made, never changed by an amendment.
    links: tuple[tuple[str, RecordType], ...] = ()

    def owned_by(self) -> tuple[tuple[str, RecordType | None], ...]:
        """Every link to a record (None: the child) whose deletion takes this one with it."""
        return ((self.parent_key, self.parent), *self.links)


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        CumulativeFactor,
        RecordType.FACTOR,
        (EntryKind.FACTOR,),
        "child_id",
        None,
        lambda r, c: checks.factor_problems(r, c.now),
        lambda r, _c: lines.factor_lines(r),
        Kept.FACTOR,
        ("cumulative factor", "cumulative factors"),
        FormKind.FACTOR,
    ),
    RecordKind(
        MissingEpisode,
        RecordType.MISSING,
        (EntryKind.MISSING,),
        "child_id",
        None,
        lambda r, c: checks.missing_problems(r, c.now),
        lambda r, _c: lines.missing_lines(r),
        Kept.MISSING,
        ("missing episode", "missing episodes"),
        FormKind.MISSING,
    ),
    RecordKind(
        EducationAbsence,
        RecordType.EDUCATION,
        (EntryKind.EDUCATION,),
        "child_id",
        None,
        lambda r, c: checks.education_problems(r, c.now),
        lambda r, _c: lines.education_lines(r),
        Kept.EDUCATION,
        ("absence from education", "absences from education"),
        FormKind.EDUCATION,
    ),
    RecordKind(
        Account,
        RecordType.ACCOUNT,
        (EntryKind.ACCOUNT,),
        "child_id",
        None,
        lambda r, c: checks.account_problems(r, c.now),
        lambda r, _c: lines.account_lines(r),
        Kept.ACCOUNT,
        ("account", "accounts"),
        FormKind.ACCOUNT,
    ),
    RecordKind(
        Claim,
        RecordType.CLAIM,
        (EntryKind.ACCOUNT,),
        "account_id",
        RecordType.ACCOUNT,
        lambda r, c: checks.claim_problems(r, c.now.date()),
        lambda r, _c: lines.claim_lines(r),
        Kept.CLAIM,
        ("claim", "claims"),
        FormKind.CLAIM,
    ),
    RecordKind(
        Referral,
        RecordType.REFERRAL,
        (EntryKind.REFERRAL, EntryKind.OUTCOME),
        "child_id",
        None,
        lambda r, c: checks.referral_problems(r, c.now),
        lambda r, _c: lines.referral_lines(r),
        Kept.REFERRAL,
        ("referral", "referrals"),
        FormKind.REFERRAL,
    ),
    RecordKind(
        Escalation,
        RecordType.ESCALATION,
        (EntryKind.ESCALATION,),
        "child_id",
        None,
        lambda r, _c: checks.escalation_problems(r),
        lambda r, _c: lines.escalation_lines(r),
        Kept.ESCALATION,
        ("escalation", "escalations"),
        FormKind.ESCALATION,
        links=(("referral_id", RecordType.REFERRAL),),
    ),
    RecordKind(
        EscalationStep,
        RecordType.ESCALATION_STEP,
        (EntryKind.ESCALATION,),
        "escalation_id",
        RecordType.ESCALATION,
        lambda r, c: checks.step_problems(r, c.procedure.stage_keys),
        lambda r, c: lines.step_lines(r, c.procedure.stage(r.stage).title),
        Kept.ESCALATION_STEP,
        ("escalation step", "escalation steps"),
        FormKind.ESCALATION_STEP,
    ),
    RecordKind(
        SharingDecision,
        RecordType.SHARING,
        (EntryKind.SHARING,),
        "child_id",
        None,
        lambda r, c: checks.sharing_problems(r, c.now),
        lambda r, _c: lines.sharing_lines(r),
        Kept.SHARING,
        ("information-sharing decision", "information-sharing decisions"),
        FormKind.SHARING,
    ),
    # Owned by the child, so it is found and deleted with the child's other records; the
    # concern it was recorded under is a column set when it is made (a concern is not a
    # structured record, so it cannot be an owner here).
    RecordKind(
        BodyMark,
        RecordType.BODY_MARK,
        (EntryKind.BODY_MARK,),
        "child_id",
        None,
        lambda r, c: checks.mark_problems(r, c.now),
        lambda r, _c: lines.mark_lines(r),
        Kept.BODY_MARK,
        ("body map mark", "body map marks"),
        FormKind.BODY_MARK,
    ),
)

_BY_TYPE = {kind.record_type: kind for kind in RECORD_KINDS}
_BY_CLASS = {kind.record_class: kind for kind in RECORD_KINDS}
# Every link from a structured record to the record it belongs to.
PARENT_KEYS = frozenset(key for kind in RECORD_KINDS for key, _owner in kind.owned_by())


def _depth(kind: RecordKind) -> int:
    """How many links lie between the child and a record of this kind."""
    owners = (_BY_TYPE[owner] for _key, owner in kind.owned_by() if owner is not None)
    return 1 + max((_depth(owner) for owner in owners), default=0)


# Each kind after every kind it belongs to: the order a child's records are found in (a claim
# through the accounts found before it); reversed, the order they are deleted in.
OWNERS_FIRST = tuple(sorted(RECORD_KINDS, key=_depth))


def kind_of(record_type: RecordType) -> RecordKind:
    return _BY_TYPE[record_type]


def kind_of_record(record: StructuredRecord) -> RecordKind:
    return _BY_CLASS[type(record)]
