"""The window's figures on one store, each run a process of its own, as a DSL's day starts.

    python -m tests.benchmarks.bench_window DATA_DIR run|profile

`run` prints one JSON object: the samples (seconds) of each measure and the peak memory (KiB).
`profile` prints the profile's top ten for unlocking and for opening the 500-entry child.

Each run is a fresh process, so the unlock measured is the first of the day, with nothing of
an earlier unlock still cached. As in the app, the records' libraries load in the background
while the passphrase would be typed: the run waits for them before it unlocks. Each measure
runs until the first rows are shown: the lane idle and the first row of the list loaded.
While it waits the window sleeps in Qt's event loop, as the app's does, rather than spin on a
core that the lane's work (Argon2id runs on two) would otherwise have. The profile runs the
lane's work in line (SyncRunner), as cProfile sees one thread only.
"""

from __future__ import annotations

import cProfile
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from scr_reflect.app import guard
from scr_reflect.demo.caseload_large import BENCHMARK_CHILD_NAME, BENCHMARK_ENTRIES
from scr_reflect.domain.chronology_filter import ChronologyFilter
from scr_reflect.domain.enums import EntryKind
from scr_reflect.services import workspace
from scr_reflect.settings import Settings
from scr_reflect.ui import records_libraries
from scr_reflect.ui.children_pane import ChildrenPane
from scr_reflect.ui.chronology_pane import ChronologyPane
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.shared.task_runner import LaneRunner, Runner, SyncRunner
from scr_reflect.ui.workspace_view import WorkspaceView
from tests.benchmarks.bench_profile import top_ten
from tests.benchmarks.bench_stores import PASSPHRASE

# Typed one key at a time: each keystroke's search is timed (the 150 ms pause the search
# box waits for more typing is not included: the search is started at once).
SEARCH_KEYS = "year 9 ab"
CONCERNS_SWITCHED = 5
MEASURES = (
    "unlock_to_children",
    "unlock_to_all_read",
    "open_child",
    "open_child_all_done",
    "switch_concern",
    "switch_tab",
    "search_keystroke",
)


class Lane:
    """Whether the lane is busy, from the signal the window's busy label listens to."""

    def __init__(self, runner: Runner) -> None:
        self.busy = False
        signal = getattr(runner, "busy_changed", None)
        if signal is not None:
            signal.connect(lambda busy: setattr(self, "busy", busy))


def until(app: QApplication, condition: Callable[[], bool]) -> None:
    """Wait in Qt's event loop, looking each millisecond, until the condition holds."""
    app.processEvents()
    if condition():
        return
    loop, look = QEventLoop(), QTimer()
    look.setInterval(1)
    look.timeout.connect(lambda: condition() and loop.quit())
    look.start()
    loop.exec()
    look.stop()


def timed(app: QApplication, act: Callable[[], object], done: Callable[[], bool]) -> float:
    start = time.perf_counter()
    act()
    until(app, done)
    app.processEvents()  # what the rows' arrival asked to be painted is painted
    return time.perf_counter() - start


def new_window(root: Path, runner: Runner) -> MainWindow:
    window = MainWindow(
        root,
        runner,
        set_up=lambda *_a: None,  # type: ignore[arg-type, return-value]
        unlock=lambda passphrase: workspace.unlock(root, passphrase),
        settings=QSettings(str(root.parent / "bench-settings.ini"), QSettings.Format.IniFormat),
    )
    guard(window, Settings())  # the idle and screen locks watch it, as in the app
    window.show()
    records_libraries.load_in_background().join()  # as while the passphrase is typed
    return window


def rows_shown(pane: ChildrenPane | ChronologyPane) -> bool:
    """The top row in view is loaded (after a search the list may be scrolled down)."""
    model = pane.model
    return model.rowCount() == 0 or model.loaded(max(pane.table.rowAt(0), 0)) is not None


def then_idle(
    app: QApplication, lane: Lane, act: Callable[[], object], done: Callable[[], bool]
) -> tuple[float, float]:
    """Seconds to done, and on to the lane's last work after it."""
    start = time.perf_counter()
    shown = timed(app, act, done)
    until(app, lambda: not lane.busy)
    return shown, time.perf_counter() - start


