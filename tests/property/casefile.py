"""One child's whole file, every text field filled from a source of typed text.

The property tests fill it with whatever hypothesis draws; the 1 MB test with one long note.
`Typed(name, required)` returns the text for a field; a required field is never blank.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from scr_reflect.domain.accounts import Account, AccountSource, Claim, ClaimStatus, EvidenceKind
from scr_reflect.domain.body_map import BodyMark, BodyView, HowKnown, MarkShape
from scr_reflect.domain.education import AbsenceKind, EducationAbsence, WhereaboutsCheck
from scr_reflect.domain.enums import Category, EntryKind, RecordType
from scr_reflect.domain.factors import CumulativeFactor, Factor
from scr_reflect.domain.missing import MissingEpisode
from scr_reflect.domain.records import Child, ChronologyEntry, Concern, Draft, FollowUpAction
from scr_reflect.domain.referrals import Agency, Escalation, EscalationStep, Referral
from scr_reflect.domain.referrals import ReferralOutcome as Outcome
from scr_reflect.domain.sharing import LawfulBasis, SharingDecision
from scr_reflect.services.workspace import Workspace
from tests.store_access import store_of

Typed = Callable[[str, bool], str]
NOW = datetime(2025, 3, 10, 9, 30)
AGO = NOW - timedelta(days=20)


@dataclass
class CaseFile:
    """What was written (with the ids the store gave), to compare with what is read back."""

    child: Child
    records: list[tuple[RecordType, Any]]
    draft: Draft
    answer: tuple[str, str]  # (question, text) of a reflection answer on the concern

    @property
    def child_id(self) -> int:
        assert self.child.id is not None
        return self.child.id

    def first(self, record_type: RecordType) -> Any:
        return next(r for t, r in self.records if t is record_type)


def write_case_file(ws: Workspace, typed: Typed) -> CaseFile:
    def t(name: str) -> str:
        return typed(name, False)

    def req(name: str) -> str:
        return typed(name, True)

    child = Child(
        req("full_name"),
        date(2012, 9, 1),
        preferred_name=t("preferred_name"),
        year_group=t("year_group"),
        tutor_group=t("tutor_group"),
        household=t("household"),
    )
    # Names are tidied of surrounding spaces by design (services/records.py _tidy_child);
    # every other field is kept exactly as typed.
    child = replace(
        child,
        id=ws.records.add_child(child).record_id,
        full_name=child.full_name.strip(),
        preferred_name=child.preferred_name.strip(),
    )
    cid = child.id
    assert cid is not None
    file = CaseFile(child, [], Draft("property:draft", t("draft_title")), ("", ""))

    def add(record_type: RecordType, record: Any, change: Any) -> Any:
        stored = replace(record, id=change.record_id)
        file.records.append((record_type, stored))
        return stored

    cats = frozenset({Category.NEGLECT, Category.GOING_MISSING})
    concern = Concern(
        cid, AGO, AGO, req("raised_by"), req("what_happened"), cats,
        t("child_words"), t("action_taken"), outcome=t("outcome"),
    )  # fmt: skip
    concern = add(RecordType.CONCERN, concern, ws.records.record_concern(concern))
    entry = ChronologyEntry(cid, EntryKind.NOTE, AGO, req("title"), t("body"))
    add(RecordType.ENTRY, entry, ws.records.add_entry(entry))
    action = FollowUpAction(cid, req("description"), req("owner"), date(2025, 3, 1), concern.id)
    add(RecordType.ACTION, action, ws.records.add_action(action))
    for record_type, record in _structured(cid, t, req):
        if isinstance(record, Claim):
            record = replace(record, account_id=file.first(RecordType.ACCOUNT).id)
        if isinstance(record, Escalation):
            record = replace(record, referral_id=file.first(RecordType.REFERRAL).id)
        if isinstance(record, EscalationStep):
            stage = ws.procedure.stages[0].key
            record = replace(
                record, escalation_id=file.first(RecordType.ESCALATION).id, stage=stage
            )
        if isinstance(record, BodyMark):
            record = replace(record, concern_id=concern.id)
        add(record_type, record, ws.structured.add(record))
    file.draft = replace(file.draft, fields={"what_happened": t("draft_text")})
    ws.records.save_draft(file.draft)
    file.answer = (t("question"), t("answer"))
    ws.reflection.save_answer(concern.id, "decision.reasons", *file.answer)
    return file


def _structured(cid: int, t: Typed, req: Typed) -> list[tuple[RecordType, Any]]:
    """Parents are linked as they are stored (account, referral, escalation, concern ids are 0
    here)."""
    return [
        (RecordType.FACTOR, CumulativeFactor(
            cid, Factor.DOMESTIC_ABUSE, date(2024, 9, 1), req("source"), notes=t("notes"),
        )),
        (RecordType.MISSING, MissingEpisode(
            cid, AGO, AGO + timedelta(hours=9), t("found_where"), t("found_by"),
            t("reported_by"), t("police_reference"), child_said=t("child_said"),
            push_factors=t("push_factors"), pull_factors=t("pull_factors"),
        )),
        (RecordType.EDUCATION, EducationAbsence(
            cid, AbsenceKind.LEFT_SITE, AGO, True, AGO + timedelta(hours=3), False,
            req("said_to_be"), t("said_by"), WhereaboutsCheck.NOT_CONFIRMED, req("check_notes"),
            AGO.date(), True, t("others_told"), t("notes"),
        )),
        (RecordType.ACCOUNT, Account(
            cid, AccountSource.PARENT, t("given_by"), AGO, req("summary"),
        )),
        (RecordType.CLAIM, Claim(
            0, req("claim"), ClaimStatus.CONTRADICTED, EvidenceKind.RECORD, req("evidence"),
            req("checked_against"), date(2025, 3, 4), req("checked_by"),
        )),
        (RecordType.REFERRAL, Referral(
            cid, AGO, Agency.CHILDRENS_SOCIAL_CARE, req("asked_for"),
            Outcome.THRESHOLD_NOT_MET, req("outcome_reasons"), AGO + timedelta(days=1),
        )),
        (RecordType.ESCALATION, Escalation(
            cid, 0, date(2025, 3, 3), req("why_we_disagree"), req("asking_for"),
            resolution=t("resolution"),
        )),
        (RecordType.ESCALATION_STEP, EscalationStep(
            0, "", req("contacted"), date(2025, 3, 3), t("response"), date(2025, 3, 5),
        )),
        (RecordType.SHARING, SharingDecision(
            cid, AGO, True, req("with_whom"), req("what"), req("why"),
            LawfulBasis.PUBLIC_TASK, False, req("why_not_told"),
        )),
        (RecordType.BODY_MARK, BodyMark(
            cid, 0, BodyView.FRONT, 0.85, 0.35, "left upper arm, front", MarkShape.OVAL,
            t("colour"), HowKnown.SEEN, req("seen_by"), date(2025, 3, 3), time(10, 15),
            3.0, 2.0, broken_skin=True, child_said=t("mark_child_said"),
        )),
    ]  # fmt: skip


def read_back(ws: Workspace, file: CaseFile) -> list[str]:
    """Each field that does not read back exactly as written, by record and field name."""
    differences = _differences("child", file.child, ws.records.child(file.child_id))
    for record_type, written in file.records:
        differences += _differences(record_type.value, written, _stored(ws, record_type, written))
    draft = next(d for d in ws.records.drafts() if d.key == file.draft.key)
    differences += _differences("draft", file.draft, replace(draft, saved_at=None))
    concern_id = file.first(RecordType.CONCERN).id
    answer = next(a for a in store_of(ws).reflections.answers(concern_id))
    if (answer.question, answer.text) != file.answer:
        differences.append("answer")
    return differences


def _stored(ws: Workspace, record_type: RecordType, written: Any) -> Any:
    if record_type is RecordType.CONCERN:
        return ws.records.concern(written.id)
    if record_type is RecordType.ENTRY:
        return ws.records.entry(written.id)
    if record_type is RecordType.ACTION:
        return next(a for a in ws.records.actions_for_child(written.child_id) if a.id == written.id)
    return ws.structured.get(record_type, written.id)


def _differences(name: str, written: Any, stored: Any) -> list[str]:
    return [
        f"{name}.{f.name}"
        for f in fields(written)
        if getattr(written, f.name) != getattr(stored, f.name)
    ]
