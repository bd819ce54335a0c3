# `make plan` and `make test` are all the set-up a fresh clone needs: each builds venv/ when missing.
PYTHON ?= python3
VENV := venv
PY := $(VENV)/bin/python
STACK ?= dev

.PHONY: plan test lint validate bench clean

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

plan: $(VENV)/.runtime
	$(PY) -m components plan --stack $(STACK)

validate: $(VENV)/.runtime
	$(PY) -m components validate --stack $(STACK)

lint: $(VENV)/.dev
	$(PY) -m ruff check .

test: lint
	$(PY) -m pytest

bench: $(VENV)/.runtime
	$(PY) bench/plan_benchmark.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
