from django.db import migrations

THEME_DAYS = [
    # name, month, day, length in days
    ("全国法制宣传日", 12, 4, 1),
    ("国家宪法日", 12, 4, 1),
    ("宪法宣传周", 12, 1, 7),
    ("全民国家安全教育日", 4, 15, 1),
    ("国际禁毒日", 6, 26, 1),
    ("民法典宣传月", 5, 1, 31),
    ("国际消费者权益日", 3, 15, 1),
    ("世界知识产权日", 4, 26, 1),
    ("全国防灾减灾日", 5, 12, 1),
    ("安全生产月", 6, 1, 30),
    ("世界环境日", 6, 5, 1),
    ("全国土地日", 6, 25, 1),
    ("国家网络安全宣传周", 9, 9, 7),
    ("全国交通安全日", 12, 2, 1),
    ("国际消除家庭暴力日", 11, 25, 1),
    ("全国扶贫日", 10, 17, 1),
]

FORMATS = [
    # name, interactive
    ("集会宣讲", False),
    ("悬挂横幅", False),
    ("展板展示", False),
    ("发放宣传资料", False),
    ("法治讲座", False),
    ("新媒体推送", False),
    ("文艺演出", False),
    ("电子屏滚动播放", False),
    ("法律咨询", True),
    ("以案释法", True),
    ("知识竞赛", True),
    ("有奖问答", True),
    ("模拟法庭", True),
    ("互动问答", True),
]

AUDIENCES = [
    # name, young people
    ("村(居)民", False),
    ("青少年学生", True),
    ("企业职工", False),
    ("机关干部", False),
    ("外来务工人员", False),
    ("老年人", False),
    ("妇女儿童", False),
]


def create_reference_data(apps, schema_editor):
    ThemeDay = apps.get_model("training", "ThemeDay")
    PublicityFormat = apps.get_model("training", "PublicityFormat")
    Audience = apps.get_model("training", "Audience")
    for name, month, day, days in THEME_DAYS:
        ThemeDay.objects.get_or_create(name=name, defaults={"month": month, "day": day, "days": days})
    for name, interactive in FORMATS:
        PublicityFormat.objects.get_or_create(name=name, defaults={"is_interactive": interactive})
    for name, youth in AUDIENCES:
        Audience.objects.get_or_create(name=name, defaults={"is_youth": youth})


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(create_reference_data, migrations.RunPython.noop)]
