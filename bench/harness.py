"""What the page benchmarks share: a throwaway rebond in a temporary data directory, and a timed GET.

    with throwaway_rebond():          # SQLite in a temporary folder, or DATABASE_URL when set; removed afterwards
        ...build data with rebond's services...
        queries, median = timed_get(client, "/record/", runs=30)
        queries, seconds = timed_runs(client, "/record/", runs=30)   # every run's time

Queries are counted the way Django's test runner does it: one connection whose query log survives each request.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@contextmanager
def throwaway_rebond() -> Iterator[str]:
    """Set up Django on a fresh, migrated database in a temporary data directory; yields the directory."""
    with tempfile.TemporaryDirectory(prefix="rebond-bench-") as data_dir:
        os.environ["REBOND_DATA_DIR"] = data_dir
        os.environ.setdefault("REBOND_ALLOWED_HOSTS", "testserver,localhost")
        os.environ["DJANGO_SETTINGS_MODULE"] = "rebond.settings"
        import django

        django.setup()
        from django.core.management import call_command
        from django.core.signals import request_started
        from django.db import close_old_connections, connection, reset_queries

        request_started.disconnect(reset_queries)
        request_started.disconnect(close_old_connections)
        call_command("migrate", interactive=False, verbosity=0)
        try:
            yield data_dir
        finally:
            connection.close()  # before the folder (and a SQLite file in it) is removed


def timed_get(client: Any, url: str, *, runs: int, clock: Any = time.perf_counter) -> tuple[int, float]:
    """(SQL queries of one warm request, median seconds over `runs` more). Fails loudly on anything but 200.
    ``clock=time.process_time`` measures this process's CPU time instead of the wall clock: steadier on a machine
    other work shares, so a before/after comparison means something there."""
    queries, timings = timed_runs(client, url, runs=runs, clock=clock)
    return queries, statistics.median(timings)


def timed_runs(client: Any, url: str, *, runs: int, clock: Any = time.perf_counter) -> tuple[int, list[float]]:
    """(SQL queries of one warm request, the seconds of each of `runs` more). Fails loudly on anything but 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(ctx.captured_queries)  # read now: the next request clears the log
    timings = []
    for _ in range(runs):
        started = clock()
        response = client.get(url)
        timings.append(clock() - started)
        assert response.status_code == 200, (url, response.status_code)
    return queries, timings
