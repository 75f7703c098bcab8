"""Item models pass Qt's model checks and load rows lazily; the lane runs off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.domain.records import Child, ChronologyEntry, SchoolProfile
from scr_reflect.services import workspace
from scr_reflect.services.clock import FixedClock
from scr_reflect.storage import keyslots, sqlcipher
from scr_reflect.ui.children_model import COL_NAME, COL_OPEN, ChildrenModel
from scr_reflect.ui.chronology_model import COL_KIND, COL_TITLE, COL_WHEN, ChronologyModel
from scr_reflect.ui.chronology_pane import ChronologyPane
from scr_reflect.ui.shared.latest import Latest
from scr_reflect.ui.shared.lazy_table_model import ID_ROLE, LOADING, rows_in_view
from scr_reflect.ui.shared.list_table_model import ListTableModel
from scr_reflect.ui.shared.task_runner import LaneRunner, SyncRunner
from tests.ui.deferred_runner import DeferredRunner

HOUR = timedelta(hours=1)


@pytest.fixture
def records():
    ws = workspace.in_memory(
        SchoolProfile("Riverside Academy", "Sam Okafor"), FixedClock(datetime(2026, 11, 20, 9))
    )
    yield ws.records
    ws.close()


def add_children(records, count: int) -> list[int]:
    return [
        records.add_child(
            Child(f"Testchild {n:04d}", date(2012, 1, 1), year_group="Year 9")
        ).child_id
        for n in range(count)
    ]


def test_children_model_passes_qt_checks(qtmodeltester, records):
    add_children(records, 5)
    model = ChildrenModel(SyncRunner(), records.child_summaries, pytest.fail)
    model.set_ids(records.search_children(""))
    qtmodeltester.check(model)
    assert model.index(0, COL_NAME).data() == "Testchild 0000"
    assert model.index(0, COL_OPEN).data() == ""


def test_chronology_model_passes_qt_checks(qtmodeltester, records):
    child_id = add_children(records, 1)[0]
    for day in (3, 5, 4):
        records.add_entry(
            ChronologyEntry(
                child_id, EntryKind.MEETING, datetime(2026, 11, day, 9), f"Meeting {day}"
            )
        )
    model = ChronologyModel(SyncRunner(), records.entries, pytest.fail)
    model.set_ids(records.entry_ids(child_id, ChronologyFilter()))
    qtmodeltester.check(model)
    assert [model.index(r, 2).data() for r in range(3)] == ["Meeting 5", "Meeting 4", "Meeting 3"]
    assert model.index(0, COL_KIND).data() == "Meeting"


def test_a_line_kept_by_the_day_shows_its_date_alone(records):
    child_id = add_children(records, 1)[0]
    for time_known in (True, False):
        records.add_entry(
            ChronologyEntry(
                child_id,
                EntryKind.NOTE,
                datetime(2026, 11, 4 if time_known else 5, 9),
                "Note",
                time_known=time_known,
            )
        )
    model = ChronologyModel(SyncRunner(), records.entries, pytest.fail)
    model.set_ids(records.entry_ids(child_id, ChronologyFilter()))
    assert [model.index(r, COL_WHEN).data() for r in range(2)] == [
        "05/11/2026",
        "04/11/2026 09:00",
    ]


def children_model_noting_reads(records, runner) -> tuple[ChildrenModel, list[list[int]]]:
    """A children's model on the runner, and the ids of each page it reads, in order."""
    fetched: list[list[int]] = []

    def fetch(page_ids: list[int]):
        fetched.append(page_ids)
        return records.child_summaries(page_ids)

    return ChildrenModel(runner, fetch, pytest.fail), fetched


