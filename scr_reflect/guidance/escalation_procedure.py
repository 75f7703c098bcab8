"""Load the local escalation procedure from its TOML file, checking it as it loads.

A partnership edits this file by hand, so every problem names the file and, where it can,
the line: the line tomllib reports for broken TOML, or the line of the [[stage]] or
[[contact]] table that holds a bad value.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..domain.escalation_procedure import EscalationProcedure, LocalContact, Stage

DEFAULT_FILE = "escalation_procedure.toml"
MAX_WORKING_DAYS = 60

_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


class ProcedureError(ValueError):
    """The procedure file cannot be used; the message names the file and what is wrong."""


def load_procedure(path: Path) -> EscalationProcedure:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ProcedureError(f"{path}: the escalation procedure file is missing.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ProcedureError(f"{path}: the escalation procedure file cannot be read.") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProcedureError(_decode_message(path, str(error))) from error
    return parse_procedure(
        data, str(path), _table_lines(text, "stage"), _table_lines(text, "contact")
    )


def parse_procedure(
    data: dict[str, Any],
    where: str,
    stage_lines: Sequence[int] = (),
    contact_lines: Sequence[int] = (),
) -> EscalationProcedure:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProcedureError(f'{where}: give the procedure a name (name = "...").')
    raw_stages = data.get("stage")
    if not isinstance(raw_stages, list) or not raw_stages:
        raise ProcedureError(f"{where}: list at least one [[stage]].")
    stages = tuple(
        _stage(raw, _place(where, "stage", number, stage_lines))
        for number, raw in enumerate(raw_stages, 1)
    )
    _check_keys_differ([stage.key for stage in stages], where, stage_lines)
    raw_contacts = data.get("contact", [])
    if not isinstance(raw_contacts, list):
        raise ProcedureError(f"{where}: write each contact as a [[contact]] table.")
    contacts = tuple(
        _contact(raw, _place(where, "contact", number, contact_lines))
        for number, raw in enumerate(raw_contacts, 1)
    )
    return EscalationProcedure(name=name.strip(), stages=stages, contacts=contacts)


def _check_keys_differ(keys: list[str], where: str, lines: Sequence[int]) -> None:
    """Steps are stored with their stage's key, so two stages cannot share one."""
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if not repeated:
        return
    described = []
    for key in repeated:
        numbers = [n for n, k in enumerate(keys, 1) if k == key]
        at = [str(lines[n - 1]) for n in numbers if n <= len(lines)]
        described.append(f"'{key}' (lines {', '.join(at)})" if at else f"'{key}'")
    raise ProcedureError(
        f"{where}: each stage needs its own key; repeated: {'; '.join(described)}."
    )


def _decode_message(path: Path, message: str) -> str:
    """Put tomllib's line first, where a person editing the file looks for it."""
    found = _AT_LINE.search(message)
    if found is None:
        return f"{path}: not valid TOML ({message})."
    problem = message[: found.start()]
    return f"{path}, line {found[1]}: not valid TOML ({problem}, column {found[2]})."


def _table_lines(text: str, table: str) -> list[int]:
    """The line number of each [[table]] header, in order."""
    header = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]")
    return [number for number, line in enumerate(text.splitlines(), 1) if header.match(line)]


def _place(where: str, table: str, number: int, lines: Sequence[int]) -> str:
    line = f", line {lines[number - 1]}" if number <= len(lines) else ""
    return f"{where}{line}: {table} {number}"


def _text(raw: dict[str, Any], field: str, what: str, required: bool = True) -> str:
    value = raw.get(field, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProcedureError(f"{what}: '{field}' must be {'non-empty ' if required else ''}text.")
    return value.strip()


def _stage(raw: Any, what: str) -> Stage:
    if not isinstance(raw, dict):
        raise ProcedureError(f"{what} is not a table.")
    days = raw.get("respond_within_working_days")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_WORKING_DAYS:
        raise ProcedureError(
            f"{what}: 'respond_within_working_days' must be a whole number "
            f"from 1 to {MAX_WORKING_DAYS}."
        )
    return Stage(
        key=_text(raw, "key", what),
        title=_text(raw, "title", what),
        who=_text(raw, "who", what),
        respond_within_working_days=days,
        guidance=_text(raw, "guidance", what, required=False),
    )


def _contact(raw: Any, what: str) -> LocalContact:
    if not isinstance(raw, dict):
        raise ProcedureError(f"{what} is not a table.")
    return LocalContact(
        role=_text(raw, "role", what),
        name=_text(raw, "name", what),
        telephone=_text(raw, "telephone", what, required=False),
        email=_text(raw, "email", what, required=False),
    )
