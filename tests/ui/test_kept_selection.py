"""A table's chosen record is chosen again after its rows reload, wherever its row has gone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import pytest
from PySide6.QtWidgets import QWidget

from scr_reflect.domain.changes import ChangeSet
from scr_reflect.ui.shared.kept_selection import KeptSelection
from scr_reflect.ui.shared.list_table_model import ListTableModel
from scr_reflect.ui.shared.widgets import record_table


class Line(NamedTuple):
    id: int
    text: str


class LinesModel(ListTableModel[Line]):
    HEADERS = ("Line",)

    def cell(self, item: Line, column: int) -> str:
        return item.text


def lines(*ids: int) -> list[Line]:
    return [Line(n, f"Line {n}") for n in ids]


@pytest.fixture
def table(qtbot) -> Iterator[tuple[LinesModel, KeptSelection]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = LinesModel()
    yield model, KeptSelection(record_table(parent, "lines", model), model)


def reload(model: LinesModel, kept: KeptSelection, rows: list[Line], otherwise: int | None) -> None:
    keep = kept.id_to_keep()
    model.set_rows(rows)
    kept.choose(keep, otherwise)


def test_the_chosen_record_is_chosen_again_in_its_new_row(table):
    model, kept = table
    model.set_rows(lines(1, 2, 3))
    kept.choose(2)
    reload(model, kept, lines(5, 4, 3, 2), otherwise=0)
    assert kept.chosen_id() == 2


def test_a_record_gone_from_the_rows_gives_way_to_the_row_named_or_to_none(table):
    model, kept = table
    model.set_rows(lines(1, 2))
    kept.choose(2)
    reload(model, kept, lines(1, 3), otherwise=1)
    assert kept.chosen_id() == 3
    reload(model, kept, lines(4), otherwise=None)
    assert kept.chosen_id() is None


def test_after_a_save_the_record_saved_is_chosen_once(table):
    model, kept = table
    model.set_rows(lines(1, 2))
    kept.choose(1)
    kept.choose_saved(ChangeSet(record_id=7))
    reload(model, kept, lines(1, 2, 7), otherwise=0)
    assert kept.chosen_id() == 7
    kept.choose(2)
    reload(model, kept, lines(1, 2, 7), otherwise=0)
    assert kept.chosen_id() == 2
