"""How long does a session summary take for three months of data? (issue 7, acceptance 6: under 2 s)

    .venv/bin/python bench/care_summary.py [--days 90] [--promises 5] [--runs 5]

Builds a throwaway database (SQLite, or DATABASE_URL when set) with three busy months of one person's record
(bench/care_seed.py: daily promises with check-ins, the PHQ-9, GAD-7 and WHO-5 every two weeks, finished thought
records with some chosen for summaries, and weekly homework from a clinician who has a share). Times the
clinician's GET /care/clients/<id>/summary/ and the person's own GET /care/summary/ through Django's test client,
prints each one's query count, median and slowest run, and exits 1 when a run takes 2 s or more.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from care_seed import three_months  # noqa: E402  (bench/ is on the path when run as a script)
from harness import throwaway_rebond, timed_runs  # noqa: E402

GOAL_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--promises", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with throwaway_rebond():
        return run(args)


def run(args: argparse.Namespace) -> int:
    import pyotp
    from django.db import connection
    from django.test import Client

    from rebond.accounts import services as accounts
    from rebond.accounts import twofactor
    from rebond.care import services as care

    stamp = int(time.time())
    person = accounts.user_create(username=f"bench-{stamp}", password="bench password 1234 long")
    clinician = accounts.user_create(username=f"bench-dr-{stamp}", password="bench password 1234 long",
                                     role="clinician")
    secret = twofactor.new_secret()
    twofactor.enable(user=clinician, secret=secret, code=pyotp.TOTP(secret).now())
    _, code = care.invitation_create(user=person, role="clinician")
    care.invitation_accept(user=clinician, code=code)
    made = three_months(person, clinician, days=args.days, promises=args.promises)
    print(f"{made['checkins']:,} check-ins, {made['questionnaires']} questionnaires, {made['thought_records']} "
          f"finished thought records, {made['homework']} homework over {args.days} days ({connection.vendor})")

    over = False
    for who, user, url in (("clinician", clinician, f"/care/clients/{person.pk}/summary/"),
                           ("person", person, "/care/summary/")):
        client = Client()
        client.force_login(user)
        queries, timings = timed_runs(client, url, runs=args.runs)
        slowest = max(timings)
        over = over or slowest >= GOAL_SECONDS
        print(f"{who:9} summary  queries={queries:3d}  median={statistics.median(timings) * 1000:6.0f} ms  "
              f"slowest={slowest * 1000:6.0f} ms  ({'under' if slowest < GOAL_SECONDS else 'OVER'} the 2 s goal)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
