"""Record or amend a cumulative factor: what it is, since when, how the school knows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from ...domain.changes import ChangeSet
from ...domain.factors import CumulativeFactor, Factor
from ...domain.records import Draft
from ..shared.widgets import as_iso, date_edit, text_box
from ..shared.window_size import fit_to_screen
from .form_context import FormContext
from .record_form import REASON, RecordForm

YES = "yes"  # how a ticked box reads in a draft


def factor_box(parent: QWidget) -> QComboBox:
    """Every factor, grouped under parent or carer, family and child."""
    box = QComboBox(parent)
    group = None
    for factor in Factor:
        if factor.group != group:
            if group is not None:
                box.insertSeparator(box.count())
            group = factor.group
        box.addItem(f"{group.label}: {factor.label}", factor.value)
    return box


class FactorForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        factor: CumulativeFactor | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(
            context.parent, context.runner, records, draft, amending=factor is not None
        )
        self._structured, self._child_id, self._factor = structured, child_id, factor
        self.setWindowTitle("Amend factor" if factor else "Add a factor")
        # A short form: the shared default is sized for a concern
        fit_to_screen(self, QSize(680, 520))
        today = records.now().date()
        self.add_field("factor", "Factor", factor_box(self))
        self.add_field("first_known", "First known", date_edit(self, today))
        self.add_field(
            "source",
            "Source",
            QLineEdit(self, placeholderText="How the school knows: who said or wrote it, when"),
            "For example: mother told the DSL at a meeting; a social worker's email.",
        )
        self.still_applies = QCheckBox("Still applies", self, checked=True)
        self.add_field("still_applies", "Now", self.still_applies)
        self.ended_on = date_edit(self, today)
        self.add_field("ended_on", "No longer applies from", self.ended_on)
        self.add_field("notes", "Notes", text_box(self, "What is known about it, briefly.", 3))
        self.still_applies.toggled.connect(lambda ticked: self.ended_on.setEnabled(not ticked))
        self.finish_building()
        self.ended_on.setEnabled(not self.still_applies.isChecked())

    @staticmethod
    def fields_of(factor: CumulativeFactor) -> dict[str, str]:
        fields = {
            "factor": factor.factor.value,
            "first_known": as_iso(factor.first_known),
            "source": factor.source,
            "still_applies": YES if factor.still_applies else "",
            "notes": factor.notes,
        }
        if factor.ended_on:  # otherwise the box keeps today, ready if it stops applying
            fields["ended_on"] = as_iso(factor.ended_on)
        return fields

    def make_save(self) -> Callable[[], ChangeSet]:
        still = self.value("still_applies") == YES
        factor = CumulativeFactor(
            child_id=self._child_id,
            factor=Factor(self.value("factor")),
            first_known=self.date_value("first_known"),
            source=self.value("source").strip(),
            still_applies=still,
            ended_on=None if still else self.date_value("ended_on"),
            notes=self.value("notes"),
        )
        structured = self._structured
        if self._factor is None:
            return lambda: structured.add(factor)
        amended = replace(factor, id=self._factor.id, version=self._factor.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
