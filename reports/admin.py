"""The reports admin pages, one module per subject (importing them registers them)."""

from reports.annual import admin as annual_admin  # noqa: F401
from reports.ledger import admin as ledger_admin  # noqa: F401
