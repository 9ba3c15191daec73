"""EncryptedTextField: free text sealed with its owner's data key before it reaches the database.

Every model that stores what a person wrote uses this field. Values are decrypted lazily on first read, so listing
rows does not open text nobody looks at. Encrypted columns cannot be filtered in SQL; search happens after opening.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from rebond.lib import text as text_check

FREE_TEXT_LIMIT = 5000


def validate_saveable(value: Any) -> None:
    """A lone half of an emoji or a NUL can't be stored; say so beside the field instead of failing later."""
    if isinstance(value, str) and not text_check.saveable(value):
        raise ValidationError(text_check.UNSAVEABLE, code="unsaveable")


class Sealed(str):
    """Ciphertext: as read from the database and not yet opened, or as sealed on its way in."""


class UnsealedWrite(TypeError):
    """Plain text was about to reach an encrypted column by a path that skips sealing (`QuerySet.update()`,
    `bulk_update()`). Save the object instead (its service does), so the text is sealed with its owner's key."""


class _Descriptor:
    def __init__(self, field: EncryptedTextField) -> None:
        self.field = field

    def __get__(self, instance: models.Model | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        attname = self.field.attname
        if attname not in instance.__dict__:
            instance.refresh_from_db(fields=[attname])
        value = instance.__dict__[attname]
        if isinstance(value, Sealed):
            from rebond.accounts.keys import open_text

            plain = open_text(self.field.owner_id(instance), value, context=self.field.context(instance))
            instance.__dict__[attname] = plain
            instance.__dict__[self.field.sealed_attname] = value
            return plain
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.attname] = value
        if not isinstance(value, Sealed):
            instance.__dict__.pop(self.field.sealed_attname, None)


# `owner_field=SELF` on the user model itself: the row's own primary key is the owner whose key seals the text.
SELF = "self"


class EncryptedTextField(models.TextField):
    def __init__(self, *args: Any, owner_field: str = "user", max_chars: int = FREE_TEXT_LIMIT, **kwargs: Any):
        self.owner_field = owner_field
        self.max_chars = max_chars
        super().__init__(*args, **kwargs)
        self.validators.append(MaxLengthValidator(max_chars))
        self.validators.append(validate_saveable)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["owner_field"] = self.owner_field
        if self.max_chars != FREE_TEXT_LIMIT:
            kwargs["max_chars"] = self.max_chars
        return name, path, args, kwargs

    @property
    def sealed_attname(self) -> str:
        return f"_{self.attname}_sealed"

    def contribute_to_class(self, cls: type[models.Model], name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, self.attname, _Descriptor(self))

    def owner_id(self, instance: models.Model) -> int:
        owner_id = instance.pk if self.owner_field == SELF else getattr(instance, f"{self.owner_field}_id")
        if owner_id is None:
            raise ValueError(f"{instance.__class__.__name__}.{self.name} needs its owner before it is saved.")
        return int(owner_id)

    def context(self, instance: models.Model) -> str:
        return f"{instance._meta.label_lower}.{self.name}:{self.owner_id(instance)}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        # Empty is stored as empty only where there is no owner key yet (see pre_save); it holds nothing to hide.
        return value if not value else Sealed(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = model_instance.__dict__.get(self.attname)
        if value is None:
            return None
        if value == "" and self.owner_field == SELF and model_instance.pk is None:
            return ""  # a new account has no id, so no key, yet; it sets its text once saved
        if isinstance(value, Sealed):
            return value
        cached = model_instance.__dict__.get(self.sealed_attname)
        if cached is not None:  # opened but unchanged: keep the same ciphertext
            return Sealed(cached)
        from rebond.accounts.keys import seal_text

        if not text_check.saveable(str(value)):  # a service that skipped full_clean still gets a field error
            raise ValidationError({self.name: [text_check.UNSAVEABLE]}, code="unsaveable")
        sealed = Sealed(seal_text(self.owner_id(model_instance), str(value), context=self.context(model_instance)))
        model_instance.__dict__[self.sealed_attname] = sealed
        return sealed

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        """The last step before the database: only sealed text (or nothing) gets through. save() and bulk_create()
        seal in pre_save; update() and bulk_update() skip it, so plain text there is refused, never written."""
        if value is None or value == "" or hasattr(value, "as_sql"):
            return value  # an expression (bulk_update's CASE): each value inside it comes through here too
        if not isinstance(value, Sealed):
            raise UnsealedWrite(f"{self.model.__name__}.{self.name} holds sealed text only: set it on the object and "
                                "save() it (or call its service) instead of update() or bulk_update().")
        return str(value)
