"""The shared shape of every form that records or amends something.

Each keystroke restarts a short timer; when it fires, the form's text is saved as an
encrypted draft on the lane, so a crash or a closed lid loses at most a couple of seconds.
Saving validates in the services; problems are shown beside the form and nothing typed is lost.
A full disk, a read-only folder or busy records leave the form open with its text and say what
to do; a draft that cannot be saved says so once, quietly, until one saves again.
Amending asks why, first, and the earlier version is kept with the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.headlines import kept_by_the_day
from ...domain.records import Draft
from ...guidance.record_language import default_rules
from ...services.errors import InvalidRecord, StorageProblem
from ...services.records import RecordService
from ..shared import prompts
from ..shared.date_field import DateField
from ..shared.errors import describe
from ..shared.palette_colours import mark_problem
from ..shared.task_runner import Runner
from ..shared.window_size import fit_to_screen
from .field_binding import FieldBinding, bind
from .language_hints import attach_language_hints

AUTOSAVE_DELAY_MS = 1500
REASON = "reason"
KEPT = "Everything you typed is still in this form: press Save again once that is done."


class FieldProblem(ValueError):
    """A field whose text cannot be read as typed; the form names it and moves there."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class RecordForm(QDialog):
    saved = Signal(object)  # the ChangeSet of the save

    def __init__(
        self,
        parent: QWidget | None,
        runner: Runner,
        records: RecordService,
        draft: Draft,
        amending: bool,
    ) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # A closed form goes, taking the record text it held with it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, QSize(780, 760))
        self._runner, self._records, self._draft, self._amending = runner, records, draft, amending
        self._fields: dict[str, FieldBinding] = {}
        self._labels: dict[str, QLabel] = {}
        self._dirty = False
        self._saving = False
        self._open = True
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft_now)

        self.problems = QLabel(self, objectName="problems", wordWrap=True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        self.draft_note = QLabel(self, objectName="draftNote", wordWrap=True)
        self.draft_note.setTextFormat(Qt.TextFormat.PlainText)
        self.draft_note.hide()
        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea(self, widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # Enter in a one-line box must not save a record that can then only be amended:
        # no button is the default; saving is a deliberate Save, Ctrl+S or Ctrl+Enter.
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setToolTip("Save (Ctrl+S or Ctrl+Enter)")
        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        # Which child the form is about stays in view: the wrong child's record is a real risk.
        heading = QLabel(draft.title, self, objectName="formHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problems)
        layout.addWidget(self.draft_note)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)
        if amending:  # asked first, not at the foot of a long form
            self.add_field(
                REASON,
                "Why amend?",
                QLineEdit(self, placeholderText="For example: time corrected after speaking to…"),
                "The earlier version is kept; say why this one replaces it.",
            )

    # Building the form --------------------------------------------------------------------

    def add_field(
        self, name: str, label: str, widget: QWidget, hint: str = "", hints: bool = True
    ) -> None:
        """hints: wording suggestions under a text box; False where text is kept verbatim."""
        widget.setObjectName(name)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        if hint:
            widget.setToolTip(hint)
            widget.setWhatsThis(hint)
        self.form.addRow(caption, widget.with_note() if isinstance(widget, DateField) else widget)
        if hints and isinstance(widget, QPlainTextEdit):
            under = attach_language_hints(widget, default_rules())
            self.form.setWidget(self.form.rowCount(), QFormLayout.ItemRole.FieldRole, under)
        binding = bind(widget)
        binding.changed.connect(self._on_edit)
        self._fields[name] = binding
        self._labels[name] = caption

    def finish_building(self) -> None:
        """Fill the form from the draft (new text, or the record being amended).

        A draft brought back from the store counts as unsaved work: cancelling asks first."""
        self.fill(self._draft.fields)
        self._dirty = self._draft.saved_at is not None
        if self._fields:  # typing starts in the first field, as soon as the form shows
            next(iter(self._fields.values())).widget.setFocus()

    # Values -------------------------------------------------------------------------------

    def value(self, name: str) -> str:
        return self._fields[name].read()

    def values(self) -> dict[str, str]:
        return {name: binding.read() for name, binding in self._fields.items()}

    def fill(self, values: dict[str, str]) -> None:
        for name, text in values.items():
            if name in self._fields:
                self._fields[name].write(text)

    def date_value(self, name: str) -> date:
        """The date typed in a (required) date field, read strictly."""
        typed = self._typed_date(name)
        assert typed is not None  # a required field refuses to be empty
        return typed

    def datetime_value(self, name: str) -> datetime:
        typed = self._typed_date(name)
        assert isinstance(typed, datetime)
        return typed

    def moment_value(self, name: str) -> tuple[datetime, bool]:
        """A date and time, or a date alone: (where it sorts, whether its time is known)."""
        typed = self.date_value(name)
        if isinstance(typed, datetime):
            return typed, True
        return kept_by_the_day(typed), False

    def _typed_date(self, name: str) -> date | None:
        widget = self._fields[name].widget
        assert isinstance(widget, DateField)
        try:
            return widget.value()
        except ValueError as error:
            raise FieldProblem(name, f"{self._labels[name].text()}: {error}") from None

    @property
    def draft_key(self) -> str:
        return self._draft.key

    # Saving -------------------------------------------------------------------------------

    def make_save(self) -> Callable[[], ChangeSet]:
        """Read the widgets on the GUI thread; return the call that saves on the lane."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._saving:
            return
        try:
            save = self.make_save()
        except FieldProblem as problem:
            self.show_problems(str(problem), [problem.field])
            return
        except ValueError as error:
            self.show_problems(str(error), [])
            return
        self._saving = True
        self.buttons.setEnabled(False)
        self._runner.run(save, self._on_saved, self._on_failed)

    def _on_saved(self, changes: ChangeSet) -> None:
        self._autosave.stop()
        key = self._draft.key
        self._runner.run(lambda: self._records.discard_draft(key), lambda _c: None, self._ignore)
        self._dirty = False
        self.saved.emit(changes)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        fields = [p.field for p in error.problems] if isinstance(error, InvalidRecord) else []
        if isinstance(error, InvalidRecord):
            message = "\n".join(p.message for p in error.problems)
        elif isinstance(error, StorageProblem):
            message = f"Not saved. {describe(error)}\n\n{KEPT}"
        else:
            message = describe(error)
        self.show_problems(message, fields)

    def show_problems(self, message: str, fields: list[str]) -> None:
        self.problems.setText(message)
        self.problems.show()
        for name, label in self._labels.items():
            label.setProperty("problem", name in fields)
            mark_problem(label, name in fields)  # a red that reads on a dark theme too
        if fields and fields[0] in self._fields:
            self._fields[fields[0]].widget.setFocus()

    # Drafts -------------------------------------------------------------------------------

    def _on_edit(self) -> None:
        self._dirty = True
        self._autosave.start()

    def save_draft_now(self) -> None:
        if not self._dirty or self._saving:
            return
        draft = Draft(self._draft.key, self._draft.title, self.values())
        self._runner.run(
            lambda: self._records.save_draft(draft), self._draft_saved, self._draft_failed
        )

    def _draft_saved(self, _result: object) -> None:
        if self._open:
            self.draft_note.hide()

    def _draft_failed(self, error: Exception) -> None:
        """Said once, beside the form: a box every pause in typing would stop the DSL cold.

        The form still holds every word; saving the record is what matters."""
        if self._open and self.draft_note.isHidden():
            self.draft_note.setText(
                f"Your typing is not being kept as a draft just now. {describe(error)} "
                "Everything you type stays in this form until you save or close it."
            )
            self.draft_note.show()

    def _ignore(self, _error: Exception) -> None:
        """A draft left behind is offered back at the next unlock; nothing to tell the DSL."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The button box makes Save the default as it shows; undo that, so Enter never saves.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setDefault(False)

    def done(self, result: int) -> None:
        # A draft saved on the lane as the form closed answers after Qt has deleted it.
        self._open = False
        super().done(result)

    def reject(self) -> None:
        if self._dirty and not prompts.confirm_discard(
            self, "Discard changes?", "Close the form and discard what you have typed?"
        ):
            return
        self._autosave.stop()
        key = self._draft.key
        self._runner.run(lambda: self._records.discard_draft(key), lambda _c: None, self._ignore)
        super().reject()
