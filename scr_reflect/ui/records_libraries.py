"""The records' libraries load after the unlock page shows, not before it.

SQLAlchemy, Argon2, the guidance files' readers, the passphrase checker's word lists
and the records' window take most of a second or more to import, and the shipped guidance
files (the prompt library above all) a good part of one to read. The unlock page needs none
of them, so the window shows first and they load on a background thread while the passphrase
is typed; whatever asks for one of them sooner (an unlock typed very fast) waits for that
import to finish, as Python's import lock makes it. The store itself is never opened on that thread.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

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

log = logging.getLogger(__name__)


def _load_all() -> None:
    # A garbage collection run on this thread could delete Qt objects the window has let go
    # of, and Qt objects must die on the GUI thread; so none runs while the imports do.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for name in _MODULES:
            importlib.import_module(name)
        from ..services.workspace import prepare_to_open

        prepare_to_open()  # guidance files read, record mappings set up, driver loaded
    except Exception as error:  # tried again, and reported, where the unlock needs it
        log.warning("loading the records' libraries ahead failed: %s", type(error).__name__)
    finally:
        if collecting:
            gc.enable()


def load_in_background() -> threading.Thread:
    """Start importing the records' libraries; the thread is returned for tests to join.

    Not a daemon: quitting in the first second waits for the import rather than stopping
    the thread inside a library's native code."""
    thread = threading.Thread(target=_load_all, name="load-records-libraries", daemon=False)
    thread.start()
    return thread


def set_up(root: Path, passphrase: str, repeated: str, profile: SchoolProfile) -> Workspace:
    from ..services.workspace import set_up as set_up_store

    return set_up_store(root, passphrase, repeated, profile)


def unlock(root: Path, passphrase: str) -> Workspace:
    """The window's unlock: a store that cannot be written opens for reading only."""
    from ..services.workspace import unlock as unlock_store

    return unlock_store(root, passphrase, reading_only_if_need_be=True)


def open_demo_store(data_folder: Path) -> DemoStore:
    from ..demo.store import DemoStore

    return DemoStore(data_folder)


def recover(data_folder: Path, code: str, passphrase: str, repeated: str) -> Workspace:
    from ..services.workspace import recover_with_code

    return recover_with_code(data_folder, code, passphrase, repeated)
