# One entry point for the project's tasks; the README and .ci/run call these targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build downloads test test-fast golden lint benchmark check-comments check-comment-changes addresses setup setup-test system

# The site, built and served on http://127.0.0.1:8000 (rebuilds on edits to docs/, data/, comments/,
# pdf/, overrides/, sources/; restart after editing a hook). The PDFs and ZIPs are not made on each
# edit: the last ones made (in .cache/edition/) stand in until `make downloads` (or `make build`).
serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# The site into ./site, failing on any warning (PDFs and ZIPs made again only if their inputs changed).
build: setup
	$(BIN)/mkdocs build --strict

# The PDFs and offline ZIPs made afresh (into .cache/edition/, which `make serve` then serves).
downloads: setup
	rm -rf .cache/edition
	$(BIN)/mkdocs build --strict

# The whole test suite: lint and types, unit tests, one real build, browser tests in Debian's Chromium.
test: lint
	$(BIN)/python -m pytest

# The unit layer only (no build, no browser): seconds.
test-fast: setup-test
	$(BIN)/python -m pytest -m "not build and not browser" -q

# Rewrites the golden files in tests/golden/ from a build with pinned dates; review the diff, commit it.
golden: setup-test
	$(BIN)/python scripts/golden.py

# The GitHub workflows too: against GitHub's workflow schema (the copy check-jsonschema ships), and
# zizmor's security audits, offline, every finding answered in the workflow file itself. The browser
# scripts with ESLint's recommended rules (eslint.config.js), published copies in vendor/ aside.
lint: setup-test
	node_modules/.bin/eslint overrides/assets/javascripts/*.js overrides/assets/javascripts/workers/ eslint.config.js
	$(BIN)/ruff check edition hooks tests scripts
	$(BIN)/ruff format --check edition hooks tests scripts
	$(BIN)/mypy edition hooks
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(wildcard .github/workflows/*.yml .github/workflows/*.yaml)
	$(BIN)/zizmor --offline --no-config --strict-collection --no-progress .github/workflows

# Validates comments/ as the build does (the pull-request check runs this first).
check-comments: setup
	$(BIN)/python scripts/check_comments.py

# The pull-request check of the editors' fields (status, response…): compares comments/ with BASE.
BASE ?= origin/main
check-comment-changes: setup
	$(BIN)/python scripts/check_comment_changes.py '$(BASE)' $(EDITOR_FLAG)

# Records the built site's permanent addresses in data/published-addresses.txt (run when publishing).
addresses: build
	$(BIN)/python scripts/published_addresses.py site

# Build-time and size figures, side by side in one run, written to BENCHMARKS.md (not a test). It
# drives Chromium (Playwright: the Disposition page) and Lighthouse (npm), which setup-test installs.
benchmark: setup-test
	$(BIN)/python scripts/benchmark.py

setup: $(BIN)/.installed
setup-test: system $(BIN)/.installed-test node_modules/.installed

$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed requirements-test.txt
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

# axe-core (accessibility tests), ESLint (lint) and Lighthouse (benchmark) from npm, as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests drive: Chromium (browser tests) and poppler-utils (PDF rendering).
system:
	@./scripts/install-system-packages
