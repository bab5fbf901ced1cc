"""The common enforcement fields (执法领域), and which names in officers' and certificates' lists match none."""

import re

from django.db import migrations

COMMON_FIELDS = [
    "城乡规划",
    "市容环境",
    "农业农村",
    "市场监管",
    "生态环境",
    "自然资源",
    "应急管理",
    "安全生产",
    "卫生健康",
    "文化旅游",
    "交通运输",
    "住房城乡建设",
    "水利",
    "林业",
    "教育",
    "民政",
    "人力资源社会保障",
]
SEPARATORS = re.compile(r"[、,，;；/\s]+")


def add_fields(apps, schema_editor):
    EnforcementField = apps.get_model("enforcement", "EnforcementField")
    for order, name in enumerate(COMMON_FIELDS, start=1):
        EnforcementField.objects.get_or_create(name=name, defaults={"order": order})
    known = set(EnforcementField.objects.values_list("name", flat=True))
    unmatched = set()
    for model, column in (("Officer", "enforcement_fields"), ("Certificate", "fields")):
        for text in apps.get_model("enforcement", model).objects.values_list(column, flat=True).distinct():
            unmatched.update(name for name in SEPARATORS.split(text or "") if name and name not in known)
    if unmatched:
        # Shown by migrate: a superuser adds these to the table, or corrects the lists.
        print(
            "\n  Enforcement fields named by officers or certificates but not in the table:",
            "、".join(sorted(unmatched)),
        )


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0010_enforcement_cases")]

    operations = [migrations.RunPython(add_fields, migrations.RunPython.noop)]
