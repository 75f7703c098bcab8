"""Each keystroke of the child search does only what it must: the child open stays open
without being read again, and the list shows its first rows, read with the children found,
reading no page it does not show."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from scr_reflect.domain.changes import ChangeSet
from scr_reflect.domain.records import Child

NAMES = ("Ada Quillfeather", "Bram Oakhollow", "Cai Oakhollow", "Dot Fennimore")


def add_children(window, names) -> list[int]:
    records = window.workspace.records
    return [records.add_child(Child(name, date(2014, 9, 3))).record_id for name in names]


def test_a_search_that_keeps_the_child_open_does_not_open_them_again(unlocked, monkeypatch):
    view = unlocked.view
    ids = add_children(unlocked, NAMES)
    children = view.children_pane
    children.refresh()
    records = view.workspace.records
    opened: list[int] = []
    read_child = records.child
    monkeypatch.setattr(records, "child", lambda i: opened.append(i) or read_child(i))

    bram, cai = ids[1], ids[2]
    children.select(bram)
    assert opened == [bram]
    for typed in ("o", "oa", "oak", "oakh"):
        children.search.setText(typed)
        children.refresh()
        assert children.selected_id() == bram
    assert opened == [bram]
    assert view.chronology.heading.text() == "Chronology: Bram Oakhollow"

    children.select(cai)  # choosing another child still opens them
    assert opened == [bram, cai]


def test_a_child_changed_is_read_again_though_still_chosen(unlocked, monkeypatch):
    view = unlocked.view
    bram = add_children(unlocked, NAMES)[1]
    children = view.children_pane
    children.refresh()
    children.select(bram)
    records = view.workspace.records
    opened: list[int] = []
    read_child = records.child
    monkeypatch.setattr(records, "child", lambda i: opened.append(i) or read_child(i))

    amended = replace(read_child(bram), preferred_name="Bramble")
    view.apply(records.amend_child(amended, "He asked to be called Bramble"))
    assert children.selected_id() == bram
    assert opened and set(opened) == {bram}
    row = children.model.row_of(bram)
    assert row is not None and children.model.index(row, 0).data() == "Bram Oakhollow (Bramble)"

    opened.clear()
    view.apply(ChangeSet(children=True))  # as a pupil import that may have changed anyone
    assert opened == [bram]


def test_a_search_that_hides_the_child_open_shows_the_first_rows_only(unlocked):
    view = unlocked.view
    many = [f"Pupil {n:03d} Oakhollow" for n in range(250)]
    ids = add_children(unlocked, [*many, "Zed Quillfeather"])
    children = view.children_pane
    children.refresh()
    children.select(ids[-1])  # the foot of the list, scrolled down to
    assert children.table.rowAt(0) > 0

    children.search.setText("oakhollow")
    children.refresh()
    model = children.model
    assert model.rowCount() == 250 and children.selected_id() is None
    assert children.table.rowAt(0) == 0
    assert model.loaded(0) is not None  # read with the ids, before the list is painted
    assert model.loaded(model.PAGE_SIZE) is None  # the pages below are read when scrolled to
    assert model.loaded(249) is None


def test_the_search_fields_are_read_once_the_children_are_listed(unlocked, monkeypatch):
    view = unlocked.view
    records = view.workspace.records
    done: list[str] = []
    search, read_ahead = records.search_children, records.read_search_fields_ahead
    monkeypatch.setattr(records, "search_children", lambda t: done.append("listed") or search(t))
    monkeypatch.setattr(
        records, "read_search_fields_ahead", lambda: done.append("read ahead") or read_ahead()
    )
    view.start()
    assert done == ["listed", "read ahead"]
