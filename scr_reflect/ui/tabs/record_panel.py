"""Read-only panels that show one record's fields as plain text, with buttons beneath."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)


class WrappedLabel(QLabel):
    """A wrapping label whose size hint is its height at the width it really has.

    QLabel guesses a narrow width for wrapped text and asks for the lines that would need,
    which leaves a gap under a long line in a wide form."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


def plain_label(parent: QWidget, name: str = "", text: str = "") -> QLabel:
    """A wrapping label that never reads record text as markup, and can be copied from."""
    label = WrappedLabel(text, parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FieldsBox(QGroupBox):
    """A titled group of caption/value rows; an empty value hides its row."""

    def __init__(self, title: str, rows: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for name, caption in rows:
            self.values[name] = plain_label(self, name)
            self.form.addRow(caption, self.values[name])
            # Level with the first line of a value that wraps, not its middle.
            self.form.labelForField(self.values[name]).setAlignment(_TOP_LEFT)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.form.addRow(self.buttons)

    def button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def show_values(self, values: dict[str, str], marked: frozenset[str] = frozenset()) -> None:
        """Fill the rows; rows named in `marked` are shown as needing attention."""
        for name, label in self.values.items():
            text = values.get(name, "")
            label.setText(text)
            label.setProperty("attention", name in marked)
            label.style().unpolish(label)
            label.style().polish(label)
            label.setVisible(bool(text))
            self.form.labelForField(label).setVisible(bool(text))


def version_text(version: int) -> str:
    return "Original" if version == 1 else f"{version} (amended; earlier versions kept)"


def refit(scroll: QScrollArea) -> None:
    """Have a scroll area lay out its widget again after the widget's content changed.

    A resizable QScrollArea does not hear that a widget of wrapped labels now needs more
    height, and squeezes it into the old height instead of scrolling."""
    QCoreApplication.postEvent(scroll, QEvent(QEvent.Type.LayoutRequest))
