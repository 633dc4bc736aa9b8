# Hearth: `make run` to try it, `make test` to check it. Both are safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hearth
PYTEST_ARGS ?= -n auto --dist loadscope
# The dev/demo run: secrets are generated into data/ on first use (and it says so).
DEV_ENV := DEBUG=1 HEARTH_SECURE_COOKIES=0

.PHONY: run test lint install install-test chromium test-sqlite test-postgres bench clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing: install python3-venv" >&2; exit 1; fi; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/hearth demo
	@echo ""
	@echo "Hearth is running at http://127.0.0.1:8000  (stop with Ctrl+C)"
	@echo "Log in as alex@example.com or sam@example.com, password: hearth-demo"
	@echo ""
	$(DEV_ENV) $(BIN)/hearth serve --bind 127.0.0.1:8000

# Browser tests drive Debian's Chromium, never a downloaded one.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install Debian's chromium package (as root)" >&2; exit 1; fi; }

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install-test chromium
	@echo "== tests on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

# On PostgreSQL too. With HEARTH_REQUIRE_POSTGRES=1 (CI) a missing server is a failure.
test-postgres: install-test chromium
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(PG_TEST_URL)'.replace('/hearth', '/postgres'), connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== tests on PostgreSQL =="; \
	  DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest $(PYTEST_ARGS); \
	elif [ "$$HEARTH_REQUIRE_POSTGRES" = 1 ]; then \
	  echo "PostgreSQL is not reachable at $(PG_TEST_URL) and HEARTH_REQUIRE_POSTGRES=1" >&2; exit 1; \
	else \
	  echo "== PostgreSQL not reachable at $(PG_TEST_URL): skipped (CI requires it) =="; \
	fi

test: lint test-sqlite test-postgres

bench: install-test
	$(BIN)/python benchmarks/home_vs_trivial.py

clean:
	rm -rf $(VENV) staticfiles test-output
