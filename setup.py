"""What pyproject.toml cannot say: a wheel carries the top-level resources/ folder inside
the package, as scr_reflect/resources, where scr_reflect/resource_files.py looks for it."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ in the checkout itself
            return
        target = Path(self.build_lib) / "scr_reflect" / "resources"
        shutil.copytree(RESOURCES, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
