"""The children's names, groups and UPNs held in memory, for search as you type.

Scanning the children table with LIKE on every keystroke grew with the caseload; this reads
the searched fields once, as soon as the children are listed after unlock (or at the first word
typed, if that comes sooner), and answers each keystroke from memory.
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
from itertools import compress, repeat
from operator import contains
from typing import Any, NamedTuple

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
# Nor does a newline change how the letters beside it fold, so the joined fields are folded
# as one string, alike to each field folded alone.
_BETWEEN_FIELDS = "\n"
_WRITES = ("insert", "update", "delete", "replace")
_WROTE_CHILDREN = "scr_reflect.wrote_children"


class _Found(NamedTuple):
    """The children holding every word, as ids and their folded fields, in list order."""

    words: tuple[str, ...]
    ids: list[int]
    texts: list[str]
    generation: int


class ChildIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._generation = 0  # raised by every write to the children table
        self._all: _Found | None = None  # every child, read ahead or at the first word typed
        self._last: _Found | None = None  # the answer to the keystroke before
        event.listen(engine, "before_cursor_execute", self._on_statement)
        event.listen(engine, "commit", self._on_end)
        event.listen(engine, "rollback", self._on_end)

    def search(self, text: str) -> list[int]:
        """Ids of the children whose name, year, tutor group or UPN holds every word typed."""
        words = tuple(dict.fromkeys(text.lower().split()))  # each word once, in order
        if not words and not self._built():
            # Every child, as at unlock: the name index gives them in order without the
            # fields, which are read once the list shows (read_ahead).
            query = select(ChildRow.id).order_by(ChildRow.full_name, ChildRow.id)
            with self._engine.connect() as connection:
                return list(connection.scalars(query))
        found = self._narrowest(words)
        ids, texts = found.ids, found.texts
        for word in words:
            if word not in found.words:
                holds = list(map(contains, texts, repeat(word)))  # each in C, not a Python loop
                ids, texts = list(compress(ids, holds)), list(compress(texts, holds))
        with self._lock:
            if found.generation == self._generation:
                self._last = _Found(words, ids, texts, found.generation)
        return list(ids)  # the caller's own list, so what is held here stays as it was

    def read_ahead(self) -> None:
        """Read the fields now, if they are not held already, so the first word typed need
        not wait for them (on 20,000 children, a good part of a second's reading)."""
        self._current()

    def forget(self) -> None:
        """Drop the names held, as the store closes (a lock), so none outlive it in memory."""
        with self._lock:
            self._all = self._last = None

    def _built(self) -> bool:
        with self._lock:
            return self._all is not None and self._all.generation == self._generation

    def _narrowest(self, words: tuple[str, ...]) -> _Found:
        """The answer before when each of its words is within a word typed now (typing on,
        not deleting): every child found now is among those found then."""
        with self._lock:
            last = self._last
            if (
                last is not None
                and last.generation == self._generation
                and all(any(old in new for new in words) for old in last.words)
            ):
                return last
        return self._current()

    def _current(self) -> _Found:
        with self._lock:
            if self._all is not None and self._all.generation == self._generation:
                return self._all
            generation = self._generation
        query = select(ChildRow.id, *_FIELDS).order_by(ChildRow.full_name, ChildRow.id)
        with self._engine.connect() as connection:
            rows = connection.execute(query).all()
        # Joined here, not in SQL: SQLCipher's || measured several times slower than reading.
        texts = [_BETWEEN_FIELDS.join(row[1:]).lower() for row in rows]  # fields are NOT NULL
        found = _Found((), [row[0] for row in rows], texts, generation)
        with self._lock:
            # A write while reading leaves the copy stale: the next search reads again.
            self._all = found
        return found

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
