"""Envelope encryption for free text (no Django imports).

Layout of a sealed value (ASCII, safe in any text column):

    rb1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>

`rb1` is the envelope version: readers detect it, writers always write the newest. The key id names the data key
that sealed the value, so a person's data key can be rotated while old values stay readable. The associated data
binds a value to its table, column and owner, so a ciphertext copied into another row or account will not open.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from rebond.lib.private import private_folder, write_private

VERSION = "rb1"
NONCE_BYTES = 12
KEY_BYTES = 32


class CryptoError(Exception):
    """A value could not be sealed or opened (wrong key, tampered text, unknown version)."""


class KeyFileProblem(CryptoError):
    """The key file doesn't fit the database: going on would make text unreadable, here or on another server.
    Its message says what to do, in plain words."""


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def _b64e(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def is_sealed(value: str) -> bool:
    return value.startswith(VERSION + ":")


def seal(plaintext: str, *, key: bytes, key_id: str, context: str) -> str:
    if ":" in key_id:
        raise CryptoError("A key id cannot contain a colon.")
    try:
        raw = plaintext.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: callers check text first, this is the last line
        raise CryptoError("This text has a character that can't be stored.") from exc
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(key).encrypt(nonce, raw, context.encode("utf-8"))
    return f"{VERSION}:{key_id}:{_b64e(nonce + body)}"


def key_id_of(sealed: str) -> str:
    parts = sealed.split(":", 2)
    if len(parts) != 3 or parts[0] != VERSION:
        raise CryptoError("This value is not in a known envelope version.")
    return parts[1]


def open_sealed(sealed: str, *, key: bytes, context: str) -> str:
    parts = sealed.split(":", 2)
    if len(parts) != 3 or parts[0] != VERSION:
        raise CryptoError("This value is not in a known envelope version.")
    raw = _b64d(parts[2])
    try:
        plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode("utf-8"))
    except InvalidTag as exc:
        raise CryptoError("The value could not be opened with this key.") from exc
    return plain.decode("utf-8")


def wrap_key(data_key: bytes, *, kek: bytes, kek_id: str, owner: str) -> str:
    """Wrap a person's data key with the deployment key (AES-GCM, bound to the owner)."""
    return seal(_b64e(data_key), key=kek, key_id=kek_id, context=f"datakey:{owner}")


def unwrap_key(wrapped: str, *, kek: bytes, owner: str) -> bytes:
    return _b64d(open_sealed(wrapped, key=kek, context=f"datakey:{owner}"))


@dataclass(frozen=True)
class KeyRing:
    """The deployment keys: one active key that wraps new data keys, older ones kept to unwrap."""

    active_id: str
    keys: dict[str, bytes]

    def active(self) -> bytes:
        return self.keys[self.active_id]

    def get(self, key_id: str) -> bytes:
        try:
            return self.keys[key_id]
        except KeyError as exc:
            raise CryptoError(f"The deployment key {key_id!r} is missing from the key file.") from exc

    def to_json(self) -> str:
        return json.dumps(
            {"version": 1, "active": self.active_id, "keys": {k: _b64e(v) for k, v in self.keys.items()}},
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyRing:
        try:
            data = json.loads(text)
            keys = {str(k): _b64d(v) for k, v in data["keys"].items()}
            active = str(data["active"])
        except (ValueError, KeyError, TypeError) as exc:
            raise CryptoError("The key file is not readable; restore it from your backup.") from exc
        if active not in keys or any(len(k) != KEY_BYTES for k in keys.values()):
            raise CryptoError("The key file is damaged; restore it from your backup.")
        return cls(active_id=active, keys=keys)

    def rotated(self) -> KeyRing:
        new_id = f"k{len(self.keys) + 1}-{secrets.token_hex(3)}"
        return KeyRing(active_id=new_id, keys={**self.keys, new_id: new_key()})

    def retired(self) -> KeyRing:
        """Only the active key: once every data key is wrapped by it, older copies of the database (backups)
        can't be read with this file any more."""
        return KeyRing(active_id=self.active_id, keys={self.active_id: self.active()})


def load_or_create_keyring(path: Path) -> KeyRing:
    """Read the key file, creating it on first run. Creation is atomic so app servers sharing it agree."""
    if not path.exists():
        private_folder(path.parent)
        # If another process won the race, this writes nothing and we read theirs.
        write_private(path, KeyRing(active_id="k1", keys={"k1": new_key()}).to_json())
    return KeyRing.from_json(path.read_text(encoding="utf-8"))


def save_keyring(path: Path, ring: KeyRing) -> None:
    write_private(path, ring.to_json(), replace=True)
