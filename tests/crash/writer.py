"""A process that writes records until it is killed: the subject of the kill -9 tests.

    python -m tests.crash.writer        (then "run N DATA_DIR" lines on stdin)

It imports the app once, then forks one writer per "run" line, so each run starts
in milliseconds instead of the second an import takes. The fork happens before any database
is opened: each writer unlocks the store itself through the services, as the app does.

Lines on stdout, each written whole and flushed (the flush is the acknowledgement):
    pid RUN PID                 a writer started (from the parent)
    ready RUN                   the writer unlocked the store
    draft RUN TYPED_AT          save_draft returned for text typed at TYPED_AT (time.time())
    concern RUN N ID            record_concern returned id ID for the Nth record of the run
    entry RUN N ID              add_entry returned id ID
    exited RUN STATUS           the writer is gone (from the parent, after waitpid)
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from scr_reflect.domain.enums import Category, EntryKind
from scr_reflect.domain.records import ChronologyEntry, Concern, Draft
from scr_reflect.services import workspace
from tests.crash.records import DRAFT_KEY, body_for, title_for
from tests.fictional import PASSPHRASE

DRAFT_EVERY_S = 0.5  # as the window saves a form a moment after typing stops


def say(*words: object) -> None:
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def write_until_killed(root: Path, run: int) -> None:
    ws = workspace.unlock(root, PASSPHRASE)
    child_id = ws.records.search_children("")[0]
    say("ready", run)
    last_draft, n = float("-inf"), 0
    while True:
        if time.monotonic() - last_draft >= DRAFT_EVERY_S:
            typed_at = repr(time.time())
            fields = {"what_happened": f"Typed until {typed_at}", "typed_at": typed_at}
            ws.records.save_draft(Draft(DRAFT_KEY, "New concern", fields))
            say("draft", run, typed_at)
            last_draft = time.monotonic()
            continue
        n += 1
        now = ws.clock.now()
        if n % 2:
            # Two rows in one transaction: the concern and its chronology line.
            change = ws.records.record_concern(
                Concern(
                    child_id,
                    now,
                    now,
                    "Mx Crashworth",
                    body_for(run, n),
                    frozenset({Category.NEGLECT}),
                )
            )
            say("concern", run, n, change.record_id)
        else:
            entry = ChronologyEntry(
                child_id, EntryKind.NOTE, now, title_for(run, n), body_for(run, n)
            )
            say("entry", run, n, ws.records.add_entry(entry).record_id)


def main() -> None:
    # What every unlock reads but never changes, read once here so each writer starts quickly.
    workspace.load_guidance(None)
    for line in sys.stdin:
        command, run_text, root = line.rstrip("\n").split(" ", 2)
        if command != "run":
            return
        run = int(run_text)
        sys.stdout.flush()  # nothing buffered may be written twice after the fork
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(Path(root), run)
            except BaseException:
                traceback.print_exc()
            os._exit(1)  # only a failure gets here: the test kills every writer
        say("pid", run, pid)
        _, status = os.waitpid(pid, 0)
        say("exited", run, status)


if __name__ == "__main__":
    main()
