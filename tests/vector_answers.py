"""Answer lists for the vectors in instrument-vectors.json that are keyed by name, not by their answers (RSES and
PCL-5), from the tables in instruments.md 3.3 and 3.5. Shared by the pure-module and the API vector tests."""

from __future__ import annotations

# instruments.md 3.3, order A; answers 0-3 = SD, D, A, SA (ARCHITECTURE.md).
SD, D, A, SA = 0, 1, 2, 3
RSES_ANSWERS: dict[str, list[int]] = {
    "all SA": [SA] * 10,
    "positives SA, negatives SD": [SA, SD, SA, SA, SD, SD, SA, SD, SD, SA],
    "positives D, negatives A": [D, A, D, D, A, A, D, A, A, D],
    "mixed": [A, D, SA, A, D, A, A, A, SD, A],
}

# instruments.md 3.5, rows 1-4.
PCL5_ANSWERS: dict[str, list[int]] = {
    "all 0": [0] * 20,
    "all 2": [2] * 20,
    "high total, rule not met": [4, 4, 4, 4, 4] + [4, 4] + [2, 1, 1, 1, 1, 1, 1] + [1, 1, 1, 1, 1, 1],
    "rule met, low total": [2, 0, 0, 0, 0] + [2, 0] + [2, 2, 0, 0, 0, 0, 0] + [2, 2, 0, 0, 0, 0],
}
