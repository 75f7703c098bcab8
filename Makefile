# Two commands on a fresh machine: `make run` and `make test`. Each makes the virtualenv first.
# `make run` (and `make demo`) install the app alone; test, lint and bench add the test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
DEV_STAMP := $(VENV)/.dev-installed
PACKAGE_STAMP := $(VENV)/.package-installed
# sqlcipher3's sdist needs SQLCipher and OpenSSL headers; its wheels need nothing.
PIP_INSTALL := $(BIN)/pip install --quiet --only-binary sqlcipher3

.PHONY: run demo test lint bench system-deps package package-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(PIP_INSTALL) -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(PIP_INSTALL) -e '.[dev]'
	touch $@ $(APP_STAMP)

$(PACKAGE_STAMP): pyproject.toml | $(BIN)/python
	$(PIP_INSTALL) -e '.[package]'
	touch $@ $(APP_STAMP)

system-deps:
	./scripts/system-deps.sh

run: $(APP_STAMP)
	./scripts/system-deps.sh --app --with-x11
	$(BIN)/scr-reflect $(ARGS)

# The window on fictional demo records, kept in their own folder beside the data folder.
demo: $(APP_STAMP)
	./scripts/system-deps.sh --app --with-x11
	$(BIN)/scr-reflect --demo $(ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy scr_reflect/demo scr_reflect/domain scr_reflect/guidance scr_reflect/reports scr_reflect/services scr_reflect/storage

test: $(DEV_STAMP) system-deps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(DEV_STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run_benchmarks $(ARGS)

# The installer for the machine this runs on (packaging/build.sh says which); not part of CI.
# Qt's X11 libraries must be on the building machine for the build to carry them.
package: $(PACKAGE_STAMP)
	./scripts/system-deps.sh --app --with-x11
	PYTHON=$(BIN)/python ./packaging/build.sh

# Linux: the download from `make package`, unpacked into a fresh folder and run (commands and
# the window under Xvfb; the screenshot is build/smoke/window.png).
package-check: package
	./scripts/system-deps.sh --smoke
	./packaging/smoke_test.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
