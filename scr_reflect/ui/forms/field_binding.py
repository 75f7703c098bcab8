"""Read, write and watch any form widget as text, so drafts and forms treat them alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


@runtime_checkable
class TextValued(Protocol):
    """A widget of our own (categories, children, dates) that reads and writes itself as text."""

    changed: SignalInstance

    def text_value(self) -> str: ...

    def set_text_value(self, text: str) -> None: ...


@dataclass(frozen=True, slots=True)
class FieldBinding:
    widget: QWidget
    read: Callable[[], str]
    write: Callable[[str], None]
    changed: SignalInstance


def bind(widget: QWidget) -> FieldBinding:
    # Our own widgets first: the date field is a QLineEdit that reads itself as ISO text.
    if isinstance(widget, TextValued):
        return FieldBinding(widget, widget.text_value, widget.set_text_value, widget.changed)
    if isinstance(widget, QLineEdit):
        return FieldBinding(widget, widget.text, widget.setText, widget.textChanged)
    if isinstance(widget, QPlainTextEdit):
        return FieldBinding(widget, widget.toPlainText, widget.setPlainText, widget.textChanged)
    if isinstance(widget, QComboBox):
        return FieldBinding(
            widget,
            lambda: str(widget.currentData()),
            lambda text: widget.setCurrentIndex(max(0, widget.findData(text))),
            widget.currentIndexChanged,
        )
    if isinstance(widget, QCheckBox):
        # A tick reads as "yes", no tick as "" (so an empty draft field means unticked).
        return FieldBinding(
            widget,
            lambda: "yes" if widget.isChecked() else "",
            lambda text: widget.setChecked(text == "yes"),
            widget.toggled,
        )
    raise TypeError(f"No binding for {type(widget).__name__}")
