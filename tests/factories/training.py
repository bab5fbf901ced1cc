import datetime
from decimal import Decimal

import factory

from tests.factories.agencies import AgencyFactory
from tests.factories.officers import OfficerFactory
from training.exams.models import Exam, ExamExemption, ExamKind, ExamResult
from training.publicity.models import Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.publicity.youth import RuleOfLawVicePrincipal
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession


class StudyPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudyPlan

    agency = factory.SubFactory(AgencyFactory)
    year = 2024
    required_hours = 60


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    agency = factory.SubFactory(AgencyFactory)
    kind = SessionKind.OFFICER_TRAINING
    title = factory.Sequence(lambda n: f"《中华人民共和国行政处罚法》专题学习第{n}期")
    date = datetime.date(2024, 5, 10)
    hours = Decimal("4.0")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(TrainingSessionFactory)
    officer = factory.SubFactory(OfficerFactory, agency=factory.SelfAttribute("..session.agency"))
    hours_credited = factory.SelfAttribute("session.hours")


class ExamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exam

    agency = factory.SubFactory(AgencyFactory)
    kind = ExamKind.ANNUAL_LAW_EXAM
    title = "年度学法考试"
    date = datetime.date(2024, 11, 20)
    max_score = Decimal(100)
    pass_mark = Decimal(60)
    excellence_mark = Decimal(90)


class ExamResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExamResult

    exam = factory.SubFactory(ExamFactory)
    officer = factory.SubFactory(OfficerFactory, agency=factory.SelfAttribute("..exam.agency"))
    score = Decimal(80)
    absent = False


class ExamExemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExamExemption

    exam = factory.SubFactory(ExamFactory)
    officer = factory.SubFactory(OfficerFactory, agency=factory.SelfAttribute("..exam.agency"))
    reason = "病假"


class ThemeDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeDay
        django_get_or_create = ["name"]

    name = "国家宪法日"
    month = 12
    day = 4


class PublicityFormatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicityFormat
        django_get_or_create = ["name"]

    name = "悬挂横幅"
    is_interactive = False


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience
        django_get_or_create = ["name"]

    name = "村(居)民"
    is_youth = False


class PublicityActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicityActivity
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"法治宣传进村活动{n}")
    start_date = datetime.date(2024, 12, 4)
    end_date = factory.SelfAttribute("start_date")
    participants = 50
    materials = 100

    @factory.post_generation
    def formats(self, create, extracted, **kwargs):
        if create:
            self.formats.set(extracted if extracted is not None else [PublicityFormatFactory()])

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)


class VicePrincipalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RuleOfLawVicePrincipal

    officer = factory.SubFactory(OfficerFactory)
    school = "城关镇中心小学"
    appointed_on = datetime.date(2022, 9, 1)
