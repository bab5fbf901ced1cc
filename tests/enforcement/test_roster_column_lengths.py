"""A roster's texts are checked by their records' own rules as the rows are read, not first when written."""

import pytest

from enforcement.agencies.models import Agency
from enforcement.officers.models.certificate import Certificate
from enforcement.officers.models.officer import Officer
from enforcement.officers.roster import RosterRejected, import_roster, read_roster
from tests.enforcement.roster_files import roster_row, workbook_bytes


def scope_of(world):
    return Agency.objects.visible_to(world.team_lead_a)


@pytest.mark.parametrize(
    ("column", "value", "limit"),
    [("姓名", "张" * 65, 64), ("职务", "科" * 101, 100), ("执法证号", "Z" * 65, 64), ("发证机关", "府" * 201, 200)],
)
def test_a_text_longer_than_its_column_is_a_bad_row_named_with_its_column(world, column, value, limit):
    rows = [roster_row(1, world.township_a.name), roster_row(2, world.township_a.name, **{column: value})]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    assert [error.row for error in check.errors] == [3]
    assert check.errors[0].message.startswith(f"{column}: ")
    assert str(limit) in check.errors[0].message
    with pytest.raises(RosterRejected):
        import_roster(check)
    assert not Officer.objects.exists()


def test_the_good_rows_of_a_roster_with_a_too_long_text_are_imported_when_asked(world):
    rows = [roster_row(1, world.township_a.name), roster_row(2, world.township_a.name, 职务="科" * 101)]
    result = import_roster(read_roster(workbook_bytes(rows), agencies=scope_of(world)), skip_bad_rows=True)
    assert (result.officers_created, result.certificates_created, result.rows_skipped) == (1, 1, 1)
    assert list(Certificate.objects.values_list("number", flat=True)) == ["ZF00000001"]


def test_a_certificate_valid_no_longer_than_its_issue_day_is_refused_by_the_certificates_rule(world):
    rows = [roster_row(1, world.township_a.name, 发证日期="2024-01-01", 有效期至="2024-01-01")]
    check = read_roster(workbook_bytes(rows), agencies=scope_of(world))
    assert [error.row for error in check.errors] == [2]
    assert check.errors[0].message == "有效期至: 证件的有效期截止日须晚于发证日期。"
