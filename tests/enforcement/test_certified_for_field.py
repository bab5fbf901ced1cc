"""Who may act in a penalty case's field on a day: the list's query and the save's refusal say the same.

`OfficerQuerySet.certified_for` offers officers in the admin; `officer_refusal`
refuses them on save. Both read the dated history, so a suspension recorded
later with an earlier date counts from its date.
"""

import datetime

import pytest

from enforcement.cases.certification import officer_refusal
from enforcement.cases.services import with_certificates_list
from enforcement.officers.models.certificate import Certificate, CertificateStatus
from enforcement.officers.models.officer import EmploymentStatus, Officer
from enforcement.officers.services import change_certificate_status
from tests.factories import AnnualReviewFactory, CertificateFactory, EnforcementFieldFactory, OfficerFactory

D = datetime.date
DAY = D(2025, 3, 5)
pytestmark = pytest.mark.django_db


def holder(agency, name: str, **certificate) -> Certificate:
    return CertificateFactory(officer=OfficerFactory(agency=agency, name=name), **certificate)


@pytest.fixture
def officers(world) -> dict[str, bool]:
    """Officers of township A by name, with whether each may act in 城乡规划 on DAY."""
    agency = world.team_a
    holder(agency, "持证", fields="城乡规划、市容环境")
    holder(agency, "当日到期", valid_until=DAY)
    holder(agency, "前一日到期", valid_until=DAY - datetime.timedelta(days=1))
    holder(agency, "尚未发证", issued_on=DAY + datetime.timedelta(days=1))
    backdated = holder(agency, "倒签暂扣")
    change_certificate_status(
        certificate=backdated, status=CertificateStatus.SUSPENDED, reason="暂扣", on=DAY - datetime.timedelta(days=3)
    )
    later = holder(agency, "次日暂扣")
    change_certificate_status(
        certificate=later, status=CertificateStatus.SUSPENDED, reason="暂扣", on=DAY + datetime.timedelta(days=1)
    )
    failed = holder(agency, "年审不合格")
    AnnualReviewFactory(certificate=failed, year=2024, result="failed", reviewed_on=DAY - datetime.timedelta(days=30))
    holder(agency, "其他领域", fields="市场监管")
    holder(agency, "分号分隔", fields="市容环境；城乡规划")
    holder(agency, "空格分隔", fields="市容环境 城乡规划")
    two = holder(agency, "领域证已过期", fields="城乡规划", valid_until=DAY - datetime.timedelta(days=10))
    CertificateFactory(officer=two.officer, fields="市场监管")
    left = holder(agency, "已调离")
    left.officer.employment_status, left.officer.employed_until = EmploymentStatus.TRANSFERRED, D(2025, 3, 4)
    left.officer.save()
    retired = holder(agency, "已退休无日期")
    retired.officer.employment_status = EmploymentStatus.RETIRED
    retired.officer.save()
    joined = holder(agency, "次日入职")
    joined.officer.employed_since = DAY + datetime.timedelta(days=1)
    joined.officer.save()
    OfficerFactory(agency=agency, name="无证")
    return {
        name: name in {"持证", "当日到期", "次日暂扣", "分号分隔", "空格分隔"}
        for name in Officer.objects.values_list("name", flat=True)
    }


def test_certified_for_and_officer_refusal_agree_on_every_officer(officers):
    field = EnforcementFieldFactory(name="城乡规划")
    listed = set(Officer.objects.certified_for(field, DAY).values_list("name", flat=True))
    accepted = {o.name for o in with_certificates_list(Officer.objects.all()) if officer_refusal(o, field, DAY) is None}
    assert listed == accepted == {name for name, may_act in officers.items() if may_act}


def test_a_certificate_covers_only_the_fields_it_lists(world):
    card = CertificateFactory(officer__agency=world.team_a, fields="市场监管，生态环境")
    for name, covered in [("城乡规划", False), ("市场监管", True), ("生态环境", True), ("生态", False)]:
        field = EnforcementFieldFactory(name=name)
        assert (Certificate.objects.covering(field).filter(pk=card.pk).exists(), card.covers(field)) == (
            covered,
            covered,
        ), name
