import datetime

import factory

from enforcement.cases.services import create_case, record_event
from enforcement.models import EnforcementCase, EnforcementField
from tests.factories.certificates import CertificateFactory
from tests.factories.officers import OfficerFactory, make_id_number


class EnforcementFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnforcementField
        django_get_or_create = ["name"]

    name = "城乡规划"


def certified_officer(agency, *, fields: str = "城乡规划、市容环境", **certificate):
    """An officer of `agency` holding a certificate for `fields` (issued 2024-01-01, valid to 2028-12-31)."""
    officer = OfficerFactory(agency=agency)
    CertificateFactory(officer=officer, fields=fields, **certificate)
    return officer


def penalty_case(
    agency,
    *events: tuple,
    handlers=None,
    field: str = "城乡规划",
    parties=None,
    penalties=None,
    discovered_on: datetime.date = datetime.date(2025, 3, 3),
    **details,
) -> EnforcementCase:
    """A case created and its events recorded through the services: (kind, date[, extra fields])."""
    handlers = handlers or [certified_officer(agency), certified_officer(agency)]
    case = create_case(
        agency=agency,
        field=EnforcementFieldFactory(name=field),
        act=details.pop("act", "未经许可搭建彩钢棚"),
        act_place=details.pop("act_place", "甲镇建设路12号"),
        act_on=details.pop("act_on", discovered_on - datetime.timedelta(days=10)),
        discovered_on=discovered_on,
        handlers=handlers,
        parties=parties or [{"kind": "citizen", "name": "张三丰", "id_number": make_id_number(9001)}],
        penalties=[{"kind": "fine", "amount": 5000}] if penalties is None else penalties,
        **details,
    )
    for kind, day, *extra in events:
        fields = dict(extra[0]) if extra else {}
        if kind in {"filed", "investigated", "interviewed", "evidence_preserved", "served"}:
            fields.setdefault("officers", handlers)
        if kind == "decided":
            fields.setdefault("outcome", "penalty")
            if case.procedure == "simplified":
                fields.setdefault("officers", handlers)
        record_event(case=case, kind=kind, occurred_on=day, **fields)
    case.refresh_from_db()
    return case
