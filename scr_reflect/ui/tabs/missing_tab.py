"""The Missing tab: the pattern of a child's missing episodes, then each episode in turn."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from ...domain import display_dates as show
from ...domain.draft_key import DraftKey, FormKind
from ...domain.enums import RecordType
from ...domain.missing import MissingEpisode
from ...domain.quotation import in_quotes
from ...domain.records import Child, Draft
from ...services.structured import ChildPicture, PicturePart
from ..forms.draft_openers import DraftOpener
from ..forms.missing_form import MissingForm
from ..shared.kept_selection import KeptSelection
from ..shared.widgets import record_table
from .missing_model import (
    COL_FOUND,
    COL_INTERVIEW,
    COL_POLICE,
    COL_REPORTED_BY,
    MissingModel,
    duration_text,
    interview_text,
    pattern_lines,
)
from .picture_tab import PictureTab, TabContext
from .record_panel import FieldsBox, plain_label, version_text


class MissingTab(PictureTab):
    TITLE = "Missing"
    RECORD_TYPES = (RecordType.MISSING,)
    PARTS = frozenset({PicturePart.MISSING})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._now = datetime.min
        self.pattern = plain_label(self, "missingPattern")
        self.missing_now = plain_label(self, "missingNow")
        self.missing_now.setStyleSheet(
            "QLabel { border: 1px solid #46648c; background: #eef2f8; color: #1f2f45;"
            " border-radius: 4px; padding: 6px; font-weight: 600; }"
        )
        self.model = MissingModel()
        self.table = record_table(self, "missingEpisodes", self.model)
        self.kept_selection = KeptSelection(self.table, self.model)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # the rows on screen: see widgets.fit_columns
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_INTERVIEW, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The rest of an episode is under the table, for the one chosen: the columns that
        # matter most fit the pane without scrolling sideways.
        for column in (COL_FOUND, COL_REPORTED_BY, COL_POLICE):
            self.table.setColumnHidden(column, True)
        self.add = QPushButton("Record missing episode…", self, objectName="addMissing")
        self.amend = QPushButton("Amend…", self, objectName="amendMissing")
        self.history = QPushButton("History", self, objectName="missingHistory")
        buttons = QHBoxLayout()
        for button in (self.add, self.amend, self.history):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.details = FieldsBox("Selected episode", _DETAIL_ROWS, self)
        self.details.setObjectName("missingDetails")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pattern)
        layout.addWidget(self.missing_now)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addStretch(0)  # once the table has all its rows, the rest goes below

        self.add.clicked.connect(self.record_episode)
        self.amend.clicked.connect(self.amend_episode)
        self.history.clicked.connect(self.show_history)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self._show_selected(None)

    # Showing ------------------------------------------------------------------------------

    def show_picture(self, child: Child, picture: ChildPicture, now: datetime) -> None:
        self._now, episodes = now, list(picture.missing)
        self.pattern.setText("\n".join(pattern_lines(picture.missing_pattern, episodes)))
        open_now = [e for e in episodes if e.ended_at is None]
        self.missing_now.setVisible(bool(open_now))
        if open_now:
            since = max(e.started_at for e in open_now)
            self.missing_now.setText(
                f"Missing now: not returned since {show.day_and_time(since)} "
                f"({duration_text(now - since)} so far)."
            )
        keep = self.kept_selection.id_to_keep()
        self.model.set_episodes(episodes, now)
        self._fit_table()
        self.kept_selection.choose(keep)
        self._on_selection()

    def _fit_table(self) -> None:
        """As tall as its rows (and the scroll bar), so the details sit just beneath."""
        table = self.table
        rows = table.verticalHeader()
        height = max(rows.length(), 2 * rows.defaultSectionSize())
        chrome = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 4
        table.setMaximumHeight(height + chrome + table.horizontalScrollBar().sizeHint().height())

    def selected(self) -> MissingEpisode | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.episode_at(rows[0].row()) if rows else None

    def _on_selection(self) -> None:
        self._show_selected(self.selected())

    def _show_selected(self, episode: MissingEpisode | None) -> None:
        for button in (self.amend, self.history):
            button.setEnabled(episode is not None)
        self.details.setVisible(episode is not None)
        if episode is None:
            return
        self.details.show_values(
            {
                "when": show.day_and_time(episode.started_at),
                "returned": show.day_and_time(episode.ended_at) if episode.ended_at else "not yet",
                "found": " / ".join(p for p in (episode.found_where, episode.found_by) if p),
                "reported_by": episode.reported_by,
                "police": episode.police_reference,
                "child_said": in_quotes(episode.child_said) if episode.child_said.strip() else "",
                "push": episode.push_factors,
                "pull": episode.pull_factors,
                "interview": interview_text(episode, self._now),
                "version": version_text(episode.version),
            }
        )

    # Forms --------------------------------------------------------------------------------

    def record_episode(self) -> None:
        if self.child is None or self.child.id is None:
            return
        key = DraftKey(FormKind.MISSING, self.child.id).text()
        title = f"New missing episode: {self.child.display_name}"
        self._open(Draft(key, title), self.child.id, None)

    def amend_episode(self) -> None:
        episode = self.selected()
        if episode is None or self.child is None:
            return
        key = DraftKey(FormKind.MISSING, episode.child_id, episode.id).text()
        title = f"Amended missing episode: {self.child.display_name}"
        self._open(Draft(key, title, MissingForm.fields_of(episode)), episode.child_id, episode)

    def _open(self, draft: Draft, child_id: int, episode: MissingEpisode | None) -> None:
        form = MissingForm(self.context.form_context(self), draft, child_id, episode)
        self.context.open_form(form)

    def draft_openers(self) -> dict[FormKind, DraftOpener]:
        return {FormKind.MISSING: self.record_opener(RecordType.MISSING, self._open)}

    def show_history(self) -> None:
        episode = self.selected()
        if episode is not None and episode.id is not None:
            title = f"missing episode from {show.day_and_time(episode.started_at)}"
            self.show_record_history(title, RecordType.MISSING, episode.id)


_DETAIL_ROWS = [
    ("when", "Went missing"),
    ("returned", "Returned"),
    ("found", "Found where / by"),
    ("reported_by", "Reported by"),
    ("police", "Police reference"),
    ("child_said", "In their own words"),
    ("push", "Push factors"),
    ("pull", "Pull factors"),
    ("interview", "Return home interview"),
    ("version", "Version"),
]