def test_rows_load_a_page_at_a_time_only_when_shown(qtbot, records):
    add_children(records, 250)
    ids = records.search_children("")
    runner = DeferredRunner()
    model, fetched = children_model_noting_reads(records, runner)
    model.set_ids(ids)
    assert model.rowCount() == 250
    assert model.index(0, COL_NAME).data() == LOADING
    assert model.index(0, COL_NAME).data(ID_ROLE) == ids[0]
    with qtbot.waitSignal(model.dataChanged):
        runner.flush()
    assert model.index(0, COL_NAME).data() == "Testchild 0000"
    assert fetched == [ids[: ChildrenModel.PAGE_SIZE]]  # only the first page was read
    model.index(249, COL_NAME).data()
    runner.flush()
    assert model.index(249, COL_NAME).data() == "Testchild 0249"
    assert len(fetched) == 2


def test_the_rows_around_a_row_are_read_ahead_with_the_list(records):
    ids = add_children(records, 250)
    runner = DeferredRunner()
    model, fetched = children_model_noting_reads(records, runner)
    assert [r.id for r in model.read_ahead(ids, 0, 30)] == ids[:31]
    assert [r.id for r in model.read_ahead(ids, 130, 20)] == ids[110:151]
    assert [r.id for r in model.read_ahead(ids, 245, 20)] == ids[225:]
    assert model.read_ahead([], 0, 20) == ()  # an empty list reads nothing
    assert len(fetched) == 3

    fetched.clear()
    model.set_ids(ids, model.read_ahead(ids, 130, 20))
    assert model.index(110, COL_NAME).data() == "Testchild 0110"  # there, not asked for
    assert model.index(150, COL_NAME).data() == "Testchild 0150"
    assert len(fetched) == 1 and not runner.queue
    assert model.index(151, COL_NAME).data() == LOADING  # a row not read ahead: its page
    runner.flush()
    assert fetched[-1] == ids[100:200]
    assert model.index(151, COL_NAME).data() == "Testchild 0151"


def test_a_page_from_an_earlier_search_is_dropped_unread(records):
    ids = add_children(records, 3)
    runner = DeferredRunner()
    fetched: list[list[int]] = []
    model = ChildrenModel(
        runner, lambda page: fetched.append(page) or records.child_summaries(page), pytest.fail
    )
    model.set_ids(ids)
    model.index(0, COL_NAME).data()  # asks for a page
    model.set_ids(ids[2:])  # a new search before it arrives
    runner.flush()
    assert model.rowCount() == 1
    assert model.loaded(0) is None
    assert fetched == []  # the lane did not read the page no longer wanted


def test_only_the_latest_load_of_a_kind_runs_and_is_shown():
    runner = DeferredRunner()
    latest = Latest(runner)
    ran: list[str] = []
    shown: list[str] = []

    def load(text: str) -> Callable[[], str]:
        return lambda: ran.append(text) or text

    for typed in ("a", "ad", "ada"):
        latest.run(load(typed), shown.append, pytest.fail)
    runner.flush()
    assert ran == ["ada"] and shown == ["ada"]  # the keystrokes typed past were skipped

    def overtaken() -> str:  # asked for again while the lane is reading it
        latest.run(load("bea"), shown.append, pytest.fail)
        return "ada again"

    latest.run(overtaken, shown.append, pytest.fail)
    runner.flush()
    assert shown == ["ada", "bea"]  # the answer overtaken is dropped


def test_lane_runs_work_in_order_off_the_gui_thread(qtbot):
    runner = LaneRunner()
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int, int]] = []

    def work(n: int) -> tuple[int, int]:
        return n, threading.get_ident()

    for n in range(5):
        runner.run(
            lambda n=n: work(n), lambda r: seen.append((*r, threading.get_ident())), pytest.fail
        )
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert [n for n, _worker, _delivered in seen] == [0, 1, 2, 3, 4]
    assert {worker for _n, worker, _d in seen} != {gui_thread}
    assert len({worker for _n, worker, _d in seen}) == 1  # one serial lane, one thread
    assert {delivered for _n, _w, delivered in seen} == {gui_thread}


