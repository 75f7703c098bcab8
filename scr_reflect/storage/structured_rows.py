"""Generic mapping for the structured records: a domain field is a column of the same name.

Enums are stored as their values and read back through the field's type hint, so a new
record type needs a model and its entry in storage/record_rows.py, not a hand-written mapper.
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
        name: value.value if isinstance(value, Enum) else value
        for name in record.__dataclass_fields__
        if name not in skip
        for value in (getattr(record, name),)
    }


def record_from_row(record_type: RecordType, row: object) -> Any:
    """The domain record from a row: an ORM row or a plain one with the same column names."""
    record_class = kind_of(record_type).record_class
    values = {}
    for name, enum_class in _fields(record_class):
        value = getattr(row, name)
        values[name] = enum_class(value) if enum_class and value is not None else value
    return record_class(**values)


@cache
def _fields(record_class: type) -> tuple[tuple[str, type[Enum] | None], ...]:
    """Each field's name and the Enum its value is read into, if any: worked out once."""
    hints = typing.get_type_hints(record_class)
    return tuple((name, _enum_in(hint)) for name, hint in hints.items())


def _enum_in(hint: Any) -> type[Enum] | None:
    """The Enum class in a hint such as `Agency` or `EvidenceKind | None`."""
    candidates = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None
