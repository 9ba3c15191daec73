"""How fast is a clinician's dashboard with 100 clients? (issue 7, acceptance 4: "fast with 100 clients")

    .venv/bin/python bench/care_dashboard.py [--clients 100] [--runs 10]

Builds a throwaway database (SQLite, or DATABASE_URL when set): one clinician with two-step sign-in and the pledge,
and clients who each share promises, wins, questionnaires, thought records and safety alerts, with three
questionnaires taken three times, a safety alert, a promise with check-ins and a piece of homework. Times
GET /care/clients/?sort=flags and GET /healthz through Django's test client, and prints each one's query count,
the median, and the ratio to /healthz.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import timedelta

from harness import throwaway_rebond, timed_get  # noqa: E402  (bench/ is on the path when run as a script)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with throwaway_rebond():
        return run(args)


def run(args: argparse.Namespace) -> int:
    import pyotp
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from rebond.accounts import services as accounts
    from rebond.accounts import twofactor
    from rebond.care import services as care
    from rebond.care.models import Homework, Share
    from rebond.measures import services as measures
    from rebond.promises.models import CheckIn, Promise
    from rebond.promises.services import user_today

    stamp = int(time.time())
    password = "bench password 1234 long"
    clinician = accounts.user_create(username=f"bench-dr-{stamp}", password=password, role="clinician")
    secret = twofactor.new_secret()
    twofactor.enable(user=clinician, secret=secret, code=pyotp.TOTP(secret).now())
    care.pledge_set(user=clinician, check_frequency="Monday mornings", urgent_contact="Call the clinic on 555-0100")
    scopes = ["promises", "victories", "measures", "thoughts", "safety_alerts"]
    now = timezone.now()
    for n in range(args.clients):
        person = accounts.user_create(username=f"bench-{stamp}-{n:03}", password=password)
        Share.objects.create(owner=person, viewer=clinician, role="clinician", scopes=scopes)
        for instrument, answers in (("phq9", [1] * 9), ("gad7", [1] * 7), ("who5", [3] * 5)):
            for k in range(3):
                measures.response_create(user=person, instrument_id=instrument, answers=answers,
                                         taken_at=now - timedelta(days=30 * k + 1))
        today = user_today(person)
        promise = Promise.objects.create(user=person, text="Walk ten minutes", rrule="FREQ=DAILY",
                                         starts_on=today - timedelta(days=14))
        CheckIn.objects.bulk_create([CheckIn(user=person, promise=promise, on=today - timedelta(days=d),
                                             outcome="kept") for d in range(1, 14)])
        Homework.objects.create(owner=person, clinician=clinician, kind="grounding", assigned_on=today, due_on=today)
    print(f"{args.clients} clients sharing {len(scopes)} scopes, 9 questionnaires each ({connection.vendor})")

    client = Client()
    client.force_login(clinician)
    results: dict[str, float] = {}
    for url in ("/healthz", "/care/clients/?sort=flags"):
        queries, results[url] = timed_get(client, url, runs=args.runs)
        print(f"{url:26} queries={queries:4d}  median={results[url] * 1000:8.1f} ms")
    base = results["/healthz"]
    print(f"dashboard ratio to /healthz: {results['/care/clients/?sort=flags'] / base:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
