"""`scr-reflect audit`: the audit trail as plain text, oldest first, one entry a line.

    scr-reflect audit [--child ID] [--person NAME] [--action ACTION] [--since DATE]
        [--until DATE] [--json] [--data-dir DIR]

Each line holds, separated by tabs: seq, time, person, action, child id, record, detail
(an empty field where an entry has none; a control character in a name shows as an escape
such as \\t). --json gives the same fields as a JSON list. Entries name ids, never a child's
name. Opening the store to read the trail is itself an unlock, so it is the last entry listed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from ..domain.audit import AuditAction, AuditEntry, AuditFilter
from ..services.workspace import Workspace
from .common import add_json, row

EXIT_OK = 0
PAGE = 500  # entries read at a time, so a long trail streams rather than loads at once


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    unlock: Callable[[Path], Workspace],
) -> None:
    summary = (
        "Print the audit trail, oldest first: seq, time, person, action, child id, record "
        "and detail, tab-separated. Filter by child, person, action and date."
    )
    audit = commands.add_parser("audit", help=summary, description=summary)
    audit.add_argument("--child", type=int, metavar="ID", help="only entries about this child")
    audit.add_argument("--person", metavar="NAME", help="only entries by this person")
    audit.add_argument(
        "--action",
        type=_action,
        metavar="ACTION",
        help="only this action: " + ", ".join(a.value.replace(" ", "-") for a in AuditAction),
    )
    audit.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this day on")
    audit.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="up to this day")
    add_json(audit, "a list of {seq, at, person, action, child_id, record, detail}")
    audit.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    audit.set_defaults(run=lambda args, root: run_audit(args, root, unlock))


def run_audit(args: argparse.Namespace, root: Path, unlock: Callable[[Path], Workspace]) -> int:
    wanted = AuditFilter(args.child, args.person, args.action, args.since, args.until)
    ws = unlock(root)
    try:
        if args.json:
            _print_json_list(_as_dict(entry) for entry in audit_entries(ws, wanted))
        else:
            for entry in audit_entries(ws, wanted):
                print(audit_line(entry))
    except BrokenPipeError:
        # The reader (head, say) has what it wanted; Python would complain on exit otherwise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        ws.close()
    return EXIT_OK


def audit_entries(ws: Workspace, wanted: AuditFilter) -> Iterator[AuditEntry]:
    seqs = list(reversed(ws.audit.seqs(wanted)))
    for start in range(0, len(seqs), PAGE):
        yield from ws.audit.entries(seqs[start : start + PAGE])


def audit_line(entry: AuditEntry) -> str:
    # A tab or line break typed into a name is shown as \t or \n: scripts split on tabs.
    return row(*("" if value is None else value for value in _as_dict(entry).values()))


def _as_dict(entry: AuditEntry) -> dict[str, object]:
    return {
        "seq": entry.seq,
        "at": f"{entry.at:%Y-%m-%d %H:%M:%S}",
        "person": entry.actor,
        "action": str(entry.action),
        "child_id": entry.child_id,
        "record": entry.record,
        "detail": entry.detail,
    }


def _print_json_list(items: Iterator[dict[str, object]]) -> None:
    """A JSON list written as it is read, so a long trail is never held at once."""
    opener = "["
    for item in items:
        print(f"{opener}\n  {json.dumps(item, ensure_ascii=True)}", end="")
        opener = ","
    print("[]" if opener == "[" else "\n]")


def _action(value: str) -> AuditAction:
    try:
        return AuditAction(value.replace("-", " ").replace("_", " ").strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not an action") from None


def _day(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD") from None
