"""The enforcement admin pages, one module per subject (importing them registers them)."""

from enforcement.agencies import admin as agencies_admin  # noqa: F401
from enforcement.cases import admin as cases_admin  # noqa: F401
from enforcement.officers import admin as officers_admin  # noqa: F401
from enforcement.reconsideration import admin as reconsideration_admin  # noqa: F401
