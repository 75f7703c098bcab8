"""Reading the DfE Common Transfer File (CTF) that every English MIS exports.

The file is parsed by defusedxml with document types forbidden: a CTF never declares one,
and a file that does (an XML bomb, an external entity reaching for a file or a server) is
refused before any entity is expanded. Each pupil keeps the line their <Pupil> starts on,
so a bad row can be found in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..domain.pupil_roll import BadRow, Contact, Roll, RollPupil, read_pupil, with_duplicates_named
from .mis_errors import UnreadableFile

# Where an MIS adds the registration group (the CTF itself has no field for it).
_GROUP_TAGS = ("RegGroup", "RegistrationGroup", "TutorGroup", "FormGroup", "Form")
# The DfE's codes for a contact's relationship to the pupil, where they are certain.
_RELATIONSHIPS = {
    "PAM": "mother",
    "PAF": "father",
    "STM": "step-mother",
    "STF": "step-father",
    "FOM": "foster mother",
    "FOF": "foster father",
    "CAR": "carer",
    "REL": "relative",
    "OTH": "other",
}


@dataclass(frozen=True, slots=True)
class CtfHeader:
    """Who made the file and when: shown before the import, never stored."""

    school: str
    made_at: str
    version: str


class _LineTree(TreeBuilder):
    """A tree builder that notes the line each <Pupil> starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.expat: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        if tag.rpartition("}")[2] == "Pupil" and self.expat is not None:
            self.lines[id(element)] = self.expat.CurrentLineNumber
        return element


def read_ctf(data: bytes, today: date) -> tuple[CtfHeader, Roll]:
    root, lines = _parse(data)
    _drop_namespaces(root)
    if root.tag != "CTfile":
        raise UnreadableFile("This XML file is not a Common Transfer File (no <CTfile>).")
    header = root.find("Header")
    school = _text(header, "SourceSchool/SchoolName") if header is not None else ""
    made_at = _text(header, "DateTime") if header is not None else ""
    version = _text(header, "CTFversion") if header is not None else ""
    pupils: list[RollPupil] = []
    bad: list[BadRow] = []
    for pupil in root.iterfind("CTFpupilData/Pupil"):
        read = read_pupil(lines.get(id(pupil), 0), _fields(pupil), today, _contacts(pupil))
        if isinstance(read, BadRow):
            bad.append(read)
        else:
            pupils.append(read)
    roll = with_duplicates_named(Roll(tuple(pupils), tuple(bad), "CTF"))
    return CtfHeader(school, made_at, version), roll


def _parse(data: bytes) -> tuple[Element, dict[int, int]]:
    tree = _LineTree()
    parser = DefusedXMLParser(target=tree, forbid_dtd=True)
    tree.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as error:
        raise UnreadableFile(
            "The file declares a document type or entities, which a CTF never does (it is "
            "how an XML bomb or a reach for other files works): it was refused unread."
        ) from error
    except ParseError as error:
        line = error.position[0] if error.position else 0
        raise UnreadableFile(
            f"The file is not well-formed XML (line {line}): it may be cut short. "
            "Export the CTF again from the MIS."
        ) from error
    return root, tree.lines


def _drop_namespaces(root: Element) -> None:
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]


def _text(element: Element | None, path: str) -> str:
    if element is None:
        return ""
    return (element.findtext(path) or "").strip()


def _fields(pupil: Element) -> dict[str, str]:
    basic = pupil.find("BasicDetails")
    group = next((g for tag in _GROUP_TAGS if (g := _text(pupil, f".//{tag}"))), "")
    return {
        "upn": _text(pupil, "UPN"),
        "surname": _text(pupil, "Surname"),
        "forename": _text(pupil, "Forename"),
        "date_of_birth": _text(pupil, "DOB"),
        "sex": _text(pupil, "Sex") or _text(pupil, "Gender"),
        "preferred_surname": _text(basic, "PreferredSurname"),
        "preferred_forename": _text(basic, "PreferredForename"),
        "year_group": _text(basic, "NCyearActual"),
        "tutor_group": group,
    }


def _contacts(pupil: Element) -> tuple[Contact, ...]:
    found = []
    for contact in pupil.iterfind("Contacts/Contact"):
        name = " ".join(
            part
            for part in (
                _text(contact, "Title"),
                _text(contact, "Forename"),
                _text(contact, "Surname"),
            )
            if part
        )
        if not name:
            continue
        code = _text(contact, "Relationship")
        responsibility = _text(contact, "Responsibility").casefold()
        order = _text(contact, "Order")
        found.append(
            Contact(
                name=name,
                relationship=_RELATIONSHIPS.get(code.upper(), code),
                parental_responsibility=(
                    responsibility in {"true", "1", "yes"} if responsibility else None
                ),
                priority=int(order) if order.isdigit() else None,
            )
        )
    return tuple(found)
