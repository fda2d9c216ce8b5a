# The verbs people need. `make help` lists them.
#   make briefing [CORPUS=folder] [OUT=folder] [CODEBOOK=folder]  set up, analyse, render HTML + PDF
#   make test                                                     ruff + pytest
SHELL := /bin/bash
.DELETE_ON_ERROR:
# The analysis notebooks do not read each other: run two at a time (JOBS=1 for one).
JOBS ?= 2
MAKEFLAGS += --jobs=$(JOBS)
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= data/raw
OUT ?= reports
CODEBOOK ?= data/codebook
# The seed briefing draws into figures/; another OUT keeps its figures beside its report.
ifeq ($(abspath $(OUT)),$(abspath reports))
FIGURES ?= figures
else
FIGURES ?= $(OUT)/figures
endif
# Executed notebooks are working files: one folder per OUT, under build/ (ignored by git).
WORK := build/$(subst /,_,$(patsubst /%,%,$(abspath $(OUT))))

# The codebook file a notebook reads: $(call codebook,money) is data/codebook/money.yaml (or CODEBOOK, if it is one file).
codebook = $(if $(wildcard $(CODEBOOK)/$(1).yaml),$(CODEBOOK)/$(1).yaml,$(CODEBOOK))
# The analysis notebooks, in the order they are numbered; the briefing reads the tables they write.
ANALYSES := 01_articles 02_cost_estimates 03_stance_and_voices 04_claims_and_lineage
PACKAGE := $(wildcard src/mediabrief/*.py src/mediabrief/templates/*/*)
CORPUS_FILES := $(CORPUS) $(wildcard $(CORPUS)/*)
# The steps of one build run in forks of one warm process, started by the first step and ended two seconds after the
# last (src/mediabrief/watch.py): one start-up per build (imports: 2 s), not one per step.
RUN := MEDIABRIEF_BUILD=$(abspath $(WORK)) $(PY) -m mediabrief run-notebook
DIRS := -p corpus_dir=$(abspath $(CORPUS)) -p out_dir=$(abspath $(OUT)) -p figures_dir=$(abspath $(FIGURES))
BRIEFING_STAMP := $(VENV)/.briefing-requirements
TEST_STAMP := $(VENV)/.test-requirements

.PHONY: help briefing watch analyze test lab clean setup bench thumbnail

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12
	@echo "variables: CORPUS=$(CORPUS) OUT=$(OUT) CODEBOOK=$(CODEBOOK) FIGURES=$(FIGURES)"

setup: $(BRIEFING_STAMP) ## create .venv and install the pinned requirements

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(BRIEFING_STAMP): requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): requirements-dev.txt $(BRIEFING_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

briefing: $(OUT)/briefing.html $(OUT)/briefing.pdf $(ANALYSES:%=$(OUT)/notebooks/%.html) ## build the briefing (HTML + PDF) for CORPUS into OUT
	@echo "briefing: $(OUT)/briefing.html and $(OUT)/briefing.pdf; tables in $(OUT)/; figures in $(FIGURES)/"

# Rewritten only when a parameter changes, so switching CORPUS or CODEBOOK reruns what depends on it.
$(WORK)/parameters: FORCE
	@mkdir -p $(WORK)
	@echo "corpus=$(abspath $(CORPUS)) codebook=$(abspath $(CODEBOOK)) figures=$(abspath $(FIGURES))" | cmp -s - $@ \
		|| echo "corpus=$(abspath $(CORPUS)) codebook=$(abspath $(CODEBOOK)) figures=$(abspath $(FIGURES))" > $@

# One rule per analysis notebook: it reruns when its source, the package, the corpus, the codebook file it reads
# or a parameter changes. They do not read each other, so `make -j2 briefing` runs them side by side. One process
# executes the notebook and renders it with its code (the briefing's audit trail): one start-up, not two.
# Under `make watch` (which sets MEDIABRIEF_RUNNER), a step is a fork of a warm process, not a start-up: the HTML is
# then a step of its own, rendered while the next notebook runs. $(1): notebook, $(2): what it reads, $(3): parameters.
define notebook_step
ifdef MEDIABRIEF_RUNNER
$(WORK)/$(1).ipynb: notebooks/$(1).ipynb $(2)
	$$(RUN) $$< $(WORK)/$(1).ipynb $$(DIRS) -p codebook_path=$(abspath $(CODEBOOK)) $(3)
$(OUT)/notebooks/$(1).html: $(WORK)/$(1).ipynb
	MEDIABRIEF_BUILD=$(abspath $(WORK)) $$(PY) -m mediabrief render html $$< $$@ --with-code
else
$(WORK)/$(1).ipynb $(OUT)/notebooks/$(1).html &: notebooks/$(1).ipynb $(2)
	$$(RUN) $$< $(WORK)/$(1).ipynb $$(DIRS) -p codebook_path=$(abspath $(CODEBOOK)) $(3) --html $(OUT)/notebooks/$(1).html --with-code
endif
endef
analysis_notebook = $(call notebook_step,$(1),$(2) $(PACKAGE) $(CORPUS_FILES) $(WORK)/parameters $(BRIEFING_STAMP))
$(eval $(call analysis_notebook,01_articles,))
# Who says what (a quotation's speaker, a figure's owner, a cited outlet) is read with one attribution grammar: the
# gazetteer and voices of stance.yaml and the verbs of money.yaml. So notebooks 02, 03 and 04 read both files;
# notebook 03 also scores the development corpus against its gold tables.
DEV_CORPUS := $(wildcard tests/dev_corpus/*) $(wildcard tests/gold/dev_*.csv)
$(eval $(call analysis_notebook,02_cost_estimates,$(call codebook,money) $(call codebook,stance)))
$(eval $(call analysis_notebook,03_stance_and_voices,$(call codebook,stance) $(call codebook,money) data/analyst_coding.csv $(DEV_CORPUS)))
$(eval $(call analysis_notebook,04_claims_and_lineage,$(call codebook,claims) $(call codebook,stance) $(call codebook,money)))

# Notebook 05 reads the tables 01-04 write, so it runs after them. COMPARE_WITH names the snapshot of OUT/history/ it
# compares with (default: the latest); it is kept in a file of its own so that changing it reruns 05 and the briefing.
COMPARE_WITH ?=
$(WORK)/compare_with: FORCE
	@mkdir -p $(WORK)
	@echo "$(COMPARE_WITH)" | cmp -s - $@ || echo "$(COMPARE_WITH)" > $@
$(eval $(call notebook_step,05_over_time,$(ANALYSES:%=$(WORK)/%.ipynb) $(WORK)/compare_with $(PACKAGE) $(WORK)/parameters $(BRIEFING_STAMP),-p compare_with=$(COMPARE_WITH)))
ANALYSES += 05_over_time
# Once the briefing is built, its tables are kept in OUT/history/<build date>/ for the next build to compare with
# (by the process that built it, see below; $(WORK)/snapshot marks it done).
briefing: $(OUT)/notebooks/05_over_time.html $(WORK)/snapshot

.PHONY: clear-history
clear-history: $(BRIEFING_STAMP) ## remove the snapshots of OUT's tables (OUT/history/): the next build compares with none
	$(PY) -m mediabrief history $(OUT) --clear
	rm -f $(WORK)/snapshot $(WORK)/05_over_time.ipynb

# The build date printed on the briefing: today, or SOURCE_DATE_EPOCH's day for a reproducible build.
BUILD_DATE ?= $(shell date -u -d @$${SOURCE_DATE_EPOCH:-$$(date +%s)} +%F)
# The briefing reads the analyses' tables; one process executes it, renders its HTML, prints that page to PDF (finding
# or installing a Chromium first) and keeps the tables in OUT/history/ (`mediabrief history OUT --snapshot`).
$(WORK)/briefing.ipynb $(OUT)/briefing.html $(OUT)/briefing.pdf $(WORK)/snapshot &: notebooks/briefing.ipynb $(ANALYSES:%=$(WORK)/%.ipynb) $(call codebook,story) $(PACKAGE) $(WORK)/parameters
	$(RUN) $< $(WORK)/briefing.ipynb $(DIRS) -p codebook_path=$(abspath $(CODEBOOK)) -p build_date=$(BUILD_DATE) \
		--html $(OUT)/briefing.html --pdf $(OUT)/briefing.pdf --snapshot $(OUT) --snapshot-date $(BUILD_DATE)
	@touch $(WORK)/snapshot

# Builds the briefing, then rebuilds it after every change to an input, until Ctrl-C: make decides what is stale, as
# for `make briefing`, and each step runs in a fork of one process that has imported pandas, matplotlib, IPython,
# nbconvert and the package once (src/mediabrief/watch.py), not in a process that spends 2 s starting.
watch: $(BRIEFING_STAMP) ## build the briefing, then rebuild it whenever the corpus, codebook, a notebook or the package changes
	$(PY) -m mediabrief watch CORPUS=$(CORPUS) OUT=$(OUT) CODEBOOK=$(CODEBOOK) JOBS=$(JOBS) $(if $(COMPARE_WITH),COMPARE_WITH=$(COMPARE_WITH))

analyze: $(BRIEFING_STAMP) ## write the analysis tables of CORPUS as CSV into OUT, rendering nothing
	$(PY) -m mediabrief analyze $(CORPUS) --out $(OUT)

test: $(TEST_STAMP) ## lint and run the tests
	$(PY) -m ruff check src tests notebooks
	$(PY) -m pytest

lab: $(BRIEFING_STAMP) ## open JupyterLab on the notebooks, with the project's kernel
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

# Build times first (clean, one codebook edit, no-op, a 15-article corpus: three runs each, median and range), then
# each generated corpus three times in fresh processes, the best time of each stage kept: one run moves with the machine.
BENCH_ARGS ?= --repeat 3 --build-runs 3
bench: $(TEST_STAMP) ## benchmarks: build times of the briefing, then analysis throughput on generated corpora (minutes)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

thumbnail: $(OUT)/briefing.pdf ## refresh docs/briefing-page1.png, the README's picture of the first page (needs pdftoppm)
	pdftoppm -r 45 -f 1 -l 1 -singlefile -png $< docs/briefing-page1

clean: ## remove build products (executed notebooks, reports, figures); keeps .venv
	rm -rf build
	find reports figures -mindepth 1 ! -name .gitkeep -delete

FORCE:
