# Two commands for a fresh clone; they need only python3 and make.
#
#   make demo   create .venv, install govreport, extract the sample into demo/ and print a summary
#   make test   create .venv, install the test extras, run pytest (extra arguments: make test PYTEST_ARGS="-x -q")
#
# Both are idempotent: .venv is made once, and the project is installed again only when pyproject.toml changes
# (a stamp file in .venv is named after the hash of pyproject.toml).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
GOVREPORT := $(VENV)/bin/govreport
SAMPLE := samples/hongshan_2019.txt
DEMO := demo
PYTEST_ARGS ?=

KEY := $(shell $(PYTHON) -c "import hashlib; print(hashlib.sha256(open('pyproject.toml', 'rb').read()).hexdigest()[:16])")
STAMP_RUN := $(VENV)/.installed-run-$(KEY)
STAMP_TEST := $(VENV)/.installed-test-$(KEY)

.PHONY: demo test help
.DEFAULT_GOAL := help

help:
	@echo "make demo   extract the sample into $(DEMO)/ and print a summary (creates $(VENV))"
	@echo "make test   run the test suite (creates $(VENV), installs the test extras)"

$(PY):
	$(PYTHON) -m venv $(VENV)

# The test extras include the project itself, so a test install also serves the demo.
$(STAMP_RUN): | $(PY)
	rm -f $(VENV)/.installed-run-*
	$(PY) -m pip install --disable-pip-version-check -q -e .
	touch $@

$(STAMP_TEST): | $(PY)
	rm -f $(VENV)/.installed-test-* $(VENV)/.installed-run-*
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	touch $@ $(STAMP_RUN)

# The venv's bin goes first on PATH: the tests call ruff and chromium by name, and the CLI as `govreport`.
test: $(STAMP_TEST)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m pytest $(PYTEST_ARGS)

demo: $(STAMP_RUN)
	@mkdir -p $(DEMO)
	$(GOVREPORT) extract $(SAMPLE) -o $(DEMO)/hongshan.json
	$(GOVREPORT) extract $(SAMPLE) --format xlsx -o $(DEMO)/hongshan.xlsx
	$(GOVREPORT) review $(SAMPLE) --pred $(DEMO)/hongshan.json -o $(DEMO)/review.html
	@$(PY) scripts/demo_summary.py $(DEMO)/hongshan.json
	@echo "wrote $(DEMO)/hongshan.json (the extraction), $(DEMO)/hongshan.xlsx (its tables, a sheet each)"
	@echo "  and $(DEMO)/review.html (open it in a browser)"
