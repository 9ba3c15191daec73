"""How fast are Today and the Record page with a long history? (issue 3, acceptance 9)

    .venv/bin/python bench/self_trust.py [--years 3] [--promises 10] [--runs 30]

Builds a throwaway database in a temporary data directory (removed at the end) (SQLite, or DATABASE_URL when set), gives one person
10 daily promises with 3 years of check-ins, then times GET / (Today), GET /record/ and GET /healthz through
Django's test client. Prints each page's SQL query count, median latency and median CPU time (steadier when
other work shares the machine), and the ratio to /healthz.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import timedelta

from harness import throwaway_rebond, timed_get  # noqa: E402  (bench/ is on the path when run as a script)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--promises", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", metavar="URL", help="Profile one request to URL (e.g. /record/) instead.")
    args = parser.parse_args()
    with throwaway_rebond():
        return run(args)


def run(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.test import Client

    from rebond.accounts import services as accounts
    from rebond.promises.models import CheckIn, Promise
    from rebond.promises.services import user_today

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
    if args.profile:
        import cProfile
        import pstats

        client.get(args.profile)
        profiler = cProfile.Profile()
        profiler.runcall(client.get, args.profile)
        pstats.Stats(profiler).sort_stats(os.environ.get("REBOND_BENCH_SORT", "cumulative")).print_stats(30)
        connection.close()
        return 0
    results: dict[str, float] = {}
    for url in ("/healthz", "/", "/record/"):
        queries, results[url] = timed_get(client, url, runs=args.runs)
        _, cpu = timed_get(client, url, runs=args.runs, clock=time.process_time)
        print(f"{url:10} queries={queries:3d}  median={results[url] * 1000:8.1f} ms  cpu median={cpu * 1000:8.1f} ms")
    base = results["/healthz"]
    for url in ("/", "/record/"):
        print(f"{url:10} ratio to /healthz: {results[url] / base:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
