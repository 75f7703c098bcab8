"""Load the local escalation procedure from its TOML file, checking it as it loads."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ..domain.escalation_procedure import EscalationProcedure, LocalContact, Stage

DEFAULT_FILE = "escalation_procedure.toml"


class ProcedureError(ValueError):
    """The procedure file cannot be used; the message names the file and what is wrong."""


def load_procedure(path: Path) -> EscalationProcedure:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ProcedureError(f"{path}: the escalation procedure file is missing.") from error
    except tomllib.TOMLDecodeError as error:
        raise ProcedureError(f"{path}: not valid TOML ({error}).") from error
    return parse_procedure(data, str(path))


def parse_procedure(data: dict[str, Any], where: str) -> EscalationProcedure:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProcedureError(f'{where}: give the procedure a name (name = "...").')
    raw_stages = data.get("stage")
    if not isinstance(raw_stages, list) or not raw_stages:
        raise ProcedureError(f"{where}: list at least one [[stage]].")
    stages = tuple(_stage(raw, number, where) for number, raw in enumerate(raw_stages, 1))
    keys = [stage.key for stage in stages]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ProcedureError(f"{where}: stage keys must differ; repeated: {', '.join(duplicates)}.")
    contacts = tuple(
        _contact(raw, number, where) for number, raw in enumerate(data.get("contact", []), 1)
    )
    return EscalationProcedure(name=name.strip(), stages=stages, contacts=contacts)


def _text(raw: dict[str, Any], field: str, what: str, required: bool = True) -> str:
    value = raw.get(field, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ProcedureError(f"{what}: '{field}' must be {'non-empty ' if required else ''}text.")
    return value.strip()


def _stage(raw: Any, number: int, where: str) -> Stage:
    what = f"{where}: stage {number}"
    if not isinstance(raw, dict):
        raise ProcedureError(f"{what} is not a table.")
    days = raw.get("respond_within_working_days")
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 60:
        raise ProcedureError(f"{what}: 'respond_within_working_days' must be a whole number 1-60.")
    return Stage(
        key=_text(raw, "key", what),
        title=_text(raw, "title", what),
        who=_text(raw, "who", what),
        respond_within_working_days=days,
        guidance=_text(raw, "guidance", what, required=False),
    )


def _contact(raw: Any, number: int, where: str) -> LocalContact:
    what = f"{where}: contact {number}"
    if not isinstance(raw, dict):
        raise ProcedureError(f"{what} is not a table.")
    return LocalContact(
        role=_text(raw, "role", what),
        name=_text(raw, "name", what),
        telephone=_text(raw, "telephone", what, required=False),
        email=_text(raw, "email", what, required=False),
    )
