import datetime

import factory

from enforcement.reconsideration.choices import ActKind
from enforcement.reconsideration.models import Applicant, ReconsiderationCase
from enforcement.reconsideration.services import record_event
from tests.factories.agencies import AgencyFactory
from tests.factories.officers import OfficerFactory


class ReconsiderationCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReconsiderationCase
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    organ_name = "示例县人民政府"
    organ_case_number = factory.Sequence(lambda n: f"示县复〔2025〕{n}号")
    act_kind = ActKind.PENALTY
    act_document_number = factory.Sequence(lambda n: f"甲罚决字〔2025〕{n}号")
    officer = factory.SubFactory(OfficerFactory, agency=factory.SelfAttribute("..agency"))

    @factory.post_generation
    def received_on(self, create, extracted, **kwargs):
        if create and extracted:
            record_event(case=self, kind="application_received", occurred_on=extracted)
            self.refresh_from_db()


class ApplicantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Applicant

    case = factory.SubFactory(ReconsiderationCaseFactory)
    name = factory.Sequence(lambda n: f"申请人{n}")


def case_with_events(agency, *events: tuple, procedure: str = "ordinary", **fields) -> ReconsiderationCase:
    """A case with its events recorded through the service: (kind, date[, extra fields])."""
    case = ReconsiderationCaseFactory(agency=agency, procedure=procedure, **fields)
    for kind, day, *extra in events:
        record_event(case=case, kind=kind, occurred_on=day, **(extra[0] if extra else {}))
    case.refresh_from_db()
    return case


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)
