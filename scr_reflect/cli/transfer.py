"""`scr-reflect transfer`: a child's child protection file to or from another school, offline.

    scr-reflect transfer export --child ID --out FILE [--to SCHOOL] [--pdf] [--force]
    scr-reflect transfer import FILE [--receipt FILE] [--dry-run] [--force]
    scr-reflect transfer receipt FILE
    scr-reflect transfer list

export writes one encrypted file (or, with --pdf, one password-protected PDF for a school
without SCR Reflect) and prints its one-time passphrase once: send the file by a secure route
and read the passphrase to the new school's DSL by phone, with this school's key fingerprint.
import asks for that passphrase (or reads SCR_REFLECT_TRANSFER_PASSPHRASE), checks the file,
adds the records marked as received and writes a signed receipt to send back; receipt marks
the file as arrived. list shows each file sent with its 5-school-day clock.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from ..domain.transfer_content import plural
from ..services import errors
from ..services.transfer import Incoming, TransferRefused, TransferService
from ..services.workspace import Workspace
from .common import EXIT_BAD_INPUT, EXIT_OK, Unlock, add_force, fail, say

TRANSFER_PASSPHRASE_ENV = "SCR_REFLECT_TRANSFER_PASSPHRASE"


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], unlock: Unlock
) -> None:
    summary = (
        "Send a child's child protection file to their new school, encrypted and signed, "
        "or receive one; then confirm it arrived."
    )
    command = commands.add_parser("transfer", help=summary, description=summary)
    command.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    steps = command.add_subparsers(dest="step", required=True, metavar="STEP")
    export = steps.add_parser("export", help="write one child's file for their new school")
    export.add_argument("--child", type=int, required=True, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--to", default="", metavar="SCHOOL", help="the new school's name")
    export.add_argument(
        "--pdf",
        action="store_true",
        help="one password-protected PDF instead, for a school without SCR Reflect",
    )
    add_force(export)
    take = steps.add_parser("import", help="receive a file from a child's previous school")
    take.add_argument("file", type=Path, metavar="FILE")
    take.add_argument("--receipt", type=Path, metavar="FILE", help="where to write the receipt")
    take.add_argument("--dry-run", action="store_true", help="check and show it; add nothing")
    add_force(take)
    receipt = steps.add_parser("receipt", help="record the receipt the new school sent back")
    receipt.add_argument("file", type=Path, metavar="FILE")
    steps.add_parser("list", help="files sent and received, with the 5-school-day clock")
    for step in (export, take, receipt, steps.choices["list"]):
        # Given before or after the step; SUPPRESS keeps a step from blanking the first.
        step.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS)
    command.set_defaults(run=lambda args, root: _run(args, root, unlock))


def _run(args: argparse.Namespace, root: Path, unlock: Unlock) -> int:
    ws = unlock(root)
    try:
        service = TransferService(ws)
        return _STEPS[args.step](ws, service, args)
    except TransferRefused as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except errors.FileAlreadyThere as error:
        return fail(f"{error} Give --force to replace it.", EXIT_BAD_INPUT)
    except errors.RecordNotFound:
        return fail(f"There is no child {getattr(args, 'child', '')}.", EXIT_BAD_INPUT)
    finally:
        ws.close()


def _export(ws: Workspace, service: TransferService, args: argparse.Namespace) -> int:
    sent = service.export(args.child, args.out, args.to, force=args.force, as_pdf=args.pdf)
    kind = "password-protected PDF" if args.pdf else "encrypted file"
    say(f"Written: {sent.path} ({kind}, {plural(sent.records, 'record')}).")
    say("One-time passphrase (shown only now; read it to the new school's DSL by phone,")
    say("never in the same email or parcel as the file):")
    say(f"    {sent.passphrase}")
    if not args.pdf:
        say(f"This school's key fingerprint, for them to check by phone: {sent.fingerprint}")
    say(f"The new school should confirm receipt by {sent.due_on} (5 school days).")
    return EXIT_OK


def _import(ws: Workspace, service: TransferService, args: argparse.Namespace) -> int:
    passphrase = os.environ.get(TRANSFER_PASSPHRASE_ENV) or getpass.getpass(
        "The file's one-time passphrase: "
    )
    incoming = service.open(args.file, passphrase)
    _preview(incoming)
    if args.dry_run:
        say("Dry run: nothing was added.")
        return EXIT_OK
    receipt = args.receipt or args.file.with_name(f"{args.file.stem}-receipt.json")
    taken = service.receive(incoming, receipt, force=args.force)
    who = "added as a new child" if taken.new_child else "added to their existing record"
    say(f"Received: {taken.records} records, {who} (child {taken.child_id}).")
    say(f"Receipt written to {taken.receipt}: send it back to {incoming.content.school}.")
    return EXIT_OK


def _preview(incoming: Incoming) -> None:
    content = incoming.content
    say(f"From {content.school}, sent {content.sent_at:%d/%m/%Y} by {content.sent_by}.")
    say(f"Their key fingerprint: {incoming.fingerprint}")
    say("  Check it by phone with the sending school's DSL before relying on the file.")
    child = content.child
    say(f"Child: {child.full_name}, born {child.date_of_birth:%d/%m/%Y}, UPN {child.upn or '-'}")
    match = incoming.match
    say(f"  Matches child {match.id} here." if match else "  No match here: added as new.")
    say(f"Concerns: {len(content.concerns)}; records in all: {content.count}")


def _receipt(ws: Workspace, service: TransferService, args: argparse.Namespace) -> int:
    done = service.record_receipt(args.file)
    say(f"Receipt recorded: the file sent on {done.at:%d/%m/%Y} for child {done.child_id} arrived.")
    say(f"The receiving school's key fingerprint: {done.fingerprint}")
    return EXIT_OK


def _list(ws: Workspace, service: TransferService, args: argparse.Namespace) -> int:
    today = ws.clock.today()
    transfers = service.transfers()
    if not transfers:
        say("No files sent or received.")
    for t in transfers:
        where = f" to {t.school}" if t.school and t.direction == "sent" else ""
        if t.direction == "received":
            state = f"received from {t.school}"
        elif t.acknowledged_at is not None:
            state = f"sent{where}, receipt back {t.acknowledged_at:%d/%m/%Y}"
        else:
            left = t.school_days_left(today) or 0
            clock = f"OVERDUE by {-left} school days" if left < 0 else f"{left} school days left"
            state = f"sent{where}, awaiting receipt by {t.due_on:%d/%m/%Y}: {clock}"
        say(f"{t.at:%d/%m/%Y}  child {t.child_id}  {t.records} records  {state}")
    return EXIT_OK


_STEPS = {"export": _export, "import": _import, "receipt": _receipt, "list": _list}
