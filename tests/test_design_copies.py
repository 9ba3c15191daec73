"""The committed copies of the design's vectors are the design's own, byte for byte, wherever the design is beside
the checkout; where it isn't, the copies still exist and parse (so the vector tests can never skip)."""

from __future__ import annotations

import json

import pytest

from tests.design_files import COPIES, DESIGN, design_file

NAMES = ["trust-vectors.json", "instrument-vectors.json"]


@pytest.mark.parametrize("name", NAMES)
def test_copy_exists_and_parses(name: str) -> None:
    assert json.loads(design_file(name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_copy_matches_the_design(name: str) -> None:
    original = DESIGN / name
    if not original.is_file():
        pytest.skip("the design folder is not beside this checkout; the committed copy stands")
    assert (COPIES / name).read_bytes() == original.read_bytes(), f"refresh tests/data/design/{name} from {original}"
