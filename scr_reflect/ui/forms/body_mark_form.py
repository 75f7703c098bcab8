"""Record or amend a mark on a child's body: where it is on the figure, what it looks like,
what the child said and who saw it. Never a photograph.

Where the mark is comes from a click on the figure (the tab opens the form with the point),
or, without a mouse, from choosing the view and the region from lists: the mark is then
placed in the middle of that region.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from ...domain.body_map import BodyMark, BodyView, HowKnown, MarkShape, earlier_note
from ...domain.body_regions import centre_of, region_at, region_names
from ...domain.changes import ChangeSet
from ...domain.headlines import dated_headline
from ...domain.records import Concern, Draft
from ..shared.widgets import as_iso, choice_box, datetime_edit, text_box
from .form_context import FormContext
from .record_form import REASON, FieldProblem, RecordForm

YES = "yes"
NO_PHOTOGRAPH = (
    "No photograph is asked for or kept here. School staff should not photograph a child's "
    "body or injuries: describe what you see, mark where it is on the figure, and pass it "
    "on. If a photograph is needed, children's social care, the police or a health "
    "professional will decide and take it."
)


def position_text(x: float, y: float) -> str:
    return f"{x:.4f},{y:.4f}"


class BodyMarkForm(RecordForm):
    def __init__(
        self,
        context: FormContext,
        draft: Draft,
        child_id: int,
        concerns: Sequence[Concern],
        marks: Sequence[BodyMark],
        mark: BodyMark | None = None,
    ) -> None:
        records, structured = context.records, context.structured
        super().__init__(context.parent, context.runner, records, draft, amending=mark is not None)
        self._structured, self._child_id, self._mark = structured, child_id, mark
        self._marks = list(marks)
        self.setWindowTitle("Amend body map mark" if mark else "Record a mark on the body map")
        why = QLabel(NO_PHOTOGRAPH, self, objectName="noPhotograph", wordWrap=True)
        why.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(why)
        concern_box = choice_box(
            self,
            [("Choose…", "")]
            + [
                (dated_headline(c), str(c.id))
                for c in sorted(concerns, key=lambda c: c.occurred_at, reverse=True)
            ],
        )
        concern_box.setEnabled(mark is None)  # a mark stays with the concern it was made under
        self.add_field("concern", "Concern", concern_box, "The concern this mark was seen under.")
        self.add_field("view", "View", choice_box(self, [(v.label, v.value) for v in BodyView]))
        self.add_field("region", "Where", choice_box(self, []), "The part of the body.")
        position = QLineEdit(self)
        position.hide()  # set by a click on the figure, or by the region chosen
        self.add_field("position", "", position)
        self._labels["position"].hide()
        self.earlier = QLabel(self, objectName="earlierMarks", wordWrap=True)
        self.earlier.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.earlier)
        self.add_field(
            "how_known",
            "Seen or reported",
            choice_box(self, [("Choose…", "")] + [(h.label, h.value) for h in HowKnown]),
        )
        self.add_field(
            "seen_on",
            "Seen on",
            datetime_edit(self, records.now(), time_optional=True),
            "The date, and the time if known.",
        )
        self.add_field(
            "seen_by",
            "Seen by",
            QLineEdit(self, placeholderText="Name and role; who reported it, if not seen"),
        )
        self.add_field("length_cm", "Length (cm)", QLineEdit(self, placeholderText="e.g. 3"))
        self.add_field("width_cm", "Width (cm)", QLineEdit(self, placeholderText="e.g. 1.5"))
        self.add_field("shape", "Shape", choice_box(self, [(s.label, s.value) for s in MarkShape]))
        self.add_field(
            "colour",
            "Colour",
            QLineEdit(self, placeholderText="As you see it, e.g. red, purple-blue, yellow-green"),
        )
        for name, label in (
            ("broken_skin", "Broken skin"),
            ("swelling", "Swelling"),
            ("bleeding", "Bleeding"),
        ):
            self.add_field(name, label, QCheckBox("Yes", self))
        self.add_field(
            "child_said",
            "What the child said",
            text_box(self, "The child's explanation in their own words, exactly as said.", 3),
            "Write down exactly what the child said; do not tidy or interpret it.",
            hints=False,
        )
        self._fields["view"].changed.connect(self._view_changed)
        self._fields["region"].changed.connect(self._region_changed)
        # Which marks came earlier depends on the day this one was seen.
        self._fields["seen_on"].changed.connect(self._show_earlier)
        self._fill_regions()
        self.finish_building()
        self._show_earlier()

    @staticmethod
    def fields_of(mark: BodyMark) -> dict[str, str]:
        seen = as_iso(
            datetime.combine(mark.seen_on, mark.seen_time) if mark.seen_time else mark.seen_on
        )
        return {
            "concern": str(mark.concern_id),
            "view": mark.view.value,
            "region": mark.region,
            "position": position_text(mark.x, mark.y),
            "how_known": mark.how_known.value,
            "seen_on": seen,
            "seen_by": mark.seen_by,
            "length_cm": "" if mark.length_cm is None else f"{mark.length_cm:g}",
            "width_cm": "" if mark.width_cm is None else f"{mark.width_cm:g}",
            "shape": mark.shape.value,
            "colour": mark.colour,
            "broken_skin": YES if mark.broken_skin else "",
            "swelling": YES if mark.swelling else "",
            "bleeding": YES if mark.bleeding else "",
            "child_said": mark.child_said,
        }

    # Where the mark is ----------------------------------------------------------------------

    def _view(self) -> BodyView:
        return BodyView(self.value("view"))

    def _fill_regions(self) -> None:
        box = self._fields["region"].widget
        box.blockSignals(True)
        box.clear()
        box.addItem("Choose…", "")
        for name in region_names(self._view()):
            box.addItem(name, name)
        box.blockSignals(False)

    def _view_changed(self) -> None:
        self._fill_regions()
        self._fields["position"].write("")
        self._show_earlier()

    def _region_changed(self) -> None:
        """A region chosen from the list moves the mark to its middle, unless the point placed
        on the figure is already in it."""
        region = self.value("region")
        point = self._point()
        if region and (point is None or region_at(self._view(), *point) != region):
            self._fields["position"].write(position_text(*centre_of(self._view(), region)))
        self._show_earlier()

    def _point(self) -> tuple[float, float] | None:
        try:
            x, y = (float(part) for part in self.value("position").split(","))
        except ValueError:
            return None
        return x, y

    def _show_earlier(self) -> None:
        region = self.value("region")
        note = ""
        if region:
            here = self._draft_mark(region)
            note = earlier_note(here, self._marks)
        self.earlier.setText(note)
        self.earlier.setVisible(bool(note))

    def _draft_mark(self, region: str) -> BodyMark:
        """Enough of the mark being typed to find earlier marks on the same part of the body."""
        try:
            typed = self._typed_date("seen_on")
        except FieldProblem:
            typed = None  # not yet readable: every earlier mark counts
        seen_on = typed.date() if isinstance(typed, datetime) else typed or date.max
        return BodyMark(
            self._child_id, 0, self._view(), 0, 0, region, MarkShape.ROUND, "",
            HowKnown.SEEN, "", seen_on, id=self._mark.id if self._mark else None,
        )  # fmt: skip

    # Saving ---------------------------------------------------------------------------------

    def _size(self, name: str) -> float | None:
        text = self.value(name).strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise FieldProblem(name, "A size is a number of centimetres, e.g. 2.5.") from None

    def make_save(self) -> Callable[[], ChangeSet]:
        unchosen = [
            message
            for name, message in (
                ("concern", "Choose the concern this mark was seen under."),
                ("region", "Place the mark on the figure, or choose where it is."),
                ("how_known", "Choose whether staff saw the mark or it was reported."),
            )
            if not self.value(name)
        ]
        point = self._point()
        if unchosen or point is None:
            raise ValueError("\n".join(unchosen) or "Place the mark on the figure.")
        seen, time_known = self.moment_value("seen_on")
        mark = BodyMark(
            child_id=self._child_id,
            concern_id=int(self.value("concern")),
            view=self._view(),
            x=point[0],
            y=point[1],
            region=self.value("region"),
            shape=MarkShape(self.value("shape")),
            colour=self.value("colour").strip(),
            how_known=HowKnown(self.value("how_known")),
            seen_by=self.value("seen_by").strip(),
            seen_on=seen.date(),
            seen_time=seen.time() if time_known else None,
            length_cm=self._size("length_cm"),
            width_cm=self._size("width_cm"),
            broken_skin=self.value("broken_skin") == YES,
            swelling=self.value("swelling") == YES,
            bleeding=self.value("bleeding") == YES,
            child_said=self.value("child_said"),
        )
        structured = self._structured
        if self._mark is None:
            return lambda: structured.add(mark)
        amended = replace(mark, id=self._mark.id, version=self._mark.version)
        reason = self.value(REASON)
        return lambda: structured.amend(amended, reason)
