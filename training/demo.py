"""Demo records of training, exams and publicity for the demo county.

Runs after the roster has been seeded: sessions and exams are attended and sat
by the officers already on it. Deterministic through context.rng; rows are
written with bulk_create so that `seed_demo --scale 100` stays fast.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from enforcement.agencies.models import Agency
from enforcement.officers.demo import DemoContext
from enforcement.officers.models.officer import Officer
from training.exams.models import Exam, ExamKind, ExamResult
from training.publicity.models import Audience, PublicityActivity, PublicityFormat, ThemeDay
from training.publicity.youth import PublicitySite, PublicitySiteKind, RuleOfLawVicePrincipal
from training.study.models import Attendance, SessionKind, StudyPlan, TrainingSession

# kind, title, laws covered, hours, who attends ("leaders", "enforcement" or "all")
SESSIONS = [
    (SessionKind.GROUP_STUDY, "党委理论中心组集体学法：习近平法治思想", "习近平法治思想", "2.0", "leaders"),
    (SessionKind.GROUP_STUDY, "党委理论中心组集体学法：《中华人民共和国宪法》", "宪法", "2.0", "leaders"),
    (SessionKind.GROUP_STUDY, "政府常务会议会前学法：《中华人民共和国行政复议法》", "行政复议法", "1.0", "leaders"),
    (SessionKind.OFFICER_TRAINING, "《中华人民共和国行政处罚法》专题学习", "行政处罚法", "8.0", "enforcement"),
    (SessionKind.OFFICER_TRAINING, "综合行政执法业务培训班", "行政强制法、行政处罚法", "16.0", "enforcement"),
    (SessionKind.OFFICER_TRAINING, "行政执法文书制作与案卷评查培训", "行政处罚法", "8.0", "enforcement"),
    (SessionKind.LECTURE, "民法典讲座", "民法典", "3.0", "all"),
    (SessionKind.LECTURE, "《中华人民共和国土地管理法》解读讲座", "土地管理法", "3.0", "all"),
    (SessionKind.LECTURE, "安全生产法律法规专题讲座", "安全生产法", "2.5", "all"),
    (SessionKind.ONLINE_COURSE, "行政执法人员网上学法平台课程", "行政许可法、行政处罚法", "20.0", "enforcement"),
    (SessionKind.ONLINE_COURSE, "国家工作人员学法用法网上课程", "宪法、民法典", "12.0", "all"),
    (SessionKind.HEARING_OBSERVATION, "旁听行政诉讼案件庭审", "行政诉讼法", "4.0", "enforcement"),
]

# title, theme (or None), formats, audiences, place
ACTIVITIES = [
    ("“宪法宣传周”集中宣传活动", "宪法宣传周", ["悬挂横幅", "发放宣传资料", "法律咨询"], ["村(居)民"], "镇政府广场"),
    ("国家宪法日宪法宣誓及宣讲", "国家宪法日", ["集会宣讲", "展板展示"], ["机关干部"], "镇政府会议室"),
    (
        "全民国家安全教育日宣传",
        "全民国家安全教育日",
        ["悬挂横幅", "展板展示", "发放宣传资料"],
        ["村(居)民"],
        "集贸市场",
    ),
    ("国际禁毒日禁毒知识进校园", "国际禁毒日", ["法治讲座", "有奖问答"], ["青少年学生"], "镇中心小学"),
    ("民法典宣传月进村入户", "民法典宣传月", ["发放宣传资料", "以案释法"], ["村(居)民", "老年人"], "各行政村"),
    ("消费者权益日集中宣传", "国际消费者权益日", ["悬挂横幅", "发放宣传资料"], ["村(居)民"], "商业街"),
    ("安全生产月宣传咨询日", "安全生产月", ["悬挂横幅", "展板展示", "发放宣传资料"], ["企业职工"], "工业园区"),
    ("防范电信诈骗宣传", None, ["发放宣传资料", "新媒体推送"], ["村(居)民", "老年人"], "镇区"),
    ("法律明白人培训", None, ["法治讲座"], ["村(居)民"], "镇文化站"),
    ("农民工欠薪维权法律宣传", None, ["悬挂横幅", "发放宣传资料"], ["外来务工人员"], "建筑工地"),
    ("法治文艺演出进乡村", None, ["文艺演出"], ["村(居)民"], "村文化广场"),
    ("反家庭暴力法宣传", "国际消除家庭暴力日", ["展板展示", "发放宣传资料"], ["妇女儿童"], "镇妇联"),
    ("模拟法庭进校园", None, ["模拟法庭"], ["青少年学生"], "镇初级中学"),
    ("法治电子屏滚动宣传", None, ["电子屏滚动播放", "新媒体推送"], ["村(居)民"], "镇政府门前"),
]

SPEAKERS = ["县司法局法制股", "镇司法所所长", "县人民法院法官", "县委党校讲师", "律师事务所律师"]

SCHOOLS = ["城关镇中心小学", "城关镇第一初级中学", "城关镇实验小学"]


def _day_in(context: DemoContext, year: int, month: int, day: int = 0) -> datetime.date | None:
    """A day of `year` in `month` (a random one when day is 0); None when it is still to come."""
    day = day or context.rng.randint(1, 28)
    date = datetime.date(year, month, day)
    return date if date <= context.today else None


def _staff(township: Agency) -> list[Officer]:
    return list(Officer.objects.in_subtree_of(township).in_service().order_by("pk"))


def seed(context: DemoContext) -> None:
    for index, township in enumerate(context.townships):
        staff = _staff(township)
        demo = index == 0
        for year in context.years:
            StudyPlan.objects.create(
                agency=township,
                year=year,
                required_hours=60,
                group_study_sessions=4,
                planned_items="党委理论中心组学法不少于4次\n行政执法人员培训不少于60学时\n年度学法考试",
            )
            _seed_sessions(context, township, staff, year, per_year=len(SESSIONS) if demo else 6)
            _seed_exam(context, township, staff, year)
            _seed_publicity(context, township, year, per_year=len(ACTIVITIES) * 2 if demo else 6)
    _seed_youth_and_sites(context, context.demo_township)


def _seed_sessions(context: DemoContext, township: Agency, staff: list[Officer], year: int, per_year: int) -> None:
    rng = context.rng
    chosen = SESSIONS if per_year >= len(SESSIONS) else rng.sample(SESSIONS, per_year)
    sessions, audiences = [], []
    for kind, title, laws, hours, who in chosen:
        date = _day_in(context, year, rng.randint(1, 12))
        if date is None:
            continue
        sessions.append(
            TrainingSession(
                agency=township,
                kind=kind,
                title=title,
                laws_covered=laws,
                date=date,
                hours=Decimal(hours),
                speaker=rng.choice(
                    ["县司法局法制股", "镇司法所所长", "县人民法院法官", "县委党校讲师", "律师事务所律师"]
                ),
                place="线上" if kind == SessionKind.ONLINE_COURSE else "镇政府三楼会议室",
            )
        )
        audiences.append(who)
    TrainingSession.objects.bulk_create(sessions)
    attendances = []
    for session, who in zip(sessions, audiences, strict=True):
        invited = [
            officer
            for officer in staff
            if who == "all"
            or (who == "leaders" and officer.is_leader)
            or (who == "enforcement" and officer.is_enforcement_officer)
        ]
        for officer in invited:
            if rng.random() < 0.9:
                attendances.append(Attendance(session=session, officer=officer, hours_credited=session.hours))
    Attendance.objects.bulk_create(attendances)


def _seed_exam(context: DemoContext, township: Agency, staff: list[Officer], year: int) -> None:
    rng = context.rng
    date = _day_in(context, year, 11, 18)
    if date is None:
        return
    exam = Exam.objects.create(
        agency=township,
        kind=ExamKind.ANNUAL_LAW_EXAM,
        title=f"{year}年度国家工作人员学法考试",
        date=date,
        max_score=Decimal(100),
        pass_mark=Decimal(60),
        excellence_mark=Decimal(90),
    )
    results = []
    for officer in staff:
        absent = rng.random() < 0.03
        score = None if absent else Decimal(min(100, max(35, round(rng.gauss(84, 9))))).quantize(Decimal("0.1"))
        results.append(ExamResult(exam=exam, officer=officer, absent=absent, score=score))
    ExamResult.objects.bulk_create(results)
    makeup_date = _day_in(context, year, 12, 9)
    if makeup_date is None:
        return
    makeups = [
        ExamResult(exam=exam, officer=first.officer, score=Decimal(rng.randint(62, 88)), makeup_of=first)
        for first in results
        if not first.absent and not first.passed
    ]
    ExamResult.objects.bulk_create(makeups)


def _seed_publicity(context: DemoContext, township: Agency, year: int, per_year: int) -> None:
    rng = context.rng
    themes = {theme.name: theme for theme in ThemeDay.objects.all()}
    formats = {fmt.name: fmt for fmt in PublicityFormat.objects.all()}
    audiences = {audience.name: audience for audience in Audience.objects.all()}
    if per_year > 6:
        # Every theme day once, everyday work as often as it happens to come up.
        themed = [activity for activity in ACTIVITIES if activity[1]]
        everyday = [activity for activity in ACTIVITIES if not activity[1]]
        chosen = themed + rng.choices(everyday, k=per_year - len(themed))
    else:
        chosen = rng.sample(ACTIVITIES, per_year)
    activities, links = [], []
    for title, theme_name, format_names, audience_names, place in chosen:
        theme = themes.get(theme_name) if theme_name else None
        if theme is not None:
            start = _day_in(context, year, theme.month, theme.day + rng.randint(0, theme.days - 1))
        else:
            start = _day_in(context, year, rng.randint(1, 12))
        if start is None:
            continue
        at_school = "青少年学生" in audience_names
        activities.append(
            PublicityActivity(
                agency=township,
                title=title,
                start_date=start,
                end_date=start,
                theme=theme,
                place=place,
                participants=rng.randint(30, 400),
                materials=rng.choice([0, 100, 200, 300, 500, 800]),
                laws_promoted="宪法、民法典" if theme is None else theme.name.strip("“”"),
                partner=rng.choice(["", "县司法局", "镇派出所", "镇妇联", "县人民法院"]),
                school=rng.choice(SCHOOLS) if at_school else "",
                class_periods=2 if at_school else 0,
            )
        )
        links.append((format_names, audience_names))
    PublicityActivity.objects.bulk_create(activities)
    format_rows, audience_rows = [], []
    for activity, (format_names, audience_names) in zip(activities, links, strict=True):
        format_rows += [
            PublicityActivity.formats.through(publicityactivity=activity, publicityformat=formats[name])
            for name in format_names
        ]
        audience_rows += [
            PublicityActivity.audiences.through(publicityactivity=activity, audience=audiences[name])
            for name in audience_names
        ]
    PublicityActivity.formats.through.objects.bulk_create(format_rows)
    PublicityActivity.audiences.through.objects.bulk_create(audience_rows)


def _seed_youth_and_sites(context: DemoContext, township: Agency) -> None:
    first_year = context.years[0]
    staff = [officer for officer in _staff(township) if officer.is_enforcement_officer or officer.is_leader]
    for officer, school, ended in zip(
        staff, SCHOOLS, [None, datetime.date(context.years[-1], 6, 30), None], strict=False
    ):
        RuleOfLawVicePrincipal.objects.create(
            officer=officer,
            school=school,
            appointed_on=datetime.date(first_year - 1, 9, 1),
            ended_on=ended if ended and ended <= context.today else None,
        )
    PublicitySite.objects.bulk_create(
        [
            PublicitySite(
                agency=township,
                kind=PublicitySiteKind.SQUARE,
                name="城关镇法治文化广场",
                place="镇政府东侧",
                since=datetime.date(first_year - 3, 5, 1),
            ),
            PublicitySite(
                agency=township,
                kind=PublicitySiteKind.CORRIDOR,
                name="滨河法治长廊",
                place="滨河路",
                since=datetime.date(first_year - 2, 10, 1),
            ),
            PublicitySite(
                agency=township,
                kind=PublicitySiteKind.BOARD,
                name="便民服务中心法治宣传栏",
                place="便民服务中心",
                since=datetime.date(first_year - 1, 3, 1),
            ),
        ]
    )
