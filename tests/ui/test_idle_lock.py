"""Auto-lock: left alone, the window locks through the same lock() as Ctrl+L, saving what was
being typed first; locked, nothing on screen or in any widget says anything about a child.

The timeout is a few milliseconds here; nothing sleeps, the tests wait for the lock to happen.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from scr_reflect import settings
from scr_reflect.domain.prompts import Step
from scr_reflect.settings import Settings
from scr_reflect.ui.documents.document_preview import DocumentPreview
from scr_reflect.ui.forms.history_dialog import HistoryDialog
from scr_reflect.ui.forms.record_form import RecordForm
from scr_reflect.ui.reflect.reflect_window import ReflectWindow
from scr_reflect.ui.safety.idle_lock import IdleLock
from scr_reflect.ui.settings_dialog import SettingsDialog
from scr_reflect.ui.shared import prompts
from tests.fictional import PASSPHRASE
from tests.store_access import store_of
from tests.ui.caseload import child_with_concern
from tests.ui.form_driving import focus, press

NAME = "Marigold Featherstonehaugh"
SHOTS = Path("/tmp/shots")
HOUR_MS = 3_600_000


def texts(widget: QWidget) -> list[str]:
    """What a widget can show a person, shown now or not."""
    found = [widget.windowTitle(), widget.toolTip()]
    readable_line = isinstance(widget, QLineEdit) and widget.echoMode() == widget.EchoMode.Normal
    if isinstance(widget, (QLabel, QAbstractButton)) or readable_line:
        found.append(widget.text())
    elif isinstance(widget, QPlainTextEdit):
        found.append(widget.toPlainText())
    elif isinstance(widget, QComboBox):
        found.extend(widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount(QModelIndex())):
            column = 0
            while model.hasIndex(row, column):
                found.append(str(model.index(row, column).data() or ""))
                column += 1
    return found


def on_screen() -> str:
    """Every text in every visible window of the application."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    shown = [w for top in windows for w in [top, *top.findChildren(QWidget)] if w.isVisible()]
    return "\n".join(text for widget in shown for text in texts(widget))


def anywhere() -> str:
    return "\n".join(text for widget in QApplication.allWidgets() for text in texts(widget))


def record_windows() -> list[QWidget]:
    kinds = (ReflectWindow, DocumentPreview, HistoryDialog, RecordForm)
    return [w for w in QApplication.allWidgets() if isinstance(w, kinds)]


def add_child_with_concern(window) -> int:
    """The concern's id, chosen in the chronology so Ctrl+R reflects on it."""
    child, concern = child_with_concern(
        window, NAME, "Arrived without a coat for the third day running."
    )
    window.view.show_child(child)
    window.view.chronology.table.selectRow(0)
    return concern


def shoot(window: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"locking_{name}.png"))


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    focus(qtbot, widget)
    return widget


def test_input_anywhere_starts_the_count_again(qtbot):
    field = shown(qtbot, QLineEdit())
    idle = IdleLock(HOUR_MS, field)
    qtbot.waitUntil(lambda: idle.remaining_ms() < HOUR_MS - 100)
    before = idle.remaining_ms()
    press(field, Qt.Key.Key_A)
    assert idle.remaining_ms() > before

    # A window opened later (a form, a preview) is watched once it has the focus.
    later = shown(qtbot, QLineEdit())
    qtbot.waitUntil(lambda: idle.remaining_ms() < HOUR_MS - 100)
    before = idle.remaining_ms()
    press(later, Qt.Key.Key_A)
    assert idle.remaining_ms() > before


