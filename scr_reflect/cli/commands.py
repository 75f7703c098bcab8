"""The command line: the same services without a window, in the spirit of keepassxc-cli.

    scr-reflect init [--data-dir DIR] [--school NAME] [--dsl NAME] [--recovery-sheet FILE [--force]]
    scr-reflect demo --init [--data-dir DIR] [--scale small|large]
    scr-reflect children [--json] [--data-dir DIR]
    scr-reflect show CHILD_ID [--json] [--data-dir DIR]
    scr-reflect prompts list [--data-dir DIR] | prompts validate DIR [--seeds DIR]
    scr-reflect report referral|escalation|chronology|supervision --out FILE [--child ID]
        [--from DATE --to DATE] [--password] [--force] [--data-dir DIR]
    scr-reflect retention [--delete CHILD_ID --yes] [--data-dir DIR]
    scr-reflect passwd | recover | recovery-sheet --out FILE [--force] | people list|add|remove
    scr-reflect audit [--child ID] [--person NAME] [--action ACTION] [--since DATE] [--json]
    scr-reflect import FILE [--dry-run] [--skip-bad-rows] [--column FIELD=COLUMN]...

The passphrase is asked for without echo, or read from SCR_REFLECT_PASSPHRASE for scripts
(as restic and borg do). It is never printed. Errors are one line on stderr and a non-zero
exit code; nothing a DSL has written about a child is ever part of an error. Control and
bidi characters in what was typed (a tab in a name, ESC, U+202E) are printed as escapes
such as \\t, \\x1b and \\u202e; --json gives the exact text, JSON-escaped.

A command that may change the data folder takes the folder's lock, the one the window holds
while it is open, and is refused while the window or another such command has it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, astuple
from pathlib import Path

from ..demo.caseload import (
    BENCHMARK_CHILD_NAME,
    DEMO_PROFILE,
    DemoScale,
    StoreNotEmpty,
    load_demo_caseload,
)
from ..domain.records import SchoolProfile
from ..guidance.escalation_procedure import ProcedureError
from ..guidance.facts import FactsError
from ..guidance.prompt_library import LibraryError
from ..paths import data_dir
from ..services import errors
from ..services.children_overview import CHILDREN_FIELDS
from ..services.folder_lock import FolderInUse, check_is_folder, claim, settle_interrupted_restore
from ..services.progress import Progress
from ..services.recovery_sheet import save_recovery_sheet, sheet_path
from ..services.workspace import Workspace, data_folder_is_set_up, set_up, unlock
from .audit import add_commands as add_audit_commands
from .backup import add_commands as add_backup_commands
from .common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    add_command,
    add_force,
    add_json,
    already_there,
    fail,
    is_taken,
    print_json,
    row,
    say,
    warn,
)
from .early import folder_refusal
from .keys import SHEET_ADVICE
from .keys import add_commands as add_key_commands
from .prompts import add_commands as add_prompt_commands
from .pupils import add_commands as add_import_commands
from .report import add_commands as add_report_commands
from .retention import add_commands as add_retention_commands
from .show import show_child
from .transfer import add_commands as add_transfer_commands

PASSPHRASE_ENV = "SCR_REFLECT_PASSPHRASE"
COMMANDS = frozenset(
    {
        "init",
        "demo",
        "children",
        "show",
        "prompts",
        "report",
        "backup",
        "restore",
        "verify",
        "retention",
        "passwd",
        "recover",
        "recovery-sheet",
        "people",
        "audit",
        "import",
        "transfer",
    }
)
REMOVED = "That passphrase was someone's who has since been removed: it no longer opens the store."

# These only read, so they run beside the window; what they do write (the unlock's audit
# entry) waits its turn, and the daily backup is left to whoever holds the folder. Any other
# command may change the folder (even opening the store may migrate it), so it waits its
# turn: new commands are covered.
READ_ONLY_COMMANDS = frozenset({"children", "show", "prompts", "verify"})

EXIT_CANCELLED = 130


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 failed, 2 bad input)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already explained
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    root = data_dir(args.data_dir)
    try:
        check_is_folder(root)
        with _folder_held(args.command, root):
            settled = settle_interrupted_restore(root)
            if settled is not None:
                print(f"scr-reflect: {settled}", file=sys.stderr)
            return args.run(args, root)
    except CliError as error:
        return fail(str(error), error.code)
    except errors.AccessRemoved:
        return fail(REMOVED)
    except (FolderInUse, errors.StorageProblem) as error:  # each says what to do
        return fail(str(error))
    except errors.StaleKeyFile as error:  # the passphrase was right: the key file is old
        return fail(str(error))
    except errors.WrongPassphrase:
        return fail("The passphrase is not right for this data folder.")
    except errors.WrongKey:  # the passphrase opened the key file: the database is not its own
        return fail(
            "The database does not match the key file in this data folder (it is damaged, or "
            "from another store). Nothing was changed; restore a backup to go on."
        )
    except errors.NotInitialised:
        return fail(f"{root} is not set up yet. Run 'scr-reflect init' first.")
    except (errors.NewerDatabase, errors.HeaderError, StoreNotEmpty) as error:
        return fail(str(error))
    except (ProcedureError, FactsError, LibraryError) as error:  # a shipped file: its line
        return fail(str(error))
    except (KeyboardInterrupt, EOFError):
        return fail("Cancelled.", EXIT_CANCELLED)
    except Exception as error:
        # The message could quote a record, so only the kind of error is shown.
        return fail(f"Stopped by an unexpected error ({type(error).__name__}).")


@contextmanager
def _folder_held(command: str, root: Path) -> Iterator[None]:
    if command in READ_ONLY_COMMANDS:
        yield
        return
    lock = claim(root)
    try:
        yield
    finally:
        lock.release()


def read_passphrase() -> str:
    """The passphrase to unlock with: from the environment for scripts, else a prompt."""
    return os.environ.get(PASSPHRASE_ENV) or getpass.getpass("Passphrase: ")


def read_new_passphrase() -> tuple[str, str]:
    """A new passphrase and its repeat; the environment gives both at once."""
    scripted = os.environ.get(PASSPHRASE_ENV)
    if scripted:
        return scripted, scripted
    return getpass.getpass("Choose a passphrase: "), getpass.getpass("Type it again: ")


def _init(args: argparse.Namespace, root: Path) -> int:
    if data_folder_is_set_up(root):
        raise CliError(f"{root} is already set up. Nothing was changed.")
    sheet_at = sheet_path(args.recovery_sheet) if args.recovery_sheet else None
    if sheet_at is not None and is_taken(sheet_at, args.force):
        raise CliError(already_there(sheet_at), EXIT_BAD_INPUT)
    school = args.school or input("School name: ")
    dsl = args.dsl or input("Your name (the DSL): ")
    ws = _create(root, SchoolProfile(school_name=school.strip(), dsl_name=dsl.strip()))
    try:
        code = ws.take_new_recovery_code()
        assert code is not None
        sheet = save_recovery_sheet(ws, code, sheet_at, replace=args.force) if sheet_at else None
    finally:
        ws.close()
    say(f"Set up an encrypted SCR Reflect store in {root}.")
    if sheet is not None:
        say(f"Saved the recovery sheet to {sheet}. {SHEET_ADVICE}")
    else:
        # Shown this once: the store keeps only the key wrapped under it.
        print(f"Recovery code: {code}")
        print(
            "Write it down and keep it in the school safe: with it a forgotten passphrase can "
            "be replaced. Without the passphrase or this code nobody can open the records. "
            "'scr-reflect recovery-sheet --out FILE' makes a sheet to print (with a new code)."
        )
    return EXIT_OK


def _demo(args: argparse.Namespace, root: Path) -> int:
    refused = folder_refusal("demo", root, args.init)
    if refused is not None:
        raise CliError(refused)
    ws = _create(root, DEMO_PROFILE)
    scale = DemoScale(args.scale)
    try:
        large = scale is DemoScale.LARGE
        # The small caseload takes about a second: progress would only be noise.
        load_demo_caseload(ws, scale, _say_progress if large else None)
        if large and sys.stderr.isatty():
            print(file=sys.stderr)  # off the line that rewrote itself
        count = len(ws.records.search_children(""))
    finally:
        ws.close()
    print(f"Loaded the fictional demo caseload: {count} children.")
    if scale is DemoScale.LARGE:
        print(f"The benchmark child is '{BENCHMARK_CHILD_NAME}'.")
    return EXIT_OK


def _children(args: argparse.Namespace, root: Path) -> int:
    ws = _unlock(root, only_to_read=True)
    try:
        rows = ws.children_overview.rows()
    finally:
        ws.close()
    if args.json:
        print_json([asdict(overview) for overview in rows])
        return EXIT_OK
    for overview in rows:
        print(row(*astuple(overview)))
    return EXIT_OK


def _show(args: argparse.Namespace, root: Path) -> int:
    ws = _unlock(root, only_to_read=True)
    try:
        ws.audit.open_child(args.child_id, "scr-reflect show")
        lines = list(show_child(ws, args.child_id))
    except errors.RecordNotFound as error:
        raise CliError(f"There is no child with id {args.child_id}.") from error
    finally:
        ws.close()
    if args.json:
        print_json({"id": args.child_id, "lines": lines})
        return EXIT_OK
    for line in lines:
        say(line)
    return EXIT_OK


def _unlock(root: Path, only_to_read: bool = False) -> Workspace:
    """Say a folder is not set up before asking for a passphrase it could never take.

    A command that only reads opens a store on a full disk for reading; any other fails."""
    if not data_folder_is_set_up(root):
        raise errors.NotInitialised(str(root))
    ws = unlock(root, read_passphrase(), reading_only_if_need_be=only_to_read)
    for notice in ws.notices:  # local prompts set aside, records read-only: it still runs
        warn(notice)
    return ws


def _create(root: Path, profile: SchoolProfile) -> Workspace:
    passphrase, repeated = read_new_passphrase()
    try:
        return set_up(root, passphrase, repeated, profile)
    except errors.StoreExists as error:
        raise CliError(f"{root} already holds a database. Nothing was changed.") from error
    except ValueError as error:  # WeakPassphrase, or a missing school or DSL name
        raise CliError(str(error), EXIT_BAD_INPUT) from error


def _say_progress(step: Progress) -> None:
    # On a terminal the line rewrites itself; in a log each step is its own line.
    end = "\r" if sys.stderr.isatty() else "\n"
    done, total = step
    print(f"Loading the demo caseload: {done} of {total} children", end=end, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scr-reflect",
        description="SCR Reflect without the window. The passphrase is asked for, or read "
        f"from {PASSPHRASE_ENV}.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = _command(commands, "init", _init, "Set up a new encrypted store.")
    init.add_argument("--school", help="the school's name")
    init.add_argument("--dsl", help="the Designated Safeguarding Lead's name")
    init.add_argument(
        "--recovery-sheet",
        type=Path,
        metavar="FILE",
        help="save the recovery sheet (PDF) here to print, instead of showing the code",
    )
    add_force(init)
    demo = _command(
        commands,
        "demo",
        _demo,
        "Set up a new data folder (--init) holding the fictional demo caseload. A folder "
        "that is already set up is refused: fictional children never sit among real ones.",
    )
    demo.add_argument("--scale", choices=[s.value for s in DemoScale], default="small")
    demo.add_argument(
        "--init",
        action="store_true",
        help=f"set the new folder up, for the fictional '{DEMO_PROFILE.school_name}'",
    )
    children = _command(
        commands,
        "children",
        _children,
        "List children, one a line, tab-separated: id, full name, year group, open "
        "concerns, cumulative factors that still apply, missing episodes in the last 90 days.",
    )
    add_json(children, "a list of {" + ", ".join(CHILDREN_FIELDS) + "}")
    show = _command(
        commands,
        "show",
        _show,
        "Print one child's records as plain text: the child, concerns, cumulative factors "
        "with national context, missing episodes and their 90-day pattern, accounts and "
        "their claims, referrals with outcomes and escalations, information-sharing "
        "decisions, then the chronology, oldest first.",
    )
    show.add_argument("child_id", type=int, metavar="CHILD_ID", help="the id 'children' lists")
    add_json(show, '{"id", "lines"}: the same lines as the text')
    add_prompt_commands(commands)
    add_report_commands(commands, _unlock)
    add_backup_commands(commands, _unlock, read_passphrase)
    add_retention_commands(commands, _unlock)
    add_key_commands(commands, _unlock, read_passphrase)
    add_audit_commands(commands, _unlock)
    add_import_commands(commands, _unlock)
    add_transfer_commands(commands, _unlock)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[argparse.Namespace, Path], int],
    summary: str,
) -> argparse.ArgumentParser:
    sub = add_command(commands, name, summary)
    sub.set_defaults(run=run)
    return sub


if __name__ == "__main__":
    sys.exit(main())
