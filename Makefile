# Two commands on a fresh machine:  `make demo` (set up, ingest the bundled demo corpus, print
# the figures table) and `make test` (set up, run the whole test suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := src/claimledger/data/demo

.PHONY: setup system-deps demo test lint docs bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[dev,postgres,ray]"
	touch $@

# Debian packages the tests use: headless Chromium for page tests, PostgreSQL for the team store.
system-deps:
	bash scripts/system-deps.sh

demo: setup
	rm -f claimledger.db claimledger.db-wal claimledger.db-shm
	$(BIN)/claimledger ingest $(DEMO) --quiet
	$(BIN)/claimledger figures

test: setup system-deps
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

docs: setup
	$(BIN)/python scripts/gen_cli_docs.py > docs/cli-reference.md

bench: setup
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache test-output
