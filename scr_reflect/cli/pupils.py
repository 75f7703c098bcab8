"""`scr-reflect import`: pupils from the school's MIS (a CTF or a CSV export), offline.

    scr-reflect import FILE [--dry-run] [--skip-bad-rows] [--column FIELD=COLUMN]...
        [--data-dir DIR]

Prints the preview first: new pupils, changed details (old -> new), pupils the DSL must
decide about, children in the records but not in the file, and every bad row with its line.
--dry-run stops there and writes nothing. A file with bad rows imports nothing unless
--skip-bad-rows is given. Pupils who may or may not be a child already in the records are
left out: the window (Records > Import pupils) asks about each. Nobody is ever removed.

A CSV's columns are matched by their usual names, or as chosen last time; --column upn=UPN
names one (fields: upn, surname, forename, preferred_surname, preferred_forename,
date_of_birth, sex, year_group, tutor_group).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.csv_columns import FIELD_KEYS
from ..domain.roll_matching import ImportPlan
from ..services import errors
from ..services.mis_errors import UnreadableFile
from ..services.pupil_import import MisFile, PupilImportService
from ..services.workspace import Workspace
from .common import EXIT_BAD_INPUT, EXIT_OK, Unlock, add_command, fail, say

_LISTED = 20  # children not in the file are listed up to this many; past it, counted


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], unlock: Unlock
) -> None:
    """Add `import`; `unlock` opens the data folder, asking for the passphrase."""
    command = add_command(
        commands,
        "import",
        "Import pupils from the school's MIS: a Common Transfer File (CTF) or a CSV export. "
        "Shows what would change first; nobody is ever removed.",
    )
    command.add_argument("file", type=Path, metavar="FILE", help="the CTF (.xml) or CSV file")
    command.add_argument("--dry-run", action="store_true", help="show the preview only")
    command.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the rest when some rows cannot be imported",
    )
    command.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="for a CSV: the column holding a field (may be given more than once)",
    )
    command.set_defaults(run=lambda args, root: run_import(args, root, unlock))


def run_import(args: argparse.Namespace, root: Path, unlock: Unlock) -> int:
    columns = _columns(args.column)
    if isinstance(columns, str):
        return fail(columns, EXIT_BAD_INPUT)
    ws = unlock(root)
    try:
        return _import(ws, args, columns)
    except UnreadableFile as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except errors.StaleRecord:
        return fail(
            "A child's record was changed while the file was being imported, so nothing was. "
            "Run the import again."
        )
    finally:
        ws.close()


def _import(ws: Workspace, args: argparse.Namespace, columns: dict[str, str]) -> int:
    service = ws.pupil_import
    mis = service.read(args.file)
    chosen = _chosen_columns(service, mis, columns)
    roll = mis.roll if mis.table is None else service.read_csv_roll(mis.table, chosen)
    assert roll is not None
    plan = service.plan(roll)
    _print_preview(mis, plan)
    if args.dry_run:
        say("Dry run: nothing was written.")
        return EXIT_OK
    if plan.bad_rows and not args.skip_bad_rows:
        return fail(
            "Nothing was imported: put the bad rows right in the MIS and export again, or "
            "give --skip-bad-rows to import the rest.",
            EXIT_BAD_INPUT,
        )
    large = len(plan.new) + len(plan.changed) >= 500
    result = service.apply(
        plan, skip_bad_rows=args.skip_bad_rows, progress=_say_progress if large else None
    )
    if large and sys.stderr.isatty():
        print(file=sys.stderr)  # off the line that rewrote itself
    if mis.table is not None:
        service.remember_mapping(chosen)
    say(f"Imported: {result.added} added, {result.updated} updated.")
    return EXIT_OK


def _chosen_columns(
    service: PupilImportService, mis: MisFile, columns: dict[str, str]
) -> dict[str, str]:
    if mis.table is None:
        return {}
    chosen = {**service.guessed_mapping(mis.table), **columns}
    say(f"Columns: {', '.join(f'{key}={name}' for key, name in chosen.items())}")
    return chosen


def _columns(given: list[str]) -> dict[str, str] | str:
    """--column FIELD=COLUMN pairs, or what is wrong with one."""
    columns = {}
    for pair in given:
        key, equals, column = pair.partition("=")
        if not equals or key.strip() not in FIELD_KEYS:
            return f"--column {pair}: give FIELD=COLUMN, FIELD one of {', '.join(FIELD_KEYS)}."
        columns[key.strip()] = column.strip()
    return columns


def _print_preview(mis: MisFile, plan: ImportPlan) -> None:
    source = f" from {mis.header.school}" if mis.header and mis.header.school else ""
    encoding = f", {mis.table.encoding}" if mis.table else ""
    say(f"{plan.kind}{source}{encoding}: {plan.pupils_read} pupils read.")
    say(f"New pupils: {len(plan.new)}")
    say(f"Changed details: {len(plan.changed)} (unchanged: {plan.unchanged})")
    for change in plan.changed:
        what = "; ".join(map(str, change.changes))
        how = ", matched on name and date of birth" if change.on_name else ""
        say(f"  Line {change.pupil.line}, {change.child.full_name}{how}: {what}")
    say(f"To decide in the window, left out here: {len(plan.unsure)}")
    for doubt in plan.unsure:
        say(f"  Line {doubt.pupil.line}, {doubt.pupil.full_name}: {doubt.reason}")
    say(f"In the records but not in the file (kept): {len(plan.not_on_roll)}")
    for child in plan.not_on_roll[:_LISTED]:
        say(f"  {child.id}: {child.full_name}")
    if len(plan.not_on_roll) > _LISTED:
        say(f"  and {len(plan.not_on_roll) - _LISTED} more")
    say(f"Bad rows: {len(plan.bad_rows)}")
    for bad in plan.bad_rows:
        say(f"  {bad}")


def _say_progress(done: int, total: int) -> None:
    end = "\r" if sys.stderr.isatty() else "\n"
    print(f"Importing: {done} of {total} pupils", end=end, file=sys.stderr)
