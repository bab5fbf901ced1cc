# lawgov: `make run` serves the embedded demo, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The test suite runs with production settings (DEBUG off) over plain HTTP.
TEST_ENV := DEBUG=false HTTPS=false ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECRET_KEY=$${SECRET_KEY:-insecure-key-for-the-test-suite-only}

.PHONY: run test bench lint messages clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

run: $(VENV)/.installed
	DEBUG=true HTTPS=false $(PY) manage.py migrate --noinput
	DEBUG=true HTTPS=false $(PY) manage.py seed_demo --if-empty
	DEBUG=true HTTPS=false PORT=$(PORT) $(PY) manage.py create_demo_users
	DEBUG=true HTTPS=false $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(TEST_ENV) $(PY) manage.py bench $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

messages: $(VENV)/.installed
	DEBUG=true $(PY) manage.py makemessages --locale zh_Hans --no-obsolete --ignore=.venv --ignore=tests
	DEBUG=true $(PY) manage.py compilemessages --locale zh_Hans --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
