"""A lane that holds its work until the test lets it run, to see what shows meanwhile."""

from __future__ import annotations

from collections.abc import Callable


class DeferredRunner:
    def __init__(self) -> None:
        self.queue: list[tuple[Callable, Callable, Callable]] = []

    def run(self, work, on_done, on_error) -> None:
        self.queue.append((work, on_done, on_error))

    def flush(self) -> None:
        while self.queue:
            work, on_done, _on_error = self.queue.pop(0)
            on_done(work())

    def run_next(self) -> None:
        work, on_done, _on_error = self.queue.pop(0)
        on_done(work())

    def wait_until_idle(self) -> None:
        self.flush()
