"""The reports admin pages, one module per subject (importing them registers them)."""

from reports.annual import admin as annual_admin  # noqa: F401
