"""Every look's time, under its per-day access-log line.

Lines written before this migration kept only the first and the latest time of the day (0003 merged the rest into a
count), so each gets one read at `first_at` and, when it counted more than one look, one at `at`. The times of the
looks in between were not kept and cannot be recovered: such a line counts more looks than it lists times."""

from django.db import migrations, models


def known_times(apps, schema_editor):  # noqa: ANN001, ANN201 - migration signature
    AccessLog = apps.get_model("care", "AccessLog")
    AccessRead = apps.get_model("care", "AccessRead")
    batch = []
    for row in AccessLog.objects.order_by("id").iterator():
        batch.append(AccessRead(log_id=row.id, at=row.first_at))
        if row.count > 1:
            batch.append(AccessRead(log_id=row.id, at=row.at))
        if len(batch) >= 1000:
            AccessRead.objects.bulk_create(batch)
            batch = []
    AccessRead.objects.bulk_create(batch)


class Migration(migrations.Migration):

    dependencies = [
        ("care", "0003_access_log_per_day"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccessRead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField()),
                ("log", models.ForeignKey(on_delete=models.deletion.CASCADE, related_name="reads",
                                          to="care.accesslog")),
            ],
            options={
                "ordering": ["at", "id"],
                "indexes": [models.Index(fields=["log", "at"], name="care_read_log_at")],
            },
        ),
        migrations.RunPython(known_times, migrations.RunPython.noop),
    ]
