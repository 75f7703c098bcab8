"""Produce the PDF documents: gather plain report data, build, protect, write, record.

Each document for a child is recorded in that child's chronology as a line of its own kind
(EntryKind.DOCUMENT, "Produced: Referral summary (PDF)"), so the record shows what left the
tool and when; documents leave those lines out by their kind, never by their wording. The
supervision pack is about the whole caseload, not one child, and is not in any chronology.
Every document saved or printed, the supervision pack included, is in the audit trail.

The pieces that go out are the report builders (scr_reflect/reports), which take plain data
and never a session; gathering that data is done here and in reports_supervision.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ..domain.accounts import ClaimStatus
from ..domain.audit import AuditAction
from ..domain.body_map import BodyMark, earlier_note, numbered
from ..domain.changes import ChangeSet
from ..domain.chronology_filter import ChronologyFilter
from ..domain.education import EducationAbsence
from ..domain.enums import ConcernStatus, EntryKind
from ..domain.records import Child, ChronologyEntry
from ..reports.analysis import analysis_lines
from ..reports.chronology import build_chronology
from ..reports.escalation import build_escalation_summary
from ..reports.page import APP_NAME, Built
from ..reports.referral import build_referral_summary
from ..reports.report_data import (
    ChronologyData,
    EscalationSummaryData,
    FactorLine,
    MarkLine,
    Produced,
    ReferralSummaryData,
    StepLine,
    SupervisionData,
)
from ..reports.supervision import build_supervision_pack
from ..storage.private_files import save_document
from .documents import Document, NothingToReport, Report
from .reports_supervision import gather_supervision
from .structured import ChildPicture
from .workspace import Workspace

EXTRACT_DAYS = 365  # the referral summary's chronology extract, unless dates are given


def protect(pdf: bytes, password: str) -> bytes:
    """The same document, opening only with the password (AES-256)."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    writer.add_metadata({"/Producer": APP_NAME})
    writer.encrypt(password, algorithm="AES-256")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


