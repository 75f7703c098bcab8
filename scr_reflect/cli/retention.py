"""`scr-reflect retention`: the retention review without the window.

    scr-reflect retention [--data-dir DIR]
    scr-reflect retention --delete CHILD_ID --yes [--data-dir DIR]

Lists the children whose records are past their review date (date of birth + 25 years), one
a line, tab-separated: id, review date (YYYY-MM-DD), "on hold" or "not on hold". Oldest date
first. No names: the list is for scripts and administrators; the window shows the names.

--delete removes every record about a child past their date and not on hold. Without --yes it
only says what would be removed. Deleting cannot be undone. Both say every place a copy may
remain: backups until pruned, stores set aside in the data folder (by a restore, or without
their key file) and backups copied elsewhere; leftover .partial files from backups cut short
are removed with the child.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.retention import CONFIRM_WORD, RETENTION_YEARS, RetentionReview, ReviewChild
from ..services import errors
from ..services.workspace import Workspace
from .common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Unlock, fail, say


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    unlock: Unlock,
) -> None:
    """Add `retention`; `unlock` opens the data folder, asking for the passphrase."""
    summary = (
        "List children whose records are past their review date (date of birth + "
        f"{RETENTION_YEARS} years), one a line, tab-separated: id, review date, whether on hold."
    )
    retention = commands.add_parser("retention", help=summary, description=summary)
    retention.add_argument(
        "--delete",
        type=int,
        metavar="CHILD_ID",
        help="delete every record about this child (past their date, not on hold)",
    )
    retention.add_argument(
        "--yes", action="store_true", help="confirm --delete: it cannot be undone"
    )
    retention.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    retention.set_defaults(run=lambda args, root: run_retention(args, root, unlock))


def run_retention(args: argparse.Namespace, root: Path, unlock: Unlock) -> int:
    ws = unlock(root)
    try:
        if args.delete is not None:
            return _delete(ws, args.delete, args.yes)
        listed = _past_their_date(ws.retention.review())
    finally:
        ws.close()
    for child, on_hold in listed:
        held = "on hold" if on_hold else "not on hold"
        print(f"{child.child_id}\t{child.review_date.isoformat()}\t{held}")
    if not listed:  # on stderr, so a script reading the list reads nothing
        print("No child's records are past their review date.", file=sys.stderr)
    return EXIT_OK


def _past_their_date(review: RetentionReview) -> list[tuple[ReviewChild, bool]]:
    held = [c for c in review.on_hold if c.review_date <= review.today]
    listed = [(c, False) for c in review.due] + [(c, True) for c in held]
    return sorted(listed, key=lambda pair: (pair[0].review_date, pair[0].child_id))


def _delete(ws: Workspace, child_id: int, confirmed: bool) -> int:
    try:
        refusal = ws.retention.refusal(child_id)
        if refusal is not None:
            return fail(refusal, EXIT_FAILED)
        removed = ", ".join(["their details", *ws.retention.records_of(child_id).lines()])
        left = f"Copies may remain in: {'; '.join(ws.retention.copies_left())}."
        if not confirmed:
            return fail(
                f"Deleting child {child_id} would remove {removed}. It cannot be undone: "
                f"add --yes to delete. {left}",
                EXIT_BAD_INPUT,
            )
        ws.retention.delete_child(child_id, CONFIRM_WORD)
        left = f"Copies may remain in: {'; '.join(ws.retention.copies_left())}."
    except errors.RecordNotFound:
        return fail(f"There is no child with id {child_id}.", EXIT_BAD_INPUT)
    say(f"Deleted child {child_id}: {removed}.")
    say(f"{left} Delete those by hand if the records must go at once.")
    return EXIT_OK
