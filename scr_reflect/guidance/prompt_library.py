"""Load and check the prompt library: resources/prompts/*.toml, and a school's own prompts.

A prompt file holds one theme: a top-level ``theme = "..."`` and a ``[[prompt]]`` table per
prompt with ``[prompt.source]`` (where it comes from, required) and an optional
``[prompt.when]`` (the facts that make it apply; left out, it applies to every concern). A
prompt that more than one set of facts calls for gives each set as a ``[[prompt.when]]`` table.

A source's ``kind`` is "seed_finding" (the default: ``seed`` and ``finding``, an optional
``figure``; the seed must be one the product cites with its publisher and year),
"statutory_guidance" or, for a school's own prompts, "local_finding" (``title``,
``publisher``, a four-digit ``year`` and ``finding``), or "practice_question" (nothing more: a
question of the tool's own).
Files are read in name order, so a number in front ("03_going_missing.toml") sets the order
prompts appear in. A prompt may set its own ``theme``, which a local file mixing themes needs.

The files are edited by hand, so every problem names its file and line: the line tomllib
gives for broken TOML; otherwise the line of the offending key (or of the bad value in a list),
found by scanning that prompt's own part of the file, from its ``[[prompt]]`` header to the
next one. A problem with a whole file is at line 1.

Version. The shipped folder holds ``library.toml`` with ``[library] version = "2026.12.1"``
(year, month, then a count), raised by hand whenever a shipped prompt changes; a test pins
each version's content fingerprint, so a change without a new version fails in CI. Local
prompts (in the data folder's ``prompts`` folder) have no version file: their content decides,
and the library version becomes ``2026.12.1+local.<fingerprint>``, the first 8 hex digits of a
SHA-256 over the local files. Answers are stored with the version they were given under.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..domain.concern_facts import Flag
from ..domain.enums import Category
from ..domain.factors import Factor
from ..domain.prompts import Conditions, Prompt, PromptLibrary, Step
from ..domain.walkthrough import FIXED_QUESTIONS
from .prompt_parts import LibraryProblem, PromptPart, is_text, source
from .small_files import NotASmallFile, read_small_file
from .toml_lines import find_line

SHIPPED_FOLDER = "prompts"  # under the resources folder
LOCAL_FOLDER = "prompts"  # under the data folder: a school's or partnership's own prompts
LIBRARY_FILE = "library.toml"
OLDEST_AGE = 25  # support for care leavers can run to 25
MAX_FILE_BYTES = 256 * 1024  # the largest shipped file is a few KiB

_FILE_KEYS = ("theme", "prompt")
_PROMPT_KEYS = ("id", "theme", "step", "question", "why", "source", "when")
_TEXT_KEYS = ("id", "step", "question", "why")
_LISTS: dict[str, tuple[type[StrEnum], str]] = {
    "any_category": (Category, "category"),
    "any_factor": (Factor, "factor"),
    "all_flags": (Flag, "flag"),
    "any_flag": (Flag, "flag"),
}
_WHEN_KEYS = ("min_age", "max_age", "min_factors", *_LISTS)
_ID = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_HEADER = re.compile(r"^\s*\[\[\s*prompt\s*\]\]")
_FIXED_KEYS = frozenset(question.key for question in FIXED_QUESTIONS)


class LibraryError(ValueError):
    """The library cannot be used; its message is one "FILE:LINE: message" line per problem."""

    def __init__(self, problems: Iterable[LibraryProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True, slots=True)
class FolderCheck:
    prompts: tuple[Prompt, ...]  # those without problems
    problems: tuple[LibraryProblem, ...]
    version: str = ""  # from library.toml, if the folder has one


def load_library(shipped: Path, local: Path | None = None) -> PromptLibrary:
    """The shipped prompts, then any local ones (local=True). LibraryError if either is broken.

    A local folder that does not exist, or has no prompt files, adds nothing."""
    checked = check_folder(shipped, require_version=True)
    if checked.problems:
        raise LibraryError(checked.problems)
    prompts, version = list(checked.prompts), checked.version
    if local is not None and _prompt_files(local):
        own = check_folder(local, shipped_ids={p.id for p in prompts})
        if own.problems:
            raise LibraryError(own.problems)
        prompts.extend(own.prompts)
        try:
            version = f"{version}+local.{fingerprint(local)}"
        except NotASmallFile as error:  # swapped for a pipe or a link since it was read
            raise LibraryError([LibraryProblem(local, 0, f"a file there {error}")]) from error
    return PromptLibrary(version=version, prompts=tuple(prompts))


def validate_folder(
    folder: Path, seeds: Path | None = None, shipped_ids: Collection[str] | None = None
) -> list[LibraryProblem]:
    """Every problem in a folder of prompt files, each with its file and line."""
    return list(check_folder(folder, seeds, shipped_ids).problems)


def check_folder(
    folder: Path,
    seeds: Path | None = None,
    shipped_ids: Collection[str] | None = None,
    *,
    require_version: bool = False,
) -> FolderCheck:
    """The prompts a folder gives, and its problems.

    With seeds, each source must name a file in that folder and its figure must appear in
    that file word for word. With shipped_ids the folder is checked as local prompts: marked
    local, with no ids of their own that the shipped library already uses."""
    if not folder.is_dir():
        return FolderCheck((), (LibraryProblem(folder, 0, "there is no such folder"),))
    problems: list[LibraryProblem] = []
    local = shipped_ids is not None
    version = _read_version(folder / LIBRARY_FILE, problems, require_version, local)
    files = _prompt_files(folder)
    if not files:
        problems.append(LibraryProblem(folder, 0, "there are no prompt files (*.toml) here"))
    prompts: list[Prompt] = []
    first_seen: dict[str, LibraryProblem] = {}
    for path in files:
        for prompt, line in _read_file(path, seeds, local, problems):
            if _id_is_free(
                prompt.id, LibraryProblem(path, line, ""), first_seen, shipped_ids, problems
            ):
                prompts.append(prompt)
    return FolderCheck(tuple(prompts), tuple(sorted(problems)), version)


def fingerprint(folder: Path) -> str:
    """The first 8 hex digits of a SHA-256 over the folder's TOML files, names and bytes
    (line endings made plain, so a Windows checkout gives the same)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        content = read_small_file(path, MAX_FILE_BYTES).replace(b"\r\n", b"\n")
        digest.update(path.name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:8]


