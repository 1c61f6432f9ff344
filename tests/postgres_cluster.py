"""A scratch PostgreSQL cluster for the tests: initdb in a temporary folder, a free local port."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# What to install when the server programs are missing; CI installs it from the README's command.
SERVER_PACKAGE = "postgresql"
_SUPERUSER = "postgres"


class ServerProgramsMissingError(RuntimeError):
    """initdb and pg_ctl are not on this machine."""


def server_programs(debian_folder: Path = Path("/usr/lib/postgresql")) -> Path:
    """The folder holding initdb, pg_ctl and postgres (Debian keeps them out of PATH)."""
    found = shutil.which("pg_ctl")
    if found and (Path(found).resolve().parent / "initdb").exists():
        return Path(found).resolve().parent  # a link's own folder: initdb finds postgres beside it
    # Debian: /usr/lib/postgresql/<major>/bin; the newest major first.
    folders = debian_folder.glob("*/bin")
    for folder in sorted(folders, key=lambda found: _version(found.parent.name), reverse=True):
        if (folder / "pg_ctl").exists() and (folder / "initdb").exists():
            return folder
    raise ServerProgramsMissingError(
        "The PostgreSQL server programs (initdb, pg_ctl) are not installed, and the tests of the "
        f"shared store need them: install the `{SERVER_PACKAGE}` package "
        f"(sudo apt-get install -y {SERVER_PACKAGE})."
    )


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ScratchCluster:
    """A PostgreSQL cluster of our own, in a temporary folder, for one test run."""

    folder: Path
    port: int
    bin_dir: Path
    _as_postgres: list[str] = field(default_factory=list)
    _counter: int = 0

    @classmethod
    def start(cls) -> ScratchCluster:
        """initdb, then pg_ctl start; as the `postgres` user when run as root (initdb refuses root)."""
        bin_dir = server_programs()
        as_postgres = ["runuser", "-u", _SUPERUSER, "--"] if os.geteuid() == 0 else []
        # Not under pytest's temporary folders (nor a TMPDIR of root's): postgres could not enter them.
        folder = Path(tempfile.mkdtemp(prefix="dxplanner-pg-", dir="/tmp" if as_postgres else None))
        if as_postgres:
            shutil.chown(folder, user=_SUPERUSER)
        cluster = cls(folder, _free_port(), bin_dir, as_postgres)
        try:
            cluster._run(
                "initdb",
                "-D",
                str(folder / "data"),
                "-A",
                "trust",
                "-U",
                _SUPERUSER,
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
            cluster._allow_sign_in()
            # Durability is of no use to a cluster thrown away at the end, and costs seconds.
            options = (
                f"-p {cluster.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            cluster._run(
                "pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"), "-o", options, "-w", "start"
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cluster

    def _allow_sign_in(self) -> None:
        """The superuser signs in freely; every other user with a password, as on a real server."""
        rules = self.folder / "data" / "pg_hba.conf"
        rules.write_text(
            f"local all all trust\n"
            f"host all {_SUPERUSER} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
        if self._as_postgres:
            shutil.chown(rules, user=_SUPERUSER)

    def _run(self, program: str, *arguments: str) -> None:
        command = [*self._as_postgres, str(self.bin_dir / program), *arguments]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=self.folder)
        if done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr or done.stdout}\n{tail}")

    def url(self, database: str = "postgres", user: str = _SUPERUSER) -> str:
        """The libpq URL of a database on this cluster (as a user would type it)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements: str, database: str = "postgres") -> None:
        """Run statements outside a transaction (CREATE DATABASE cannot run in one)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=_SUPERUSER, dbname=database, autocommit=True
        ) as connection:
            for statement in statements:
                connection.execute(statement)

    def new_database(self, template: str | None = None) -> str:
        """A new database (a copy of template when given); returns its name."""
        self._counter += 1
        name = f"test_{os.getpid()}_{self._counter}_{int(time.monotonic() * 1000) % 100000}"
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{copy}")
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database, ending whatever is still connected to it."""
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Stop the server and delete the cluster."""
        with contextlib.suppress(RuntimeError):
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
