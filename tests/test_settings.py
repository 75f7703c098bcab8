"""Settings: declared once with defaults and limits, read forgivingly, written back. No Qt."""

from __future__ import annotations

import pytest

from scr_reflect import settings
from scr_reflect.settings import Settings

KEY = "security/auto_lock_minutes"


class DictStore:
    """The two QSettings methods settings uses, over a dict (an INI file holds strings)."""

    def __init__(self, values: dict[str, object] | None = None) -> None:
        self.values = dict(values or {})

    def value(self, key: str) -> object:
        return self.values.get(key)

    def setValue(self, key: str, value: object) -> None:
        self.values[key] = str(value)


def test_an_empty_file_gives_the_defaults():
    assert settings.read(DictStore()) == Settings(auto_lock_minutes=5)


def test_what_is_written_is_read_back():
    store = DictStore()
    settings.write(store, Settings(auto_lock_minutes=12))
    assert store.values == {KEY: "12"}
    assert settings.read(store).auto_lock_minutes == 12


@pytest.mark.parametrize(
    ("stored", "read"),
    [(" 7 ", 7), ("0", 1), ("-3", 1), ("600", 60), ("ten", 5), ("", 5), ("2.5", 5)],
)
def test_a_hand_edited_value_never_stops_the_app(stored, read):
    assert settings.read(DictStore({KEY: stored})).auto_lock_minutes == read


def test_the_limits_are_declared_once_and_enforced():
    assert settings.limits("auto_lock_minutes") == (1, 60)
    with pytest.raises(ValueError, match="from 1 to 60"):
        Settings(auto_lock_minutes=0)
