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

from rebond.lib.envs import SettingError

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


def _load_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebond.settings")
    import django

    django.setup()


def setup_django(*, migrate: bool = False) -> None:
    """Load Django. With `migrate`, first create or update the tables (commands that make an account use this,
    so `rebond demo` works on a fresh data folder); otherwise a folder with no tables yet is a problem in words,
    not a traceback."""
    _load_django()
    if migrate:
        _migrate(verbosity=0)
        return
    from django.db import connection

    if "accounts_user" not in connection.introspection.table_names():
        raise RebondError("This data folder has no database yet. Run `rebond migrate` (or `rebond serve`) first.")


def account(name: str, *, or_the_only_one: bool = False) -> Any:
    """The account a command is for, by its name; every command finds accounts here. With `or_the_only_one`, an
    empty name means the one account on a machine that has exactly one (a person running rebond alone)."""
    from rebond.accounts import selectors

    if not name and or_the_only_one:
        user = selectors.the_only_user()
        if user is None:
            raise RebondError("Say which account with --user NAME.")
        return user
    user = selectors.user_by_name(username=name)
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


def _check_keys() -> Any:
    from rebond.accounts import keys

    try:
        return keys.keyring_check()
    except keys.KeyFileProblem as exc:
        raise RebondError(str(exc)) from exc


@app.command()
def migrate() -> None:
    """Create or update the database tables, and the key file on a fresh database."""
    _load_django()
    _migrate()
    from django.conf import settings

    _check_keys()
    err.print(f"Key file: {settings.KEY_FILE} — every app server needs this same file. Back it up apart from the database.")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    no_migrate: Annotated[bool, typer.Option("--no-migrate", help="Skip migrations (run `rebond migrate` once instead).")] = False,
) -> None:
    """Apply migrations, then serve rebond with gunicorn (a production server)."""
    _load_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=False, fail_level="ERROR")
    except SystemCheckError as exc:
        raise RebondError(f"rebond can't start with these settings:\n{exc}") from exc
    _port_free(host, port)
    if not no_migrate:
        _migrate(verbosity=0)
    _check_keys()
    from django.conf import settings

    from rebond.accounts import selectors, services

    services.stale_rows_prune()
    url = f"http://{host}:{port}"
    if not selectors.users_exist():
        import secrets

        token_file = settings.DATA_DIR / "setup_token"
        if not token_file.exists():
            # Only this computer's account may read it: the token creates the first (possibly clinician) account.
            descriptor = os.open(token_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(16))
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


def _port_free(host: str, port: int) -> None:
    """Say so in words when the address is taken, before telling anyone rebond is running."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise RebondError(f"The address {host!r} isn't one this computer knows.") from exc
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise RebondError(f"Port {port} on {host} is already in use (is rebond running already?). "
                              "Stop the other program, or choose another with --port.") from exc


@user_app.command("create")
def user_create(
    name: str,
    role: Annotated[str, typer.Option(help="client, clinician or supporter.")] = "client",
    time_zone: Annotated[str, typer.Option("--time-zone", help="For example Europe/Paris.")] = "UTC",
    region: Annotated[str, typer.Option(help="Two-letter region for crisis lines, e.g. US, GB.")] = "",
) -> None:
    """Create an account. The password comes from REBOND_PASSWORD, or you are asked for it."""
    setup_django(migrate=True)
    from django.core.exceptions import ValidationError

    from rebond.accounts import services

    try:
        user = services.user_create(username=name, password=_password(), role=role, time_zone=time_zone,
                                    region=region.upper())
    except ValidationError as exc:
        raise RebondError(f"The account was not created. {problems(exc)}") from exc
    out.print(f"Created {user.username} ({user.role}).")


def _password() -> str:
    return os.environ.get("REBOND_PASSWORD") or typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def problems(exc: Any) -> str:
    """A ValidationError as one line that names each field, for every command's "not saved" message."""
    return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())


