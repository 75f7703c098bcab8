"""The Sharing tab: each decision to share, or not to share, information about the child,
newest first, with its reasons and whether the child and family were told."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ...domain import display_dates as show
from ...domain.draft_key import FormKind
from ...domain.enums import RecordType
from ...domain.sharing import SharingDecision
from ...services.structured import ChildPicture, PicturePart
from ..forms.sharing_form import SharingForm
from .picture_tab import TabContext
from .record_list_tab import ListForm, ListWords, RecordListTab
from .record_panel import version_text
from .sharing_model import COL_WITH, SharingModel, decision_text

INTRO = (
    "Data protection law is not a barrier to sharing information to keep a child safe: all "
    "national guidance on confidentiality and data protection supports it. Record each "
    "decision here, including a decision not to share, with its reasons."
)
SOURCE = (
    "Source: Learning from serious case reviews, on the triennial review of SCRs; Information "
    "sharing: advice for practitioners providing safeguarding services (2018)."
)
_DETAIL_ROWS = [
    ("decision", "Decision"),
    ("when", "Decided"),
    ("with_whom", "With whom"),
    ("what", "What"),
    ("why", "Why"),
    ("basis", "Lawful basis"),
    ("told", "Child and family"),
    ("version", "Version"),
]


class SharingTab(RecordListTab[SharingDecision]):
    TITLE = "Sharing"
    RECORD_TYPES = (RecordType.SHARING,)
    PARTS = frozenset({PicturePart.SHARING})
    RECORD_TYPE = RecordType.SHARING
    FORM_KIND = FormKind.SHARING
    STRETCH_COLUMN = COL_WITH
    WORDS = ListWords(
        "sharing",
        INTRO,
        SOURCE,
        "No information-sharing decisions yet.",
        "Record decision…",
        "Selected decision",
        _DETAIL_ROWS,
        "New sharing decision",
        "Amended sharing decision",
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, SharingModel(), parent)

    def records_of(self, picture: ChildPicture) -> Sequence[SharingDecision]:
        return picture.sharing

    def details_of(self, record: SharingDecision) -> tuple[dict[str, str], frozenset[str]]:
        told = "Told" if record.family_told else f"Not told: {record.why_not_told}"
        values = {
            "decision": decision_text(record),
            "when": show.day_and_time(record.decided_at),
            "with_whom": record.with_whom,
            "what": record.what,
            "why": record.why,
            "basis": record.lawful_basis.label,
            "told": told,
            "version": version_text(record.version),
        }
        return values, frozenset()

    def history_title(self, record: SharingDecision) -> str:
        return f"sharing decision: {record.with_whom}"

    def form(self) -> ListForm:
        return SharingForm

    def fields_of(self, record: SharingDecision) -> dict[str, str]:
        return SharingForm.fields_of(record)
