"""The Factors tab: what has accumulated around a child over time, with national context."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.factors import CumulativeFactor, Factor, FactorGroup
from ...domain.household_words import NewAdultOffer, new_adult_offer
from ...domain.records import Child, Concern, Draft
from ...services.structured import ChildPicture, PicturePart
from ..forms.draft_openers import DraftOpener
from ..forms.factor_form import FactorForm
from .factor_timeline import FactorTimeline, TimelineRow
from .new_adult_offer import NewAdultOfferBar
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, version_text
from .timeline_axis import axis_start

INTRO = (
    "Circumstances around this child as they have built up over time, so they can be seen "
    "together rather than one at a time. This is a record, not a score, and it does not "
    "predict harm."
)
GROUP_ORDER = list(FactorGroup)


class FactorsTab(PictureTab):
    TITLE = "Factors"
    RECORD_TYPES = (RecordType.FACTOR,)
    PARTS = frozenset({PicturePart.FACTORS})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._factors: dict[int, CumulativeFactor] = {}
        self._rows: dict[int, TimelineRow] = {}
        intro = QLabel(INTRO, self, objectName="factorsIntro", wordWrap=True)
        self.summary = QLabel(self, objectName="factorsSummary")
        self.offer = NewAdultOfferBar(self)
        self.timeline = FactorTimeline(self)
        self.timeline_scroll = QScrollArea(self, widgetResizable=True)
        self.timeline_scroll.setWidget(self.timeline)
        footnote = QLabel(context.workspace.facts.footnote(), self, wordWrap=True)
        footnote.setObjectName("factorsSource")
        small = footnote.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        footnote.setFont(small)
        self.add = QPushButton("Add factor…", self, objectName="addFactor")
        self.amend = QPushButton("Amend…", self, objectName="amendFactor")
        self.history = QPushButton("History", self, objectName="factorHistory")
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.details = FieldsBox("Selected factor", _DETAIL_ROWS, self)
        self.details.setObjectName("factorDetails")
        layout = QVBoxLayout(self)
        for widget in (intro, self.summary, self.offer):
            layout.addWidget(widget)
        layout.addWidget(self.timeline_scroll, 1)
        layout.addWidget(footnote)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # once the timeline is whole, the rest goes below

        self.add.clicked.connect(self.add_factor)
        self.amend.clicked.connect(self.amend_factor)
        self.history.clicked.connect(self.show_history)
        self.timeline.selection_changed.connect(self._show_selected)
        self.offer.record_asked.connect(self.record_new_adult)
        self._show_selected(None)

    # Showing ------------------------------------------------------------------------------

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        today, facts = now.date(), self.context.workspace.facts
        age = child.age_on(today)
        factors = sorted(
            picture.factors,
            key=lambda f: (GROUP_ORDER.index(f.factor.group), f.first_known, f.id or 0),
        )
        rows = [TimelineRow(f, facts.context(f.factor, age)) for f in factors]
        self._factors = {f.id: f for f in factors if f.id is not None}
        self._rows = {r.factor.id: r for r in rows if r.factor.id is not None}
        start = axis_start([f.first_known for f in factors], child.date_of_birth, today)
        self.timeline.set_rows(rows, start, today)
        self.timeline_scroll.setVisible(bool(rows))
        self.timeline_scroll.setMaximumHeight(
            self.timeline.minimumHeight() + 2 * self.timeline_scroll.frameWidth()
        )
        self.summary.setText(_summary(factors))
        self._show_selected(self.timeline.selected_id())
        self._look_for_new_adult(child, factors)

    def _look_for_new_adult(self, child: Child, factors: list[CumulativeFactor]) -> None:
        """Offer the factor where the household note or a concern names a new adult."""
        child_id = child.id or 0
        records = self.context.workspace.records

        def offer(concerns: list[Concern]) -> None:
            if self.child is not None and self.child.id == child_id:  # still this child
                self.offer.show_offer(child_id, new_adult_offer(child.household, concerns, factors))

        self.context.runner.run(
            lambda: records.concerns_for_child(child_id), offer, self.context.report
        )

    def _show_selected(self, factor_id: int | None) -> None:
        row = self._rows.get(factor_id) if factor_id is not None else None
        self.amend.setEnabled(row is not None)
        self.history.setEnabled(row is not None)
        self.details.setVisible(row is not None)
        if row is None:
            return
        factor = row.factor
        state = "Still applies"
        if not factor.still_applies:
            ended = f" from {show.day(factor.ended_on)}" if factor.ended_on else ""
            state = f"No longer applies{ended}"
        self.details.show_values(
            {
                "factor": f"{factor.factor.group.label}: {factor.factor.label}",
                "first_known": show.day(factor.first_known),
                "source": factor.source,
                "state": state,
                "notes": factor.notes,
                "national": row.context.detail,
                "version": version_text(factor.version),
            }
        )

    # Forms --------------------------------------------------------------------------------

    def add_factor(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.FACTOR, self.child.id).text()
        self._open(Draft(key, f"New factor: {self.child.display_name}"), self.child.id, None)

    def record_new_adult(self, offer: NewAdultOffer) -> None:
        """The factor form, filled in from the words for the DSL to check and save."""
        if self.child is None or self.child.id is None:
            return
        today = self.context.workspace.records.now().date()
        where = offer.where[0].upper() + offer.where[1:]
        fields = {
            "factor": Factor.NEW_ADULT_IN_HOUSEHOLD.value,
            "first_known": offer.first_known(today).isoformat(),
            "source": f"{where} says \u201c{offer.phrase}\u201d",
        }
        key = DraftKey(FormKind.FACTOR, self.child.id).text()
        title = f"New factor: {self.child.display_name}"
        self._open(Draft(key, title, fields), self.child.id, None)

    def amend_factor(self) -> None:
        factor = self._factors.get(self.timeline.selected_id() or 0)
        if factor is None or self.child is None:
            return
        key = DraftKey(FormKind.FACTOR, factor.child_id, factor.id).text()
        title = f"Amended factor: {self.child.display_name}"
        self._open(Draft(key, title, FactorForm.fields_of(factor)), factor.child_id, factor)

    def _open(self, draft: Draft, child_id: int, factor: CumulativeFactor | None) -> None:
        self.context.open_form(FactorForm(self.context.form_context(self), draft, child_id, factor))

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {FormKind.FACTOR: self.record_opener(RecordType.FACTOR, self._open)}

    def show_history(self) -> None:
        factor = self._factors.get(self.timeline.selected_id() or 0)
        if factor is not None and factor.id is not None:
            title = f"{factor.factor.group.label.lower()} factor: {factor.factor.label}"
            self.show_record_history(title, RecordType.FACTOR, factor.id)


_DETAIL_ROWS = [
    ("factor", "Factor"),
    ("first_known", "First known"),
    ("source", "Source"),
    ("state", "Now"),
    ("notes", "Notes"),
    ("national", "National context"),
    ("version", "Version"),
]


def _summary(factors: list[CumulativeFactor]) -> str:
    if not factors:
        return "No factors recorded yet."
    still = sum(f.still_applies for f in factors)
    first = min(f.first_known for f in factors)
    recorded = f"{len(factors)} factor{'s' if len(factors) != 1 else ''} recorded"
    applying = f"{still} still appl{'ies' if still == 1 else 'y'}"
    return f"{recorded}, {applying}; first noted {first.year}"
