# Two entry points for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITREP := $(VENV)/bin/sitrep

.PHONY: demo test lint eval bench model clean fuzz soak chromium web-assets

$(VENV)/.core: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.web: $(VENV)/.core
	$(PY) -m pip install --quiet -e '.[web]'
	touch $@

$(VENV)/.train: $(VENV)/.core
	$(PY) -m pip install --quiet -e '.[train]'
	touch $@

$(VENV)/.test: $(VENV)/.core
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.web
	$(SITREP) code samples/*.txt --format table
	$(SITREP) ingest 'samples/*.txt'
	$(SITREP) stats
	@echo
	@echo "Web app and API on this store (map, timeline, each event in its source text):"
	@echo "  $(SITREP) serve        then open http://127.0.0.1:8000/ (API docs: /docs)"

# Debian's chromium for the browser tests (tests/web); apt-get only when it is missing.
chromium:
	sh tools/ensure_chromium.sh

# Refresh the vendored browser libraries (src/sitrep/web/static/vendor) from web/package-lock.json.
web-assets:
	sh web/vendor.sh

test: $(VENV)/.test chromium
	$(PY) -m ruff check src tests bench
	$(PY) -m mypy
	$(PY) -m pytest -q

lint: $(VENV)/.test
	$(PY) -m ruff check src tests bench
	$(PY) -m mypy

# Real text (never trained on): wcep, re3d, wikinews, plover_gsr; written by us: sentences, articles,
# wire (wire, local-press and monitor-style articles with several events each).
EVENT_GOLD := tests/gold/seed.jsonl tests/gold/wcep.jsonl tests/gold/re3d.jsonl \
	tests/gold/wikinews.jsonl tests/gold/plover_gsr.jsonl \
	tests/gold/sentences.jsonl tests/gold/articles.jsonl tests/gold/wire.jsonl

eval: $(VENV)/.core
	$(SITREP) evaluate $(EVENT_GOLD) --floors tests/gold/floors.yaml

# Rebuild the shipped event model from corpus/ (deterministic; a few minutes on 2 cores).
model: $(VENV)/.train
	$(PY) -m sitrep.learn.train --corpus corpus --out src/sitrep/data/model

bench: $(VENV)/.core
	$(PY) bench/bench_code.py
	$(PY) bench/bench_ingest.py
	$(PY) bench/bench_resolve.py

# >= 10,000 hostile inputs through the coder, the readers and the exports (about 10-20 minutes);
# writes bench/fuzz_results.md. CI runs the same properties briefly (tests/test_fuzz.py).
fuzz: $(VENV)/.test
	$(PY) bench/fuzz.py --n 10000

# 50,000 generated documents (1% bad) through ingest; SOAK_N=5000 for a shorter run.
SOAK_N ?= 50000
soak: $(VENV)/.test
	$(PY) bench/soak.py --n $(SOAK_N)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
