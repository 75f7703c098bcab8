"""Record or amend an absence from education: missing from education, or part of the day.

The kind is chosen each time, never defaulted: a default would quietly record a kind of
absence nobody chose. Dates take a time where it is known, a day alone where it is not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLineEdit

from ...domain.changes import ChangeSet
from ...domain.education import AbsenceKind, EducationAbsence, WhereaboutsCheck
from ...domain.records import Draft
from ..shared.widgets import as_iso, choice_box, date_edit, datetime_edit, text_box
from .form_context import FormContext
from .record_form import REASON, RecordForm

YES = "yes"  # how a ticked box reads in a draft
LA_HINT = (
    "Schools must tell the local authority when a pupil is to be taken off the admission "
    "register, and when a pupil stops attending regularly or has missed 10 or more school days "
    "in a row without permission (Children missing education, DfE statutory guidance, 2016)."
)
WHEN_HINT = "Type dd/mm/yyyy, with the time (hh:mm) if it is known."


class EducationForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        absence: EducationAbsence | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=absence is not None
        )
        self._structured, self._child_id, self._absence = structured, child_id, absence
        self.setWindowTitle(
            "Amend absence from education" if absence else "Record an absence from education"
        )
        now = records.now()
        kinds = [("Choose…", "")] + [(kind.label, kind.value) for kind in AbsenceKind]
        self.add_field("kind", "Kind of absence", choice_box(self, kinds))
        self.add_field(
            "started_at", "From", datetime_edit(self, now, time_optional=True), WHEN_HINT
        )
        self.ongoing = QCheckBox("Yes: not back yet, or still in place", self)
        self.add_field("ongoing", "Still going on?", self.ongoing)
        self.add_field("ended_at", "To", datetime_edit(self, now, time_optional=True), WHEN_HINT)
        self.add_field(
            "said_to_be",
            "Said to be",
            QLineEdit(self, placeholderText="Where the child was said to be"),
        )
        self.add_field(
            "said_by", "Said by", QLineEdit(self, placeholderText="Who said so: name and role")
        )
        checks = [(check.label, check.value) for check in WhereaboutsCheck]
        self.add_field("checked", "Was it checked?", choice_box(self, checks))
        self.add_field(
            "check_notes",
            "How checked",
            QLineEdit(self, placeholderText="How, and by whom: a call, a home visit"),
        )
        self.la_told = QCheckBox("Yes", self)
        self.add_field("la_told", "Local authority (CME) told", self.la_told, LA_HINT)
        self.add_field("la_told_on", "Told on", date_edit(self, now.date()), LA_HINT)
        self.add_field("parent_told", "Parent or carer told", QCheckBox("Yes", self))
        self.add_field(
            "others_told",
            "Others told",
            QLineEdit(self, placeholderText="For example: social worker, police, virtual school"),
        )
        self.add_field(
            "notes",
            "Notes",
            text_box(self, "What happened, what the child said, what else was going on.", 4),
        )
        self.ongoing.toggled.connect(self._sync)
        self.la_told.toggled.connect(self._sync)
        self._fields["checked"].changed.connect(self._sync)
        self.finish_building()
        self._sync()

    def _sync(self) -> None:
        """Fields that do not apply are greyed out, so it is plain which ones will be saved."""
        self._fields["ended_at"].widget.setEnabled(not self.ongoing.isChecked())
        self._fields["la_told_on"].widget.setEnabled(self.la_told.isChecked())
        checked = self.value("checked") != WhereaboutsCheck.NOT_CHECKED.value
        self._fields["check_notes"].widget.setEnabled(checked)

    @staticmethod
    def fields_of(absence: EducationAbsence) -> dict[str, str]:
        fields = {
            "kind": absence.kind.value,
            "started_at": _moment_text(absence.started_at, absence.start_time_known),
            "ongoing": YES if absence.ended_at is None else "",
            "said_to_be": absence.said_to_be,
            "said_by": absence.said_by,
            "checked": absence.checked.value,
            "check_notes": absence.check_notes,
            "la_told": YES if absence.la_told_on else "",
            "parent_told": YES if absence.parent_told else "",
            "others_told": absence.others_told,
            "notes": absence.notes,
        }
        # Dates left out keep the form's default, ready if they are needed later.
        if absence.ended_at is not None:
            fields["ended_at"] = _moment_text(absence.ended_at, absence.end_time_known)
        if absence.la_told_on is not None:
            fields["la_told_on"] = as_iso(absence.la_told_on)
        return fields

    def make_save(self) -> Callable[[], ChangeSet]:
        if not self.value("kind"):
            raise ValueError("Choose the kind of absence.")
        started_at, start_known = self.moment_value("started_at")
        ended_at, end_known = (None, True)
        if not self.ongoing.isChecked():
            ended_at, end_known = self.moment_value("ended_at")
        checked = WhereaboutsCheck(self.value("checked"))
        absence = EducationAbsence(
            child_id=self._child_id,
            kind=AbsenceKind(self.value("kind")),
            started_at=started_at,
            start_time_known=start_known,
            ended_at=ended_at,
            end_time_known=end_known,
            said_to_be=self.value("said_to_be").strip(),
            said_by=self.value("said_by").strip(),
            checked=checked,
            check_notes=""
            if checked is WhereaboutsCheck.NOT_CHECKED
            else self.value("check_notes").strip(),
            la_told_on=self.date_value("la_told_on") if self.la_told.isChecked() else None,
            parent_told=self.value("parent_told") == YES,
            others_told=self.value("others_told").strip(),
            notes=self.value("notes"),
        )
        structured = self._structured
        if self._absence is None:
            return lambda: structured.add(absence)
        amended = replace(absence, id=self._absence.id, version=self._absence.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)


def _moment_text(value: datetime, time_known: bool) -> str:
    """A moment as its date field reads it: a day alone where the time was not known."""
    return as_iso(value if time_known else value.date())
