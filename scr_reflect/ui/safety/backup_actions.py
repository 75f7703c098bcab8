"""The Safety menu: back up now, restore from a backup, verify the store or a backup, and a
second backup folder (a USB stick or a share) remembered in the window's settings file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QWidget

from ...services.clock import SystemClock
from ..shared import prompts
from ..shared.errors import describe
from ..shared.stepped_work import SteppedWork, WorkStopped
from ..shared.task_runner import Runner

if TYPE_CHECKING:  # the store's libraries load after the unlock page shows, not with it
    from ...services.backups import Backup, Restore, Verification
    from ...services.workspace import Workspace

SECOND_FOLDER_KEY = "backups/second_folder"
BACKUP_FILTER = "SCR Reflect backups (*.db)"
_NOT_THIS_BACKUP = "That passphrase does not open this backup. Nothing was changed."

OTHER_RECORDS_TITLE = "A backup of other records"


class BackupActions:
    def __init__(
        self,
        window: QWidget,
        runner: Runner,
        settings: QSettings,
        data_folder: Path,
        workspace: Callable[[], Workspace | None],
        close_records: Callable[[], None],
        show_unlock: Callable[[], None],
    ) -> None:
        self._window, self._settings, self._root = window, settings, data_folder
        self._workspace = workspace
        self._close_records, self._show_unlock = close_records, show_unlock
        self.work = SteppedWork(window, runner)
        self.back_up_action = self._action("&Back up now…", self.back_up)
        self.restore_action = self._action("&Restore from a backup…", self.restore)
        self.verify_store_action = self._action("&Verify your records", self.verify_store)
        self.verify_backup_action = self._action("Verify a b&ackup…", self.verify_backup)
        self.second_folder_action = self._action(
            "&Second backup folder…", self.choose_second_folder
        )
        # These work on the open store; the others also work locked or before setup.
        self.needs_records = (self.back_up_action, self.verify_store_action)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        return action

    def add_menu(self, bar: QMenuBar) -> None:
        menu = bar.addMenu("&Safety")
        for action in (self.back_up_action, self.second_folder_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (self.verify_store_action, self.verify_backup_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.restore_action)

    def second_folder(self) -> Path | None:
        chosen = self._settings.value(SECOND_FOLDER_KEY)
        return Path(str(chosen)) if chosen else None

    # Back up and verify -------------------------------------------------------------------

    def back_up(self) -> None:
        ws, second = self._workspace(), self.second_folder()
        if ws is None:
            return
        self.work.start(
            "Backing up your encrypted records…",
            lambda: ws.backup(second),
            self._backed_up,
            self._failed,
            still_wanted=lambda: self._workspace() is ws,
        )

    def _backed_up(self, backup: Backup) -> None:
        made = backup.made
        text = f"Backed up to {made.name} in {made.parent}.\n\nThe same passphrase opens it."
        if backup.copied_to is not None:
            text += f"\n\nA copy is in {backup.copied_to.parent}."
        if backup.copy_problem is not None:
            prompts.warn(
                self._window, "Backed up, but not copied", f"{text}\n\n{backup.copy_problem}"
            )
        else:
            prompts.inform(self._window, "Backed up", text)

    def verify_store(self) -> None:
        ws = self._workspace()
        if ws is None:
            return
        self.work.start(
            "Checking your records…",
            ws.verification,
            lambda check: self._report(check, "Your records"),
            self._failed,
            still_wanted=lambda: self._workspace() is ws,
        )

    def verify_backup(self) -> None:
        chosen = self._ask_for_backup("Verify a backup")
        if chosen is None:
            return
        backup, passphrase = chosen
        from ...services.backups import Verification

        self.work.start(
            "Checking the backup…",
            lambda: Verification.of_backup(backup, passphrase),
            lambda check: self._report(check, f"The backup {backup.name}"),
            self._failed,
        )

    def _report(self, check: Verification, subject: str) -> None:
        if check.problems:
            listed = "\n".join(f"• {problem}" for problem in check.problems)
            prompts.warn(self._window, "Problems found", f"{subject} has problems:\n\n{listed}")
        else:
            listed = "\n".join(f"• {finding.check}" for finding in check.findings)
            prompts.inform(
                self._window, "No problems found", f"{subject} passed every check:\n\n{listed}"
            )

    # Restore ------------------------------------------------------------------------------

    def restore(self) -> None:
        chosen = self._ask_for_backup("Restore from a backup")
        if chosen is None:
            return
        backup, passphrase = chosen
        if not prompts.confirm(
            self._window,
            "Restore from a backup",
            f"Put the backup {backup.name} in place of your records? It is checked first, and "
            "a damaged one is refused. Your records as they are now are kept aside in the data "
            "folder, not deleted. Open records close first.",
            yes="Restore",
        ):
            return
        from ...services.backups import Restore, from_another_store, other_store_words

        other = from_another_store(self._root, backup)
        if other and not prompts.confirm(
            self._window,
            OTHER_RECORDS_TITLE,
            f"{other_store_words(backup)} Restore it all the same? The records here are kept "
            "aside in the data folder, not deleted.",
            yes="Restore those records",
        ):
            return
        # The trail's own clock: the restore must not look later than the unlock that logs it.
        ws = self._workspace()
        now = (ws.clock if ws is not None else SystemClock()).now()
        self._close_records()
        self.work.start(
            "Checking and restoring the backup…",
            lambda: Restore(self._root, backup, passphrase, now, other),
            self._restored,
            self._failed,
        )

    def _restored(self, restore: Restore) -> None:
        text = "The backup is in place. Unlock it with a passphrase that opened it."
        if restore.kept_aside is not None:
            text += f"\n\nYour records as they were are kept in {restore.kept_aside}."
        self._show_unlock()
        prompts.inform(self._window, "Restored", text)

    # Shared -------------------------------------------------------------------------------

    def _ask_for_backup(self, title: str) -> tuple[Path, str] | None:
        start = self._root / "backups"
        folder = str(start if start.is_dir() else self._root)
        chosen = prompts.open_file_name(self._window, title, folder, BACKUP_FILTER)
        if chosen is None:
            return None
        passphrase = prompts.ask_passphrase(
            self._window, title, f"The passphrase that opens {Path(chosen).name}:"
        )
        return (Path(chosen), passphrase) if passphrase else None

    def choose_second_folder(self) -> None:
        current = self.second_folder()
        title = "Second backup folder"
        chosen = prompts.choose_folder(self._window, title, str(current or Path.home()))
        if chosen:
            self._settings.setValue(SECOND_FOLDER_KEY, chosen)
            prompts.inform(self._window, title, f"Back up now also puts a copy in {chosen}.")
        elif current is not None and prompts.confirm(
            self._window,
            title,
            f"Back up now also puts a copy in {current}. Stop doing that?",
            yes="Stop copying",
        ):
            self._settings.remove(SECOND_FOLDER_KEY)
        self._settings.sync()

    def _failed(self, error: Exception) -> None:
        from ...services.backups import BackupRefused
        from ...services.errors import WrongPassphrase

        if isinstance(error, BackupRefused):
            listed = "\n".join(f"• {problem}" for problem in error.problems)
            prompts.warn(self._window, "Backup refused", f"{error.headline}\n\n{listed}")
        elif isinstance(error, WrongPassphrase):
            prompts.warn(self._window, "Wrong passphrase", _NOT_THIS_BACKUP)
        elif isinstance(error, WorkStopped):
            prompts.warn(
                self._window,
                "Stopped",
                "It stopped when the records were locked. Try again after unlocking.",
            )
        else:
            prompts.warn(self._window, "Not done", describe(error))
