"""The national rules the ledger starts with; a superuser adds a province's own rows in the admin."""

from django.db import migrations

REGULATION = "《重大行政决策程序暂行条例》"
EVERY_CATEGORY = ("public_policy", "plan", "resources", "construction", "other")
# (step, categories, article): art. 14 public participation for every item not
# kept secret; art. 19 expert argument where the item is professional or
# technical (plans, resources, construction); art. 22 risk assessment where
# it may harm social stability or public safety (resources, construction);
# art. 24 legality review, art. 30 collective discussion, art. 33 publication
# and art. 34 archive for every item.
NATIONAL_STEPS = [
    ("public_participation", EVERY_CATEGORY, "第十四条"),
    ("expert_argument", ("plan", "resources", "construction"), "第十九条"),
    ("risk_assessment", ("resources", "construction"), "第二十二条"),
    ("legality_review", EVERY_CATEGORY, "第二十四条"),
    ("collective_discussion", EVERY_CATEGORY, "第三十条"),
    ("publication", EVERY_CATEGORY, "第三十三条"),
    ("archive", EVERY_CATEGORY, "第三十四条"),
]


def add_national_rules(apps, schema_editor):
    MandatoryDecisionStep = apps.get_model("reports", "MandatoryDecisionStep")
    FilingPeriod = apps.get_model("reports", "FilingPeriod")
    for step, categories, article in NATIONAL_STEPS:
        for category in categories:
            MandatoryDecisionStep.objects.get_or_create(
                province="", category=category, step=step, defaults={"basis": f"{REGULATION}{article}"}
            )
    # Provinces set their own period; 30 days after publication is the common
    # one, the period of 《法规规章备案条例》第三条 for rules.
    FilingPeriod.objects.get_or_create(
        province="", defaults={"days": 30, "basis": "公布之日起30日内报送备案（参照《法规规章备案条例》第三条）"}
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_ledger")]

    operations = [migrations.RunPython(add_national_rules, migrations.RunPython.noop)]
