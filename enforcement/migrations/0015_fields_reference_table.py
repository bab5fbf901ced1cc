"""Officers and certificates refer to the table of enforcement fields instead of writing their names.

The written lists are kept in `unmatched_fields` while they are matched; what
matched becomes the many-to-many, what did not stays there (and is printed)
until a superuser adds the field to the table or corrects the record.
"""

import re

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

SEPARATORS = re.compile(r"[、,，;；/\s]+")
JOINER = "、"
UNMATCHED = models.CharField(
    blank=True,
    help_text=(
        "Names from the list written before the fields became a table that match no enforcement field: "
        "add the field to the table or choose the right one, then clear this."
    ),
    max_length=200,
    verbose_name="unmatched field names",
)


def match_written_lists(apps, schema_editor):
    known = {f.name: f.pk for f in apps.get_model("enforcement", "EnforcementField").objects.all()}
    unmatched_names = set()
    for model_name, relation, owner in (("Certificate", "fields", "certificate"), ("Officer", "enforcement_fields", "officer")):
        model = apps.get_model("enforcement", model_name)
        through = getattr(model, relation).through
        links, updated = [], []
        for row in model.objects.exclude(unmatched_fields="").only("pk", "unmatched_fields"):
            names = list(dict.fromkeys(n for n in SEPARATORS.split(row.unmatched_fields) if n))
            links += [through(**{f"{owner}_id": row.pk, "enforcementfield_id": known[n]}) for n in names if n in known]
            row.unmatched_fields = JOINER.join(n for n in names if n not in known)
            unmatched_names.update(n for n in names if n not in known)
            updated.append(row)
        through.objects.bulk_create(links, batch_size=1000)
        model.objects.bulk_update(updated, ["unmatched_fields"], batch_size=1000)
    if unmatched_names:
        # Shown by migrate; the admin lists the records through their "unmatched field names" filter.
        print("\n  Enforcement field names that match no field in the table:", JOINER.join(sorted(unmatched_names)))


def write_lists_back(apps, schema_editor):
    for model_name, relation, owner in (("Certificate", "fields", "certificate"), ("Officer", "enforcement_fields", "officer")):
        model = apps.get_model("enforcement", model_name)
        through = getattr(model, relation).through
        names = {}
        for owner_id, name in through.objects.values_list(f"{owner}_id", "enforcementfield__name"):
            names.setdefault(owner_id, []).append(name)
        rows = list(model.objects.filter(pk__in=names).only("pk", "unmatched_fields"))
        for row in rows:
            row.unmatched_fields = JOINER.join([*names[row.pk], *filter(None, [row.unmatched_fields])])
        model.objects.bulk_update(rows, ["unmatched_fields"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0014_case_version_label")]

    operations = [
        migrations.RenameField("certificate", "fields", "unmatched_fields"),
        migrations.RenameField("historicalcertificate", "fields", "unmatched_fields"),
        migrations.RenameField("officer", "enforcement_fields", "unmatched_fields"),
        migrations.RenameField("historicalofficer", "enforcement_fields", "unmatched_fields"),
        migrations.AlterField("certificate", "unmatched_fields", UNMATCHED),
        migrations.AlterField("historicalcertificate", "unmatched_fields", UNMATCHED),
        migrations.AlterField("officer", "unmatched_fields", UNMATCHED),
        migrations.AlterField("historicalofficer", "unmatched_fields", UNMATCHED),
        migrations.CreateModel(
            name="HistoricalCertificate_fields",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                ("certificate", models.ForeignKey(blank=True, db_constraint=False, db_tablespace="", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enforcement.certificate")),
                ("enforcementfield", models.ForeignKey(blank=True, db_constraint=False, db_tablespace="", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enforcement.enforcementfield")),
                ("history", models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to="enforcement.historicalcertificate")),
            ],
            options={"verbose_name": "HistoricalCertificate_fields"},
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOfficer_enforcement_fields",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                ("enforcementfield", models.ForeignKey(blank=True, db_constraint=False, db_tablespace="", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enforcement.enforcementfield")),
                ("history", models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to="enforcement.historicalofficer")),
                ("officer", models.ForeignKey(blank=True, db_constraint=False, db_tablespace="", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enforcement.officer")),
            ],
            options={"verbose_name": "HistoricalOfficer_enforcement_fields"},
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="certificate",
            name="fields",
            field=models.ManyToManyField(blank=True, related_name="certificates", to="enforcement.enforcementfield", verbose_name="enforcement fields covered"),
        ),
        migrations.AddField(
            model_name="officer",
            name="enforcement_fields",
            field=models.ManyToManyField(blank=True, related_name="officers", to="enforcement.enforcementfield", verbose_name="enforcement fields"),
        ),
        migrations.RunPython(match_written_lists, write_lists_back),
    ]
