"""Hypothesis keeps its example database and caches outside the working tree."""

import tempfile
from pathlib import Path

from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "scr-reflect-hypothesis")
