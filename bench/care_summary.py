"""How long does a session summary take for three months of data? (issue 7, acceptance 6: under 2 s)

    .venv/bin/python bench/care_summary.py [--days 90] [--promises 5] [--runs 5]

Builds a throwaway database (SQLite, or DATABASE_URL when set), gives one person daily promises with check-ins,
a questionnaire every two weeks and some homework from a clinician who has a share, then times the clinician's
GET /care/clients/<id>/summary/ through Django's test client and prints the median and the slowest run.
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
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--promises", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    os.environ["REBOND_DATA_DIR"] = tempfile.mkdtemp(prefix="rebond-bench-")
    os.environ.setdefault("REBOND_ALLOWED_HOSTS", "testserver,localhost")
    os.environ["DJANGO_SETTINGS_MODULE"] = "rebond.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from rebond.accounts import services as accounts
    from rebond.accounts import twofactor
    from rebond.care import services as care
    from rebond.care.models import Homework
    from rebond.measures import services as measures
    from rebond.promises.models import CheckIn, Promise
    from rebond.promises.services import user_today

    call_command("migrate", interactive=False, verbosity=0)
    stamp = int(time.time())
    person = accounts.user_create(username=f"bench-{stamp}", password="bench password 1234 long")
    clinician = accounts.user_create(username=f"bench-dr-{stamp}", password="bench password 1234 long",
                                     role="clinician")
    import pyotp

    secret = twofactor.new_secret()
    twofactor.enable(user=clinician, secret=secret, code=pyotp.TOTP(secret).now())
    _, code = care.invitation_create(user=person, role="clinician")
    care.invitation_accept(user=clinician, code=code)
    today = user_today(person)
    start = today - timedelta(days=args.days)
    rows = []
    for i in range(args.promises):
        promise = Promise.objects.create(user=person, text=f"Promise {i}", rrule="FREQ=DAILY", starts_on=start)
        rows += [CheckIn(user=person, promise=promise, on=start + timedelta(days=d),
                         outcome="kept" if (d + i) % 4 else "missed") for d in range(args.days)]
    CheckIn.objects.bulk_create(rows, batch_size=2000)
    for d in range(0, args.days, 14):
        measures.response_create(user=person, instrument_id="phq9", answers=[1] * 9,
                                 taken_at=timezone.now() - timedelta(days=args.days - d))
    for d in range(0, args.days, 7):
        Homework.objects.create(owner=person, clinician=clinician, kind="grounding", assigned_on=start,
                                due_on=start + timedelta(days=d))
    print(f"{len(rows):,} check-ins over {args.days} days ({django.db.connection.vendor})")

    client = Client()
    client.force_login(clinician)
    url = f"/care/clients/{person.pk}/summary/"
    client.get(url)
    timings = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - t0)
        assert response.status_code == 200, response.status_code
    print(f"summary median={statistics.median(timings) * 1000:.0f} ms  slowest={max(timings) * 1000:.0f} ms "
          f"({'under' if max(timings) < 2 else 'OVER'} the 2 s goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
