"""`scr-reflect report`: the PDF documents without the window, from the same ReportService.

    scr-reflect report referral --child ID --out FILE [--concern ID] [--from DATE --to DATE]
    scr-reflect report escalation --child ID --out FILE [--escalation ID]
    scr-reflect report chronology --child ID --out FILE [--from DATE] [--to DATE] [--kind KIND]
    scr-reflect report supervision --out FILE

Each takes [--password], [--force] and [--data-dir DIR]. An existing FILE is refused unless
--force is given; the file is made owner-only (0600) and its folder is left as it is. With
--password the file opens only with a password (AES-256), read from SCR_REFLECT_PDF_PASSWORD
for scripts or asked for twice without echo; it is never printed, and one as easy to guess as
a weak passphrase is refused. Dates are YYYY-MM-DD or DD/MM/YYYY. A document about a child is
recorded in that child's chronology.
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import date, datetime
from pathlib import Path

from ..domain.chronology_filter import ChronologyFilter
from ..domain.enums import EntryKind
from ..services import errors
from ..services.passphrase_policy import pdf_password_problem
from ..services.reports import Document, NothingToReport, Report, ReportService
from ..services.workspace import Workspace
from .common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    Unlock,
    add_force,
    already_there,
    fail,
    is_taken,
    say,
)

PDF_PASSWORD_ENV = "SCR_REFLECT_PDF_PASSWORD"
_FOR_A_CHILD = frozenset({Document.REFERRAL, Document.ESCALATION, Document.CHRONOLOGY})


class ReportInputError(Exception):
    """Something in the command line or the password does not work; nothing was written."""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    unlock: Unlock,
) -> None:
    """Add `report` to the command line; `unlock` opens the data folder (asking the passphrase)."""
    summary = (
        "Write a PDF: a referral summary, an escalation summary or a chronology for one "
        "child, or the supervision pack. Marked OFFICIAL-SENSITIVE; optionally password-"
        "protected (AES-256)."
    )
    report = commands.add_parser("report", help=summary, description=summary)
    report.add_argument("document", choices=[d.value for d in Document], metavar="DOCUMENT")
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF to write")
    report.add_argument("--child", type=int, metavar="ID", help="the id 'children' lists")
    report.add_argument("--concern", type=int, metavar="ID", help="referral: which concern")
    report.add_argument("--escalation", type=int, metavar="ID", help="escalation: which one")
    report.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    report.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    report.add_argument(
        "--kind",
        action="append",
        choices=[k.value for k in EntryKind],
        metavar="KIND",
        help="chronology: only entries of this kind (repeat for more)",
    )
    report.add_argument(
        "--password",
        action="store_true",
        help=f"protect the file with a password (asked for, or read from {PDF_PASSWORD_ENV})",
    )
    add_force(report)
    report.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    report.set_defaults(run=lambda args, root: run_report(args, root, unlock))


def run_report(args: argparse.Namespace, root: Path, unlock: Unlock) -> int:
    try:
        document, wanted = _checked(args)
        password = read_pdf_password() if args.password else None
    except ReportInputError as error:
        return fail(str(error), EXIT_BAD_INPUT)
    ws = unlock(root)
    try:
        if not _child_exists(ws, args.child):
            return fail(f"There is no child with id {args.child}.", EXIT_BAD_INPUT)
        service = ReportService(ws)
        report = _build(service, document, args, wanted)
        service.save(report, args.out, password, replace=args.force)
    except errors.FileAlreadyThere:  # made since the check before unlocking
        return fail(already_there(args.out), EXIT_BAD_INPUT)
    except errors.RecordNotFound:  # only --concern is looked up by id
        return fail(f"There is no concern with id {args.concern}.", EXIT_BAD_INPUT)
    except NothingToReport as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except OSError as error:
        return fail(f"Could not write {args.out}: {error.strerror}.", EXIT_FAILED)
    finally:
        ws.close()
    protected = ", password-protected" if password else ""
    say(f"Wrote {document.title.lower()} to {args.out} ({report.pages} pages{protected}).")
    return EXIT_OK


def read_pdf_password() -> str:
    """From the environment for scripts, else asked for twice; as strong as a passphrase."""
    password = os.environ.get(PDF_PASSWORD_ENV)
    repeated = password
    if password is None:
        password = getpass.getpass("Password for the PDF: ")
        repeated = getpass.getpass("Type it again: ")
    problem = pdf_password_problem(password, repeated or "", [])
    if problem:
        raise ReportInputError(f"{problem} Nothing was written.")
    return password


def _checked(args: argparse.Namespace) -> tuple[Document, ChronologyFilter]:
    document = Document(args.document)
    if document in _FOR_A_CHILD and args.child is None:
        raise ReportInputError(f"A {document.title.lower()} is about one child: give --child ID.")
    if args.out.suffix.lower() != ".pdf":
        raise ReportInputError("Give the output file a .pdf name.")
    if is_taken(args.out, args.force):
        raise ReportInputError(already_there(args.out))
    kinds = frozenset(EntryKind(k) for k in args.kind) if args.kind else frozenset(EntryKind)
    try:
        wanted = ChronologyFilter(kinds, args.date_from, args.date_to)
    except ValueError as error:
        raise ReportInputError(str(error)) from error
    return document, wanted


def _build(
    service: ReportService, document: Document, args: argparse.Namespace, wanted: ChronologyFilter
) -> Report:
    if document is Document.REFERRAL:
        return service.referral(args.child, args.concern, args.date_from, args.date_to)
    if document is Document.ESCALATION:
        return service.escalation(args.child, args.escalation)
    if document is Document.CHRONOLOGY:
        return service.chronology(args.child, wanted)
    return service.supervision()


def _child_exists(ws: Workspace, child_id: int | None) -> bool:
    if child_id is None:
        return True
    try:
        ws.records.child(child_id)
    except errors.RecordNotFound:
        return False
    return True


def _date(value: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD or DD/MM/YYYY")
