"""Which pupil in a MIS file is which child already in the records, and what would change.

A pupil is the same child when the UPN is the same; failing that, when the full name and
date of birth are the same and the stored child has no UPN. A pupil who shares a date of
birth and a forename or surname with a child, or whose name and date of birth match a child
stored with another UPN, may or may not be that child: the DSL is asked. Nothing is ever
removed: children in the records but not in the file are listed for the DSL to decide.
A blank in the file never clears what the records hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .pupil_roll import BadRow, Roll, RollPupil
from .records import Child

# What an import may change, with the words the preview uses for each.
COMPARED = (
    ("full_name", "Name"),
    ("preferred_name", "Preferred name"),
    ("date_of_birth", "Date of birth"),
    ("sex", "Sex"),
    ("year_group", "Year"),
    ("tutor_group", "Registration group"),
    ("upn", "UPN"),
)


_ALIKE = "Same date of birth and a name in common."


@dataclass(frozen=True, slots=True)
class FieldChange:
    label: str
    old: str
    new: str
    adds_only: bool = False  # lines added to what is there, nothing replaced

    def __str__(self) -> str:
        if self.adds_only:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old or '(blank)'} -> {self.new}"


@dataclass(frozen=True, slots=True)
class Changed:
    pupil: RollPupil
    child: Child  # as the records hold the child now
    updated: Child  # with the file's details
    changes: tuple[FieldChange, ...]
    on_name: bool  # matched on name and date of birth, not on the UPN


@dataclass(frozen=True, slots=True)
class Unsure:
    pupil: RollPupil
    candidates: tuple[Child, ...]
    reason: str


class SameChildTwice(ValueError):
    """Two lines of the file were said to be one child."""

    def __init__(self, line: int, other_line: int) -> None:
        other = f"line {other_line}" if other_line else "another line of the file"
        super().__init__(
            f"Line {line} was chosen as the same child as {other}: one child can be only one "
            "pupil. Choose again for that line."
        )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing the file would do; nothing is written until the DSL says so."""

    kind: str
    new: tuple[RollPupil, ...]
    changed: tuple[Changed, ...]
    unchanged: int
    unsure: tuple[Unsure, ...]
    not_on_roll: tuple[Child, ...]
    bad_rows: tuple[BadRow, ...]
    matched: frozenset[int] = frozenset()  # ids of the children a line of the file is

    @property
    def pupils_read(self) -> int:
        return len(self.new) + len(self.changed) + self.unchanged + len(self.unsure)


def plan_import(roll: Roll, children: Sequence[Child]) -> ImportPlan:
    by_upn = {c.upn: c for c in children if c.upn}
    by_name_and_birth: dict[tuple[str, object], list[Child]] = defaultdict(list)
    by_birth: dict[object, list[Child]] = defaultdict(list)
    for child in children:
        by_name_and_birth[(_folded(child.full_name), child.date_of_birth)].append(child)
        by_birth[child.date_of_birth].append(child)
    claimed: set[int | None] = {by_upn[p.upn].id for p in roll.pupils if p.upn in by_upn}
    new: list[RollPupil] = []
    changed: list[Changed] = []
    unsure: list[Unsure] = []
    unchanged = 0
    for pupil in roll.pupils:
        match, on_name = by_upn.get(pupil.upn), False
        if match is None:
            same = by_name_and_birth.get((_folded(pupil.full_name), pupil.date_of_birth), [])
            same = [c for c in same if c.id not in claimed]
            if len(same) == 1 and not same[0].upn:
                match, on_name = same[0], True
            elif same:
                unsure.append(Unsure(pupil, tuple(same), _why_unsure(same)))
                continue
        if match is None:
            alike = [c for c in by_birth.get(pupil.date_of_birth, []) if _alike(c, pupil)]
            alike = [c for c in alike if c.id not in claimed]
            if alike:
                unsure.append(Unsure(pupil, tuple(alike), _ALIKE))
            else:
                new.append(pupil)
            continue
        claimed.add(match.id)
        found = updated_child(match, pupil)
        if found is None:
            unchanged += 1
        else:
            changed.append(Changed(pupil, match, found[0], found[1], on_name))
    looked_at = claimed | {c.id for u in unsure for c in u.candidates}
    not_on_roll = tuple(c for c in children if c.id not in looked_at)
    return ImportPlan(
        roll.kind,
        tuple(new),
        tuple(changed),
        unchanged,
        tuple(unsure),
        not_on_roll,
        roll.bad_rows,
        frozenset(i for i in claimed if i is not None),
    )


def updated_child(child: Child, pupil: RollPupil) -> tuple[Child, tuple[FieldChange, ...]] | None:
    """The child with the file's details, and what changed; None if nothing would."""
    offered = {
        "full_name": pupil.full_name,
        "preferred_name": pupil.preferred_name,
        "date_of_birth": pupil.date_of_birth,
        "sex": pupil.sex,
        "year_group": pupil.year_group,
        "tutor_group": pupil.tutor_group,
        "upn": pupil.upn,
    }
    kept = {name: value for name, value in offered.items() if value != ""}
    changes = tuple(
        FieldChange(label, _shown(getattr(child, name)), _shown(kept[name]))
        for name, label in COMPARED
        if name in kept and getattr(child, name) != kept[name]
    )
    # Contacts the household note does not hold yet are added below what the DSL wrote;
    # nothing the DSL wrote is changed or removed, and a contact gone from the MIS stays.
    held = set(child.household.splitlines())
    new_contacts = [line for line in pupil.contact_lines() if line not in held]
    household = "\n".join(filter(None, (child.household, *new_contacts)))
    if new_contacts:
        added = "; ".join(new_contacts)
        changes += (FieldChange("Contacts added to the household", "", added, adds_only=True),)
    if not changes:
        return None
    updated = replace(
        child,
        full_name=pupil.full_name,
        preferred_name=pupil.preferred_name or child.preferred_name,
        date_of_birth=pupil.date_of_birth,
        sex=pupil.sex or child.sex,
        year_group=pupil.year_group or child.year_group,
        tutor_group=pupil.tutor_group or child.tutor_group,
        upn=pupil.upn,
        household=household,
    )
    return updated, changes


def resolve(
    plan: ImportPlan, choices: Mapping[int, int | None]
) -> tuple[list[RollPupil], list[Changed]]:
    """The pupils to add and children to update once the DSL has answered for unsure pupils.

    choices: a pupil's line -> the id of the child they are, or None to add them as new; a
    line not in choices is left out of this import."""
    new, changed = list(plan.new), list(plan.changed)
    taken = dict.fromkeys(plan.matched, 0)  # child id -> the line that is them (0: matched)
    for doubt in plan.unsure:
        if doubt.pupil.line not in choices:
            continue
        chosen = choices[doubt.pupil.line]
        if chosen is None:
            new.append(doubt.pupil)
            continue
        if chosen in taken:
            raise SameChildTwice(doubt.pupil.line, taken[chosen])
        taken[chosen] = doubt.pupil.line
        child = next(c for c in doubt.candidates if c.id == chosen)
        found = updated_child(child, doubt.pupil)
        if found is not None:
            changed.append(Changed(doubt.pupil, child, found[0], found[1], on_name=True))
    return new, changed


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _alike(child: Child, pupil: RollPupil) -> bool:
    words = set(_folded(child.full_name).split())
    return bool(words & {pupil.surname.casefold(), pupil.forename.casefold()})


def _why_unsure(same: Sequence[Child]) -> str:
    if len(same) > 1:
        return "Two or more children have this name and date of birth."
    return "Same name and date of birth, another UPN."


def _shown(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
