"""Record a child, or amend one with the earlier version kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.household_words import new_adult_phrase
from ...domain.legal_status import LegalStatus
from ...domain.records import Child, Draft
from ...services.records import RecordService
from ..shared.task_runner import Runner
from ..shared.widgets import as_iso, choice_box, date_edit, text_box
from .record_form import REASON, RecordForm


class ChildForm(RecordForm):
    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        child: Child | None = None,
    ) -> None:
        super().__init__(parent, runner, records, draft, amending=child is not None)
        self._child = child
        self.setWindowTitle("Amend child's details" if child else "Add a child")
        self.add_field("full_name", "Full legal name", QLineEdit(self))
        self.add_field("preferred_name", "Known as", QLineEdit(self))
        # Empty until typed: a guessed birthday would quietly set an age and a retention date.
        dob = date_edit(self, None, age_on=records.now().date())
        self.add_field("date_of_birth", "Date of birth", dob, "Typed as dd/mm/yyyy.")
        self.add_field("sex", "Sex", QLineEdit(self, maxLength=40, placeholderText="Female"))
        self.add_field("year_group", "Year group", QLineEdit(self, placeholderText="Year 7"))
        self.add_field("tutor_group", "Tutor group", QLineEdit(self))
        self.add_field("upn", "UPN (optional)", QLineEdit(self, maxLength=13))
        household = text_box(self, "Adults and children in the household, and their relationship.")
        self.add_field(
            "household",
            "Who lives at home",
            household,
            "Include partners and other adults who stay, and anyone unknown.",
        )
        self.new_adult = QLabel(self, objectName="newAdultHint", wordWrap=True, visible=False)
        self.form.setWidget(self.form.rowCount(), QFormLayout.ItemRole.FieldRole, self.new_adult)
        household.textChanged.connect(lambda: self._name_new_adult(household.toPlainText()))
        self.add_field(
            "legal_status",
            "Care or legal status",
            choice_box(self, [(s.label, s.value) for s in LegalStatus]),
            "As far as the school knows: a plan, care, guardianship or court involvement.",
        )
        self.finish_building()

    def _name_new_adult(self, household: str) -> None:
        """Say that the words name a new adult, and where the DSL can record it."""
        phrase = new_adult_phrase(household)
        self.new_adult.setVisible(phrase is not None)
        if phrase:
            self.new_adult.setText(
                f"This names a new adult at home (\u201c{phrase}\u201d). Once saved, the "
                "Factors tab offers to record it as a factor."
            )

    @staticmethod
    def fields_of(child: Child) -> dict[str, str]:
        return {
            "full_name": child.full_name,
            "preferred_name": child.preferred_name,
            "date_of_birth": as_iso(child.date_of_birth),
            "sex": child.sex,
            "year_group": child.year_group,
            "tutor_group": child.tutor_group,
            "upn": child.upn,
            "household": child.household,
            "legal_status": child.legal_status.value,
        }

    def make_save(self) -> Callable[[], ChangeSet]:
        child = Child(
            full_name=self.value("full_name"),
            preferred_name=self.value("preferred_name"),
            date_of_birth=self.date_value("date_of_birth"),
            sex=self.value("sex").strip(),
            year_group=self.value("year_group").strip(),
            tutor_group=self.value("tutor_group").strip(),
            upn=self.value("upn"),
            household=self.value("household"),
            legal_status=LegalStatus(self.value("legal_status")),
        )
        records = self._records
        if self._child is None:
            return lambda: records.add_child(child)
        amended = replace(child, id=self._child.id, version=self._child.version)
        reason = self.value(REASON)
        return lambda: records.amend_child(amended, reason)
