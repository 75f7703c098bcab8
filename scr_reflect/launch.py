"""The `scr-reflect` command and `python main.py`: the window, or a command line command.

Each loads only what it needs: a command that can be refused from its arguments and folder
says so before the window's or the store's libraries load."""

from __future__ import annotations

import sys

from .cli.early import refusal


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and not argv[0].startswith("-"):
        refused = refusal(argv)
        if refused is not None:
            return refused
        from .cli import commands as cli

        return cli.main(argv)
    from . import app

    return app.main(argv)
