"""12·4 is one theme day: 国家宪法日, which is also 全国法制宣传日 (since 2014).

The reference data listed it twice, so an activity of that day was counted
under two names. Activities of the duplicate move to 国家宪法日 and the
duplicate goes; any other pair of theme days with the same period is merged
the same way into the one that comes first by name, so the unique period
constraint of the next migration holds.
"""

from django.db import migrations

KEPT = "国家宪法日"
DUPLICATE = "全国法制宣传日"


def merge_duplicate_theme_days(apps, schema_editor):
    ThemeDay = apps.get_model("training", "ThemeDay")
    PublicityActivity = apps.get_model("training", "PublicityActivity")
    kept = ThemeDay.objects.filter(name=KEPT).first()
    duplicate = ThemeDay.objects.filter(name=DUPLICATE).first()
    if duplicate is not None and kept is None:
        duplicate.name = KEPT
        duplicate.save(update_fields=["name"])
    elif duplicate is not None:
        PublicityActivity.objects.filter(theme=duplicate).update(theme=kept)
        duplicate.delete()
    seen = {}
    for theme in ThemeDay.objects.order_by("name"):
        period = (theme.month, theme.day, theme.days)
        if theme.name == KEPT or period not in seen:
            if period in seen and theme.name == KEPT:
                # 国家宪法日 wins its period whatever its place in the order.
                PublicityActivity.objects.filter(theme=seen[period]).update(theme=theme)
                seen[period].delete()
            seen[period] = theme
            continue
        PublicityActivity.objects.filter(theme=theme).update(theme=seen[period])
        theme.delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0002_reference_data")]

    operations = [migrations.RunPython(merge_duplicate_theme_days, migrations.RunPython.noop)]
