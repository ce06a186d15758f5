# resgraph — two commands do all the set-up on a fresh machine with Python 3.11:
#   make serve       build the graph from data/ and serve it on http://$(HOST):$(PORT)
#   make test        ruff, mypy --strict, then the whole pytest suite with its coverage floor
# and, for development:
#   make test-fast   the inner loop: ruff check and the tests not marked slow or browser
#   make lock        re-pin requirements.lock and requirements-dev.lock from pyproject.toml
#   make hooks       install the pre-commit hooks (.pre-commit-config.yaml) into .git/hooks
#   make bench       benchmarks, writes bench-report.json
#   make records-diff REV=x   every record of the seeds, gold passages and a synthetic corpus
#                    extracted by revision x and by the working tree, compared (speed work)
#   make instructions REV=x   instructions (valgrind) of the spaCy pipeline and the whole
#                    extraction chain, revision x against the working tree (speed work)
#
# Why lock files: pyproject.toml says which versions may work; the locks say which ones were
# tested (every package pinned, with hashes). The venv is installed from the locks only, so a
# fresh clone, CI and every developer run the same packages, and a new upstream release cannot
# break a build that did not change. The venv is re-installed when a lock or pyproject.toml
# changes; `make lock` keeps the pins already in the locks unless pyproject.toml excludes them
# (`make lock LOCK_FLAGS=--upgrade` moves everything to the newest allowed versions).

PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= data/store
BIN    := $(VENV)/bin

LOCK       := requirements.lock
DEV_LOCK   := requirements-dev.lock
PIP_PIN    := pip==26.3
UV_PIN     := uv==0.13.10
LOCK_FLAGS ?=
UV_COMPILE  = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
              --generate-hashes --custom-compile-command "make lock" --quiet $(LOCK_FLAGS)
FAST       := not slow and not browser

.PHONY: serve test test-fast lint typecheck format lock hooks bench records-diff instructions system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet $(PIP_PIN)

# The runtime packages (make serve), then the project itself without resolving anything again.
$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Everything the tests and the checks need (a superset of the runtime lock, same versions).
$(VENV)/.installed-dev: $(DEV_LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(VENV)/.installed $@

$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet $(UV_PIN)

serve: $(VENV)/.installed
	$(BIN)/resgraph build data/corpus --store $(STORE)
	$(BIN)/resgraph serve --store $(STORE) --host $(HOST) --port $(PORT)

system-deps:
	bash .ci/system-deps.sh

test: $(VENV)/.installed-dev system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict extract graph api
	$(BIN)/resgraph eval --check
	$(BIN)/python -m pytest --cov --cov-report=

test-fast: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -m "$(FAST)"

bench: $(VENV)/.installed-dev system-deps
	$(BIN)/resgraph bench

records-diff: $(VENV)/.installed-dev
	REV=$(REV) bash .ci/records-diff.sh

instructions: $(VENV)/.installed-dev
	REV=$(REV) bash .ci/instructions.sh

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --strict extract graph api

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The dev lock first; the runtime lock is then held to the dev lock's versions.
lock: $(BIN)/uv
	$(UV_COMPILE) --extra dev -o $(DEV_LOCK)
	$(UV_COMPILE) -c $(DEV_LOCK) -o $(LOCK)

hooks: $(VENV)/.installed-dev
	$(BIN)/pre-commit install

clean:
	rm -rf $(STORE) bench-report.json .pytest_cache .ruff_cache .mypy_cache .coverage htmlcov
