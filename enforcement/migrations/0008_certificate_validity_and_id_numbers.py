"""Resident ID numbers stored normalised; a failed annual review carries its date.

Both data steps refuse to guess: where normalising two stored numbers would
make them one person, or a failed review has no date, the migration stops
and lists the rows to correct by hand.
"""

from collections import defaultdict

from django.db import migrations, models

import enforcement.agencies.fields

# A frozen copy of enforcement.agencies.validators.normalise_id_number as it was
# when this migration was written (a migration must not change with the code).
ID_NUMBER_FORMS = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "Ｘ": "X", "ｘ": "X", "x": "X"})


def normalise(value):
    return (value or "").strip().translate(ID_NUMBER_FORMS)


def normalise_id_numbers(apps, schema_editor):
    Officer = apps.get_model("enforcement", "Officer")
    rows = list(Officer.objects.order_by("pk").values_list("pk", "name", "id_number"))
    people = defaultdict(list)
    for pk, name, id_number in rows:
        people[normalise(id_number)].append((pk, name, id_number))
    conflicts = [group for group in people.values() if len(group) > 1]
    if conflicts:
        listed = "\n".join(
            " = ".join(f"officer {pk} {name} «{id_number}»" for pk, name, id_number in group) for group in conflicts
        )
        raise RuntimeError(
            "These officers would have the same resident ID number once normalised; "
            f"merge or correct them, then migrate again:\n{listed}"
        )
    for pk, _name, id_number in rows:
        if normalise(id_number) != id_number:
            Officer.objects.filter(pk=pk).update(id_number=normalise(id_number))


def refuse_undated_failed_reviews(apps, schema_editor):
    AnnualReview = apps.get_model("enforcement", "AnnualReview")
    undated = list(
        AnnualReview.objects.filter(result="failed", reviewed_on__isnull=True).values_list("pk", "certificate__number", "year")
    )
    if undated:
        listed = "\n".join(f"review {pk}: certificate {number}, {year}" for pk, number, year in undated)
        raise RuntimeError(f"These failed annual reviews have no date; enter the day of each review:\n{listed}")


class Migration(migrations.Migration):

    dependencies = [
        ('enforcement', '0007_reconsideration'),
    ]

    operations = [
        migrations.RunPython(normalise_id_numbers, migrations.RunPython.noop),
        migrations.RunPython(refuse_undated_failed_reviews, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='historicalofficer',
            name='id_number',
            field=enforcement.agencies.fields.ResidentIdNumberField(db_index=True, error_messages={'unique': 'An officer with this resident ID number already exists.'}, max_length=18, verbose_name='resident ID number'),
        ),
        migrations.AlterField(
            model_name='officer',
            name='id_number',
            field=enforcement.agencies.fields.ResidentIdNumberField(error_messages={'unique': 'An officer with this resident ID number already exists.'}, max_length=18, unique=True, verbose_name='resident ID number'),
        ),
        migrations.AddConstraint(
            model_name='annualreview',
            constraint=models.CheckConstraint(condition=models.Q(('result', 'failed'), ('reviewed_on__isnull', True), _negated=True), name='annual_review_failed_is_dated', violation_error_message='Give the date of a failed review: the certificate stops being effective on it.'),
        ),
    ]
