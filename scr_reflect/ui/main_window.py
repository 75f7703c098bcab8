"""The window: setup or unlock first, then the records; menus, shortcuts and locking."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QWidget,
)

from ..services.documents import Document
from ..services.folder_lock import is_set_up
from . import records_libraries
from .access.key_actions import KeyActions, Recover
from .access.unlock_page import UnlockPage
from .chosen_actions import ChosenActions
from .help_menu import HelpMenu
from .safety.backup_actions import BackupActions
from .safety.lock_keys import LockKeys
from .shared import shortcuts
from .shared.errors import describe
from .shared.stepped_work import SteppedWork
from .shared.task_runner import Runner
from .shared.window_size import fit_to_screen
from .transfers.transfer_actions import TransferActions

if TYPE_CHECKING:  # loaded after the unlock page shows: see records_libraries
    from ..demo.store import DemoStore
    from ..domain.records import SchoolProfile
    from ..services.workspace import Workspace
    from .access.setup_page import SetupPage
    from .workspace_view import WorkspaceView

SetUp = Callable[[str, str, "SchoolProfile"], "Workspace"]
Unlock = Callable[[str], "Workspace"]
OpenDemo = Callable[[], "DemoStore"]


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # the Settings the DSL just saved

    def __init__(
        self,
        data_folder: Path,
        runner: Runner,
        set_up: SetUp,
        unlock: Unlock,
        settings: QSettings,
        recover: Recover | None = None,
        open_demo: OpenDemo | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("SCR Reflect")
        self._runner, self._set_up, self._unlock, self._settings = runner, set_up, unlock, settings
        self._data_folder = data_folder
        self._open_demo = open_demo or partial(records_libraries.open_demo_store, data_folder)
        self.demo_work = SteppedWork(self, runner)
        self.workspace: Workspace | None = None
        self.view: WorkspaceView | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._setup_page: SetupPage | None = None  # see setup_page
        self.unlock_page = UnlockPage(str(data_folder), self)
        self.stack.addWidget(self.unlock_page)
        self.unlock_page.submitted.connect(self._on_unlock)
        self.busy = QLabel(self, objectName="busy")  # at the end of the toolbar, always in view
        if (busy_changed := getattr(runner, "busy_changed", None)) is not None:
            busy_changed.connect(lambda busy: self.busy.setText("Working…" if busy else ""))
        self._build_actions()
        self.safety = BackupActions(
            self,
            runner,
            settings,
            data_folder,
            lambda: self.workspace,
            self.lock,
            self._show_unlock,
        )
        self.safety.add_menu(self.menuBar())
        self.keys = KeyActions(
            self,
            runner,
            lambda: self.workspace,
            lambda: self.view,
            recover
            or (lambda code, new, again: records_libraries.recover(data_folder, code, new, again)),
            self._open_records,
        )
        self.keys.add_menu(self.menuBar())
        self.keys.add_recover_page(self.stack, self.unlock_page)
        self.help = HelpMenu(self, data_folder)
        self._lock_keys = LockKeys(self, shortcuts.LOCK.keys, self.lock)
        first_page = self.unlock_page if is_set_up(data_folder) else self.setup_page
        self.stack.setCurrentWidget(first_page)
        first_page.first_field().setFocus()
        self._set_records_actions_enabled(False)
        fit_to_screen(self, QSize(1280, 800))
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # Menus and shortcuts ------------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @property
    def setup_page(self) -> SetupPage:
        """Built when first needed: a data folder already set up opens on the unlock page,
        and its start need not wait for the setup page's widgets and libraries."""
        if self._setup_page is None:
            from .access import setup_page as setup

            page = self._setup_page = setup.SetupPage(str(self._data_folder), self)
            self.stack.addWidget(page)
            page.submitted.connect(self._on_setup)
            page.demo_requested.connect(self.try_demo)
        return self._setup_page

    def _build_actions(self) -> None:
        self.new_concern_action = self._action(
            "New &concern…", shortcuts.NEW_CONCERN.keys, self._new_concern
        )
        self.new_child_action = self._action(
            "New c&hild…", shortcuts.NEW_CHILD.keys, self._new_child
        )
        self.new_entry_action = self._action(
            "Add to c&hronology…", shortcuts.NEW_ENTRY.keys, self._new_entry
        )
        self.find_action = self._action("&Find a child", shortcuts.FIND.keys, self._find)
        self.retention_action = self._action("Re&tention review…", "", self._review_retention)
        self.import_action = self._action("&Import pupils from the MIS…", "", self._import_pupils)
        self.transfers = TransferActions(self, lambda: self.view, self._runner)
        self.reflect_action = self._action(
            "&Reflect on the concern…", shortcuts.REFLECT.keys, self._reflect
        )
        self.lock_action = self._action("&Lock", shortcuts.LOCK.keys, self.lock)
        self.audit_action = self._action("&Audit trail…", shortcuts.AUDIT.keys, self._audit)
        self.settings_action = self._action(
            "&Settings…", QKeySequence.StandardKey.Preferences, self._edit_settings
        )
        self.quit_action = self._action("&Quit", shortcuts.QUIT.keys, self.close)
        toolbar = self.addToolBar("Records")
        toolbar.setObjectName("recordsToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_child_action,
            self.new_concern_action,
            self.new_entry_action,
            self.reflect_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.busy)
        records = self.menuBar().addMenu("&Records")
        for action in (
            self.new_concern_action,
            self.new_child_action,
            self.new_entry_action,
            self.reflect_action,
        ):
            records.addAction(action)
        records.addSeparator()
        records.addAction(self.find_action)
        records.addAction(self.retention_action)
        records.addAction(self.import_action)
        self.transfers.add_to(records)
        records.addAction(self.audit_action)
        records.addSeparator()
        records.addAction(self.lock_action)
        documents = self.menuBar().addMenu("&Documents")
        self.document_actions = []
        for document, text in (
            (Document.REFERRAL, "&Referral summary for the chosen child…"),
            (Document.ESCALATION, "&Escalation summary for the chosen child…"),
            (Document.CHRONOLOGY, "&Chronology of the chosen child, as filtered…"),
            (Document.SUPERVISION, "&Supervision pack…"),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, d=document: self._produce(d))
            documents.addAction(action)
            self.document_actions.append(action)
        documents.addSeparator()
        record_session = QAction("Record a supervision &session…", self)
        record_session.triggered.connect(self._record_supervision)
        documents.addAction(record_session)
        self.document_actions.append(record_session)
        records.addAction(self.settings_action)
        records.addAction(self.quit_action)
        for menu in (records, documents):
            menu.setToolTipsVisible(True)  # a greyed-out action says why on hover
        chosen = [self.new_concern_action, self.new_entry_action, *self.document_actions[:3]]
        self.chosen = ChosenActions([*chosen, self.transfers.send], [self.reflect_action])

    def _set_records_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.new_concern_action,
            self.new_child_action,
            self.new_entry_action,
            self.reflect_action,
            *self.document_actions,
            self.find_action,
            self.retention_action,
            self.import_action,
            *self.transfers.needs_records,
            self.audit_action,
            self.lock_action,
            *self.safety.needs_records,
            *self.keys.needs_records,
            self.settings_action,  # locked, nobody can lengthen the auto-lock
        ):
            action.setEnabled(enabled)
        if enabled:
            self._update_chosen()

    def _update_chosen(self) -> None:
        if (view := self.view) is not None:
            self.chosen.update(view.child_chosen(), view.chosen_concern() is not None)

    def _new_concern(self) -> None:
        if self.view:
            self.view.new_concern()

    def _new_child(self) -> None:
        if self.view:
            self.view.new_child()

    def _new_entry(self) -> None:
        if self.view:
            self.view.new_entry()

    def _produce(self, document: Document) -> None:
        if self.view:
            self.view.produce(document)

    def _record_supervision(self) -> None:
        if self.view:
            self.view.supervision.open()

    def _audit(self) -> None:
        if self.view:
            self.view.audit.open()

    def _review_retention(self) -> None:
        from .safety.retention_window import open_retention_review  # loaded with the records

        open_retention_review(self.view, self._runner)

    def _import_pupils(self) -> None:
        from .pupils.pupil_import_dialog import open_pupil_import  # loaded with the records

        if view := self.view:
            open_pupil_import(view, self._runner, view.workspace.pupil_import, view.apply)

    def _reflect(self) -> None:
        if self.view:
            self.view.reflect()

    def _edit_settings(self) -> None:
        from .settings_dialog import edit_settings  # with the records: locked, it is disabled

        if (chosen := edit_settings(self, self._settings)) is not None:
            self.settings_changed.emit(chosen)

    def _find(self) -> None:
        if self.view:
            self.view.children_pane.search.setFocus()
            self.view.children_pane.search.selectAll()

    # Setup, unlock, lock ------------------------------------------------------------------

    def _on_setup(self, passphrase: str, repeated: str, school: str, dsl: str) -> None:
        from ..domain.records import SchoolProfile  # loaded with the setup page

        profile = SchoolProfile(school.strip(), dsl.strip())
        self._runner.run(
            lambda: self._set_up(passphrase, repeated, profile),
            self._open_records,
            lambda error: self.setup_page.show_error(describe(error)),
        )

    def _on_unlock(self, passphrase: str) -> None:
        self._runner.run(
            lambda: self._unlock(passphrase),
            self._open_records,
            lambda error: self.unlock_page.show_error(describe(error)),
        )

    def try_demo(self) -> None:
        """A demo store beside the data folder: made and loaded step by step on the lane."""
        self.demo_work.start(
            "Making the fictional demo records…",
            self._open_demo,
            lambda demo: self._open_records(demo.workspace),
            self._demo_failed,
        )

    def _demo_failed(self, error: Exception) -> None:
        # `--demo` may start it from the unlock page of a folder already set up.
        unlocking = self.stack.currentWidget() is self.unlock_page
        (self.unlock_page if unlocking else self.setup_page).show_error(describe(error))

    def _open_records(self, workspace: Workspace) -> None:
        from ..demo.store import DEMO_MARK, is_demo  # loaded by now (records_libraries)
        from .workspace_view import WorkspaceView

        self.workspace = workspace
        self.view = WorkspaceView(workspace, self._runner, self)
        self.view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.chosen_changed.connect(self._update_chosen)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        title = f"SCR Reflect: {workspace.profile.school_name}"
        self.setWindowTitle(f"{title} \u2014 {DEMO_MARK}" if is_demo(workspace.profile) else title)
        self._set_records_actions_enabled(True)
        self.view.start()
        self.view.children_pane.search.setFocus()
        for warning in workspace.notices:
            self.view.say(warning)
        self.keys.opened(workspace)

    def _show_unlock(self) -> None:
        """After a restore the store opens from the unlock page, whichever page was showing."""
        self.unlock_page.reset()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.first_field().setFocus()

    def lock(self) -> bool:
        """Save drafts, drop every loaded record and the key, and show the unlock page.

        Ctrl+L (from any of its windows), the idle timer and the system's screen lock all come
        here. Says whether there was anything to lock."""
        if self.view is None and self.workspace is None:
            return False  # already locked, or not set up yet: keep what is being typed
        self._close_records()
        self.setWindowTitle("SCR Reflect")
        self.unlock_page.reset()
        # After trying the demo, the data folder itself may still be waiting to be set up.
        set_up = is_set_up(self._data_folder)
        self.stack.setCurrentWidget(self.unlock_page if set_up else self.setup_page)
        self.activateWindow()  # from a form or Reflect, the unlock page takes the keyboard
        return True

    def _close_records(self) -> None:
        if self.view is not None:
            self.view.save_open_drafts()
            for form in list(self.view.forms):
                form.done(0)
            _close_windows_of(self.view)
            self._runner.wait_until_idle()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if self.workspace is not None:
            workspace, self.workspace = self.workspace, None
            self._runner.run(workspace.close, lambda _r: None, lambda _e: None)
            self._runner.wait_until_idle()
        self._set_records_actions_enabled(False)
        self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.sync()
        self._close_records()
        event.accept()


def _close_windows_of(view: QWidget) -> None:
    """Close every window the records opened: reflection, previews, histories, questions.

    Closing lets each save what it holds (the reflect window saves its answers); deleting the
    view alone would take them away unsaved and leave them on screen until the next event."""
    for widget in view.findChildren(QWidget):
        if widget.isWindow() and widget.isVisible():
            widget.close()
    QToolTip.hideText()  # a tooltip may quote a record
