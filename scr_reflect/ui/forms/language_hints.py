"""Wording hints under a text box, as the DSL writes: a wavy underline and a line each.

A short pause after typing runs the record-language check; flagged phrases get a wavy
underline on a pale tint (both show without colour) and the panel under the box lists each
as “found” → suggestion (reason). It is help, never a gate: nothing is blocked or changed.
Its labels are plain text, so nothing the DSL typed is ever read as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...guidance.record_language import LanguageFlag, LanguageRules, check
from ..shared.palette_colours import HintColours, hint_colours

DEBOUNCE_MS = 400
MAX_LINES = 6
HEADING = "Wording to consider (suggestions only; nothing here stops you saving):"
# An amber wave on an amber tint mixed from the palette (see palette_colours): the wave's
# shape and the tint both show in greyscale, and the text keeps its contrast on dark themes.
STYLE = """
QFrame[languageHints="true"] {{
    background: {panel}; border: none; border-left: 3px solid {edge}; border-radius: 2px;
}}
QFrame[languageHints="true"] QLabel {{ color: {text}; background: transparent; }}
QLabel[hintsHeading="true"] {{ font-weight: 600; }}
"""


def utf16_offsets(text: str, flags: list[LanguageFlag]) -> list[tuple[int, int]]:
    """Each flag's span in Qt's units (UTF-16), which differ from Python's past an emoji."""
    if all(ord(char) < 0x10000 for char in text):
        return [(flag.start, flag.end) for flag in flags]

    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    return [(units(flag.start), units(flag.end)) for flag in flags]


def describe(flag: LanguageFlag) -> str:
    return f"“{flag.found}” → {flag.suggestion} ({flag.reason})"


class FlagHighlighter(QSyntaxHighlighter):
    """Underlines the spans it is given (in Qt's units); it never checks anything itself."""

    def __init__(self, document: QTextDocument, colours: HintColours) -> None:
        super().__init__(document)
        self.spans: list[tuple[int, int]] = []
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(colours.underline)
        self._format.setBackground(colours.tint)
        self._format.setForeground(colours.text)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        first, length = block.position(), block.length()
        for start, end in self.spans:
            begin, finish = max(start, first), min(end, first + length)
            if begin < finish:
                self.setFormat(begin - first, finish - begin, self._format)


class LanguageHints(QFrame):
    """The panel under a text box: a heading and a line per flag. It owns the highlighter and
    the debounce timer, and stays hidden while there is nothing to suggest."""

    def __init__(self, box: QPlainTextEdit, rules: LanguageRules) -> None:
        super().__init__(box.parentWidget())
        self.setProperty("languageHints", True)
        # As tall as its lines and no taller: a tall form's spare room goes to the text boxes.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.colours = hint_colours(box.palette())
        self.setStyleSheet(
            STYLE.format(
                panel=self.colours.panel.name(),
                edge=self.colours.edge.name(),
                text=self.colours.panel_text.name(),
            )
        )
        self.setAccessibleName("Wording suggestions")
        if box.objectName():
            self.setObjectName(f"{box.objectName()}_hints")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.heading = _plain_label(self, HEADING)
        self.heading.setProperty("hintsHeading", True)
        layout.addWidget(self.heading)
        layout.addStretch(1)  # lines go above it, packed under the heading
        self.items: list[QLabel] = []
        self.box, self.rules = box, rules
        self.flags: list[LanguageFlag] = []
        self._underlining = False
        # Connected before the highlighter's own slot, so spans move with an edit before the
        # edited line is drawn again, until the next check puts them right.
        box.document().contentsChange.connect(self._follow_edit)
        self.highlighter = FlagHighlighter(box.document(), self.colours)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        box.textChanged.connect(self.timer.start)
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        text = self.box.toPlainText()
        self.flags = check(text, self.rules)
        self._underline(utf16_offsets(text, self.flags))
        lines = self.lines()
        while len(self.items) < len(lines):
            self.items.append(_plain_label(self, ""))
            layout = self.layout()
            layout.insertWidget(layout.count() - 1, self.items[-1])
        for index, label in enumerate(self.items):
            label.setText(lines[index] if index < len(lines) else "")
            label.setVisible(index < len(lines))
        self._fit()
        self.setVisible(bool(lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Wrapped lines make Qt's size guess too tall; cap the panel at what its lines need
        at its real width, so the spare room is not left blank inside it."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > 0 and needed != self.maximumHeight():
            self.setMaximumHeight(needed)

    def text(self) -> str:
        """What the panel says, a line each (empty when there is nothing to suggest)."""
        lines = [label.text() for label in self.items if label.text()]
        return "\n".join([HEADING, *lines]) if lines else ""

    def _underline(self, spans: list[tuple[int, int]]) -> None:
        """Redraw the underlines. Qt reports a redraw as a text change; the box's signals are
        held meanwhile so a form does not count it as an edit (and autosave a draft)."""
        if spans == self.highlighter.spans:
            return
        self.highlighter.spans = spans
        was_blocked = self.box.blockSignals(True)
        self._underlining = True
        try:
            self.highlighter.rehighlight()
        finally:
            self._underlining = False
            self.box.blockSignals(was_blocked)

    def _follow_edit(self, position: int, removed: int, added: int) -> None:
        if self._underlining:
            return
        moved = []
        for start, end in self.highlighter.spans:
            if end <= position:
                moved.append((start, end))
            elif start >= position + removed:
                moved.append((start + added - removed, end + added - removed))
        self.highlighter.spans = moved

    def lines(self) -> list[str]:
        """One line per flagged wording; the same wording used twice is listed once."""
        seen: set[tuple[str, str]] = set()
        lines: list[str] = []
        for flag in self.flags:
            key = (flag.rule, flag.found.casefold())
            if key not in seen:
                seen.add(key)
                lines.append(describe(flag))
        if len(lines) > MAX_LINES:
            more = len(lines) - MAX_LINES
            lines = [*lines[:MAX_LINES], f"…and {more} more (underlined in the text)."]
        return lines


def _plain_label(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never markup, whatever was typed
    return label


def attach_language_hints(box: QPlainTextEdit, rules: LanguageRules) -> LanguageHints:
    """Watch box as the DSL writes; place the returned panel under it."""
    return LanguageHints(box, rules)
