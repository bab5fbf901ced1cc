"""The database refusing a write in the middle of an import: nothing of the import is kept."""

import pytest
from django.db import DatabaseError, connection

from enforcement.agencies.models import Agency
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import import_roster, read_roster
from tests.enforcement.roster_files import roster_row, workbook_bytes

REFUSED_NUMBER = "REFUSED-0150"

TRIGGERS = {
    "postgresql": [
        f"""CREATE FUNCTION refuse_certificate() RETURNS trigger AS $$
           BEGIN
             IF NEW.number = '{REFUSED_NUMBER}' THEN RAISE EXCEPTION 'write refused by the database'; END IF;
             RETURN NEW;
           END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER refuse_certificate BEFORE INSERT ON enforcement_certificate
           FOR EACH ROW EXECUTE FUNCTION refuse_certificate()""",
    ],
    "sqlite": [
        f"""CREATE TRIGGER refuse_certificate BEFORE INSERT ON enforcement_certificate
           WHEN NEW.number = '{REFUSED_NUMBER}' BEGIN SELECT RAISE(ABORT, 'write refused by the database'); END""",
    ],
}


@pytest.fixture
def database_refusing_one_certificate(db):
    with connection.cursor() as cursor:
        for statement in TRIGGERS[connection.vendor]:
            cursor.execute(statement)


def test_a_write_refused_mid_import_leaves_nothing_of_the_import(world, database_refusing_one_certificate):
    rows = [roster_row(serial, world.team_a.name) for serial in range(300)]
    rows[150][4] = REFUSED_NUMBER  # 执法证号 of the 151st person
    check = read_roster(workbook_bytes(rows), agencies=Agency.objects.visible_to(world.team_lead_a))
    assert check.is_clean, check.errors[:3]
    officers_before, certificates_before = Officer.objects.count(), Certificate.objects.count()

    with pytest.raises(DatabaseError, match="refused"):
        import_roster(check)

    assert Officer.objects.count() == officers_before
    assert Certificate.objects.count() == certificates_before
    assert not Officer.history.filter(agency=world.team_a).exists()