def _prompt_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.toml") if path.name != LIBRARY_FILE)


def _read_version(path: Path, problems: list[LibraryProblem], required: bool, local: bool) -> str:
    if not path.exists():
        if required:
            problems.append(LibraryProblem(path, 1, 'missing: it gives [library] version = "..."'))
        return ""
    if local:
        message = "local prompts take their version from their content; remove this file"
        problems.append(LibraryProblem(path, 1, message))
        return ""
    parsed = _parse(path, problems)
    if parsed is None:
        return ""
    lines, data = parsed
    table = data.get("library")
    table = table if isinstance(table, dict) else {}
    for key in [k for k in data if k != "library"] + [k for k in table if k != "version"]:
        line = find_line(lines, (1, len(lines)), key)
        problems.append(LibraryProblem(path, line, f"unknown field '{key}'"))
    version = table.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        line = find_line(lines, (1, len(lines)), "version")
        message = "give [library] version = \"...\" in letters, digits, '.', '-' and '_'"
        problems.append(LibraryProblem(path, line, message))
        return ""
    return version


def _parse(path: Path, problems: list[LibraryProblem]) -> tuple[list[str], dict[str, Any]] | None:
    try:
        text = read_small_file(path, MAX_FILE_BYTES).decode("utf-8")
    except NotASmallFile as error:
        problems.append(LibraryProblem(path, 1, f"set aside: it {error}"))
        return None
    except UnicodeDecodeError as error:
        problems.append(LibraryProblem(path, 1, f"cannot be read as UTF-8 text ({error})"))
        return None
    try:
        return text.splitlines(), tomllib.loads(text)
    except (RecursionError, MemoryError):
        problems.append(LibraryProblem(path, 1, "set aside: nested too deeply to read"))
        return None
    except tomllib.TOMLDecodeError as error:
        found = _AT_LINE.search(str(error))
        if found is None:
            problems.append(LibraryProblem(path, 1, f"not valid TOML ({error})"))
        else:
            problem = f"not valid TOML ({str(error)[: found.start()]}, column {found[2]})"
            problems.append(LibraryProblem(path, int(found[1]), problem))
        return None


def _read_file(
    path: Path, seeds: Path | None, local: bool, problems: list[LibraryProblem]
) -> list[tuple[Prompt, int]]:
    """Each good prompt in the file with the line of its id."""
    parsed = _parse(path, problems)
    if parsed is None:
        return []
    lines, data = parsed
    whole = (1, len(lines))
    for key in data:
        if key not in _FILE_KEYS:
            message = f"unknown field '{key}'; a prompt file has: {', '.join(_FILE_KEYS)}"
            problems.append(LibraryProblem(path, find_line(lines, whole, key), message))
    theme = data.get("theme")
    if theme is not None and not is_text(theme):
        line = find_line(lines, whole, "theme")
        problems.append(LibraryProblem(path, line, "'theme' must be non-empty text"))
    raw_prompts = data.get("prompt")
    if not isinstance(raw_prompts, list) or not raw_prompts:
        problems.append(LibraryProblem(path, 1, "no prompts here: add a [[prompt]] table for each"))
        return []
    headers = [number for number, line in enumerate(lines, 1) if _HEADER.match(line)]
    ends = [start - 1 for start in headers[1:]] + [len(lines)]
    good = []
    for number, raw in enumerate(raw_prompts):
        span = (headers[number], ends[number]) if number < len(headers) else whole
        prompt = _prompt(raw, theme, seeds, local, PromptPart(path, lines, span, problems))
        if prompt is not None:
            good.append((prompt, find_line(lines, span, "id")))
    return good


