"""What the scr-reflect commands share: exit codes, how a command is added, how it fails, and
how text typed by someone (a name, a note, a prompt's theme) is printed without taking over
the terminal or forging a line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line checks what it can before loading the store's libraries
    from ..services.workspace import Workspace

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

# C0 and C1 controls, DEL, the bidi embeddings, overrides, isolates and marks, and the Unicode
# line breaks: each is shown as a visible escape, so a tab in a name cannot add a column, a
# line break cannot add a row, ESC cannot drive the terminal and U+202E cannot reverse text.
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_HIDDEN = [
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x2028,
    0x2029,
]
_ESCAPES = {
    code: _NAMED.get(chr(code)) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in _HIDDEN
}

Unlock = Callable[[Path], "Workspace"]
ReadPassphrase = Callable[[], str]


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse.ArgumentParser:
    """A command whose summary is both its help line and its description, taking --data-dir."""
    command = commands.add_parser(name, help=summary, description=summary)
    command.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    return command


def printable(text: str) -> str:
    """The text with every control and bidi character shown as an escape such as \\x1b."""
    return text.translate(_ESCAPES)


def say(text: str) -> None:
    """Print one line of output; anything typed by someone inside it is made printable."""
    print(printable(text))


def row(*fields: object) -> str:
    """A tab-separated line for scripts: a tab inside a field cannot make a new column."""
    return "\t".join(printable(str(field)) for field in fields)


def print_json(value: object) -> None:
    """For --json: escapes are JSON's own, so every character in a name survives exactly."""
    print(json.dumps(value, ensure_ascii=True, indent=2))


def warn(message: str) -> None:
    """Something the user should know, on stderr; one line per line of the message."""
    for line in message.splitlines():
        print(f"scr-reflect: {printable(line)}", file=sys.stderr)


def fail(message: str, code: int = EXIT_FAILED) -> int:
    # One line on stderr, so a script reading stdout reads nothing from a failure.
    print(f"scr-reflect: {printable(message)}", file=sys.stderr)
    return code


def add_json(command: argparse.ArgumentParser, shape: str) -> None:
    command.add_argument("--json", action="store_true", help=f"print JSON instead: {shape}")


def add_force(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force", action="store_true", help="replace the file if it is already there"
    )


def already_there(path: Path) -> str:
    return f"{path} already exists. Nothing was written over it; give --force to replace it."


def is_taken(path: Path, force: bool) -> bool:
    """Something, a link too, already has the name, and the user did not say to replace it."""
    return not force and os.path.lexists(path)
