# Two entry points for people: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
STAMP := $(VENV)/.installed
EXAMPLE := examples/daixian-2020.json

.PHONY: setup demo test test-long lint types bench clean

$(STAMP): pyproject.toml $(wildcard plugins/*/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' $(foreach dir,$(PLUGIN_DIRS),-e $(dir))
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	@mkdir -p out
	$(BIN)/disclosure summary $(EXAMPLE)
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.json
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.html
	$(BIN)/disclosure render $(EXAMPLE) -o out/daixian-2020.docx
	@echo "wrote out/daixian-2020.json, out/daixian-2020.html, out/daixian-2020.docx"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: setup
	$(BIN)/mypy

test: lint types
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/pytest

test-long: setup
	HYPOTHESIS_PROFILE=long $(BIN)/pytest

bench: setup
	@for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache .hypothesis
