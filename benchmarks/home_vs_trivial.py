"""Requests per second of the home page versus a trivial view, through gunicorn.

Sets up a throwaway data directory (SQLite by default, or --database-url),
creates the demo couple with a year of history, serves the app with gunicorn
on 127.0.0.1 and, logged in as the demo partner, alternates timed rounds of
the home page (/) and the trivial view (/ping: same middleware, same session,
same user) with the same client concurrency. Prints both rates and their ratio.

    .venv/bin/python benchmarks/home_vs_trivial.py [--rounds 6] [--seconds 5]

Not a test: it prints figures for docs/PERFORMANCE.md.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(data_dir: Path, database_url: str | None) -> dict:
    from cryptography.fernet import Fernet

    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY="benchmark-" + os.urandom(16).hex(),
        HEARTH_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        HEARTH_DATA_DIR=str(data_dir),
        HEARTH_SECURE_COOKIES="0",
        DJANGO_SETTINGS_MODULE="hearth.settings",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def fresh_postgres(server_url: str) -> str:
    import psycopg

    server_url = server_url.rstrip("/")
    with psycopg.connect(server_url + "/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS hearth_bench")
        conn.execute("CREATE DATABASE hearth_bench")
    return server_url + "/hearth_bench"


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/ping")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def login(port: int, email: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/accounts/login/")
    response = conn.getresponse()
    page = response.read().decode()
    cookies = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({"login": email, "password": password, "csrfmiddlewaretoken": token})
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request(
        "POST",
        "/accounts/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    response = conn.getresponse()
    response.read()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("hearth_session="):
            cookies["hearth_session"] = value.split(";", 1)[0].split("=", 1)[1]
    if response.status != 302 or "hearth_session" not in cookies:
        raise RuntimeError(f"login failed: {response.status}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def hammer(port: int, path: str, cookie: str, seconds: float, concurrency: int) -> tuple[int, int]:
    """Requests completed (and errors) by `concurrency` clients in `seconds`."""
    done = [0] * concurrency
    errors = [0] * concurrency
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        while time.monotonic() < stop:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[index] += 1
                else:
                    errors[index] += 1
            except OSError:
                errors[index] += 1
            finally:
                conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done), sum(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default=None,
        help="a PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432); a fresh "
        "database hearth_bench is created there. Default: SQLite in a temp dir",
    )
    parser.add_argument("--days", type=int, default=365, help="history of the measured couple")
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="render the home page afresh every time (HEARTH_PAGE_CACHE=0)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="hearth-bench-"))
    database_url = fresh_postgres(args.postgres) if args.postgres else None
    env = environment(data_dir, database_url)
    if args.no_page_cache:
        env["HEARTH_PAGE_CACHE"] = "0"
    print(
        f"setting up ({'PostgreSQL' if database_url else 'SQLite'}, "
        f"{args.days} days of history)...",
        flush=True,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "demo", "--days", str(args.days), "--force")

    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "hearth.cli",
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(port)
        cookie = login(port, "alex@example.com", "hearth-demo")
        hammer(port, "/", cookie, 1.0, args.concurrency)  # warm up both paths
        hammer(port, "/ping", cookie, 1.0, args.concurrency)
        totals = {"/": [0, 0], "/ping": [0, 0]}
        for round_number in range(args.rounds):
            order = ["/", "/ping"] if round_number % 2 == 0 else ["/ping", "/"]
            for path in order:
                done, errors = hammer(port, path, cookie, args.seconds, args.concurrency)
                totals[path][0] += done
                totals[path][1] += errors
        elapsed = args.rounds * args.seconds
        home_rps = totals["/"][0] / elapsed
        ping_rps = totals["/ping"][0] / elapsed
        print(
            f"page cache={'off' if args.no_page_cache else 'on'} "
            f"workers={args.workers} concurrency={args.concurrency} "
            f"rounds={args.rounds}x{args.seconds:g}s alternating"
        )
        print(f"home page (/):       {home_rps:8.1f} req/s   errors={totals['/'][1]}")
        print(f"trivial view (/ping): {ping_rps:7.1f} req/s   errors={totals['/ping'][1]}")
        print(f"ratio home/trivial:  {home_rps / ping_rps:.2f}   (target >= 0.50)")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
