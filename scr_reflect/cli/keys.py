"""Passphrases, the recovery code and people on the command line, from the same services as
the window.

    scr-reflect passwd [--data-dir DIR]
    scr-reflect recover [--data-dir DIR]
    scr-reflect recovery-sheet --out FILE [--data-dir DIR]
    scr-reflect people list|add NAME|remove ID [--data-dir DIR]

The current passphrase comes from SCR_REFLECT_PASSPHRASE or a prompt; a new one (yours, or a
new deputy's, typed by them) from SCR_REFLECT_NEW_PASSPHRASE or two prompts; the recovery
code from SCR_REFLECT_RECOVERY_CODE or a prompt. None is ever printed.
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from ..services import errors
from ..services.people import ONLY_THE_DSL
from ..services.recovery_sheet import save_recovery_sheet, sheet_path
from ..services.workspace import data_folder_is_set_up, recover_with_code, unlock
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    ReadPassphrase,
    Unlock,
    add_command,
    add_force,
    already_there,
    fail,
    is_taken,
    row,
    say,
)

NEW_PASSPHRASE_ENV = "SCR_REFLECT_NEW_PASSPHRASE"
RECOVERY_CODE_ENV = "SCR_REFLECT_RECOVERY_CODE"
WRONG_CODE = "That recovery code does not open this store. Nothing was changed."
SHEET_ADVICE = (
    "Print it, keep it in the school safe, then delete the file: whoever holds the code and "
    "this computer can open every record."
)
OLD_BACKUPS = "Backups made before now still open with the old passphrase."


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    unlock_folder: Unlock,
    read_passphrase: ReadPassphrase,
) -> None:
    passwd = add_command(
        commands,
        "passwd",
        "Change your passphrase. The key is rewrapped; the database is not re-encrypted, and "
        "an interrupted change leaves the old passphrase working.",
    )
    passwd.set_defaults(run=lambda args, root: change_passphrase(root, read_passphrase))
    recovering = add_command(
        commands,
        "recover",
        "Forgotten the DSL's passphrase: type the recovery code from the recovery sheet, then "
        "a new passphrase twice. Every record is kept.",
    )
    recovering.set_defaults(run=lambda args, root: recover_forgotten(root))
    sheet = add_command(
        commands,
        "recovery-sheet",
        "Make a new recovery code and save its one-page sheet (PDF) to print. The records are "
        "re-encrypted under a new key, so the code on any earlier sheet stops working, even "
        "with an old copy of the key file. Only the DSL can.",
    )
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    add_force(sheet)
    sheet.set_defaults(run=lambda args, root: new_recovery_sheet(args, root, unlock_folder))
    _add_people(commands, unlock_folder)


def _add_people(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], unlock_folder: Unlock
) -> None:
    summary = "List who may open the store, or (the DSL only) add or remove a deputy."
    people = commands.add_parser(
        "people", help=summary, description=f"{summary} Each action takes --data-dir DIR."
    )
    actions = people.add_subparsers(dest="people_action", required=True, metavar="ACTION")
    listing = add_command(
        actions, "list", "One person a line, tab-separated: id, name, role, added, removed."
    )
    listing.set_defaults(run=lambda args, root: list_people(root, unlock_folder))
    adding = add_command(
        actions,
        "add",
        f"Add a deputy DSL. The deputy types their own passphrase twice (or it is read from "
        f"{NEW_PASSPHRASE_ENV}).",
    )
    adding.add_argument("name", metavar="NAME", help="the deputy's name")
    adding.set_defaults(run=lambda args, root: add_deputy(args, root, unlock_folder))
    removing = add_command(
        actions,
        "remove",
        "Remove a deputy: the records are re-encrypted under a new key, so their passphrase "
        "stops opening the store, even with an old copy of the key file; their name stays on "
        "what they wrote. Backups made before still open with it.",
    )
    removing.add_argument("person_id", type=int, metavar="ID", help="the id 'people list' gives")
    removing.set_defaults(run=lambda args, root: remove_person(args, root, unlock_folder))


def read_changed_passphrase(prompt: str = "New passphrase: ") -> tuple[str, str]:
    scripted = os.environ.get(NEW_PASSPHRASE_ENV)
    if scripted:
        return scripted, scripted
    return getpass.getpass(prompt), getpass.getpass("Type it again: ")


def change_passphrase(root: Path, read_passphrase: ReadPassphrase) -> int:
    if not data_folder_is_set_up(root):  # before asking for a passphrase it could not take
        raise errors.NotInitialised(str(root))
    current = read_passphrase()
    ws = unlock(root, current)
    try:
        new, repeated = read_changed_passphrase()
        ws.people.change_passphrase(current, new, repeated)
        name = ws.person.name
    except errors.WeakPassphrase as error:
        return fail(str(error), EXIT_BAD_INPUT)
    finally:
        ws.close()
    say(f"Changed the passphrase for {name}. {OLD_BACKUPS}")
    return EXIT_OK


def recover_forgotten(root: Path) -> int:
    if not data_folder_is_set_up(root):
        raise errors.NotInitialised(str(root))
    code = os.environ.get(RECOVERY_CODE_ENV) or getpass.getpass("Recovery code: ")
    new, repeated = read_changed_passphrase()
    try:
        ws = recover_with_code(root, code, new, repeated)
    except (errors.WeakPassphrase, errors.NotARecoveryCode) as error:
        return fail(str(error), EXIT_BAD_INPUT)
    except errors.WrongRecoveryCode:
        return fail(WRONG_CODE)
    except errors.NoRecoveryCode as error:
        return fail(str(error))
    name = ws.person.name
    ws.close()
    say(f"Set a new passphrase for {name}. Every record is kept.")
    return EXIT_OK


def new_recovery_sheet(args: argparse.Namespace, root: Path, unlock_folder: Unlock) -> int:
    # Before the new code: once made, the code on the sheet the DSL has stops working.
    if is_taken(sheet_path(args.out), args.force):
        return fail(already_there(sheet_path(args.out)), EXIT_BAD_INPUT)
    ws = unlock_folder(root)
    try:
        code = ws.people.new_recovery_code()
        notes = ws.people.after_rekey()
        saved = save_recovery_sheet(ws, code, args.out, replace=args.force)
    except errors.NotAllowed as error:
        return fail(str(error))
    except (
        errors.FileAlreadyThere
    ) as error:  # made in the moment since the check: make another sheet
        return fail(f"{error} The new code was not saved: run recovery-sheet again.")
    finally:
        ws.close()
    say(f"Saved a new recovery sheet to {saved}. The code on any earlier sheet no longer works.")
    for note in notes:  # they may name a deputy, as typed
        say(note)
    print(SHEET_ADVICE)
    return EXIT_OK


def list_people(root: Path, unlock_folder: Unlock) -> int:
    ws = unlock_folder(root)
    try:
        people = ws.people.everyone()
    finally:
        ws.close()
    for person in people:
        removed = f"{person.removed_at:%Y-%m-%d}" if person.removed_at else ""
        print(
            row(person.id, person.name, person.role.label, f"{person.added_at:%Y-%m-%d}", removed)
        )
    return EXIT_OK


def add_deputy(args: argparse.Namespace, root: Path, unlock_folder: Unlock) -> int:
    ws = unlock_folder(root)
    try:
        if not ws.people.is_dsl:  # before the deputy types a passphrase for nothing
            return fail(ONLY_THE_DSL)
        passphrase, repeated = read_changed_passphrase("The deputy's passphrase: ")
        added = ws.people.add_deputy(args.name, passphrase, repeated)
    except ValueError as error:  # a weak passphrase, or no name: what was typed will not do
        return fail(str(error), EXIT_BAD_INPUT)
    finally:
        ws.close()
    say(f"Added {added.name} (id {added.id}): their own passphrase now opens the store.")
    return EXIT_OK


def remove_person(args: argparse.Namespace, root: Path, unlock_folder: Unlock) -> int:
    ws = unlock_folder(root)
    try:
        removed = ws.people.remove(args.person_id)
        notes = ws.people.after_rekey()
    except errors.RecordNotFound:
        return fail(f"There is nobody with id {args.person_id}.", EXIT_BAD_INPUT)
    except errors.NotAllowed as error:
        return fail(str(error))
    finally:
        ws.close()
    say(f"Removed {removed.name}: their passphrase no longer opens the store.")
    for note in notes:  # they may name a deputy, as typed
        say(note)
    return EXIT_OK
