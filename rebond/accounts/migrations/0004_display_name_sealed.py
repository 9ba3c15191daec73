"""The name a person asks to be called is free text: seal the names already stored in plain with each person's key."""

from typing import Any

from django.db import migrations

import rebond.core.fields

CONTEXT = "accounts.user.display_name:{}"


def _rows(schema_editor: Any) -> list[tuple[int, str]]:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id, display_name FROM accounts_user WHERE display_name <> ''")
        return [(int(pk), str(name)) for pk, name in cursor.fetchall()]


def _write(schema_editor: Any, pk: int, value: str) -> None:
    # Plain SQL: the field itself refuses to write text that isn't sealed, and the reverse step must write plain.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_user SET display_name = %s WHERE id = %s", [value, pk])


def seal_names(apps: Any, schema_editor: Any) -> None:
    from rebond.accounts import keys
    from rebond.lib import crypto

    for pk, name in _rows(schema_editor):
        if not crypto.is_sealed(name):
            _write(schema_editor, pk, keys.seal_text(pk, name, context=CONTEXT.format(pk)))


def open_names(apps: Any, schema_editor: Any) -> None:
    from rebond.accounts import keys
    from rebond.lib import crypto

    for pk, name in _rows(schema_editor):
        if crypto.is_sealed(name):
            _write(schema_editor, pk, keys.open_text(pk, name, context=CONTEXT.format(pk))[:80])


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_demo_flag'),
    ]

    operations = [
        migrations.AlterField(
            model_name='user',
            name='display_name',
            field=rebond.core.fields.EncryptedTextField(blank=True, max_chars=80, owner_field='self'),
        ),
        migrations.RunPython(seal_names, open_names),
    ]
