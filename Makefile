# Two entry points for people: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every plugin distribution, and the example plugin (its tests are part of the suite).
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml examples/*/pyproject.toml))
STAMP := $(VENV)/.installed
EXAMPLE := examples/daixian-2020.json
# Setup installs with uv (2.5-3x faster than pip on a fresh machine: docs/performance.md), pinned by the lock
# file; `make test-latest` empties LOCK to run the suite against the newest releases the ranges allow.
UV_VERSION := 0.13.9
UV := $(BIN)/uv
LOCK := requirements/lock.txt
CONSTRAINTS := $(if $(LOCK),--constraint $(LOCK),--upgrade)

.PHONY: setup demo look test test-long test-latest lock lint types docs schemas bench clean

$(UV):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml examples/*/pyproject.toml) $(LOCK) | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python $(CONSTRAINTS) -e '.[test,docs,dask]' $(foreach dir,$(PLUGIN_DIRS),-e $(dir))
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	@mkdir -p out
	$(BIN)/disclosure summary $(EXAMPLE)
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.json
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.html --with-findings
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.docx
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.xlsx
	@# check exits 1 when findings reach the failure level (the example has real defects): that is the demo, not a failure.
	$(BIN)/disclosure check $(EXAMPLE) -o out/daixian-2020.findings.txt || test $$? -eq 1
	$(BIN)/disclosure check $(EXAMPLE) --format json -o out/daixian-2020.findings.json || test $$? -eq 1
	@cat out/daixian-2020.findings.txt
	@echo "wrote out/daixian-2020.{json,html,docx,xlsx} and the findings: out/daixian-2020.findings.{txt,json}"

# Pictures of every output as a reader sees them (needs LibreOffice, Chromium, poppler: see .ci/run).
look: setup
	$(BIN)/python tools/look.py out/look

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: setup
	$(BIN)/mypy

# The rule-file schema is generated from the rule kinds (tests/rules/test_rules_kinds.py checks it is current);
# the findings schema ships in the package and is copied for the docs site (tests/test_schemas.py checks it).
schemas: setup
	$(BIN)/python -c 'import sys; from disclosure_core.rules.file_schema import main; sys.exit(main(sys.argv[1:]))' docs/rules.schema.json
	cp src/disclosure_core/findings.schema.json docs/findings.schema.json

docs: setup
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: lint types docs
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/pytest

# The suite against the newest releases every range allows, in its own venv (run it on a schedule: a break
# upstream shows here before users see it).
test-latest:
	$(MAKE) test VENV=.venv-latest LOCK=

# Re-pin what setup installs after changing a dependency (tests/test_release.py checks the lock covers them all).
lock: | $(UV)
	printf -- '-e %s\n' '.[test,docs,dask]' $(PLUGIN_DIRS) > requirements/dev.in
	$(UV) pip compile --quiet --universal --python-version 3.11 --no-header --no-annotate requirements/dev.in \
		| grep -v -e '^-e ' -e '^disclosure-' > $(LOCK).part
	mv $(LOCK).part $(LOCK)

test-long: setup
	HYPOTHESIS_PROFILE=long $(BIN)/pytest
	$(BIN)/python tools/codegen_equivalence.py 100000

bench: setup
	@for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .venv-latest out .pytest_cache .mypy_cache .ruff_cache .hypothesis
