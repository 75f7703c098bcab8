"""Preferences a DSL can change, declared once here with their types, defaults and limits.

No Qt: the window hands in its QSettings, which already has the two methods `Store` names, and
tests hand in a dict. A value that is missing, unreadable or out of range is never an error: the
default or the nearest limit is used, so a hand-edited settings file cannot stop the app opening.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Store(Protocol):
    """The part of QSettings used here."""

    def value(self, key: str) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...


def _whole_number(key: str, default: int, low: int, high: int) -> Any:
    return field(default=default, metadata={"key": key, "low": low, "high": high})


@dataclass(frozen=True)
class Settings:
    # Long enough not to interrupt a meeting note, short enough for a laptop left in a classroom.
    auto_lock_minutes: int = _whole_number("security/auto_lock_minutes", 5, 1, 60)

    def __post_init__(self) -> None:
        for declared in fields(self):
            low, high = limits(declared.name)
            if not low <= getattr(self, declared.name) <= high:
                raise ValueError(f"{declared.name} must be from {low} to {high}")


def limits(name: str) -> tuple[int, int]:
    declared = next(f for f in fields(Settings) if f.name == name)
    return declared.metadata["low"], declared.metadata["high"]


def read(store: Store) -> Settings:
    chosen: dict[str, int] = {}
    for declared in fields(Settings):
        key, low, high = (declared.metadata[k] for k in ("key", "low", "high"))
        raw = store.value(key)
        if raw is None:
            continue
        try:
            number = int(str(raw).strip())
        except ValueError:
            log.warning("setting %s is not a whole number; using the default", key)
            continue
        chosen[declared.name] = min(max(number, low), high)
    return Settings(**chosen)


def write(store: Store, settings: Settings) -> None:
    for declared in fields(Settings):
        store.setValue(declared.metadata["key"], getattr(settings, declared.name))