def unlock(app: QApplication, window: MainWindow, lane: Lane) -> tuple[float, float]:
    """To the children listed (their first rows shown), and on to the lane's last read after
    it: the overdue banner, unfinished drafts and search's fields, read once the list shows."""

    def listed() -> bool:
        view = window.view
        children = view.children_pane if view is not None else None
        return children is not None and children.model.rowCount() > 0 and rows_shown(children)

    window.unlock_page.passphrase.setText(PASSPHRASE)
    return then_idle(app, lane, window.unlock_page.unlock.click, listed)


def open_child(
    app: QApplication, view: WorkspaceView, lane: Lane, child_id: int
) -> tuple[float, float]:
    """To the chronology's first rows shown (the child's details and glance come with them),
    and on to the lane's last work after it: the opening's audit entry, and the page of the
    children's list the child is on."""

    def shown() -> bool:
        chronology = view.chronology
        return chronology.model.rowCount() == BENCHMARK_ENTRIES and rows_shown(chronology)

    return then_idle(app, lane, lambda: view.show_child(child_id), shown)


def one_run(app: QApplication, root: Path) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {key: [] for key in MEASURES}
    runner = LaneRunner()
    lane = Lane(runner)
    window = new_window(root, runner)
    listed, all_read = unlock(app, window, lane)
    figures["unlock_to_children"].append(listed)
    figures["unlock_to_all_read"].append(all_read)
    view = window.view
    assert view is not None
    records = view.workspace.records
    child_id = records.search_children(BENCHMARK_CHILD_NAME)[0]
    shown, all_done = open_child(app, view, lane, child_id)
    figures["open_child"].append(shown)
    figures["open_child_all_done"].append(all_done)
    concerns = records.entry_ids(child_id, ChronologyFilter(kinds=frozenset({EntryKind.CONCERN})))
    for entry_id in concerns[:CONCERNS_SWITCHED]:
        figures["switch_concern"].append(
            timed(app, lambda e=entry_id: view.open_entry(e), lambda: not lane.busy)
        )
    for index in [*range(1, view.tabs.count()), 0]:
        figures["switch_tab"].append(
            timed(app, lambda i=index: view.tabs.setCurrentIndex(i), lambda: not lane.busy)
        )
    children = view.children_pane
    for typed in range(1, len(SEARCH_KEYS) + 1):

        def search(text: str = SEARCH_KEYS[:typed]) -> None:
            children.search.setText(text)
            children.refresh()

        figures["search_keystroke"].append(
            timed(
                app,
                search,
                lambda: not lane.busy and rows_shown(children),
            )
        )
    window.close()
    return figures


def profiled(app: QApplication, root: Path) -> dict[str, list[tuple[str, float]]]:
    """One unlock and one opening of the child, the lane's work run in line, profiled."""
    runner = SyncRunner()
    window = new_window(root, runner)
    window.unlock_page.passphrase.setText(PASSPHRASE)
    profile = cProfile.Profile()
    profile.runcall(lambda: (window.unlock_page.unlock.click(), app.processEvents()))
    tops = {"unlock_to_children": top_ten(profile)}
    view = window.view
    assert view is not None
    child_id = view.workspace.records.search_children(BENCHMARK_CHILD_NAME)[0]
    profile = cProfile.Profile()
    profile.runcall(lambda: (view.show_child(child_id), app.processEvents()))
    assert view.chronology.model.rowCount() == BENCHMARK_ENTRIES
    tops["open_child"] = top_ten(profile)
    window.close()
    return tops


def peak_kib() -> int:
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def main() -> None:
    root, what = Path(sys.argv[1]), sys.argv[2]
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    if what == "profile":
        print(json.dumps({"profiles": profiled(app, root)}))
        return
    figures = one_run(app, root)
    print(json.dumps({"figures": figures, "peak_kib": peak_kib()}))


if __name__ == "__main__":
    main()
