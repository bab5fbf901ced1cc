from django.db import migrations

DEFAULT_DAYS = (90, 30, 7)
KINDS = ("enforcement", "supervision")


def create_default_thresholds(apps, schema_editor):
    ReminderThreshold = apps.get_model("enforcement", "ReminderThreshold")
    for kind in KINDS:
        for days in DEFAULT_DAYS:
            ReminderThreshold.objects.get_or_create(kind=kind, days=days)


class Migration(migrations.Migration):

    dependencies = [
        ("enforcement", "0005_certificates"),
    ]

    operations = [
        migrations.RunPython(create_default_thresholds, migrations.RunPython.noop),
    ]
