"""Benchmarks on the large demo caseload (not part of the test run): `make bench`.

Prints a table of medians and peak memory. Timing lives here, never in a unit test.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from scr_reflect.services import workspace
from scr_reflect.services.demo_caseload import (
    BENCHMARK_CHILD_NAME,
    DEMO_PROFILE,
    DemoScale,
    load_demo_caseload,
)
from scr_reflect.ui.main_window import MainWindow
from scr_reflect.ui.task_runner import LaneRunner

PASSPHRASE = "correct horse battery staple violet"
RUNS = 5
PROBE = Path(__file__).with_name("start_probe.py")

rows: list[tuple[str, str, str]] = []


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


def peak_mib() -> str:
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build_large_store(root: Path) -> None:
    start = time.perf_counter()
    ws = workspace.set_up(root, PASSPHRASE, PASSPHRASE, DEMO_PROFILE)
    load_demo_caseload(ws, DemoScale.LARGE)
    ws.close()
    rows.append(("load large demo caseload (once)", f"{time.perf_counter() - start:.1f} s", ""))
    size = sum(f.stat().st_size for f in root.iterdir() if f.is_file()) / 2**20
    rows.append(("database size on disk", f"{size:.0f} MiB", ""))


def cold_start(kind: str, root: Path) -> tuple[list[float], int]:
    samples, peak = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(PROBE), kind, str(root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        samples.append(time.perf_counter() - start)
        peak = max(peak, int(out.split()[-1]))
    return samples, peak


def wait_until(app: QApplication, condition: Callable[[], bool]) -> None:
    while not condition():
        app.processEvents()


def one_window_run(app: QApplication, root: Path) -> tuple[float, float, float]:
    """Unlock through the page, open the 500-entry child, search: each until rows show."""
    window = MainWindow(
        root,
        LaneRunner(),
        set_up=lambda *_a: None,  # type: ignore[arg-type, return-value]
        unlock=lambda p: workspace.unlock(root, p),
        settings=QSettings(str(root / "bench-settings.ini"), QSettings.Format.IniFormat),
    )
    window.show()
    start = time.perf_counter()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock.click()
    wait_until(
        app, lambda: window.view is not None and window.view.children_pane.model.rowCount() > 0
    )
    view = window.view
    assert view is not None
    children, chronology = view.children_pane, view.chronology
    wait_until(app, lambda: children.model.loaded(0) is not None)
    opened = time.perf_counter() - start

    child_id = view.workspace.records.search_children(BENCHMARK_CHILD_NAME)[0]
    start = time.perf_counter()
    view.show_child(child_id)
    wait_until(app, lambda: chronology.model.rowCount() == 500)
    wait_until(app, lambda: chronology.model.loaded(0) is not None)
    child = time.perf_counter() - start

    start = time.perf_counter()
    children.search.setText("year 9 ab")
    children.refresh()
    wait_until(app, lambda: children.model.rowCount() < 2000)
    wait_until(app, lambda: children.model.rowCount() == 0 or children.model.loaded(0) is not None)
    searched = time.perf_counter() - start
    window.close()
    window.deleteLater()
    app.processEvents()
    return opened, child, searched


def window_figures(root: Path) -> None:
    app = QApplication.instance() or QApplication([])
    unlock_times = [timed(lambda: workspace.unlock(root, PASSPHRASE).close()) for _ in range(RUNS)]
    rows.append(("unlock (Argon2id + open + schema check)", median_ms(unlock_times), ""))
    runs = [one_window_run(app, root) for _ in range(RUNS)]
    opened, child, searched = (list(samples) for samples in zip(*runs, strict=True))
    rows.append(("unlock page to children listed", median_ms(opened), peak_mib()))
    rows.append(("open a child with 500 chronology entries", median_ms(child), peak_mib()))
    rows.append(("search 2,000+ children (one query)", median_ms(searched), peak_mib()))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="scr-bench-") as folder:
        root = Path(folder) / "data"
        build_large_store(root)
        bare, bare_peak = cold_start("bare", root)
        app_start, app_peak = cold_start("app", root)
        rows.append(
            ("cold start: bare PySide6 window", median_ms(bare), f"{bare_peak / 1024:.0f} MiB")
        )
        rows.append(
            (
                "cold start: SCR Reflect unlock window",
                median_ms(app_start),
                f"{app_peak / 1024:.0f} MiB",
            )
        )
        window_figures(root)
    width = max(len(name) for name, _v, _p in rows)
    print(f"{'measure':<{width}}  {'median':>10}  {'peak RSS':>9}")
    for name, value, peak in rows:
        print(f"{name:<{width}}  {value:>10}  {peak:>9}")


if __name__ == "__main__":
    main()
