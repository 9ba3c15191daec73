"""How fast are Today and the Record page with a long history? (issue 3, acceptance 9)

    .venv/bin/python bench/self_trust.py [--years 3] [--promises 10] [--runs 30]

Builds a throwaway database in a temporary data directory (SQLite, or DATABASE_URL when set), gives one person
10 daily promises with 3 years of check-ins, then times GET / (Today), GET /record/ and GET /healthz through
Django's test client. Prints each page's SQL query count and median latency, and the ratio to /healthz.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--promises", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="Profile one Record page instead.")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="rebond-bench-")
    os.environ["REBOND_DATA_DIR"] = data_dir
    os.environ.setdefault("REBOND_ALLOWED_HOSTS", "testserver,localhost")
    os.environ["DJANGO_SETTINGS_MODULE"] = "rebond.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import close_old_connections, connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from rebond.accounts import services as accounts
    from rebond.promises.models import CheckIn, Promise
    from rebond.promises.services import user_today

    # As in Django's test runner: keep one connection and its query log across requests, so queries can be counted.
    request_started.disconnect(reset_queries)
    request_started.disconnect(close_old_connections)
    call_command("migrate", interactive=False, verbosity=0)
    user = accounts.user_create(username=f"bench-{int(time.time())}", password="bench password 1234 long")
    today = user_today(user)
    days = 365 * args.years
    start = today - timedelta(days=days)
    rows = []
    for i in range(args.promises):
        promise = Promise.objects.create(user=user, text=f"Promise {i}", rrule="FREQ=DAILY", starts_on=start)
        for d in range(days):
            outcome = "kept" if (d + i) % 4 else "missed"
            rows.append(CheckIn(user=user, promise=promise, on=start + timedelta(days=d), outcome=outcome))
    CheckIn.objects.bulk_create(rows, batch_size=2000)
    print(f"{len(rows):,} check-ins over {days} days, {args.promises} promises ({connection.vendor})")

    client = Client()
    client.force_login(user)
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        client.get("/record/")
        cProfile.runctx("client.get('/record/')", globals(), locals(), "/tmp/rebond-record.prof")
        pstats.Stats("/tmp/rebond-record.prof").sort_stats("cumulative").print_stats(25)
        return 0
    results: dict[str, float] = {}
    for url in ("/healthz", "/", "/record/"):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)  # read now: the next request clears the log
        timings = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - t0)
        results[url] = statistics.median(timings)
        print(f"{url:10} queries={queries:3d}  median={results[url] * 1000:8.1f} ms")
    base = results["/healthz"]
    for url in ("/", "/record/"):
        print(f"{url:10} ratio to /healthz: {results[url] / base:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
