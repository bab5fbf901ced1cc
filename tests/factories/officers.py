import datetime

import factory

from enforcement.agencies.validators import id_number_check_character
from enforcement.officers.models.officer import Officer
from tests.factories.agencies import AgencyFactory


def make_id_number(serial: int, birth_date: datetime.date = datetime.date(1985, 6, 15), male: bool = True) -> str:
    """A resident ID number with a correct GB 11643 check character."""
    sequence = (serial % 500) * 2 + (1 if male else 0)
    region = 410423 + serial // 500
    body = f"{region:06d}{birth_date:%Y%m%d}{sequence:03d}"
    return body + id_number_check_character(body)


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    name = factory.Sequence(lambda n: f"干部{n}")
    id_number = factory.Sequence(make_id_number)
    agency = factory.SubFactory(AgencyFactory)
    position = "科员"
    is_enforcement_officer = True
