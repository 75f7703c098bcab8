"""Done ahead of the first unlock: the record mappings set up and the driver loaded.

Run in a fresh interpreter: the test process has done both long before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LOAD_AHEAD = """
import os, sys
from scr_reflect.storage import first_use
from scr_reflect.storage.models import Base
before = sorted(os.listdir("."))
first_use.load_ahead()
print(all(mapper.configured for mapper in Base.registry.mappers))
print("sqlalchemy.dialects.sqlite.pysqlcipher" in sys.modules)
print(sorted(os.listdir(".")) == before)
"""


def test_load_ahead_sets_up_the_mappings_and_the_driver_and_opens_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", LOAD_AHEAD],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=tmp_path,
        check=True,
    )
    assert done.stdout.split() == ["True", "True", "True"]
