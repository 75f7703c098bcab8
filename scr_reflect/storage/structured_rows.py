"""Generic mapping for the structured records: a domain field is a column of the same name.

Enums are stored as their values and read back through the field's type hint, and a tuple
of record ids (an escalation's further decisions) as text such as "12,15", so a new record
type needs a model and its entry in storage/record_rows.py, not a hand-written mapper.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
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
    """The domain record from a row: an ORM row or a plain one with the same column names."""
    record_class = kind_of(record_type).record_class
    values = {}
    for name, read in _fields(record_class):
        value = getattr(row, name)
        values[name] = read(value) if read and value is not None else value
    return record_class(**values)


@cache
def _fields(record_class: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field's name and how its stored value is read (into an Enum, or a tuple of record
    ids kept as "12,15"), if it needs reading: worked out once."""
    hints = typing.get_type_hints(record_class)
    return tuple((name, _reader(hint)) for name, hint in hints.items())


def _reader(hint: Any) -> Callable[[Any], Any] | None:
    if typing.get_origin(hint) is tuple:
        return lambda text: tuple(int(part) for part in text.split(",") if part)
    return _enum_in(hint)


def _enum_in(hint: Any) -> type[Enum] | None:
    """The Enum class in a hint such as `Agency` or `EvidenceKind | None`."""
    candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None
