"""`scr-reflect backup`, `restore` and `verify`, from the same services as the Safety menu.

    scr-reflect backup [--to DIR] [--data-dir DIR]
    scr-reflect restore FILE [--data-dir DIR]
    scr-reflect verify [FILE] [--checkpoint SEQ:HASH ...] [--data-dir DIR]

A backup goes into the data folder's backups/ (kept as restic prunes: 7 daily, 4 weekly,
12 monthly); --to DIR also puts a copy in DIR. Restore and verify FILE take the passphrase
that opens the backup. Verify prints one line per check and exits 1 if any found a problem;
--checkpoint (as printed on a supervision pack or recovery sheet) must still be in the trail.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from ..domain.audit_seal import Checkpoint
from ..services import errors
from ..services.backups import (
    BackupRefused,
    OtherStoreBackup,
    Restore,
    Verification,
    from_another_store,
)
from ..services.clock import SystemClock
from ..services.progress import Progress
from ..services.workspace import data_folder_is_set_up
from .common import EXIT_OK, ReadPassphrase, Unlock, add_command, fail, say

_OTHER_SCHOOL = "If that is what you mean to do, run restore again with --other-school."
_NOT_THIS_BACKUP = (
    "The passphrase does not open this backup: none of its key slots take it. Nothing was changed."
)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    unlock: Unlock,
    read_passphrase: ReadPassphrase,
) -> None:
    """Add backup, restore and verify; `unlock` opens the data folder, asking the passphrase."""
    backup = add_command(
        commands,
        "backup",
        "Back up the encrypted store into the data folder's backups/ (the same passphrase "
        "opens it), and prune old backups.",
    )
    backup.add_argument(
        "--to", type=Path, metavar="DIR", help="also put a copy in DIR (a USB stick, a share)"
    )
    backup.set_defaults(run=lambda args, root: run_backup(args, root, unlock))
    restore = add_command(
        commands,
        "restore",
        "Check a backup, keep the current store aside in the data folder, then put the "
        "backup in its place. A damaged or truncated backup is refused and nothing changes.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup's .db file")
    restore.add_argument(
        "--other-school",
        action="store_true",
        help="restore it even though it was taken from another store (another school's, or "
        "one set up again since): its records replace these",
    )
    restore.set_defaults(run=lambda args, root: run_restore(args, root, read_passphrase))
    verify = add_command(
        commands,
        "verify",
        "Check the store (or the backup FILE): every page's authentication code, the "
        "database structure, the schema version, the audit trail and each record against "
        "it. Names exactly what is wrong.",
    )
    verify.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a backup's .db file")
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        type=_checkpoint,
        metavar="SEQ:HASH",
        help="an audit trail checkpoint printed earlier (on a supervision pack or recovery "
        "sheet), as 1234:3f9a0c1d2e4b5a69: the store's trail must still hold it",
    )
    verify.set_defaults(run=lambda args, root: run_verify(args, root, read_passphrase))


def run_backup(args: argparse.Namespace, root: Path, unlock: Unlock) -> int:
    ws = unlock(root)
    try:
        backup = ws.backup(args.to)
        _show_progress(backup.steps(), "Backing up")
    finally:
        ws.close()
    say(f"Backed up to {backup.made}.")
    if backup.copied_to is not None:
        say(f"Copied to {backup.copied_to}.")
    if backup.copy_problem is not None:
        return fail(backup.copy_problem)
    return EXIT_OK


def run_restore(args: argparse.Namespace, root: Path, read_passphrase: ReadPassphrase) -> int:
    if not args.other_school and from_another_store(root, args.file):
        # Asked before the passphrase: nothing is opened for a restore that would be refused.
        return fail(f"{OtherStoreBackup(args.file)} {_OTHER_SCHOOL}")
    restore = Restore(
        root, args.file, read_passphrase(), SystemClock().now(), other_store=args.other_school
    )
    try:
        _show_progress(restore.steps(), "Checking and restoring")
    except BackupRefused as refused:
        return fail(str(refused))
    except errors.WrongPassphrase:
        return fail(_NOT_THIS_BACKUP)
    say(f"Restored {args.file} into {root}.")
    if restore.kept_aside is not None:
        say(f"The store that was there is kept in {restore.kept_aside}.")
    print("Unlock it with a passphrase that opened the backup.")
    return EXIT_OK


def run_verify(args: argparse.Namespace, root: Path, read_passphrase: ReadPassphrase) -> int:
    if args.file is None:
        if not data_folder_is_set_up(root):  # before asking for a passphrase it could not take
            raise errors.NotInitialised(str(root))
        subject = f"the store in {root}"
        check = Verification.of_store_files(root, read_passphrase(), args.checkpoint)
    else:
        if args.checkpoint:
            return fail("A checkpoint is checked against the store, not a backup: leave FILE out.")
        subject = f"the backup {args.file}"
        check = Verification.of_backup(args.file, read_passphrase())
    try:
        _show_progress(check.steps(), "Checking")
    except errors.WrongPassphrase:
        if args.file is None:
            raise
        return fail(_NOT_THIS_BACKUP)
    say(f"Checked {subject}:")
    for finding in check.findings:
        if finding.ok:
            say(f"  ok       {finding.check}")
        for note in finding.notes:
            say(f"  note     {finding.check}: {note}")
        for problem in finding.problems:
            say(f"  PROBLEM  {finding.check}: {problem}")
    if check.problems:
        count = len(check.problems)
        return fail(f"{count} problem{'s' if count > 1 else ''} found in {subject}.")
    print("Everything checked is in order.")
    return EXIT_OK


def _checkpoint(text: str) -> Checkpoint:
    try:
        return Checkpoint.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _show_progress(steps: Iterable[Progress], doing: str) -> None:
    # Only a person at a terminal sees progress; a script's log gets the result alone.
    shown = sys.stderr.isatty()
    for done, total in steps:
        if shown:
            print(f"{doing}: step {done} of {total}", end="\r", file=sys.stderr)
    if shown:
        print(file=sys.stderr)