@user_app.command("password")
def user_password(name: str) -> None:
    """Set a new password for an account, here on this computer: the way back in when no reset email can arrive.
    The password comes from REBOND_PASSWORD, or you are asked for it."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.accounts import services

    user = account(name)
    try:
        services.password_set(user=user, password=_password())
    except ValidationError as exc:
        raise RebondError(f"The password was not changed. {problems(exc)}") from exc
    out.print(f"{user.username} has a new password. Sessions signed in with the old one have ended.")


@user_app.command("reset-two-step")
def user_reset_two_step(name: str) -> None:
    """Turn two-step sign-in off for an account whose phone was lost. A clinician is asked to set it up again at
    their next sign-in. Check first that the request really comes from them."""
    setup_django()
    from rebond.accounts import services, twofactor

    user = account(name)
    if not services.two_step_reset(user=user):
        out.print(f"Two-step sign-in was already off for {user.username}. Nothing changed.")
        return
    again = (" They will be asked to set it up again when they sign in." if twofactor.is_required(user)
             else " They can turn it on again in Settings.")
    out.print(f"Two-step sign-in is off for {user.username}.{again}")


@user_app.command("list")
def user_list() -> None:
    """List accounts."""
    setup_django()
    from rich.table import Table

    from rebond.accounts import selectors

    table = Table("name", "role", "joined", "last sign-in")
    for user in selectors.user_list():
        table.add_row(user.username, user.role, f"{user.date_joined:%Y-%m-%d}",
                      f"{user.last_login:%Y-%m-%d}" if user.last_login else "never")
    out.print(table)


@user_app.command("invite")
def user_invite(days: Annotated[int, typer.Option(help="Days the code stays valid.")] = 7) -> None:
    """Make a sign-up invite code (for REBOND_SIGNUP=invite)."""
    setup_django(migrate=True)
    from rebond.accounts import services

    invite = services.invite_create(days=days)
    out.print(f"Invite code: {invite.code} (valid until {invite.expires_at:%Y-%m-%d})")


@app.command("export")
def export(name: str) -> None:
    """Print everything an account owns as JSON: `rebond export NAME > file.json`."""
    setup_django()
    from rebond.accounts import services

    data = services.account_export(user=account(name))
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
        imported = services.account_import(user=account(name), data=data)
    except services.ImportInvalid as exc:
        lines = []
        for path, message in exc.problems:
            where = path[1:] if path[:1] == ("sections",) else path
            lines.append(f"{' › '.join(map(str, where)) or 'the file'}: {message}")
        raise RebondError("Nothing was imported.\n" + "\n".join(lines)) from exc
    except ValidationError as exc:
        raise RebondError("Nothing was imported: " + "; ".join(exc.messages)) from exc
    err.print("Imported: " + (", ".join(f"{k} {v}" for k, v in imported.items()) or "nothing new"))
    for note in imported.notes:
        err.print(note, markup=False)
    crisis_note(imported.crisis, saved="What you brought in is saved.")


def crisis_note(result: Any, *, saved: str = "What you wrote is saved.") -> None:
    """After a save whose words the safety guard noticed: calm words and the person's own region's lines, right here
    in the terminal (the one version every command uses). Never repeats the words that matched."""
    if not (result.detected or result.harmed_by_other):
        return
    out.print(f"\nIt sounds like a lot is going on. {saved + ' ' if saved else ''}No one is told, and no one is watching.")
    help_lines(result)


def help_lines(result: Any) -> None:
    """The region's emergency number and lines (domestic-violence help first for someone hurt), then where the rest
    is: the help part of `crisis_note`, also shown on its own after a practice that left distress high."""
    payload = result.as_payload()
    out.print(f"If you are in danger right now, call {payload.get('emergency_number') or 'your local emergency number'}.")
    for line in payload["resources"][:4]:
        ways = [f"call {line['phone']}"] if line.get("phone") else []
        sms = line.get("sms") or {}
        if sms.get("number"):
            ways.append(f"text {sms['keyword'] + ' to ' if sms.get('keyword') else ''}{sms['number']}")
        out.print(f"  {line.get('name')}" + (f": {', '.join(ways)}" if ways else ""))
    out.print("More lines and your safety plan are under Get help now in the web app (/help/).\n")


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
    from rebond.lib.private import private_file, private_folder

    private_folder(path)
    target = private_file(path / "rebond.sqlite3")
    source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
    dest = sqlite3.connect(str(target))
    with dest:
        source.backup(dest)
    source.close()
    dest.close()
    shutil.copy2(settings.KEY_FILE, path / "keys.json")
    err.print(f"Backed up to {path}. It holds keys.json, so anyone with this folder can read everything in it: "
              "keep it somewhere only you can reach. A backup still holds accounts deleted after it was made; "
              "`rebond keys rotate --retire` makes older backups unreadable.")


@keys_app.command("rotate")
def keys_rotate(
    retire: Annotated[bool, typer.Option("--retire", help="Also drop the older keys, so backups taken before now "
                                         "can't be read with the new file (deleted accounts stay gone).")] = False,
) -> None:
    """Add a new deployment key and re-wrap every person's data key with it."""
    setup_django()
    from rebond.accounts import keys

    _check_keys()
    key_id, count = keys.rotate_deployment_key(retire=retire)
    out.print(f"New deployment key {key_id}; re-wrapped {count} data keys. Copy the key file to every app server.")
    if retire:
        out.print("Older keys were dropped: backups made before now can't be read with this file. "
                  "Destroy old copies of the key file too.")


