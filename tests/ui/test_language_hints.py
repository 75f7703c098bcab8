"""Wording hints appear under a text box as the DSL writes, and never get in the way."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from scr_reflect.domain.enums import Category
from scr_reflect.domain.records import Child, Concern
from scr_reflect.guidance.record_language import default_rules
from scr_reflect.ui.forms.language_hints import HEADING, LanguageHints, attach_language_hints
from scr_reflect.ui.shared import prompts

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def underlined(box: QPlainTextEdit) -> list[str]:
    """The text of every wavy-underlined range, in order."""
    found = []
    block = box.document().firstBlock()
    while block.isValid():
        for attached in block.layout().formats():
            if attached.format.underlineStyle() == WAVE:
                units = block.text().encode("utf-16-le")  # Qt counts UTF-16 units
                span = units[attached.start * 2 : (attached.start + attached.length) * 2]
                found.append(span.decode("utf-16-le"))
        block = block.next()
    return found


HOLDERS: list[QWidget] = []


def bare_box(qtbot) -> tuple[QPlainTextEdit, LanguageHints]:
    holder = QWidget()
    qtbot.addWidget(holder)  # closed after the test; qtbot keeps only a weak reference
    HOLDERS[:] = [holder]
    box = QPlainTextEdit(holder, objectName="notes")
    return box, attach_language_hints(box, default_rules())


def test_hints_follow_typing_after_a_pause(qtbot):
    box, hints = bare_box(qtbot)
    assert hints.objectName() == "notes_hints"
    assert not hints.isVisibleTo(box.parentWidget())
    qtbot.keyClicks(box, "Ada DNA'd the dentist. Mum says she forgot.")
    assert hints.timer.isActive()  # waiting for a pause, not checking every keystroke
    qtbot.waitUntil(lambda: hints.isVisibleTo(box.parentWidget()))
    lines = hints.text().splitlines()
    assert lines[0] == HEADING
    assert lines[1].startswith("“DNA'd” → was not brought, and say who was expected")
    assert lines[1].endswith("can hide a health need going unmet)")
    assert lines[2].startswith("“Mum says” → say whether this has been checked and with whom")
    assert underlined(box) == ["DNA'd", "Mum says"]

    box.selectAll()
    qtbot.keyClicks(box, "Ada was brought by her aunt.")
    hints.timer.timeout.emit()  # the pause, without waiting for it
    assert hints.flags == [] and hints.text() == ""
    assert not hints.isVisibleTo(box.parentWidget())
    assert underlined(box) == []


def test_the_label_is_plain_text_whatever_is_typed(qtbot):
    box, hints = bare_box(qtbot)
    box.setPlainText("<b>Chaotic family</b> &amp; <a href='x'>DNA</a>")
    hints.timer.timeout.emit()
    labels = hints.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert "“Chaotic family” →" in hints.text()
    assert "“DNA” →" in hints.text()


def test_underlines_are_redrawn_without_counting_as_an_edit(qtbot):
    box, hints = bare_box(qtbot)
    box.setPlainText("No concerns.\n\nPresentation 😀 appropriate.")
    edits: list[int] = []
    box.textChanged.connect(lambda: edits.append(1))
    hints.timer.timeout.emit()
    assert underlined(box) == ["No concerns", "appropriate"]  # past an emoji too
    assert edits == []
    assert not box.document().isModified()


def test_underlines_move_with_an_edit_before_the_next_check(qtbot):
    box, hints = bare_box(qtbot)
    box.setPlainText("Ada DNA'd.")
    hints.timer.timeout.emit()
    cursor = box.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Today ")
    assert underlined(box) == ["DNA'd"]


def test_repeated_wording_is_listed_once_and_a_long_list_is_cut_short(qtbot):
    box, hints = bare_box(qtbot)
    box.setPlainText(
        "DNA. dna. Chaotic home. Manipulative. Attention-seeking. Promiscuous. "
        "Known to services. Lifestyle choice. Absconded."
    )
    hints.timer.timeout.emit()
    lines = hints.text().splitlines()
    assert sum(line.startswith("“DNA”") for line in lines) == 1
    assert "“dna”" not in hints.text()
    assert lines[-1] == "…and 2 more (underlined in the text)."
    assert len(underlined(box)) == 9


# In the concern form ------------------------------------------------------------------------


def open_concern_form(window, qtbot):
    child_id = window.workspace.records.add_child(
        Child("Ada Quillfeather", date(2014, 9, 3))
    ).child_id
    window.view.show_child(child_id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    return window.view.forms[-1]


def test_a_concern_form_shows_hints_under_what_was_seen_but_not_the_childs_words(unlocked, qtbot):
    window = unlocked
    form = open_concern_form(window, qtbot)
    seen = form.findChild(QWidget, "what_happened")
    words = form.findChild(QWidget, "child_words")
    hints = form.findChild(LanguageHints, "what_happened_hints")

    qtbot.keyClicks(seen, "Ada DNA'd her CAMHS appointment. Mum says she was ill.")
    qtbot.keyClicks(words, "I DNA'd it, mum says I'm fine")
    qtbot.waitUntil(hints.isVisible)
    assert "“DNA'd” → was not brought" in hints.text()
    assert "“Mum says” →" in hints.text()
    # The hints sit in the row straight under the box, in the same column.
    row, role = form.form.getWidgetPosition(hints)
    assert (row, role) == (form.form.getWidgetPosition(seen)[0] + 1, QFormLayout.ItemRole.FieldRole)

    assert form.findChild(LanguageHints, "child_words_hints") is None
    assert underlined(words) == []
    for name in ("action_taken", "outcome"):
        assert form.findChild(LanguageHints, f"{name}_hints") is not None
    assert form.findChild(LanguageHints, "raised_by_hints") is None  # one-line fields: none


def test_flagged_wording_never_stops_a_save(unlocked, qtbot):
    window = unlocked
    form = open_concern_form(window, qtbot)
    hints = form.findChild(LanguageHints, "what_happened_hints")
    qtbot.keyClicks(form.findChild(QWidget, "raised_by"), "Mr Lewin, PE teacher")
    qtbot.keyClicks(
        form.findChild(QWidget, "what_happened"), "Putting herself at risk. No concerns."
    )
    tick = form.findChild(QWidget, "categories").boxes[Category.NEGLECT]
    qtbot.mouseClick(tick, LEFT, pos=QPoint(8, tick.height() // 2))  # on the box itself
    qtbot.waitUntil(hints.isVisible)
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)

    assert form.problems.text() == ""
    assert form not in window.view.forms
    assert window.view.chronology.model.rowCount() == 1
    assert "Putting herself at risk" in window.view.chronology.model.index(0, 2).data()


def test_hints_on_a_record_being_amended_do_not_make_it_unsaved(unlocked, qtbot, monkeypatch):
    window = unlocked
    records = window.workspace.records
    child_id = records.add_child(Child("Ada Quillfeather", date(2014, 9, 3))).child_id
    records.record_concern(
        Concern(
            child_id=child_id,
            occurred_at=datetime(2026, 11, 19, 10, 15),
            recorded_at=datetime(2026, 11, 19, 11, 0),
            raised_by="Ms Khan",
            what_happened="Chaotic home; Ada DNA'd the dentist.",
            categories=frozenset({Category.NEGLECT}),
        )
    )
    window.view.show_child(child_id)
    window.view.chronology.table.selectRow(0)
    qtbot.mouseClick(window.view.details.amend_entry, LEFT)
    form = window.view.forms[-1]
    hints = form.findChild(LanguageHints, "what_happened_hints")
    qtbot.waitUntil(hints.isVisible)
    assert underlined(form.findChild(QWidget, "what_happened")) == ["Chaotic home", "DNA'd"]

    asked: list[str] = []
    monkeypatch.setattr(prompts, "confirm_discard", lambda *args: asked.append(args[2]) or True)
    form.reject()
    assert asked == []  # nothing typed, so nothing to discard
    assert records.drafts() == []
