import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOG_A_LINE = "import logging; logging.getLogger('django.request').warning('Not Found: /a-probe')"


@pytest.mark.parametrize("debug", ["true", "false"])
def test_a_log_line_of_django_is_printed_once(debug):
    env = {**os.environ, "DEBUG": debug, "SECRET_KEY": "logging-test", "ALLOWED_HOSTS": "localhost"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", LOG_A_LINE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stderr.count("Not Found: /a-probe") == 1, result.stderr