def _prompt(raw: Any, theme: Any, seeds: Path | None, local: bool, at: PromptPart) -> Prompt | None:
    if not isinstance(raw, dict):
        at.report("write each prompt as a [[prompt]] table")
        return None
    before = len(at.problems)
    if is_text(raw.get("id")):
        at.id = raw["id"].strip()
        if not _ID.match(at.id):
            at.report("an id has lower-case letters, digits, '.', '-' and '_' only", "id")
    for key in raw:
        if key not in _PROMPT_KEYS:
            at.report(f"unknown field '{key}'; a prompt has: {', '.join(_PROMPT_KEYS)}", key)
    for key in _TEXT_KEYS:
        if key not in raw:
            at.report(f"'{key}' is missing")
        elif not is_text(raw[key]):
            at.report(f"'{key}' must be non-empty text", key)
    theme = raw.get("theme", theme)
    if not is_text(theme):
        at.report('give it a theme: theme = "..." at the top of the file, or in the prompt')
    step = raw.get("step")
    if is_text(step) and step not in {s.value for s in Step}:
        at.report(f"step '{step}' is not one of: {', '.join(s.value for s in Step)}", "step")
    cited = source(raw.get("source"), seeds, at)
    raw_when = raw.get("when", {})
    sets = raw_when if isinstance(raw_when, list) and raw_when else [raw_when]
    when = [_conditions(one, at) for one in sets]
    if cited is None or None in when or len(at.problems) > before:
        return None
    first, *others = [conditions for conditions in when if conditions is not None]
    return Prompt(
        id=at.id,
        theme=theme.strip(),
        step=Step(raw["step"]),
        question=raw["question"].strip(),
        why=raw["why"].strip(),
        source=cited,
        when=first,
        local=local,
        or_when=tuple(others),
    )


def _conditions(raw: Any, at: PromptPart) -> Conditions | None:
    if not isinstance(raw, dict):
        at.report("'when' must be a [prompt.when] table", "when")
        return None
    before = len(at.problems)
    for key in raw:
        if key not in _WHEN_KEYS:
            at.report(
                f"unknown condition '{key}'; the conditions are: {', '.join(_WHEN_KEYS)}", key
            )
    low, high = raw.get("min_age"), raw.get("max_age")
    together = raw.get("min_factors")
    if together is not None and (type(together) is not int or not 2 <= together <= len(Factor)):
        at.report(f"'min_factors' must be a whole number from 2 to {len(Factor)}", "min_factors")
    for key, age in (("min_age", low), ("max_age", high)):
        if age is not None and (type(age) is not int or not 0 <= age <= OLDEST_AGE):
            at.report(f"'{key}' must be a whole number from 0 to {OLDEST_AGE}", key)
    if type(low) is int and type(high) is int and low > high:
        at.report(f"min_age {low} is above max_age {high}", "min_age")
    chosen: dict[str, frozenset[Any]] = {}
    for key, (kind, noun) in _LISTS.items():
        values = raw.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            at.report(f"'{key}' must be a list of text, such as [\"{next(iter(kind))}\"]", key)
            continue
        known = {member.value: member for member in kind}
        for value in values:
            if value not in known:
                allowed = ", ".join(known)
                at.report(
                    f"'{value}' in {key} is not a {noun}; the {noun}s are: {allowed}", key, value
                )
        chosen[key] = frozenset(known[value] for value in values if value in known)
    if len(at.problems) > before:
        return None
    return Conditions(min_age=low, max_age=high, min_factors=together, **chosen)


def _id_is_free(
    prompt_id: str,
    here: LibraryProblem,
    first_seen: dict[str, LibraryProblem],
    shipped_ids: Collection[str] | None,
    problems: list[LibraryProblem],
) -> bool:
    """Record the problems with a prompt's id; here carries its file and line."""
    clash = ""
    if prompt_id in first_seen:
        first = first_seen[prompt_id]
        clash = f"is used twice; first at {first.file}:{first.line}"
    elif shipped_ids is not None and prompt_id in shipped_ids:
        clash = "is a shipped prompt's id; choose another"
    elif prompt_id in _FIXED_KEYS:
        clash = "is a fixed question of the walk-through; choose another"
    first_seen.setdefault(prompt_id, here)
    if clash:
        problems.append(LibraryProblem(here.file, here.line, f"prompt id '{prompt_id}' {clash}"))
    return not clash