def test_the_lanes_jobs_share_one_database_connection(qtbot, tmp_path):
    """A new connection costs a key, the schema and a cold page cache: the lane's Qt thread
    must not open one for each job, and a connection first opened on another thread serves
    the lane too."""
    engine = sqlcipher.file_engine(tmp_path / "records.db", keyslots.new_data_key())
    opened: list[object] = []
    event.listen(engine, "connect", lambda dbapi, _record: opened.append(dbapi))
    sqlcipher.check_key(engine)  # the first connection, opened on this (the GUI) thread
    runner, answers = LaneRunner(), []

    def read() -> int:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one())

    for _ in range(5):
        runner.run(read, answers.append, pytest.fail)
    qtbot.waitUntil(lambda: len(answers) == 5)
    assert answers == [0] * 5
    assert len(opened) == 1
    engine.dispose()


def test_lane_hands_errors_back_on_the_gui_thread(qtbot):
    runner = LaneRunner()
    errors: list[Exception] = []

    def fail() -> None:
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False):
        runner.run(fail, pytest.fail, errors.append)
    assert isinstance(errors[0], ValueError)


def test_a_role_the_model_does_not_answer_loads_nothing(records):
    runner = DeferredRunner()
    model = ChildrenModel(runner, records.child_summaries, pytest.fail)
    model.set_ids(add_children(records, 3))
    for role in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.DecorationRole,
    ):
        assert model.index(0, COL_NAME).data(role) is None
    assert runner.queue == []  # no page asked for on their account


def test_a_rows_cells_are_worked_out_once_and_again_when_it_is_amended(records):
    child_id = add_children(records, 1)[0]
    entry_id = records.add_entry(
        ChronologyEntry(child_id, EntryKind.MEETING, datetime(2026, 11, 3, 9), "Meeting")
    ).record_id
    worked_out: list[int] = []

    class Counting(ChronologyModel):
        def cell(self, row, column, role):
            worked_out.append(column)
            return super().cell(row, column, role)

    model = Counting(SyncRunner(), records.entries, pytest.fail)
    model.set_ids([entry_id])
    for _painted in range(3):
        texts = [model.index(0, column).data() for column in range(3)]
        assert model.index(0, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole) == "Meeting"
    assert texts[COL_KIND] == "Meeting"
    assert len(worked_out) == 3 * len(model.ROLES)
    model.forget(entry_id)
    assert model.index(0, COL_KIND).data() == "Meeting"
    assert len(worked_out) == 2 * 3 * len(model.ROLES)


def test_a_list_answers_only_its_roles_and_works_out_a_row_once():
    worked_out: list[tuple[str, int]] = []

    class Names(ListTableModel[tuple[int, str]]):
        HEADERS = ("Name", "Letters")

        def row_id(self, item):
            return item[0]

        def cell(self, item, column):
            worked_out.append((item[1], column))
            return item[1] if column == 0 else str(len(item[1]))

    model = Names()
    model.set_rows([(1, "Ada"), (2, "Tomasz")])
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert worked_out == []
    for _painted in range(3):
        assert [model.index(1, c).data() for c in range(2)] == ["Tomasz", "6"]
        assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "6"
    assert model.index(1, 0).data(ID_ROLE) == 2
    assert sorted(set(worked_out)) == [("Tomasz", 0), ("Tomasz", 1)]
    assert len(worked_out) == 4  # each cell once for its text, once for its tooltip
    model.set_rows([(1, "Ada")])
    assert model.index(0, 0).data() == "Ada"


def test_a_childs_chronology_shows_its_first_rows_read_with_its_ids(qtbot, records):
    child_id = add_children(records, 1)[0]
    for hour in range(150):
        records.add_entry(
            ChronologyEntry(child_id, EntryKind.NOTE, datetime(2026, 11, 3, 0) + hour * HOUR, "A")
        )
    runner = DeferredRunner()
    pane = ChronologyPane(runner, records, pytest.fail)
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show_child(child_id, "Testchild 0000")
    runner.run_next()  # the listing: ids and the rows on screen, in one go on the lane
    model = pane.model
    assert model.rowCount() == 150
    assert model.loaded(0) is not None
    assert model.loaded(rows_in_view(pane.table)) is not None  # the last row that can show
    assert model.loaded(149) is None  # a row further down is read with its page
    assert runner.queue == []
