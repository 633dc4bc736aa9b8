"""How fast is the gentle start-up helper, and what does one check cost next to a page?

1. Messages per second on one core: analyse every message of both evaluation sets (dev and
   test), many times over, and print msgs/s and the mean microseconds per message.
2. Page cost: render the listening-session page of a test world in-process (Django test
   client, in-memory test database, logged in as Alice) many times, and print the mean
   render time and the ratio (one coach check) / (one page render). Target: < 5%.

    .venv/bin/python benchmarks/coach_speed.py [--rounds 20] [--renders 300]

Not a test: it prints figures for docs/COACH.md.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def coach_speed(rounds: int, sets: list[str]) -> tuple[float, float, int]:
    from hearth.coach import analyse
    from hearth.coach.evaluation import load_set

    messages = [(m.text, m.context) for name in sets for m in load_set(name)]
    for text, context in messages:  # warm up: lexicon loaded, caches filled
        analyse(text, context=context)
    best = []
    for _ in range(rounds):
        gc.disable()
        start = time.perf_counter()
        for text, context in messages:
            analyse(text, context=context)
        best.append(time.perf_counter() - start)
        gc.enable()
    per_message = statistics.median(best) / len(messages)
    return 1 / per_message, per_message * 1e6, len(messages)


def page_cost(renders: int) -> float:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from hearth.testing import build_world

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    world = build_world()
    client = Client()
    client.force_login(world.alice)
    url = f"/listening/{world.listening.public_id}/"
    for _ in range(20):  # warm up templates, caches, the connection
        response = client.get(url)
        assert response.status_code == 200, response.status_code
    timings = []
    for _ in range(renders):
        start = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over both sets")
    parser.add_argument("--renders", type=int, default=300, help="page renders to time")
    parser.add_argument(
        "--sets", default="dev,test", help="evaluation sets whose messages to analyse"
    )
    args = parser.parse_args()

    sets = [name.strip() for name in args.sets.split(",") if name.strip()]
    rate, micros, count = coach_speed(args.rounds, sets)
    print(f"coach: {count} messages ({'+'.join(sets)}) x {args.rounds} rounds, one core")
    print(f"  {rate:,.0f} msgs/s, mean {micros:.0f} µs per message")
    page = page_cost(args.renders)
    print(
        f"listening-session page (/listening/<id>/, Django test client, in-process): "
        f"median {page / 1000:.2f} ms over {args.renders} renders"
    )
    ratio = micros / page
    print(f"one coach check / one page render: {ratio:.1%}  (target < 5%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
