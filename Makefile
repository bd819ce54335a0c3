# `make plan` and `make test` are all the set-up a fresh clone needs: each builds venv/ when missing.
PYTHON ?= python3
VENV := venv
PY := $(VENV)/bin/python
STACK ?= dev

.PHONY: help venv lock policy-venv plan test lint lint-workflows validate bench clean e2e-tools e2e-bin e2e e2e-conformance wheel-check
.DEFAULT_GOAL := help

# `make` alone lists the targets: each has a `## what it does` comment.
help:
	@grep -E '^[a-z][a-z0-9-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)$$/  make \1\t\2/' | expand -t 24

# One lock for every install: requirements.txt, hash-pinned, made from pyproject.toml by `make lock` (pip-tools).
# `pulumi install`, this Makefile, the workflows and .ci/run all install exactly it; tests/test_lock.py fails when
# it is stale against pyproject.toml. Then the project itself, editable and without dependencies: that gives the
# `venv/bin/gainsight-okta` command (pyproject.toml's console script). A venv cut short while it was made (no pip
# in it) is made again, not used.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PY) -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --no-deps --editable .
	touch $@

venv: $(VENV)/.installed ## the virtualenv, with the venv/bin/gainsight-okta command

# The lock, made again from pyproject.toml: after a change to its dependencies.
lock: $(VENV)/.installed ## make requirements.txt again from pyproject.toml (hash-pinned)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra dev --output-file requirements.txt pyproject.toml

# The policy pack runs in a virtualenv of its own (policy/PulumiPolicy.yaml), as Pulumi expects.
policy-venv: policy/venv/.installed ## the policy pack's own virtualenv

policy/venv/.installed: policy/requirements.txt requirements.txt
	policy/venv/bin/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear policy/venv
	policy/venv/bin/python -m pip install --quiet --require-hashes --no-deps -r policy/requirements.txt
	touch $@

plan: $(VENV)/.installed ## the offline plan of STACK (default dev), no Okta needed
	$(PY) -m components plan --stack $(STACK)

validate: $(VENV)/.installed ## check STACK's settings and metadata
	$(PY) -m components validate --stack $(STACK)

# ruff, then the import-linter contract (pyproject.toml) that keeps imports flowing one way between packages.
lint: $(VENV)/.installed ## ruff and the import-linter contract
	$(PY) -m ruff check .
	@out=$$($(VENV)/bin/lint-imports 2>&1) || { echo "$$out"; exit 1; }; echo "import-linter: $$(echo "$$out" | grep -o '[0-9]* kept, [0-9]* broken')"

# actionlint also runs shellcheck on every `run:` script when shellcheck is installed (.ci/run installs it).
lint-workflows: $(VENV)/.installed ## actionlint (from the lock) and shellcheck on .github/
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
e2e: $(VENV)/.installed ## the real engine and okta provider against the emulator (needs OKTA_PROVIDER_SOURCE)
	@e2e/toolchain/build.sh >/dev/null
	E2E_BIN=$$(e2e/toolchain/build.sh --print-bin) $(PY) -m pytest e2e -p no:cacheprovider

# The okta provider's own acceptance tests for the resources this program uses, live against the emulator, one org
# each (e2e/conformance/run.py): OpenTofu and the test binary built from OKTA_PROVIDER_SOURCE, cached like the rest.
e2e-conformance: $(VENV)/.installed ## the okta provider's acceptance tests against the emulator (needs OKTA_PROVIDER_SOURCE)
	@dir=$$(e2e/toolchain/build.sh --conformance) && \
	  $(PY) -m e2e.conformance.run --bin "$$dir/bin" --source "$$dir/src"

bench: $(VENV)/.installed ## the plan benchmark (bench/ has the others)
	$(PY) bench/plan_benchmark.py

clean: ## remove the virtualenvs and caches
	rm -rf $(VENV) policy/venv .pytest_cache .ruff_cache

# The wheel as a user installs it: built from HEAD's tree, installed with the lock into a fresh virtualenv, then
# `init`, `validate` and `plan` of a new stack in an empty folder (.ci/wheel-check). .ci/run calls it.
wheel-check: ## build the wheel, install it in a fresh virtualenv and run init, validate and plan in an empty folder
	.ci/wheel-check
