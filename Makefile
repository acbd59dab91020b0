# factcards developer commands. New here? `make run` starts the app, `make test` checks it.
# Everything lives in .venv; installs are redone only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.PHONY: help run test lint format deps clean bundle

help: ## list these targets
	@echo "make targets (PYTHON=$(PYTHON); override with make <target> PYTHON=python3.12):"
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  make %-7s %s\n", $$1, $$2 }' \
		$(MAKEFILE_LIST)

run: $(VENV)/.installed-run ## set up .venv and Qt's Debian packages, then open the app on the demo project
	@PYTHON="$(PYTHON)" packaging/check-debian-deps --auto
	$(BIN)/factcards

test: lint ## everything CI checks: ruff check, ruff format --check, mypy, then pytest (headless)
	@PYTHON="$(PYTHON)" packaging/check-debian-deps --auto
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

lint: $(VENV)/.installed-test ## the static checks alone: ruff check, ruff format --check, mypy
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

format: $(VENV)/.installed-test ## rewrite the code in place: ruff format, then ruff check --fix
	$(BIN)/ruff format
	$(BIN)/ruff check --fix

deps: ## install the Debian packages Qt needs (packaging/debian-packages.txt; sudo when not root)
	@PYTHON="$(PYTHON)" packaging/check-debian-deps --install

bundle: $(VENV)/.installed-bundle ## build the one-folder desktop bundle into dist/factcards/
	@command -v objdump >/dev/null 2>&1 || { echo "make bundle needs objdump and objcopy:" \
		"install the binutils package (apt-get install binutils)"; exit 1; }
	rm -rf dist/factcards build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/factcards.spec
	@echo "dist/factcards/ is ready ($$(du -sh dist/factcards | cut -f1)):" \
		"dist/factcards/factcards --self-test checks it"

clean: ## remove .venv and the tool caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

# The venv. Python's version and venv support are checked first, so that a missing
# python3-venv is one clear line instead of a traceback; a half-made .venv is removed.
$(BIN)/python:
	@packaging/check-python "$(PYTHON)" "$(firstword $(MAKECMDGOALS))"
	@rm -rf $(VENV)
	@echo "Creating $(VENV) with $$(command -v $(PYTHON)) ($$($(PYTHON) -V 2>&1))"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "'$(PYTHON) -m venv $(VENV)' failed (see above)"; exit 1; }

# Stamps: each install is redone only when pyproject.toml is newer than its stamp. The test
# install includes everything the run install has, so a fresh one stands in for it.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@if [[ $(VENV)/.installed-test -nt pyproject.toml ]]; then \
		echo "$(VENV) already has the project (installed with the test extras)"; \
	else \
		echo "$(BIN)/pip install -e ."; $(BIN)/python -m pip install -e .; \
	fi
	@touch $@

$(VENV)/.installed-bundle: pyproject.toml | $(BIN)/python
	@if [[ $(VENV)/.installed-test -nt pyproject.toml ]]; then \
		echo "$(VENV) already has PyInstaller (installed with the test extras)"; \
	else \
		echo "$(BIN)/pip install -e '.[bundle]'"; $(BIN)/python -m pip install -e '.[bundle]'; \
	fi
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	@touch $@
