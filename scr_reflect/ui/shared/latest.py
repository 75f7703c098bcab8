"""A load where only the latest one asked for matters: the children found for what is typed
now, the child chosen now, the chronology under the filter set now.

Typing fast or clicking down a list queues a load per keystroke or click on the lane. A load
asked for before a later one of the same kind is skipped if the lane has not started it, and
its answer is dropped if it has, so the lane moves on to what the DSL is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .task_runner import Failed, Runner

T = TypeVar("T")


class Latest:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner
        self._asked = 0  # read on the lane, written on the GUI thread only

    def run(self, work: Callable[[], T], on_done: Callable[[T], None], on_error: Failed) -> None:
        self._asked += 1
        asked = self._asked

        def work_if_latest() -> tuple[bool, T | None]:
            if asked != self._asked:
                return False, None
            return True, work()

        def done(answer: tuple[bool, T | None]) -> None:
            ran, value = answer
            if ran and asked == self._asked:
                on_done(value)  # type: ignore[arg-type]

        self._runner.run(work_if_latest, done, on_error)

    def supersede(self) -> None:
        """Drop the answer of every load asked for so far: what it would show came another way."""
        self._asked += 1
