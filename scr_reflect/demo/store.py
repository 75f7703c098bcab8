"""A store of fictional demo records beside the real data folder, to try the tool with.

It lives in its own folder (the data folder's name with " (demo)"), never in the real one, and
opens with a fixed passphrase that the window shows: it holds nothing but fictional records,
so the passphrase protects nothing and a known one lets anyone come back to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..domain.records import SchoolProfile
from ..services.progress import Progress
from ..services.workspace import Workspace, data_folder_is_set_up, set_up, unlock
from .caseload import DEMO_PROFILE, demo_caseload_steps
from .folder import DEMO_PASSPHRASE, demo_folder

DEMO_MARK = "DEMO \u2014 fictional records"


def is_demo(profile: SchoolProfile) -> bool:
    """A store `scr-reflect demo` or the demo button made: the window marks it as a demo."""
    return profile.school_name == DEMO_PROFILE.school_name


class DemoStore:
    """Open the demo store, making it first if need be; steps() loads the fictional caseload
    into a store with nobody in it yet (a new one, or one whose loading was cut short)."""

    def __init__(self, data_folder: Path) -> None:
        folder = demo_folder(data_folder)
        if data_folder_is_set_up(folder):
            self.workspace: Workspace = unlock(folder, DEMO_PASSPHRASE)
        else:
            self.workspace = set_up(folder, DEMO_PASSPHRASE, DEMO_PASSPHRASE, DEMO_PROFILE)
            self.workspace.take_new_recovery_code()  # nothing real to recover: not shown
        self.folder = folder

    def steps(self) -> Iterator[Progress]:
        if not self.workspace.records.search_children(""):
            yield from demo_caseload_steps(self.workspace)
