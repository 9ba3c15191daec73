"""The `rebond` command. One entry point, one error type, exit codes that mean something.

Exit codes: 0 done; 1 a problem rebond explains (RebondError); 2 wrong usage (from Typer); 130 interrupted.
Heavy imports (Django, gunicorn) happen inside commands so `rebond --help` is instant.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

err = Console(stderr=True)
out = Console()

app = typer.Typer(
    help="rebond — rebuild trust in yourself and in others, one kept promise at a time.\n\n"
    "Start with `rebond serve`, then open http://127.0.0.1:8000. Data lives in REBOND_DATA_DIR (default ./var).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage encryption keys.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(keys_app, name="keys")

EXIT_PROBLEM = 1


class RebondError(Exception):
    """A problem to tell the person about in plain words (exit code 1)."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebond.settings")
    import django

    django.setup()


def _user(name: str) -> Any:
    from rebond.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        raise RebondError(f"There is no account named {name!r}. `rebond user list` shows the accounts.")
    return user


def _migrate(verbosity: int = 1) -> None:
    """Apply migrations under a lock, so several servers starting together don't race."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(7245110)")
            try:
                call_command("migrate", interactive=False, verbosity=verbosity)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(7245110)")
    else:
        import fcntl

        from django.conf import settings

        with open(settings.DATA_DIR / "migrate.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            call_command("migrate", interactive=False, verbosity=verbosity)


@app.command()
def migrate() -> None:
    """Create or update the database tables."""
    setup_django()
    _migrate()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    no_migrate: Annotated[bool, typer.Option("--no-migrate", help="Skip migrations (run `rebond migrate` once instead).")] = False,
) -> None:
    """Apply migrations, then serve rebond with gunicorn (a production server)."""
    setup_django()
    from django.core.management import call_command

    call_command("check", deploy=False, fail_level="ERROR")
    if not no_migrate:
        _migrate(verbosity=0)
    from django.conf import settings

    from rebond.accounts.models import User

    url = f"http://{host}:{port}"
    if not User.objects.exists():
        import secrets

        token_file = settings.DATA_DIR / "setup_token"
        if not token_file.exists():
            token_file.write_text(secrets.token_urlsafe(16), encoding="utf-8")
        token = token_file.read_text(encoding="utf-8").strip()
        out.print(f"[bold]No account yet.[/bold] Open {url}/ on this computer, or {url}/accounts/setup/?token={token}")
    out.print(f"rebond is running at [bold]{url}[/bold] (data in {settings.DATA_DIR}). Press Ctrl+C to stop.")

    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("accesslog", None)
            self.cfg.set("errorlog", "-")
            self.cfg.set("loglevel", "warning")

        def load(self) -> Any:
            from rebond.wsgi import application

            return application

    Server().run()


@user_app.command("create")
def user_create(
    name: str,
    role: Annotated[str, typer.Option(help="client, clinician or supporter.")] = "client",
    time_zone: Annotated[str, typer.Option("--time-zone", help="For example Europe/Paris.")] = "UTC",
    region: Annotated[str, typer.Option(help="Two-letter region for crisis lines, e.g. US, GB.")] = "",
) -> None:
    """Create an account. The password comes from REBOND_PASSWORD, or you are asked for it."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.accounts import services

    password = os.environ.get("REBOND_PASSWORD") or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = services.user_create(username=name, password=password, role=role, time_zone=time_zone,
                                    region=region.upper())
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        raise RebondError(f"The account was not created. {problems}") from exc
    out.print(f"Created {user.username} ({user.role}).")


@user_app.command("list")
def user_list() -> None:
    """List accounts."""
    setup_django()
    from rich.table import Table

    from rebond.accounts.models import User

    table = Table("name", "role", "joined", "last sign-in")
    for user in User.objects.order_by("username"):
        table.add_row(user.username, user.role, f"{user.date_joined:%Y-%m-%d}",
                      f"{user.last_login:%Y-%m-%d}" if user.last_login else "never")
    out.print(table)


