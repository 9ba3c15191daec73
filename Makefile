# rebond — the two commands a newcomer needs:  `make run`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export REBOND_DATA_DIR ?= ./var

.PHONY: run test lint venv install dev system-deps clean

# Set up a virtualenv, install rebond (as a package, not from the checkout), migrate and serve on SQLite.
run: install
	$(BIN)/rebond serve

# Set up everything the tests need (Chromium from Debian included), then run the whole suite.
test: dev
	./scripts/test.sh

lint: dev
	$(BIN)/ruff check rebond tests bench
	$(BIN)/mypy rebond

venv:
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c "import ensurepip" 2>/dev/null || ./scripts/system-deps.sh venv
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip

install: venv
	$(BIN)/python -m pip install --quiet .

dev: venv system-deps
	$(BIN)/python -m pip install --quiet -e '.[dev]'

system-deps:
	@./scripts/system-deps.sh chromium

clean:
	rm -rf $(VENV) build *.egg-info var/test*
