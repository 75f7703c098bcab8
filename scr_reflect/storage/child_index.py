"""The children's names, groups and UPNs held in memory, for search as you type.

Scanning the children table with LIKE on every keystroke grew with the caseload; this reads
the searched fields once, at the first word typed, and answers each keystroke from memory.
They are kept only in this process's memory, never written anywhere, and dropped when the
store closes. Any statement that writes the children table (and its commit) marks the copy
stale, so the next search reads it again. The list at unlock (no word typed) comes straight
from the name index, so unlocking does not wait for the fields to be read.

It answers exactly as `lower(field) LIKE lower('%word%')` did, with the store's Unicode
`lower()` (sqlcipher.py): every word typed must be in one of the fields, and the children come
in order of full name (code point order, as SQLite's BINARY collation), then id.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, event, select

from .models import ChildRow

_FIELDS = (
    ChildRow.full_name,
    ChildRow.preferred_name,
    ChildRow.year_group,
    ChildRow.tutor_group,
    ChildRow.upn,
)
# Words come from str.split(), so never hold a newline: no word can match across two fields.
_BETWEEN_FIELDS = "\n"
_WRITES = ("insert", "update", "delete", "replace")
_WROTE_CHILDREN = "scr_reflect.wrote_children"


class ChildIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._generation = 0  # raised by every write to the children table
        self._built_at = -1
        self._rows: list[tuple[int, str]] = []  # (id, the folded fields), in list order
        event.listen(engine, "before_cursor_execute", self._on_statement)
        event.listen(engine, "commit", self._on_end)
        event.listen(engine, "rollback", self._on_end)

    def search(self, text: str) -> list[int]:
        """Ids of the children whose name, year, tutor group or UPN holds every word typed."""
        words = text.lower().split()
        if not words and self._built_at != self._generation:
            # Every child, as at unlock: the name index gives them in order without the
            # fields, which are read at the first word typed.
            query = select(ChildRow.id).order_by(ChildRow.full_name, ChildRow.id)
            with self._engine.connect() as connection:
                return list(connection.scalars(query))
        rows = self._current()
        for word in words:
            rows = [row for row in rows if word in row[1]]
        return [child_id for child_id, _ in rows]

    def forget(self) -> None:
        """Drop the names held, as the store closes (a lock), so none outlive it in memory."""
        with self._lock:
            self._rows, self._built_at = [], -1

    def _current(self) -> list[tuple[int, str]]:
        with self._lock:
            if self._built_at == self._generation:
                return self._rows
            generation = self._generation
        query = select(ChildRow.id, *_FIELDS).order_by(ChildRow.full_name, ChildRow.id)
        with self._engine.connect() as connection:
            rows = [(r[0], _folded(r[1:])) for r in connection.execute(query)]
        with self._lock:
            # A write while reading leaves the copy stale: the next search reads again.
            self._rows, self._built_at = rows, generation
        return rows

    def _stale(self) -> None:
        with self._lock:
            self._generation += 1

    def _on_statement(self, conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        lowered = statement.lstrip()[:7].lower()
        if lowered.startswith(_WRITES) and ChildRow.__tablename__ in statement.lower():
            conn.info[_WROTE_CHILDREN] = True
            self._stale()

    def _on_end(self, conn: Any) -> None:
        # Stale again once the write is visible, in case a search read between the two.
        if conn.info.pop(_WROTE_CHILDREN, False):
            self._stale()


def _folded(fields: tuple[str | None, ...]) -> str:
    return _BETWEEN_FIELDS.join((field or "").lower() for field in fields)