@user_app.command("invite")
def user_invite(days: Annotated[int, typer.Option(help="Days the code stays valid.")] = 7) -> None:
    """Make a sign-up invite code (for REBOND_SIGNUP=invite)."""
    setup_django()
    from rebond.accounts import services

    invite = services.invite_create(days=days)
    out.print(f"Invite code: {invite.code} (valid until {invite.expires_at:%Y-%m-%d})")


@app.command("export")
def export(name: str) -> None:
    """Print everything an account owns as JSON: `rebond export NAME > file.json`."""
    setup_django()
    from rebond.accounts import services

    data = services.account_export(user=_user(name))
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command("import")
def import_(name: str) -> None:
    """Read a rebond export from standard input into an account: `rebond import NAME < file.json`."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.accounts import services

    try:
        data = json.load(sys.stdin)
    except json.JSONDecodeError as exc:
        raise RebondError(f"The input is not JSON (line {exc.lineno}).") from exc
    try:
        counts = services.account_import(user=_user(name), data=data)
    except ValidationError as exc:
        raise RebondError("Nothing was imported: " + "; ".join(exc.messages)) from exc
    err.print("Imported: " + (", ".join(f"{k} {v}" for k, v in counts.items()) or "nothing new"))


@app.command()
def backup(path: Path) -> None:
    """Copy the SQLite database and the key file into a folder PATH (PostgreSQL: use pg_dump)."""
    setup_django()
    import shutil
    import sqlite3

    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        raise RebondError("This database is PostgreSQL: back it up with pg_dump, and keep a copy of the key file.")
    path.mkdir(parents=True, exist_ok=True)
    target = path / "rebond.sqlite3"
    source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
    dest = sqlite3.connect(str(target))
    with dest:
        source.backup(dest)
    source.close()
    dest.close()
    shutil.copy2(settings.KEY_FILE, path / "keys.json")
    err.print(f"Backed up to {path}. Keep keys.json safe: without it the text can't be read.")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Add a new deployment key and re-wrap every person's data key with it."""
    setup_django()
    from rebond.accounts import keys

    key_id, count = keys.rotate_deployment_key()
    out.print(f"New deployment key {key_id}; re-wrapped {count} data keys. Copy the key file to every app server.")


@app.command()
def demo(name: Annotated[str, typer.Option(help="Name of the demo account.")] = "demo") -> None:
    """Create a demo account with about 60 days of lifelike data (password from REBOND_PASSWORD or 'demo-password')."""
    setup_django()
    from rebond.core import demo as demo_module

    user = demo_module.create_demo(username=name, password=os.environ.get("REBOND_PASSWORD", "demo-password"))
    out.print(f"Demo account {user.username!r} is ready. Sign in with REBOND_PASSWORD or 'demo-password'.")


def _add_app_commands() -> None:
    """Every rebond app with a `cli.py` defining `register(app)` adds its commands (imports stay light there)."""
    import pkgutil
    from importlib import import_module

    import rebond

    for info in pkgutil.iter_modules(rebond.__path__):
        if not info.ispkg:
            continue
        try:
            module = import_module(f"rebond.{info.name}.cli")
        except ModuleNotFoundError as exc:
            if exc.name != f"rebond.{info.name}.cli":
                raise
            continue
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_add_app_commands()


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return an exit code (used by `main` and by tests)."""
    try:
        app(args=argv, standalone_mode=False)
    except RebondError as exc:
        err.print(f"[bold]rebond:[/bold] {exc}")
        return EXIT_PROBLEM
    except typer.Abort:
        err.print("Stopped.")
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # usage errors (from Typer's click) carry their own exit code
        show = getattr(exc, "show", None)
        code = getattr(exc, "exit_code", None)
        if isinstance(code, int):
            if callable(show):
                show()
            return code
        raise
    return 0


def main() -> None:
    sys.exit(run())
