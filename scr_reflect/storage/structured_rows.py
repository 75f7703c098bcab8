"""Generic mapping for the structured records: a domain field is a column of the same name.

Enums are stored as their values and read back through the field's type hint, and a tuple
of record ids (an escalation's further decisions) as text such as "12,15", so a new record
type needs a model and its entry in storage/record_rows.py, not a hand-written mapper.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from ..domain.enums import RecordType
from ..domain.record_kinds import PARENT_KEYS, StructuredRecord, kind_of, kind_of_record

_STORE_OWNED = frozenset({"id", "version"})


def record_type_of(record: StructuredRecord) -> RecordType:
    return kind_of_record(record).record_type


def column_values(record: StructuredRecord, with_parents: bool) -> dict[str, Any]:
    skip = _STORE_OWNED if with_parents else _STORE_OWNED | PARENT_KEYS
    return {
        name: _stored(getattr(record, name))
        for name in record.__dataclass_fields__
        if name not in skip
    }


def _stored(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return ",".join(str(record_id) for record_id in value)
    return value


def record_from_row(record_type: RecordType, row: object) -> Any:
    record_class = kind_of(record_type).record_class
    values: dict[str, Any] = {}
    for name, hint in _hints(record_class).items():
        value = getattr(row, name)
        enum_class = _enum_in(hint)
        if typing.get_origin(hint) is tuple:
            values[name] = tuple(int(part) for part in (value or "").split(",") if part)
        else:
            values[name] = enum_class(value) if enum_class and value is not None else value
    return record_class(**values)


@cache
def _hints(record_class: type) -> dict[str, Any]:
    return typing.get_type_hints(record_class)


def _enum_in(hint: Any) -> type[Enum] | None:
    """The Enum class in a hint such as `Agency` or `EvidenceKind | None`."""
    candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None
