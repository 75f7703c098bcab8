"""Who may open the store. Each current person has a key slot named after their id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..domain.people import Person, Role
from .models_trust import PersonRow
from .unit_of_work import UnitOfWork, get_row


def _person(row: PersonRow) -> Person:
    return Person(row.id, row.name, Role(row.role), row.added_at, row.removed_at)


class PeopleRepository(UnitOfWork):
    def add(self, name: str, role: Role, by: str, now: datetime) -> Person:
        with self._unit() as s:
            row = PersonRow(name=name, role=role.value, added_at=now, added_by=by)
            s.add(row)
            s.flush()
            return _person(row)

    def get(self, person_id: int) -> Person:
        with self._unit() as s:
            return _person(get_row(s, PersonRow, person_id))

    def everyone(self) -> list[Person]:
        """Current people first (the DSL, then deputies by name), then those removed."""
        with self._unit() as s:
            people = [_person(row) for row in s.scalars(select(PersonRow))]
        return sorted(people, key=lambda p: (not p.is_current, p.role is not Role.DSL, p.name))
