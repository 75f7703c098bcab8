# Two commands on a fresh machine: `make run` and `make test`. Each makes the virtualenv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# sqlcipher3's sdist needs SQLCipher and OpenSSL headers; its wheels need nothing.
	$(BIN)/pip install --quiet --only-binary sqlcipher3 -e '.[dev]'
	touch $(STAMP)

system-deps:
	./scripts/system-deps.sh

run: $(STAMP)
	./scripts/system-deps.sh --with-x11
	$(BIN)/python main.py $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: $(STAMP) system-deps lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/run_benchmarks.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
