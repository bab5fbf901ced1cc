"""Stand-ins for the area statistics, for testing the report around them.

They answer the hand-made township figures; the officer total is counted
through the Scope, so the scoping of the report is exercised too.
"""

import copy
from decimal import Decimal

from enforcement.models import Officer

from .fixtures import TOWNSHIP_2021


def area(key):
    def figures(scope, year, *, today=None):
        return copy.deepcopy(TOWNSHIP_2021[key])

    return figures


def officer_figures(scope, year, *, today=None):
    figures = copy.deepcopy(TOWNSHIP_2021["officers"])
    figures["total"] = scope.rows(Officer).in_service().count()
    return figures


def training_figures(scope, year, *, today=None):
    # Sums of decimal hours reach the report as Decimal; extra keys pass through.
    figures = copy.deepcopy(TOWNSHIP_2021["training"])
    return figures | {"hours": Decimal("62.5"), "online_courses": 3}


exam_figures = area("exams")
publicity_figures = area("publicity")
reconsideration_figures = area("reconsideration")

AREAS = {
    "officers": f"{__name__}.officer_figures",
    "training": f"{__name__}.training_figures",
    "exams": f"{__name__}.exam_figures",
    "publicity": f"{__name__}.publicity_figures",
    "reconsideration": f"{__name__}.reconsideration_figures",
}
