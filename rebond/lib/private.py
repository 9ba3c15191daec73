"""Files and folders only the account running rebond can read (no Django imports).

A secret written first and chmod-ed after is readable by anyone on the machine for that moment; here every file is
created private (mode 0600) from its first byte, and published under its name in one step, so a reader never sees
it half-written either.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Make the folder (mode 0700) if it is missing; an existing one is left as its owner set it."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """Make an empty private file if there is none (an empty file is a valid empty SQLite database, and SQLite
    gives its -wal and -shm files the database file's mode)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass
    return path


def write_private(path: Path, text: str, *, replace: bool = False) -> bool:
    """Write `text` to `path`, private from the start. Without `replace` the file is written only if it doesn't exist
    yet, and False means another process made it first (read theirs: servers starting together must agree)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        if replace:
            os.replace(tmp, path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)
