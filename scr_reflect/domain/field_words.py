"""A kept field as the DSL chose it, not as it is stored: "Physical abuse", not "physical".

A record's history holds each field as stored text, so a chosen value reads as its code. The
record's own class says which fields were chosen from a list (an enum, or a set of them) and
which are a yes or no; every other field was typed, and reads exactly as it was typed, even
where it shares a name with a chosen one (a concern's outcome, a factor's source). The history
window and a transfer pack's records both read fields through here.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from enum import StrEnum

from .enums import RecordType
from .record_kinds import RECORD_KINDS
from .records import Child, ChronologyEntry, Concern, FollowUpAction

_RECORD_CLASSES: dict[RecordType, type] = {
    RecordType.CHILD: Child,
    RecordType.CONCERN: Concern,
    RecordType.ENTRY: ChronologyEntry,
    RecordType.ACTION: FollowUpAction,
    **{kind.record_type: kind.record_class for kind in RECORD_KINDS},
}
_YES_NO = {"True": "Yes", "False": "No"}
_ABBREVIATIONS = {"la": "LA", "upn": "UPN"}  # the local authority; a unique pupil number

# A kept field's stored text, and the words the DSL reads for it.
Words = Callable[[str, str], str]


def caption(field: str) -> str:
    """The field's name as a label: a field keeping another record's id is named for that
    record ("Concern"), as its words name the record rather than give the id."""
    text = " ".join(_ABBREVIATIONS.get(w, w) for w in field.removesuffix("_id").split("_"))
    return text[:1].upper() + text[1:]


def words_for(
    record_type: RecordType, named: Mapping[str, Mapping[str, str]] | None = None
) -> Words:
    """How each kept field of this kind of record reads. named: for a field that keeps the ids
    of other records ("12,15"), the words for each id; an id not among them (a record since
    deleted) is shown as it was kept."""
    record_class = _RECORD_CLASSES.get(record_type)
    types = typing.get_type_hints(record_class) if record_class else {}
    ids_named = named or {}

    def words(field: str, text: str) -> str:
        known = ids_named.get(field)
        if known is not None:
            return "\n".join(known.get(i, i) for i in text.replace(",", " ").split())
        return _chosen_in_words(types.get(field), text)

    return words


def _chosen_in_words(field_type: object, text: str) -> str:
    """A yes or no, or values chosen from a list (kept space-separated), in words; a value not
    on the field's list is shown as it was written."""
    for chosen in typing.get_args(field_type) or (field_type,):  # X | None, frozenset[X]
        if chosen is bool and text in _YES_NO:
            return _YES_NO[text]
        if isinstance(chosen, type) and issubclass(chosen, StrEnum):
            known = {member.value: member for member in chosen}
            codes = text.split()
            if codes and all(code in known for code in codes):
                return ", ".join(getattr(known[code], "label", code) for code in codes)
    return text
