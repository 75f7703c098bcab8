"""Started as its own process by the benchmark: shows a window, reports, and exits.

`bare` shows an empty PySide6 window; `app` builds SCR Reflect's window as the launcher does.
It prints "shown <peak RSS in KiB>" once the window is on screen. The peak is VmHWM, which
starts afresh at exec (getrusage's maxrss would carry the parent's over).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def main() -> None:
    kind, data_dir = sys.argv[1], sys.argv[2]
    if kind == "bare":
        app = QApplication([sys.argv[0]])
        window = QWidget()
    else:
        from scr_reflect.app import build_window

        window = build_window(["--data-dir", data_dir])
        app = QApplication.instance()
    window.show()

    def report() -> None:
        status = Path("/proc/self/status").read_text().splitlines()
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        print(f"shown {peak}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()


if __name__ == "__main__":
    main()
