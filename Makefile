# realpolitik: `make demo` sets up and runs the main job on the bundled sample; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test bench-accuracy clean

WEB := src/realpolitik/web

setup: $(VENV)/.installed $(WEB)/static/index.html

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# the dashboard: JavaScript libraries from npm (package-lock.json), bundled into $(WEB)/static
$(WEB)/static/index.html: $(WEB)/package.json $(WEB)/package-lock.json $(WEB)/build.mjs $(wildcard $(WEB)/src/*)
	npm ci --prefix $(WEB) --no-audit --no-fund
	npm run build --prefix $(WEB)

# the main job on the bundled sample: code it into the embedded store, then the web of alliances
demo: setup
	rm -f demo.duckdb
	$(VENV)/bin/realpolitik ingest samples --db demo.duckdb --no-progress
	$(VENV)/bin/realpolitik graph --db demo.duckdb --format table
	$(VENV)/bin/realpolitik whatif "KOR 072 UKR" --db demo.duckdb --depth 2

test: setup
	$(VENV)/bin/pytest -q

bench-accuracy: setup
	$(PY) benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
