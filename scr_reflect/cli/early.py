"""What a command can be refused for from its arguments and its data folder alone.

Loading the store's libraries (SQLAlchemy, Alembic, reportlab) takes seconds, so these checks
run first and a refused command says so at once. Only the standard library and the folder
lock are imported here; anything this cannot decide goes on to the full command line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..paths import data_dir
from ..services.folder_lock import FolderInUse, claim, is_set_up
from .common import EXIT_FAILED, fail

# Commands refused from the folder's state alone. `demo` never opens a store that is already
# set up: the fictional caseload goes only into a folder it sets up itself, so fictional
# children never sit among real ones and no real passphrase is ever asked for a demo.
CHECKED = frozenset({"init", "demo"})
HELP = frozenset({"-h", "--help"})


def folder_refusal(command: str, root: Path, init: bool = False) -> str | None:
    """Why `command` cannot run on the data folder `root`; None if it may."""
    if command == "init" and is_set_up(root):
        return f"{root} is already set up. Nothing was changed."
    if command == "demo" and is_set_up(root):
        return (
            f"{root} is already set up. The demo caseload goes only into a new, empty data "
            "folder: give --data-dir a folder that is not set up, and add --init."
        )
    if command == "demo" and not init:
        return f"{root} is not set up yet. Add --init to set it up as a fictional demo store."
    return None


def refusal(argv: list[str]) -> int | None:
    """The exit code of a command refused before the heavy imports, having said why on
    stderr; None when the full command line should run it (and check everything else)."""
    if not argv or argv[0] not in CHECKED or HELP & set(argv):
        return None
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("command")
    parser.add_argument("--data-dir")
    parser.add_argument("--init", action="store_true")
    try:
        known, _rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the full parser explains the usage error
    root = data_dir(known.data_dir)
    try:
        claim(root).release()  # as the full command would, the lock first
    except FolderInUse as error:
        return fail(str(error))
    message = folder_refusal(known.command, root, known.init)
    return None if message is None else fail(message, EXIT_FAILED)
