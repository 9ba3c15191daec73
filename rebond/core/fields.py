"""EncryptedTextField: free text sealed with its owner's data key before it reaches the database.

Every model that stores what a person wrote uses this field. Values are decrypted lazily on first read, so listing
rows does not open text nobody looks at. Encrypted columns cannot be filtered in SQL; search happens after opening.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models

FREE_TEXT_LIMIT = 5000


class Sealed(str):
    """Ciphertext as read from the database, not yet opened."""


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


class EncryptedTextField(models.TextField):
    def __init__(self, *args: Any, owner_field: str = "user", max_chars: int = FREE_TEXT_LIMIT, **kwargs: Any):
        self.owner_field = owner_field
        self.max_chars = max_chars
        super().__init__(*args, **kwargs)
        self.validators.append(MaxLengthValidator(max_chars))

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
        owner_id = getattr(instance, f"{self.owner_field}_id")
        if owner_id is None:
            raise ValueError(f"{instance.__class__.__name__}.{self.name} needs its owner before it is saved.")
        return int(owner_id)

    def context(self, instance: models.Model) -> str:
        return f"{instance._meta.label_lower}.{self.name}:{self.owner_id(instance)}"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Sealed | None:
        return None if value is None else Sealed(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = model_instance.__dict__.get(self.attname)
        if value is None:
            return None
        if isinstance(value, Sealed):
            return str(value)
        cached = model_instance.__dict__.get(self.sealed_attname)
        if cached is not None:  # opened but unchanged: keep the same ciphertext
            return str(cached)
        from rebond.accounts.keys import seal_text

        sealed = seal_text(self.owner_id(model_instance), str(value), context=self.context(model_instance))
        model_instance.__dict__[self.sealed_attname] = Sealed(sealed)
        return sealed
