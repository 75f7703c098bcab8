"""The records' libraries load after the unlock page shows, not before it.

SQLAlchemy, Argon2, the guidance files' readers and the records' window take most
of a second or more to import, and the shipped guidance files (the prompt library above all) a
good part of one to read. The unlock page needs none of them, so the window is drawn first
(load_once_drawn) and they load on a background thread while the passphrase is typed, which
also sets up the record mappings and loads the database driver; whatever asks for one of them
sooner (an unlock typed very fast) waits for that import to finish, as Python's import lock
makes it. The store itself is never opened on that thread. What they load is then frozen
(gc.freeze): the garbage collector no longer walks it.

The passphrase checker's word lists (13 MiB) are not among them: unlocking needs no strength
check, and its Argon2 takes 64 MiB on top of whatever is loaded by then. A page or dialog where
a passphrase is chosen starts loading them, the same way, once it shows (load_checker_behind).
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..demo.store import DemoStore
    from ..domain.records import SchoolProfile
    from ..services.workspace import Workspace

# In the order the records need them: the store and its services first, then the window.
_MODULES = (
    "scr_reflect.services.workspace",
    "scr_reflect.demo.store",
    "scr_reflect.ui.shared.error_words",
    "scr_reflect.ui.workspace_view",
)
CHECKER = "zxcvbn"  # the passphrase strength checker (services.passphrase_policy)

log = logging.getLogger(__name__)


@contextmanager
def _no_collection() -> Iterator[None]:
    # A garbage collection run on this thread could delete Qt objects the window has let go
    # of, and Qt objects must die on the GUI thread; so none runs while the imports do.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class _Freezing:
    """What is loaded by now lives as long as the app. Frozen (gc.freeze), it is left out of
    every later collection: a full one walked its ~95,000 objects, about 30 ms, the first just
    after the unlock, as the list's first reads came back.

    Not when a store was opened first (an unlock typed very fast): the records and the window
    made by then must stay collectable, to be gone once the store is locked. The lock makes
    the check and the freeze one step, so no store begins to open between the two."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._store_opened = False

    def store_opening(self) -> None:
        with self._lock:
            self._store_opened = True

    def freeze_unless_a_store_opened(self) -> None:
        with self._lock:
            if not self._store_opened:
                gc.freeze()


_FREEZING = _Freezing()


def _load_all() -> None:
    with _no_collection():
        try:
            for name in _MODULES:
                importlib.import_module(name)
            from ..services.workspace import prepare_to_open

            prepare_to_open()  # guidance files read, record mappings set up, driver loaded
            _FREEZING.freeze_unless_a_store_opened()
        except Exception as error:  # tried again, and reported, where the unlock needs it
            log.warning("loading the records' libraries ahead failed: %s", type(error).__name__)


def _load_checker() -> None:
    with _no_collection():
        try:
            importlib.import_module(CHECKER)
        except Exception as error:  # tried again, and reported, at the first check
            log.warning("loading the passphrase checker ahead failed: %s", type(error).__name__)


def _start(target: Callable[[], None], name: str) -> threading.Thread:
    # Not a daemon: quitting in the first second waits for the import rather than stopping
    # the thread inside a library's native code.
    thread = threading.Thread(target=target, name=name, daemon=False)
    thread.start()
    return thread


def load_in_background() -> threading.Thread:
    """Start importing the records' libraries; the thread is returned for tests to join."""
    return _start(_load_all, "load-records-libraries")


class _OnceDrawn(QObject):
    """Starts the load once the window has been drawn: its imports would otherwise share the
    interpreter with the first drawing, and the window would show later."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, load_in_background)  # after the drawing under way
        return False


def load_once_drawn(window: QWidget) -> None:
    """load_in_background once the window is first drawn; the typing of the passphrase hides
    the load."""
    window.installEventFilter(_OnceDrawn(window))


def load_checker_behind() -> threading.Thread | None:
    """Start importing the passphrase checker, for a page or dialog where a passphrase is
    chosen, so its first check need not wait; None when it is loaded already."""
    if CHECKER in sys.modules:
        return None
    return _start(_load_checker, "load-passphrase-checker")


def load_checker_soon() -> None:
    """load_checker_behind once the event loop next runs, so the page shows first."""
    QTimer.singleShot(0, load_checker_behind)


def set_up(root: Path, passphrase: str, repeated: str, profile: SchoolProfile) -> Workspace:
    _FREEZING.store_opening()
    from ..services.workspace import set_up as set_up_store

    return set_up_store(root, passphrase, repeated, profile)


def unlock(root: Path, passphrase: str) -> Workspace:
    """The window's unlock: a store that cannot be written opens for reading only."""
    _FREEZING.store_opening()
    from ..services.workspace import unlock as unlock_store

    return unlock_store(root, passphrase, reading_only_if_need_be=True)


def open_demo_store(data_folder: Path) -> DemoStore:
    _FREEZING.store_opening()
    from ..demo.store import DemoStore

    return DemoStore(data_folder)


def recover(data_folder: Path, code: str, passphrase: str, repeated: str) -> Workspace:
    _FREEZING.store_opening()
    from ..services.workspace import recover_with_code

    return recover_with_code(data_folder, code, passphrase, repeated)
