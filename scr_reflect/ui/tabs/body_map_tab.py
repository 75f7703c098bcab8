"""The Body map tab: marks seen on the child, drawn on a figure instead of photographed.

The figure shows one view at a time with the marks on it, numbered as in the list beside it
and in the documents. A click on the figure records a mark there; the Add button records one
without a mouse (the view and region are chosen from lists in the form). The list can be
narrowed to one concern, or searched by region across the child's whole history.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.body_map import BodyMark, BodyView, earlier_note, matching_region, numbered
from ...domain.body_regions import region_at
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.field_words import words_for
from ...domain.headlines import concern_headline, dated_headline
from ...domain.records import Child, Concern, Draft
from ...services.structured import ChildPicture, PicturePart
from ..forms.body_mark_form import BodyMarkForm, position_text
from ..forms.draft_openers import DraftOpener
from ..shared.kept_selection import KeptSelection
from ..shared.widgets import choice_box, fit_columns, record_table
from .body_figure_view import BodyFigureView
from .body_map_model import COL_MARK, BodyMapModel
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label, version_text

INTRO = (
    "Record where a mark or injury is, what it looks like, what the child said and who saw "
    "it. Click the figure where the mark is, or use Add mark to choose the place from a list. "
    "No photographs: describe and draw what you see."
)
ALL = ""
_DETAIL_ROWS = [
    ("number", "Mark"),
    ("where", "Where"),
    ("view", "View"),
    ("seen", "Seen"),
    ("looks", "Size, shape, colour"),
    ("skin", "Skin"),
    ("known", "Seen or reported"),
    ("seen_by", "Seen by"),
    ("child_said", "The child said"),
    ("concern", "Concern"),
    ("earlier", "Earlier marks here"),
    ("version", "Version"),
]


class BodyMapTab(PictureTab):
    TITLE = "Body map"
    RECORD_TYPES = (RecordType.BODY_MARK,)
    PARTS = frozenset({PicturePart.MARKS})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._marks: list[BodyMark] = []
        self._concerns: list[Concern] = []
        self.concern = QComboBox(self, objectName="bodyMapConcern")
        self.concern.setAccessibleName("Concern whose marks are shown")
        self.view = choice_box(self, [(v.label, v.value) for v in BodyView])
        self.view.setObjectName("bodyMapView")
        self.view.setAccessibleName("View of the figure")
        self.search = QLineEdit(self, objectName="bodyMapSearch", placeholderText="e.g. arm")
        self.search.setAccessibleName("Find marks by region")
        self.figure = BodyFigureView(self)
        self.model = BodyMapModel()
        self.table = record_table(self, "bodyMarks", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        fit_columns(self.table, COL_MARK)
        self.empty = plain_label(self, "bodyMapEmpty", "No marks recorded.")
        self.add = QPushButton("Add mark…", self, objectName="addBodyMark")
        self.amend = QPushButton("Amend…", self, objectName="amendBodyMark")
        self.history = QPushButton("History", self, objectName="bodyMarkHistory")
        self.details = FieldsBox("Selected mark", _DETAIL_ROWS, self)
        self.details.setObjectName("bodyMarkDetails")

        choices = QHBoxLayout()
        for caption, widget in (("Concern", self.concern), ("View", self.view)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            choices.addWidget(label)
            choices.addWidget(widget, 1)
        find = QHBoxLayout()
        find_label = QLabel("Find by region", self)
        find_label.setBuddy(self.search)
        find.addWidget(find_label)
        find.addWidget(self.search, 1)
        listing = QVBoxLayout()
        listing.addLayout(find)
        listing.addWidget(self.empty)
        listing.addWidget(self.table, 1)
        side_by_side = QHBoxLayout()
        side_by_side.addWidget(self.figure, 2)
        side_by_side.addLayout(listing, 3)
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self, "bodyMapIntro", INTRO))
        layout.addLayout(choices)
        layout.addLayout(side_by_side, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)

        self.add.clicked.connect(lambda: self.add_mark())
        self.amend.clicked.connect(self.amend_mark)
        self.history.clicked.connect(self.show_history)
        self.figure.placed.connect(self.add_mark_at)
        self.concern.currentIndexChanged.connect(lambda _i: self._show_marks())
        self.view.currentIndexChanged.connect(lambda _i: self._draw())
        self.search.textChanged.connect(lambda _text: self._show_marks())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._show_marks()

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        self._marks = list(picture.marks)
        self._show_marks()
        if child.id is not None:
            records = self.context.workspace.records
            child_id = child.id
            self.context.runner.run(
                lambda: records.concerns_for_child(child_id),
                self._show_concerns,
                self.context.report,
            )

    def _show_concerns(self, concerns: list[Concern]) -> None:
        chosen = self.concern.currentData()
        self._concerns = sorted(concerns, key=lambda c: c.occurred_at, reverse=True)
        self.concern.blockSignals(True)
        self.concern.clear()
        self.concern.addItem("All concerns", ALL)
        for c in self._concerns:
            self.concern.addItem(dated_headline(c), str(c.id))
        self.concern.setCurrentIndex(max(0, self.concern.findData(chosen)))
        self.concern.blockSignals(False)
        self._show_marks()

    # What is shown -------------------------------------------------------------------------

    def _chosen_concern(self) -> int | None:
        data = self.concern.currentData()
        return int(data) if data else None

    def _shown(self) -> list[tuple[int, BodyMark]]:
        concern, wanted = self._chosen_concern(), self.search.text()
        found = {id(m) for m in matching_region(self._marks, wanted)}
        return [
            (number, mark)
            for number, mark in numbered(self._marks)
            if id(mark) in found and concern in (None, mark.concern_id)
        ]

    def _show_marks(self) -> None:
        keep = self.kept_selection.id_to_keep()
        shown = self._shown()
        self.model.set_rows(shown)
        self.empty.setVisible(not shown)
        self.empty.setText("No marks recorded." if not self._marks else "No marks match.")
        self.table.setVisible(bool(shown))
        self.kept_selection.choose(keep, None)
        self._show_selected()

    def _draw(self) -> None:
        mark = self._selected()
        self.figure.show_marks(
            BodyView(self.view.currentData()), self._shown(), mark.id if mark else None
        )

    def _selected(self) -> BodyMark | None:
        chosen = self.kept_selection.chosen_id()
        return next((m for m in self._marks if m.id == chosen), None)

    def _show_selected(self) -> None:
        mark = self._selected()
        self.amend.setEnabled(mark is not None)
        self.history.setEnabled(mark is not None)
        self.details.setVisible(mark is not None)
        if mark is not None:
            self.view.setCurrentIndex(self.view.findData(mark.view.value))  # redraws
            self._show_details(mark)
        self._draw()

    def _show_details(self, mark: BodyMark) -> None:
        number = next(n for n, m in numbered(self._marks) if m.id == mark.id)
        concern = next((c for c in self._concerns if c.id == mark.concern_id), None)
        said = f"\u201c{mark.child_said}\u201d" if mark.child_said.strip() else "Not recorded"
        self.details.show_values(
            {
                "number": str(number),
                "where": mark.region,
                "view": mark.view.label,
                "seen": mark.when_text,
                "looks": f"{mark.size_text}, {mark.shape.label.lower()}, {mark.colour}",
                "skin": mark.skin_text,
                "known": mark.how_known.label,
                "seen_by": mark.seen_by,
                "child_said": said,
                "concern": concern_headline(concern) if concern else "",
                "earlier": earlier_note(mark, self._marks),
                "version": version_text(mark.version),
            }
        )

    # Forms ---------------------------------------------------------------------------------

    def add_mark(self, place: dict[str, str] | None = None) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.BODY_MARK, self.child.id).text()
        fields = {"view": self.view.currentData(), **(place or {})}
        concern = self._chosen_concern()
        if concern is not None:
            fields["concern"] = str(concern)
        self._open(
            Draft(key, f"New body map mark: {self.child_name()}", fields), self.child.id, None
        )

    def add_mark_at(self, x: float, y: float) -> None:
        view = BodyView(self.view.currentData())
        x, y = round(x, 4), round(y, 4)  # as the form keeps it, so the region is the same
        region = region_at(view, x, y) or ""
        self.add_mark({"view": view.value, "region": region, "position": position_text(x, y)})

    def amend_mark(self) -> None:
        mark = self._selected()
        if mark is None:
            return
        key = DraftKey(FormKind.BODY_MARK, mark.child_id, mark.id).text()
        title = f"Amended body map mark: {self.child_name()}"
        self._open(Draft(key, title, BodyMarkForm.fields_of(mark)), mark.child_id, mark)

    def _open(self, draft: Draft, child_id: int, mark: BodyMark | None) -> None:
        records, marks = self.context.workspace.records, list(self._marks)

        def open_form(concerns: list[Concern]) -> None:
            form_context = self.context.form_context(self)
            form = BodyMarkForm(form_context, draft, child_id, concerns, marks, mark)
            form.saved.connect(self.kept_selection.choose_saved)
            self.context.open_form(form)

        self.context.runner.run(
            lambda: records.concerns_for_child(child_id), open_form, self.context.report
        )

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {FormKind.BODY_MARK: self.record_opener(RecordType.BODY_MARK, self._open)}

    def show_history(self) -> None:
        mark = self._selected()
        if mark is not None and mark.id is not None:
            title = f"body map mark: {mark.region}"
            concerns = {str(c.id): dated_headline(c) for c in self._concerns}
            self.show_record_history(
                title,
                RecordType.BODY_MARK,
                mark.id,
                words_for(RecordType.BODY_MARK, {"concern_id": concerns}),
            )