class _Counted(IdleLock):
    """An idle lock that notes each event it is asked about."""

    def __init__(self, timeout_ms: int, parent: QObject) -> None:
        self.asked: list[QEvent.Type] = []
        super().__init__(timeout_ms, parent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.asked.append(event.type())
        return super().eventFilter(watched, event)


def test_a_window_is_watched_from_its_first_showing(qtbot):
    """As the app's main window is: guarded before it is shown. It is watched as it shows,
    before the window system has given it the focus."""
    field = QLineEdit()
    qtbot.addWidget(field)
    idle = _Counted(HOUR_MS, field)
    field.show()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(field.windowHandle(), key)
    assert QEvent.Type.KeyPress in idle.asked


def test_the_idle_lock_is_not_asked_about_every_widgets_events(qtbot):
    """Only what reaches the window itself: building and painting its widgets would otherwise
    call into Python for each of their events, as a filter on the application is."""
    window = QWidget()
    window.setFixedSize(320, 1800)  # room for every field: the window is not resized
    shown(qtbot, window)
    everything: list[QEvent.Type] = []

    class Everything(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            everything.append(event.type())
            return False

    idle = _Counted(HOUR_MS, window)
    on_the_application = Everything()
    QApplication.instance().installEventFilter(on_the_application)
    layout = QVBoxLayout(window)
    for _ in range(50):
        layout.addWidget(QLineEdit(window))
    window.repaint()
    QApplication.processEvents()
    QApplication.instance().removeEventFilter(on_the_application)
    assert len(everything) > 1000 and len(idle.asked) < 10


def test_left_alone_it_locks_saves_the_typing_and_shows_nothing_about_the_child(
    unlocked, qtbot, monkeypatch
):
    window = unlocked
    concern = add_child_with_concern(window)
    window.reflect_action.trigger()
    [reflect] = window.view.findChildren(ReflectWindow)
    card = next(c for c in reflect.cards if c.key == "voice.seen_alone")
    reflect.steps.setCurrentRow(list(Step).index(Step.LIVED_EXPERIENCE))
    qtbot.keyClicks(card.answer, "Seen alone in the library on 19/11")  # not yet autosaved
    window.document_actions[0].trigger()  # the referral summary's preview
    qtbot.mouseClick(window.view.details.child_history, Qt.MouseButton.LeftButton)
    window.new_entry_action.trigger()
    form = window.view.forms[-1]
    qtbot.keyClicks(form.findChild(QLineEdit, "title"), "Coat found in lost property")
    assert NAME in on_screen()
    assert len(record_windows()) == 4
    shoot(window, "before")

    idle = IdleLock(20, window)
    idle.timed_out.connect(window.lock)
    qtbot.waitUntil(lambda: window.workspace is None, timeout=5000)

    assert window.stack.currentWidget() is window.unlock_page
    assert NAME not in on_screen()
    shoot(window, "locked")
    # Once Qt has deleted what lock() let go of, no widget holds the child at all.
    qtbot.waitUntil(lambda: record_windows() == [] and NAME not in anywhere())

    offered: list[str] = []
    monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text, _y: offered.append(text))
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    assert f"New entry: {NAME}" in offered[0]
    [draft] = window.workspace.records.drafts()
    assert draft.fields["title"] == "Coat found in lost property"
    answers = window.workspace.reflection.walkthrough(concern).answers
    assert answers["voice.seen_alone"].text == "Seen alone in the library on 19/11"


def test_locking_lets_go_of_the_workspace_and_its_key(unlocked, qtbot):
    window = unlocked
    add_child_with_concern(window)
    window.reflect_action.trigger()
    space = window.workspace
    held = [weakref.ref(o) for o in (space, store_of(space), space.records, window.view)]
    del space
    window.lock_action.trigger()

    def all_gone() -> bool:
        gc.collect()
        return all(ref() is None for ref in held)

    # Generous: a save still finishing on the lane holds the workspace until it is done, and a
    # loaded machine can take seconds over that.
    qtbot.waitUntil(all_gone, timeout=20000)


def test_the_minutes_are_a_setting_saved_beside_the_data(unlocked, qtbot, tmp_path, monkeypatch):
    window = unlocked
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(window, settings.read(stored))
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.auto_lock.value() == 5
    dialog.auto_lock.selectAll()
    qtbot.keyClicks(dialog.auto_lock, "12")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "locking_settings.png"))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen == Settings(auto_lock_minutes=12)

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(lambda _c, _p, _s: chosen))
    with qtbot.waitSignal(window.settings_changed) as changed:
        window.settings_action.trigger()
    assert changed.args == [chosen]
    stored.sync()
    assert settings.read(stored).auto_lock_minutes == 12


def test_idle_before_setup_changes_nothing(make_window, qtbot):
    window = make_window()
    qtbot.keyClicks(window.setup_page.school, "Riverside Academy")
    idle = IdleLock(10, window)
    idle.timed_out.connect(window.lock)
    with qtbot.waitSignal(idle.timed_out):
        pass
    assert window.stack.currentWidget() is window.setup_page
    assert window.setup_page.school.text() == "Riverside Academy"
    assert not window.settings_action.isEnabled()
