"""What the scr-reflect commands share: exit codes, how a command is added, how it fails."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line checks what it can before loading the store's libraries
    from .services.workspace import Workspace

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

Unlock = Callable[[Path], "Workspace"]
ReadPassphrase = Callable[[], str]


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse.ArgumentParser:
    """A command whose summary is both its help line and its description, taking --data-dir."""
    command = commands.add_parser(name, help=summary, description=summary)
    command.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    return command


def fail(message: str, code: int = EXIT_FAILED) -> int:
    # One line on stderr, so a script reading stdout reads nothing from a failure.
    print(f"scr-reflect: {message}", file=sys.stderr)
    return code
