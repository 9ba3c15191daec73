"""Per-person data keys: create, use, rotate and destroy (the only code that touches DataKey)."""

from __future__ import annotations

import secrets
import threading

from django.conf import settings
from django.db import IntegrityError, transaction

from rebond.accounts.models import DataKey
from rebond.lib import crypto

_lock = threading.Lock()
_ring: tuple[float, crypto.KeyRing] | None = None
# Unwrapped data keys, per process. Safe across app servers: keys never change, they are only added or deleted,
# and a deleted key's rows are deleted in the same transaction.
_data_keys: dict[tuple[int, str], bytes] = {}


KeyFileProblem = crypto.KeyFileProblem


def keyring() -> crypto.KeyRing:
    """The deployment key ring, re-read when the key file changes (after a rotation on another server).

    The file is made only on first run, while the database holds no data keys. Once it does, a missing file is an
    error: a new key would seal text no one could read beside the old, and leave the old text unreadable."""
    global _ring
    path = settings.KEY_FILE
    mtime = path.stat().st_mtime if path.exists() else -1.0
    with _lock:
        if _ring is None or _ring[0] != mtime:
            if mtime < 0 and DataKey.objects.exists():
                raise KeyFileProblem(missing_key_file())
            ring = crypto.load_or_create_keyring(path)
            _ring = (path.stat().st_mtime, ring)
        return _ring[1]


def missing_key_file() -> str:
    return (f"The key file {settings.KEY_FILE} is missing, but this database already holds encrypted text. "
            "rebond won't make a new key, since the text already saved could never be read again. Copy keys.json "
            "back there from your backup (or from the first app server), then start rebond again.")


def _owner(user_id: int) -> str:
    return f"user:{user_id}"


def _unwrap(row: DataKey) -> bytes:
    cached = _data_keys.get((row.user_id, row.key_id))
    if cached is None:
        ring = keyring()
        kek = ring.get(crypto.key_id_of(row.wrapped))
        cached = crypto.unwrap_key(row.wrapped, kek=kek, owner=_owner(row.user_id))
        _data_keys[(row.user_id, row.key_id)] = cached
    return cached


def _create_key(user_id: int) -> DataKey:
    ring = keyring()
    key_id = f"d{secrets.token_hex(4)}"
    wrapped = crypto.wrap_key(crypto.new_key(), kek=ring.active(), kek_id=ring.active_id, owner=_owner(user_id))
    return DataKey.objects.create(user_id=user_id, key_id=key_id, wrapped=wrapped, active=True)


def active_key(user_id: int) -> tuple[str, bytes]:
    row = DataKey.objects.filter(user_id=user_id, active=True).order_by("-id").first()
    if row is None:
        try:
            with transaction.atomic():
                row = _create_key(user_id)
        except IntegrityError:  # pragma: no cover - two first writes at the same instant
            row = DataKey.objects.filter(user_id=user_id, active=True).order_by("-id").first()
            assert row is not None
    return row.key_id, _unwrap(row)


def seal_text(user_id: int, plaintext: str, *, context: str) -> str:
    key_id, key = active_key(user_id)
    return crypto.seal(plaintext, key=key, key_id=key_id, context=context)


def open_text(user_id: int, sealed: str, *, context: str) -> str:
    key_id = crypto.key_id_of(sealed)
    cached = _data_keys.get((user_id, key_id))
    if cached is None:
        row = DataKey.objects.filter(user_id=user_id, key_id=key_id).first()
        if row is None:
            raise crypto.CryptoError("The key for this text was destroyed.")
        cached = _unwrap(row)
    return crypto.open_sealed(sealed, key=cached, context=context)


def rotate_data_key(user_id: int) -> str:
    """Start sealing new text with a fresh data key; older text stays readable with the older key."""
    with transaction.atomic():
        DataKey.objects.filter(user_id=user_id, active=True).update(active=False)
        return _create_key(user_id).key_id


def keyring_check() -> crypto.KeyRing:
    """Make sure the key file exists and can open this database's data keys.

    On a fresh database it creates the file (so `rebond migrate` makes it once, to copy to every app server).
    With data keys already in the database it never makes a new file: a second app server without the shared
    file would otherwise seal text no other server can read."""
    sample = DataKey.objects.order_by("id").first()
    ring = keyring()
    if sample is not None:
        try:
            _unwrap(sample)
        except crypto.CryptoError as exc:
            raise KeyFileProblem(f"The key file {settings.KEY_FILE} doesn't open this database's keys. "
                                 "Every app server needs the same keys.json.") from exc
    return ring


def rotate_deployment_key(*, retire: bool = False) -> tuple[str, int]:
    """Add a new deployment key and re-wrap every data key with it. Returns (new key id, keys re-wrapped).

    With `retire`, the older deployment keys leave the file too, so database backups taken before the rotation
    (which may hold deleted accounts' data keys) can't be opened with it any more."""
    ring = keyring().rotated()
    count = 0
    with transaction.atomic():
        for row in DataKey.objects.select_for_update().all():
            plain = _unwrap(row)
            row.wrapped = crypto.wrap_key(plain, kek=ring.active(), kek_id=ring.active_id, owner=_owner(row.user_id))
            row.save(update_fields=["wrapped"])
            count += 1
        crypto.save_keyring(settings.KEY_FILE, ring.retired() if retire else ring)
    global _ring
    _ring = None
    return ring.active_id, count


def destroy_data_keys(user_id: int) -> None:
    DataKey.objects.filter(user_id=user_id).delete()
    for cache_key in [k for k in _data_keys if k[0] == user_id]:
        del _data_keys[cache_key]
