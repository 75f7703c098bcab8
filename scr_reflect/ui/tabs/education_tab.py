"""The Education tab: each time the child went missing from education, or was absent for part
of the school day, newest first, kept apart from going missing from home or care."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.education import EducationAbsence
from ...domain.enums import RecordType
from ...domain.records import Child, Draft
from ...services.structured import ChildPicture
from ..forms.draft_openers import DraftOpener
from ..forms.education_form import EducationForm
from ..shared.kept_selection import KeptSelection
from ..shared.widgets import fit_columns, record_table
from .education_model import COL_KIND, EducationModel, said_text, told_la_text, until_text
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label, version_text

INTRO = (
    "Missing from education, and slipping out for part of the school day, can be signs of "
    "harm at home, exploitation or something else going on. Record each time here, apart from "
    "going missing from home or care, and read it beside the child's other records."
)
SOURCE = (
    "Source: Safeguarding children in education: children missing education (SCIE, 2020); "
    "Children missing education (DfE statutory guidance, 2016)."
)
_DETAIL_ROWS = [
    ("kind", "Kind"),
    ("from", "From"),
    ("to", "To"),
    ("said", "Said to be"),
    ("said_by", "Said by"),
    ("check_notes", "How checked"),
    ("la", "Local authority told"),
    ("parent", "Parent or carer"),
    ("others", "Others told"),
    ("notes", "Notes"),
    ("version", "Version"),
]


class EducationTab(PictureTab):
    TITLE = "Education"
    RECORD_TYPES = (RecordType.EDUCATION,)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._absences: dict[int, EducationAbsence] = {}
        self.model = EducationModel()
        self.table = record_table(self, "education", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        fit_columns(self.table, COL_KIND)
        self.empty = plain_label(self, "educationEmpty", "No absences from education recorded yet.")
        self.add = QPushButton("Record absence…", self, objectName="recordEducation")
        self.amend = QPushButton("Amend…", self, objectName="amendEducation")
        self.history = QPushButton("History", self, objectName="educationHistory")
        self.details = FieldsBox("Selected absence", _DETAIL_ROWS, self)
        self.details.setObjectName("educationDetails")
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "educationIntro", INTRO))
        layout.addWidget(plain_label(self, "educationSource", SOURCE))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # with no table to fill the pane, the room goes below, not between

        self.add.clicked.connect(self.record_absence)
        self.amend.clicked.connect(self.amend_absence)
        self.history.clicked.connect(self.show_history)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_selected()

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        keep = self.kept_selection.id_to_keep()
        self._absences = {a.id: a for a in picture.education if a.id is not None}
        self.model.show_absences(picture.education)
        self.empty.setVisible(not picture.education)
        self.table.setVisible(bool(picture.education))
        self.kept_selection.choose(keep, 0 if picture.education else None)
        self._show_selected()

    def _selected(self) -> EducationAbsence | None:
        return self._absences.get(self.kept_selection.chosen_id() or 0)

    def _show_selected(self) -> None:
        absence = self._selected()
        self.amend.setEnabled(absence is not None)
        self.history.setEnabled(absence is not None)
        self.details.setVisible(absence is not None)
        if absence is None:
            return
        # Missing from education is for the local authority to know of; a part-day absence
        # may not be, so only the first is marked when nobody has told it.
        unknown_to_la = absence.kind.missing_education and absence.la_told_on is None
        self.details.show_values(
            {
                "kind": absence.kind.label,
                "from": show.moment(absence.started_at, absence.start_time_known),
                "to": until_text(absence),
                "said": said_text(absence),
                "said_by": absence.said_by,
                "check_notes": absence.check_notes,
                "la": told_la_text(absence),
                "parent": "Told" if absence.parent_told else "Not told",
                "others": absence.others_told,
                "notes": absence.notes,
                "version": version_text(absence.version),
            },
            frozenset({"la"}) if unknown_to_la else frozenset(),
        )

    # Forms --------------------------------------------------------------------------------

    def record_absence(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.EDUCATION, self.child.id).text()
        title = f"New absence from education: {self.child_name()}"
        self._open(Draft(key, title), self.child.id, None)

    def amend_absence(self) -> None:
        absence = self._selected()
        if absence is None:
            return
        key = DraftKey(FormKind.EDUCATION, absence.child_id, absence.id).text()
        title = f"Amended absence from education: {self.child_name()}"
        draft = Draft(key, title, EducationForm.fields_of(absence))
        self._open(draft, absence.child_id, absence)

    def _open(self, draft: Draft, child_id: int, absence: EducationAbsence | None) -> None:
        form = EducationForm(self.context.form_context(self), draft, child_id, absence)
        form.saved.connect(self.kept_selection.choose_saved)
        self.context.open_form(form)

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {FormKind.EDUCATION: self.record_opener(RecordType.EDUCATION, self._open)}

    def show_history(self) -> None:
        absence = self._selected()
        if absence is not None and absence.id is not None:
            title = f"absence from education: {absence.kind.label}"
            self.show_record_history(title, RecordType.EDUCATION, absence.id)
