"""Ladders written before steps were renumbered on every change could hold two steps with one number (two "Step 1"
cards). Number each person's steps 1, 2, 3… in the order they were shown (number, then the order they were added)."""

from django.db import migrations


def renumber(apps, schema_editor):  # noqa: ANN001, ANN201 - migration signature
    LadderStep = apps.get_model("people", "LadderStep")
    numbers: dict[int, int] = {}
    for step in LadderStep.objects.order_by("person_id", "position", "id").only("pk", "person_id", "position"):
        numbers[step.person_id] = numbers.get(step.person_id, 0) + 1
        if step.position != numbers[step.person_id]:
            LadderStep.objects.filter(pk=step.pk).update(position=numbers[step.person_id])


class Migration(migrations.Migration):
    dependencies = [("people", "0003_kind_labels_follow_the_trust_model")]

    operations = [migrations.RunPython(renumber, migrations.RunPython.noop)]
