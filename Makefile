# realpolitik: `make demo` sets up and runs the main job on the bundled sample; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test bench-accuracy clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(VENV)/bin/realpolitik code --jsonl samples/seed_article.jsonl samples/wikinews_sample.jsonl --format table

test: setup
	$(VENV)/bin/pytest -q

bench-accuracy: setup
	$(PY) benchmarks/accuracy.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
