# resgraph — two commands do all the set-up on a fresh machine with Python 3.11:
#   make serve   build the graph from data/ and serve it on http://$(HOST):$(PORT)
#   make test    ruff check, then the whole pytest suite
# plus `make bench` (benchmarks, writes bench-report.json).

PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= data/store
BIN    := $(VENV)/bin

.PHONY: serve test bench lint format system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

serve: $(VENV)/.installed
	$(BIN)/resgraph build data/corpus --store $(STORE)
	$(BIN)/resgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

system-deps:
	bash .ci/system-deps.sh

test: $(VENV)/.installed-dev system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev system-deps
	$(BIN)/resgraph bench

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(STORE) bench-report.json .pytest_cache .ruff_cache
