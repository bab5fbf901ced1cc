"""What a fresh machine installs: the runtime set for `make run`, the development set for `make test`."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV_TOOLS = {"pytest", "pytest-django", "pytest-xdist", "factory-boy", "time-machine", "schemathesis", "hypothesis"}
DEV_TOOLS |= {"playwright", "ruff", "import-linter"}
UNUSED = {"django-import-export", "docxtpl", "tablib", "diff-match-patch", "jinja2"}


def pins(filename: str) -> dict[str, str]:
    lines = (ROOT / filename).read_text().splitlines()
    requirements = [line for line in lines if line and not line.startswith(("#", "-r "))]
    assert all("==" in line for line in requirements), "every requirement is pinned"
    return {
        re.sub(r"[-_.]+", "-", name).lower(): version for name, version in (line.split("==") for line in requirements)
    }


def test_the_runtime_set_holds_no_test_or_lint_tool_and_nothing_unused():
    runtime = pins("requirements.txt")
    assert {"django", "drf-spectacular-sidecar", "python-docx"} <= set(runtime)
    assert not (DEV_TOOLS | UNUSED) & set(runtime)


def test_the_development_set_adds_the_test_and_lint_tools_to_the_runtime_set():
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text().splitlines()
    dev = pins("requirements-dev.txt")
    assert set(dev) >= DEV_TOOLS
    assert dev["import-linter"] == "2.17"
    assert not set(dev) & set(pins("requirements.txt"))
    assert not UNUSED & set(dev)


def make_plan(target: str) -> str:
    """The commands `make` would run for `target` on a machine where nothing is installed yet."""
    return subprocess.run(
        ["make", "--dry-run", "--always-make", target], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def test_make_run_installs_the_runtime_set_only():
    plan = make_plan("run")
    assert "-r requirements.txt" in plan
    assert "requirements-dev.txt" not in plan


def test_make_test_installs_the_development_set_and_the_missing_system_packages_before_the_tests():
    plan = make_plan("test")
    assert plan.index("-r requirements-dev.txt") < plan.index("-m pytest")
    assert plan.index("scripts/install-system-packages") < plan.index("-m pytest")


def test_ci_installs_the_system_packages_through_the_same_script():
    assert "./scripts/install-system-packages" in (ROOT / ".ci" / "run").read_text()


def test_make_run_runs_the_daily_jobs_once_for_the_demo_before_serving():
    plan = make_plan("run")
    assert plan.index("seed_demo") < plan.index("run_daily_jobs") < plan.index("runserver")
