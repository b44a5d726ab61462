# crosscheck: every step of the pipeline is a make target. `make` alone prints this help.
#
#   make report                         render every notebook to reports/ (HTML + index.html)
#   make report MANIFEST=x/articles.csv OUT=dir   the same on other reports, into dir/
#   make test                           lint, unit tests, and every notebook with two parameter sets

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP_STAMP := $(VENV)/.setup-stamp

MANIFEST ?= data/articles.csv
OUT ?= reports
CORPUS ?= data
N ?= 10000
REVIEW ?=

# Everything a rendered page depends on. The manifest's own article files are listed from
# its folder, so editing a report text rebuilds the pages.
MANIFEST_DIR := $(dir $(MANIFEST))
REPORT_INPUTS := $(wildcard notebooks/*.ipynb notebooks/renderings.yaml src/*.py \
	src/crosscheck/*.py src/crosscheck/templates/*/* data/lexicon/*.csv) \
	$(wildcard $(MANIFEST) $(MANIFEST_DIR)articles/* $(MANIFEST_DIR)*.txt $(MANIFEST_DIR)*.html)

.DEFAULT_GOAL := help
.PHONY: help setup report test browser lint format lab eval bench clean check-manifest FORCE

help: ## Show this help
	@echo "crosscheck: compare the figures and quoted officials of several news reports"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'
	@echo
	@echo "Variables: MANIFEST=$(MANIFEST) OUT=$(OUT) CORPUS=$(CORPUS) N=$(N)"

setup: $(SETUP_STAMP) ## Create .venv and install the project into it (once per pyproject change)

$(SETUP_STAMP): pyproject.toml
	@echo "Setting up $(VENV) with $$($(PYTHON) --version) (once; redone when pyproject.toml changes)"
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian/Ubuntu install python3-venv" >&2; exit 2; }
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@# git runs filters from the top of the working tree: a relative path survives moving the checkout
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
		git config filter.nbstripout.clean "$(BIN)/nbstripout --extra-keys 'metadata.papermill cell.metadata.papermill'"; \
		git config filter.nbstripout.smudge cat; \
		git config filter.nbstripout.required true; \
		git config diff.ipynb.textconv "$(BIN)/nbstripout -t"; \
	fi
	@touch $@

report: $(OUT)/index.html ## Run every notebook with papermill and render HTML into reports/ (or OUT=dir)

# The build record changes only when MANIFEST names another file, so switching manifests
# rebuilds while a repeat of the same command does nothing.
$(OUT)/.manifest: FORCE
	@mkdir -p $(OUT)
	@echo '$(abspath $(MANIFEST))' | cmp -s - $@ || echo '$(abspath $(MANIFEST))' > $@

# index.html links eval.html when `make eval` has written one; pages whose inputs did not
# change are kept (crosscheck.report fingerprints each page), so that rebuild is quick.
$(OUT)/index.html: $(SETUP_STAMP) $(REPORT_INPUTS) $(OUT)/.manifest $(wildcard $(OUT)/eval.html) | check-manifest
	@$(BIN)/python -m crosscheck.report --manifest "$(MANIFEST)" --out "$(OUT)"

check-manifest: $(SETUP_STAMP)
	@$(BIN)/python -m crosscheck.manifest "$(MANIFEST)"

test: $(SETUP_STAMP) browser ## Lint, then run all tests (unit, property, notebooks, HTML)
	@$(BIN)/ruff check src tests
	@$(BIN)/ruff format --check src tests
	@$(BIN)/python -m pytest

browser: ## Install Chromium for the HTML test if missing (needs root + apt-get; else skipped)
	@sh scripts/install-chromium.sh

lint: $(SETUP_STAMP) ## Check style with ruff
	@$(BIN)/ruff check src tests
	@$(BIN)/ruff format --check src tests

format: $(SETUP_STAMP) ## Reformat the code with ruff
	@$(BIN)/ruff format src tests
	@$(BIN)/ruff check --fix src tests

lab: $(SETUP_STAMP) ## Open JupyterLab on the notebooks
	@$(BIN)/jupyter lab notebooks

eval: $(SETUP_STAMP) ## Score the extraction against gold annotations in CORPUS (default data/); REVIEW=file adds a reviewed score
	@$(BIN)/python -m crosscheck.evaluate --corpus "$(CORPUS)" --out "$(OUT)" $(if $(REVIEW),--review "$(REVIEW)")

bench: $(SETUP_STAMP) ## Measure speed and memory per stage on N synthetic reports built from CORPUS
	@$(BIN)/python -m crosscheck.bench --corpus "$(CORPUS)" -n $(N) --out "$(OUT)"

clean: ## Remove generated reports and caches (keeps .venv)
	rm -rf $(OUT) build .pytest_cache .ruff_cache .hypothesis

FORCE:
