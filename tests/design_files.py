"""The design's vector files, committed under tests/data/design so the vector tests always run (a clean clone
on CI may have no ../shared beside it). tests/test_design_copies.py checks the copies still match the design."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
COPIES = HERE / "data" / "design"
DESIGN = HERE.parents[1] / "shared" / "design"


def design_file(name: str) -> Path:
    """The committed copy of a design file (``trust-vectors.json`` or ``instrument-vectors.json``)."""
    path = COPIES / name
    if not path.is_file():
        raise FileNotFoundError(f"tests/data/design/{name} is missing: copy it from ../shared/design/")
    return path
