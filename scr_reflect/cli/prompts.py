"""The prompt library on the command line: list it, or check a folder of local prompts.

    scr-reflect prompts list [--data-dir DIR]
    scr-reflect prompts validate DIR [--seeds SEEDS]

Neither asks for the passphrase: the library is not part of the encrypted store. Local
prompts live in the data folder's "prompts" folder; `validate` checks such a folder before it
is put there, reporting each problem as FILE:LINE: message, the way compilers do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..guidance.prompt_library import (
    LOCAL_FOLDER,
    SHIPPED_FOLDER,
    LibraryError,
    check_folder,
    load_library,
)
from ..guidance.seed_sources import cite
from ..resource_files import resources_dir
from .common import printable, row, say

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


def shipped_folder() -> Path:
    return resources_dir() / SHIPPED_FOLDER


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `prompts list` and `prompts validate` to the command line's subcommands."""
    summary = "List the reflective prompts, or check a folder of local prompts."
    prompts = commands.add_parser(
        "prompts",
        help=summary,
        description=f"{summary} Local prompts are read from the data folder's "
        f"'{LOCAL_FOLDER}' folder (choose the data folder with --data-dir).",
    )
    actions = prompts.add_subparsers(dest="prompts_action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list",
        help="id, theme and source seed of each prompt, shipped then local",
        description="One prompt a line: id, theme and source seed, separated by tabs; "
        "the shipped prompts first, then the data folder's local ones.",
    )
    listing.add_argument("--data-dir", metavar="DIR", help="the data folder to use")
    listing.set_defaults(run=_list)
    validate = actions.add_parser(
        "validate",
        help="check a folder of prompt files; each problem as FILE:LINE: message",
        description="Check a folder of prompt files against the schema. Each problem is "
        "shown as FILE:LINE: message; the exit code is 1 if there are any.",
    )
    validate.add_argument("folder", metavar="DIR", type=Path, help="the folder to check")
    validate.add_argument(
        "--seeds",
        metavar="DIR",
        type=Path,
        help="also check that each source seed is in DIR and each figure appears in it "
        "word for word",
    )
    validate.set_defaults(run=_validate, data_dir=None)


def _list(_args: argparse.Namespace, root: Path) -> int:
    try:
        library = load_library(shipped_folder(), root / LOCAL_FOLDER)
    except LibraryError as error:
        for problem in error.problems:
            print(printable(str(problem)), file=sys.stderr)
        return EXIT_PROBLEMS
    for prompt in library.prompts:
        print(row(prompt.id, prompt.theme, prompt.source.seed or cite(prompt.source)))
    return EXIT_OK


def _validate(args: argparse.Namespace, _root: Path) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"scr-reflect: {printable(str(folder))} is not a folder.", file=sys.stderr)
        return EXIT_BAD_INPUT
    shipped = shipped_folder()
    if folder.resolve() == shipped.resolve():
        checked = check_folder(folder, args.seeds, require_version=True)
    else:  # local prompts: their ids must not clash with the shipped ones
        taken = {prompt.id for prompt in check_folder(shipped).prompts}
        checked = check_folder(folder, args.seeds, shipped_ids=taken)
    for problem in checked.problems:
        say(str(problem))
    if checked.problems:
        return EXIT_PROBLEMS
    count = len(checked.prompts)
    print(f"{count} prompt{'' if count == 1 else 's'}, no problems")
    return EXIT_OK