DEMO_PASSWORD = "demo-password"


@app.command()
def demo(name: Annotated[str, typer.Option(help="Name of the demo account.")] = "demo") -> None:
    """Create a demo account with about 60 days of lifelike data (password from REBOND_PASSWORD or 'demo-password').
    Its demo clinician gets REBOND_PASSWORD too when it is set, else a random password printed here."""
    setup_django(migrate=True)
    from rebond.core import demo as demo_module

    chosen = os.environ.get("REBOND_PASSWORD")
    clinician_password = chosen or demo_module.random_password()
    try:
        user = demo_module.create_demo(username=name, password=chosen or DEMO_PASSWORD,
                                       clinician_password=clinician_password)
    except demo_module.DemoNameTaken as exc:
        raise RebondError(str(exc)) from exc
    from rebond.care.demo import clinician_name

    signin = "your REBOND_PASSWORD" if chosen else f"{DEMO_PASSWORD!r}"
    theirs = ("the same password" if chosen else
              f"the password {clinician_password!r}, made for this demo only, since a clinician sees other people's "
              "records (set REBOND_PASSWORD to choose one)")
    out.print(f"Demo account {user.username!r} is ready. Sign in with {signin}. "
              f"Their demo clinician is {clinician_name(user.username)!r}, with {theirs}. It asks you to set up "
              "two-step sign-in with an authenticator app first.")


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
    except SettingError as exc:
        err.print(f"[bold]rebond:[/bold] a setting needs fixing: {exc}")
        return EXIT_PROBLEM
    except OSError as exc:  # a folder that can't be written, a disk that is full
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        err.print(f"[bold]rebond:[/bold] the system said: {exc.strerror or exc}{where}.")
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # usage errors (from Typer's click) carry their own exit code
        from rebond.lib.crypto import KeyFileProblem  # here, not at the top: `rebond --help` stays light

        if isinstance(exc, KeyFileProblem):
            err.print(f"[bold]rebond:[/bold] {exc}")
            return EXIT_PROBLEM
        show = getattr(exc, "show", None)
        code = getattr(exc, "exit_code", None)
        if isinstance(code, int):
            if callable(show):
                show()
            return code
        raise
    return 0


def main() -> None:
    # Everything rebond writes (the database and its -wal, keys, backups, locks) is for this account's eyes only.
    os.umask(0o077)
    sys.exit(run())
