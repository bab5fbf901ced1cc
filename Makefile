# lawgov: `make run` serves the embedded demo, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The test suite runs with production settings (DEBUG off) over plain HTTP.
TEST_ENV := DEBUG=false HTTPS=false ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECRET_KEY=$${SECRET_KEY:-insecure-key-for-the-test-suite-only} \
	CACHE_URL=$${CACHE_URL:-locmemcache://lawgov}

.PHONY: run test bench lint messages clean

# `make run` installs the runtime set only; the test and lint tools come with the dev set.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DEBUG=true HTTPS=false $(PY) manage.py migrate --noinput
	DEBUG=true HTTPS=false $(PY) manage.py seed_demo --if-empty
	DEBUG=true HTTPS=false $(PY) manage.py run_daily_jobs
	DEBUG=true HTTPS=false PORT=$(PORT) $(PY) manage.py create_demo_users
	DEBUG=true HTTPS=false $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Chromium (browser tests) and gettext (catalogue) are installed with apt when missing.
test: $(VENV)/.installed-dev
	./scripts/install-system-packages
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# The benchmark seeds a PostgreSQL database at each scale and measures it, every
# figure next to a plain view timed alternately with it in the same process;
# results go to bench-results-<scale>.json, plans to bench-plans-<scale>.txt, and
# the growth between scales is printed. The load test (wrk, 8 connections,
# gunicorn on 127.0.0.1) runs on the database of LOAD_SCALE.
BENCH_DB ?= lawgov_bench
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_SCALES ?= 10 100
LOAD_SCALE ?= 100
BENCH_ENV := DEBUG=false HTTPS=false SECRET_KEY=benchmark-only ALLOWED_HOSTS=testserver,127.0.0.1 CACHE_URL=locmemcache://bench \
	DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) MEDIA_ROOT=$(CURDIR)/.bench-media CONN_MAX_AGE=$${CONN_MAX_AGE:-600}

bench: $(VENV)/.installed
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BENCH_ENV) $(PY) manage.py collectstatic --noinput -v 0
	@for scale in $(BENCH_SCALES); do \
	  psql "$(BENCH_PG)/postgres" -qc "DROP DATABASE IF EXISTS $(BENCH_DB)" -c "CREATE DATABASE $(BENCH_DB)" && \
	  $(BENCH_ENV) $(PY) manage.py migrate --noinput -v 0 && \
	  $(BENCH_ENV) $(PY) manage.py seed_demo --scale $$scale && \
	  $(BENCH_ENV) $(PY) manage.py bench --json bench-results-$$scale.json --plans bench-plans-$$scale.txt \
	    $(BENCH_ARGS) || exit 1; \
	  if [ "$$scale" = "$(LOAD_SCALE)" ]; then \
	    $(BENCH_ENV) $(PY) manage.py loadtest --json bench-results-load.json $(LOAD_ARGS) || exit 1; \
	  fi; \
	done
	$(BENCH_ENV) $(PY) manage.py bench --compare $(foreach s,$(BENCH_SCALES),bench-results-$(s).json)

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

messages: $(VENV)/.installed
	DEBUG=true $(PY) manage.py makemessages --locale zh_Hans --no-obsolete --ignore=.venv --ignore=tests
	DEBUG=true $(PY) manage.py compilemessages --locale zh_Hans --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
