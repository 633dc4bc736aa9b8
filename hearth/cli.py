"""The `hearth` command: serve, demo and worker. Everything else: python manage.py."""

import argparse
import os
import sys


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hearth.settings")
    import django

    django.setup()


def serve(args) -> int:
    """Run gunicorn, the production server, on the given address."""
    workers = (
        args.workers
        or int(os.environ.get("WEB_CONCURRENCY", "0"))
        or min((os.cpu_count() or 1) * 2 + 1, 8)
    )
    argv = [
        "gunicorn",
        "hearth.wsgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(workers),
        "--worker-tmp-dir",
        "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp",  # noqa: S108
        "--timeout",
        "30",
        "--graceful-timeout",
        "20",
        # No access log: request lines can carry secrets (invitation links).
        "--error-logfile",
        "-",
    ]
    if args.reload:
        argv.append("--reload")
    from gunicorn.app.wsgiapp import run

    sys.argv = argv
    run()
    return 0


def demo(args) -> int:
    _django()
    from django.core.management import call_command

    call_command("demo", days=args.days, force=args.force)
    return 0


def worker(args) -> int:
    _django()
    from django.core.management import call_command

    call_command("db_worker")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hearth", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p_serve = sub.add_parser("serve", help="Serve the web app with gunicorn.")
    p_serve.add_argument("--bind", default=os.environ.get("HEARTH_BIND", "127.0.0.1:8000"))
    p_serve.add_argument("--workers", type=int, default=0, help="Default: 2 x CPUs + 1, max 8.")
    p_serve.add_argument("--reload", action="store_true", help="Restart on code changes.")
    p_serve.set_defaults(func=serve)

    p_demo = sub.add_parser("demo", help="Create the demo couple (DEBUG only unless --force).")
    p_demo.add_argument("--days", type=int, default=90)
    p_demo.add_argument("--force", action="store_true")
    p_demo.set_defaults(func=demo)

    p_worker = sub.add_parser("worker", help="Run the background task worker.")
    p_worker.set_defaults(func=worker)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
