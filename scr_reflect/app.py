"""Composition root: arguments, paths, logging, crash handling, then the window."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from . import APP_NAME, paths, resource_files, settings
from .services.folder_lock import settle_interrupted_restore
from .storage.private_files import NotAFolder, check_is_folder, ensure_private_dir
from .storage.storage_problems import StorageProblem
from .ui import records_libraries
from .ui.main_window import MainWindow
from .ui.safety import single_instance
from .ui.safety.clipboard_guard import ClipboardGuard
from .ui.safety.idle_lock import MINUTE_MS, IdleLock
from .ui.safety.screen_lock import ScreenLock
from .ui.settings_file import open_settings
from .ui.shared import prompts
from .ui.shared.errors import log_unexpected
from .ui.shared.style import STYLE_SHEET
from .ui.shared.task_runner import LaneRunner

LOG_BYTES = 1_000_000


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scr-reflect",
        description=f"{APP_NAME}: open the window. `scr-reflect COMMAND --help` for the "
        "command line (init, demo, children).",
    )
    parser.add_argument("--data-dir", help="folder holding the encrypted records")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open fictional demo records, kept in their own folder beside the data folder",
    )
    parser.add_argument(
        "--version", action=_PrintVersion, nargs=0, help="show the versions and exit"
    )
    return parser.parse_args(argv)


class _PrintVersion(argparse.Action):
    """--version asks SQLCipher for its version: only when it is given, not at every start."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from .versions import version_text

        print(version_text())
        parser.exit()


def _configure_logging(root: Path) -> None:
    """A small rotating log of ids and events; record text never reaches it.

    A data folder that cannot be written (a full disk, read-only) logs to stderr instead, so
    the window still opens and says what is wrong when the DSL unlocks."""
    handler: logging.Handler
    try:
        ensure_private_dir(root)
        folder = ensure_private_dir(root / "logs")
        handler = RotatingFileHandler(folder / "scr-reflect.log", maxBytes=LOG_BYTES, backupCount=2)
    except (OSError, StorageProblem):
        handler = logging.StreamHandler(sys.stderr)
    else:
        if os.name == "posix":
            with contextlib.suppress(OSError):  # a log made before files were owner-only
                os.chmod(folder / "scr-reflect.log", 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _no_core_dumps() -> None:
    """A core dump of an unlocked process would hold records and the key in plain bytes."""
    if os.name == "posix":
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _private_by_default() -> None:
    """Every file the run makes is the owner's only, Qt's settings and lock files included."""
    if os.name == "posix":
        os.umask(0o077)


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    # The default hook prints the message, which may quote a record; log the place instead.
    log_unexpected(error.with_traceback(tb))
    print(
        f"{APP_NAME}: unexpected {kind.__name__}; see the log in the data folder.", file=sys.stderr
    )


def guard(window: MainWindow, chosen: settings.Settings) -> None:
    """Lock when idle or when the system locks or sleeps; clear copied text after a while."""
    idle = IdleLock(chosen.auto_lock_minutes * MINUTE_MS, window)
    idle.timed_out.connect(window.lock)
    window.settings_changed.connect(
        lambda new: idle.set_timeout_ms(new.auto_lock_minutes * MINUTE_MS)
    )
    ScreenLock(window).locked.connect(window.lock)
    ClipboardGuard(parent=window)


def build_window(argv: list[str]) -> MainWindow | None:
    """The window, or None if another run has this data folder open or it is a file (said)."""
    args = _arguments(argv)
    root = paths.data_dir(args.data_dir)
    _private_by_default()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    try:
        check_is_folder(root)
    except NotAFolder as problem:
        prompts.warn(None, f"{APP_NAME} cannot open its data folder", str(problem))
        return None
    # Before anything is written: a second run must leave the folder exactly as it was.
    instance = single_instance.claim_or_explain(root)
    if instance is None:
        return None
    app.aboutToQuit.connect(instance.release)  # the connection also keeps the lock alive
    _configure_logging(root)
    _no_core_dumps()
    sys.excepthook = _excepthook
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_files.resource("icons", "scr-reflect-256.png"))))
    app.setDesktopFileName("org.scrreflect.SCRReflect")  # Wayland finds the icon by this
    app.setStyleSheet(STYLE_SHEET)
    runner = LaneRunner(app)
    stored = open_settings(paths.settings_file(root))
    try:
        settled = settle_interrupted_restore(root)
    except StorageProblem as problem:  # the journal stays, for the next start to settle
        settled = str(problem)
    window = MainWindow(
        root,
        runner,
        set_up=lambda passphrase, repeated, profile: records_libraries.set_up(
            root, passphrase, repeated, profile
        ),
        unlock=lambda passphrase: records_libraries.unlock(root, passphrase),
        settings=stored,
        recover=lambda code, passphrase, repeated: records_libraries.recover(
            root, code, passphrase, repeated
        ),
    )
    guard(window, settings.read(stored))
    records_libraries.load_once_drawn(window)
    if args.demo:  # once the window is up, as if its setup page's demo button were clicked
        QTimer.singleShot(0, window.try_demo)
    if settled is not None:
        window.statusBar().showMessage(settled, 30000)
    logging.getLogger(__name__).info("window opened")
    return window


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and not argv[0].startswith("-"):
        # A command: the command line needs no Qt window, and the window no command line.
        from .cli import commands as cli

        return cli.main(argv)
    window = build_window(argv)
    if window is None:
        return 1
    window.show()
    return QApplication.exec()