class ReportService:
    def __init__(self, ws: Workspace, *, invariant: bool = False) -> None:
        """invariant: the same bytes for the same data and clock (for tests)."""
        self._ws, self._invariant = ws, invariant
        self._records, self._structured = ws.records, ws.structured
        self._reflections = ws.reflection
        self._profile, self._clock, self._facts = ws.profile, ws.clock, ws.facts
        self._procedure = ws.procedure

    # Building -----------------------------------------------------------------------------

    def referral(
        self,
        child_id: int,
        concern_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> Report:
        data = self.referral_data(child_id, concern_id, date_from, date_to)
        return self._report(Document.REFERRAL, child_id, build_referral_summary(data, **self._how))

    def escalation(self, child_id: int, escalation_id: int | None = None) -> Report:
        data = self.escalation_data(child_id, escalation_id)
        built = build_escalation_summary(data, **self._how)
        return self._report(Document.ESCALATION, child_id, built)

    def chronology(self, child_id: int, wanted: ChronologyFilter | None = None) -> Report:
        data = self.chronology_data(child_id, wanted or ChronologyFilter())
        return self._report(Document.CHRONOLOGY, child_id, build_chronology(data, **self._how))

    def supervision(self) -> Report:
        built = build_supervision_pack(self.supervision_data(), **self._how)
        return self._report(Document.SUPERVISION, None, built)

    # Saving and recording -----------------------------------------------------------------

    def save(
        self, report: Report, path: Path, password: str | None = None, *, replace: bool = False
    ) -> ChangeSet:
        """Write the file owner-only, then record it in the child's chronology.

        An existing file is replaced only when the DSL said so (replace); otherwise
        FileAlreadyThere, and nothing is written or recorded."""
        self._ws.require_writable()  # before the file is written, not after
        pdf = protect(report.pdf, password) if password else report.pdf
        save_document(path, pdf, replace=replace)
        locked = ", password-protected (AES-256)" if password else ""
        self._audit(AuditAction.EXPORT, report, locked)
        return self._record(report, f"Produced: {report.document.title} (PDF)", locked)

    def may_print(self) -> None:
        """Refuse before printing, as a print that could not be recorded must not happen."""
        self._ws.require_writable()

    def record_printed(self, report: Report) -> ChangeSet:
        self._audit(AuditAction.PRINT, report, "")
        return self._record(report, f"Printed: {report.document.title}", "")

    def _audit(self, action: AuditAction, report: Report, detail: str) -> None:
        what = f"{report.document.title}, {_pages(report)}{detail}"
        self._ws.audit.record(action, child_id=report.child_id, detail=what)

    def _record(self, report: Report, title: str, detail: str) -> ChangeSet:
        if report.child_id is None:
            return ChangeSet()
        pages = _pages(report)
        body = f"{report.document.title}, {pages}{detail}. Produced by {self._ws.person.name}."
        return self._records.record_document(report.child_id, title, body)

    # Gathering ----------------------------------------------------------------------------

    def referral_data(
        self,
        child_id: int,
        concern_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> ReferralSummaryData:
        child = self._records.child(child_id)
        concerns = self._records.concerns_for_child(child_id)
        if concern_id is not None:
            concern = self._records.concern(concern_id)
            if concern.child_id != child_id:
                raise NothingToReport("That concern is about another child.")
        elif concerns:
            still_open = [c for c in concerns if c.status is not ConcernStatus.CLOSED]
            concern = (still_open or concerns)[-1]
        else:
            raise NothingToReport("No concern is recorded for this child.")
        picture = self._structured.picture(child_id)
        referrals = tuple(case.referral for case in picture.referrals)
        since = [r for r in referrals if r.made_at >= concern.occurred_at]
        date_to = date_to or self._clock.today()
        date_from = date_from or date_to - timedelta(days=EXTRACT_DAYS)
        kinds = frozenset(EntryKind) - {EntryKind.REFLECTION}
        answers = self._reflections.answers(concern.id or 0)
        return ReferralSummaryData(
            produced=self._produced(),
            child=child,
            concern=concern,
            earlier_words=tuple(
                c for c in concerns if c.occurred_at < concern.occurred_at and c.child_words.strip()
            ),
            actions=tuple(
                sorted(self._records.actions_for_child(child_id), key=lambda a: a.due_on)
            ),
            referrals=referrals,
            factors=self._factors(child, picture, current_only=False),
            factors_source=self._facts.footnote(),
            missing=picture.missing,
            missing_pattern=picture.missing_pattern,
            accounts=picture.accounts,
            analysis=analysis_lines(answers),
            asking_for=since[-1].asked_for if since else "",
            chronology=self._entries(child_id, ChronologyFilter(kinds, date_from, date_to)),
            chronology_from=date_from,
            chronology_to=date_to,
            reflection_answered=sum(1 for answer in answers if answer.text.strip()),
            education=_oldest_first(picture.education),
            marks=mark_lines(picture.marks),
        )

    def escalation_data(
        self, child_id: int, escalation_id: int | None = None
    ) -> EscalationSummaryData:
        child = self._records.child(child_id)
        picture = self._structured.picture(child_id)
        # An escalation challenging two decisions is listed under both referrals: take it once.
        found = {
            escalated.escalation.id: escalated
            for case in picture.referrals
            for escalated in case.escalations
            if escalation_id is None or escalated.escalation.id == escalation_id
        }
        if not found:
            raise NothingToReport("No escalation is recorded for this child.")
        chosen = max(found.values(), key=lambda case: case.escalation.started_on)
        by_id = {case.referral.id: case.referral for case in picture.referrals}
        steps = tuple(
            StepLine(self._procedure.stage_title(s.stage), s)
            for s in sorted(chosen.steps, key=lambda s: (s.contacted_on, s.id or 0))
        )
        stage_reached, next_stage = self._stages(steps)
        resolved = chosen.escalation.resolved_on  # a settled one shows what was known then
        contradicted = tuple(
            (item.account, claim)
            for item in picture.accounts
            for claim in item.claims
            if claim.status is ClaimStatus.CONTRADICTED
        )
        return EscalationSummaryData(
            produced=self._produced(),
            child=child,
            challenged=tuple(by_id[r] for r in chosen.escalation.challenges if r in by_id),
            escalation=chosen.escalation,
            steps=steps,
            stage_reached=stage_reached,
            next_stage=next_stage,
            procedure_name=self._procedure.name,
            contacts=self._procedure.contacts,
            referrals=tuple(case.referral for case in picture.referrals),
            concerns=tuple(
                c
                for c in self._records.concerns_for_child(child_id)
                if resolved is None or c.occurred_at.date() <= resolved
            ),
            factors=self._factors(child, picture, current_only=True),
            factors_source=self._facts.footnote(),
            missing_pattern=picture.missing_pattern,
            missing=tuple(
                sorted(
                    (
                        e
                        for e in picture.missing
                        if resolved is None or e.started_at.date() <= resolved
                    ),
                    key=lambda e: e.started_at,
                )
            ),
            contradicted=contradicted,
            education=_oldest_first(
                a for a in picture.education if resolved is None or a.started_at.date() <= resolved
            ),
            marks=mark_lines(picture.marks, lambda m: resolved is None or m.seen_on <= resolved),
        )

    def chronology_data(self, child_id: int, wanted: ChronologyFilter) -> ChronologyData:
        child = self._records.child(child_id)
        entries = self._records.entries(self._records.entry_ids(child_id, wanted))
        marks: tuple[MarkLine, ...] = ()
        if EntryKind.BODY_MARK in wanted.kinds:
            start, end = wanted.date_from or date.min, wanted.date_to or date.max
            marks = mark_lines(
                self._structured.picture(child_id).marks, lambda m: start <= m.seen_on <= end
            )
        return ChronologyData(self._produced(), child, wanted, tuple(reversed(entries)), marks)

    def supervision_data(self) -> SupervisionData:
        return gather_supervision(self._ws, self._produced())

    # Helpers ------------------------------------------------------------------------------

    @property
    def _how(self) -> dict[str, bool]:
        return {"invariant": self._invariant}

    def _report(self, document: Document, child_id: int | None, built: Built) -> Report:
        return Report(document, child_id, built.pdf, built.pages)

    def _produced(self) -> Produced:
        # Whoever unlocked produced it: a deputy's documents carry the deputy's name.
        return Produced(self._profile.school_name, self._ws.person.name, self._clock.now())

    def _factors(
        self, child: Child, picture: ChildPicture, *, current_only: bool
    ) -> tuple[FactorLine, ...]:
        age = child.age_on(self._clock.today())
        return tuple(
            FactorLine(f, self._facts.context(f.factor, age).beside)
            for f in sorted(picture.factors, key=lambda f: f.first_known)
            if f.still_applies or not current_only
        )

    def _entries(self, child_id: int, wanted: ChronologyFilter) -> tuple[ChronologyEntry, ...]:
        case_only = replace(wanted, kinds=wanted.kinds - {EntryKind.DOCUMENT})
        return tuple(reversed(self._records.entries(self._records.entry_ids(child_id, case_only))))

    def _stages(self, steps: tuple[StepLine, ...]) -> tuple[str, str]:
        if not steps:
            return "No stage recorded yet", ""
        key = steps[-1].step.stage
        keys = [stage.key for stage in self._procedure.stages]
        if key not in keys:
            return steps[-1].stage_title, ""
        reached = f"{steps[-1].stage_title} ({keys.index(key) + 1} of {len(keys)})"
        following = self._procedure.next_stage(key)
        return reached, f"{following.title}: {following.who}" if following else ""


def mark_lines(
    marks: Sequence[BodyMark], shown: Callable[[BodyMark], bool] = lambda _m: True
) -> tuple[MarkLine, ...]:
    """The marks a document shows, numbered among all the child's marks as in the app."""
    return tuple(
        MarkLine(number, mark, earlier_note(mark, marks))
        for number, mark in numbered(marks)
        if shown(mark)
    )


def _pages(report: Report) -> str:
    return f"{report.pages} page" + ("" if report.pages == 1 else "s")


def _oldest_first(absences: Iterable[EducationAbsence]) -> tuple[EducationAbsence, ...]:
    return tuple(sorted(absences, key=lambda a: (a.started_at, a.id or 0)))
