"""The Education tab: each time the child went missing from education, or was absent for part
of the school day, newest first, kept apart from going missing from home or care."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ...domain import display_dates as show
from ...domain.draft_key import FormKind
from ...domain.education import EducationAbsence
from ...domain.enums import RecordType
from ...services.structured import ChildPicture, PicturePart
from ..forms.education_form import EducationForm
from .education_model import COL_KIND, EducationModel, said_text, told_la_text, until_text
from .picture_tab import TabContext
from .record_list_tab import ListForm, ListWords, RecordListTab
from .record_panel import version_text

INTRO = (
    "Missing from education, and slipping out for part of the school day, can be signs of "
    "harm at home, exploitation or something else going on. Record each time here, apart from "
    "going missing from home or care, and read it beside the child's other records."
)
SOURCE = (
    "Source: Safeguarding children in education: children missing education (SCIE, 2020); "
    "Children missing education (DfE statutory guidance, 2016)."
)
_DETAIL_ROWS = [
    ("kind", "Kind"),
    ("from", "From"),
    ("to", "To"),
    ("said", "Said to be"),
    ("said_by", "Said by"),
    ("check_notes", "How checked"),
    ("la", "Local authority told"),
    ("parent", "Parent or carer"),
    ("others", "Others told"),
    ("notes", "Notes"),
    ("version", "Version"),
]


class EducationTab(RecordListTab[EducationAbsence]):
    TITLE = "Education"
    RECORD_TYPES = (RecordType.EDUCATION,)
    PARTS = frozenset({PicturePart.EDUCATION})
    RECORD_TYPE = RecordType.EDUCATION
    FORM_KIND = FormKind.EDUCATION
    STRETCH_COLUMN = COL_KIND
    WORDS = ListWords(
        "education",
        INTRO,
        SOURCE,
        "No absences from education recorded yet.",
        "Record absence…",
        "Selected absence",
        _DETAIL_ROWS,
        "New absence from education",
        "Amended absence from education",
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, EducationModel(), parent)

    def records_of(self, picture: ChildPicture) -> Sequence[EducationAbsence]:
        return picture.education

    def details_of(self, record: EducationAbsence) -> tuple[dict[str, str], frozenset[str]]:
        values = {
            "kind": record.kind.label,
            "from": show.moment(record.started_at, record.start_time_known),
            "to": until_text(record),
            "said": said_text(record),
            "said_by": record.said_by,
            "check_notes": record.check_notes,
            "la": told_la_text(record),
            "parent": "Told" if record.parent_told else "Not told",
            "others": record.others_told,
            "notes": record.notes,
            "version": version_text(record.version),
        }
        # Missing from education is for the local authority to know of; a part-day absence
        # may not be, so only the first is marked when nobody has told it.
        unknown_to_la = record.kind.missing_education and record.la_told_on is None
        return values, frozenset({"la"}) if unknown_to_la else frozenset()

    def history_title(self, record: EducationAbsence) -> str:
        return f"absence from education: {record.kind.label}"

    def form(self) -> ListForm:
        return EducationForm

    def fields_of(self, record: EducationAbsence) -> dict[str, str]:
        return EducationForm.fields_of(record)
