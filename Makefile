# Every target bootstraps .venv on a fresh machine: nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DB ?= out/examples.db
STATIC_MODEL := $(VENV)/share/newsfuse/static-minilm/embeddings.npy

.PHONY: static-model browser run test lint typecheck bench bench-extraction bench-quotes bench-stories bench-compare bench-dedup bench-pipeline bench-api clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

## static-model: distil the comparer's static sentence embedding from MiniLM (offline; torch at build only)
static-model: $(STATIC_MODEL)

$(STATIC_MODEL): scripts/build_static_model.py | $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,model]"
	HF_HUB_OFFLINE=1 $(BIN)/python scripts/build_static_model.py

## run: ingest (analyse, cluster) the bundled examples/ into $(DB), print the stories they form and write
## each story's report (JSON, Markdown, HTML) into out/reports/
run: $(STAMP) $(STATIC_MODEL)
	@mkdir -p out
	$(BIN)/newsfuse --db $(DB) ingest examples/
	$(BIN)/newsfuse --db $(DB) stories
	$(BIN)/newsfuse --db $(DB) report --all --out out/reports

## browser: Debian's chromium, which Playwright drives in the web UI tests (no browser download)
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser: $(CHROMIUM)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

## test: lint, type-check and run the whole suite
test: $(STAMP) $(STATIC_MODEL) browser lint typecheck
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

## bench: every benchmark; results land in bench/results/
bench: bench-extraction bench-quotes bench-stories bench-dedup bench-compare bench-pipeline bench-api

bench-extraction: $(STAMP)
	$(BIN)/python -m bench.extraction --shared $(SHARED)

bench-quotes: $(STAMP)
	$(BIN)/python -m bench.quotes --shared $(SHARED)

bench-stories: $(STAMP)
	$(BIN)/python -m bench.stories --shared $(SHARED)

bench-compare: $(STAMP) $(STATIC_MODEL)
	$(BIN)/python -m bench.compare --shared $(SHARED)

bench-dedup: $(STAMP)
	$(BIN)/python -m bench.dedup --shared $(SHARED)

bench-pipeline: $(STAMP)
	$(BIN)/python -m bench.pipeline --shared $(SHARED)

## bench-api: story page and search latency under 50 clients on 100k replayed articles (store cached in bench/cache/)
bench-api: $(STAMP) $(STATIC_MODEL)
	$(BIN)/python -m bench.api --shared $(SHARED)

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
