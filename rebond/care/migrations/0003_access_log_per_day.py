"""One access-log row per reader, part, door and day, with a count: earlier rows are merged, none is lost."""

import zoneinfo
from typing import Any

from django.db import migrations, models


def merge_rows(apps, schema_editor):  # noqa: ANN001, ANN201 - migration signature
    AccessLog = apps.get_model("care", "AccessLog")
    User = apps.get_model("accounts", "User")
    zones: dict[int, zoneinfo.ZoneInfo] = {}
    kept: dict[tuple, Any] = {}
    for row in AccessLog.objects.order_by("at", "id").iterator():
        if row.owner_id not in zones:
            name = User.objects.filter(pk=row.owner_id).values_list("time_zone", flat=True).first() or "UTC"
            try:
                zones[row.owner_id] = zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                zones[row.owner_id] = zoneinfo.ZoneInfo("UTC")
        day = row.at.astimezone(zones[row.owner_id]).date()
        reader = row.viewer_id if row.viewer_id is not None else ("gone", row.viewer_name)
        key = (row.owner_id, reader, row.scope, row.via, day)
        first = kept.get(key)
        if first is None:
            row.day, row.first_at, row.count = day, row.at, 1
            row.save(update_fields=["day", "first_at", "count"])
            kept[key] = row
        else:
            first.count += 1
            first.at = row.at
            first.save(update_fields=["count", "at"])
            row.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("care", "0002_summary_thoughts"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model_name="accesslog", name="day", field=models.DateField(null=True)),
        migrations.AddField(model_name="accesslog", name="first_at", field=models.DateTimeField(null=True)),
        migrations.AddField(model_name="accesslog", name="count", field=models.PositiveIntegerField(default=1)),
        migrations.RunPython(merge_rows, migrations.RunPython.noop),
        migrations.AlterField(model_name="accesslog", name="day", field=models.DateField()),
        migrations.AlterField(model_name="accesslog", name="first_at", field=models.DateTimeField()),
        migrations.AlterField(
            model_name="accesslog", name="scope",
            field=models.CharField(choices=[
                ("promises", "Promises and the self-trust record"), ("victories", "Wins"),
                ("measures", "Questionnaire scores"), ("thoughts", "Thought records"),
                ("ledger_summary", "People: a summary"), ("journal", "Journal"), ("safety_alerts", "Safety alerts"),
                ("homework", "Homework they gave you")], max_length=16),
        ),
        migrations.AddConstraint(
            model_name="accesslog",
            constraint=models.UniqueConstraint(fields=("owner", "viewer", "scope", "via", "day"),
                                               name="care_log_one_row_a_day"),
        ),
    ]
