"""A throwaway PostgreSQL cluster for the tests: ``initdb`` and ``pg_ctl`` in a temporary folder
(as the unprivileged ``postgres`` user when the tests run as root), one fresh database per test,
copied from a migrated template.

``INBURGERBOT_TEST_DB=postgres`` runs the bot tests on it (tests/support.py ``db_target``);
without PostgreSQL's binaries those tests are skipped, and with ``CI=true`` they fail instead.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

TEMPLATE = "inburgerbot_template"


def _bin_folders() -> list[str]:
    """Debian's /usr/lib/postgresql/N/bin, newest N first, then a source build's."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda folder: int(folder.parent.name)
                      if folder.parent.name.isdigit() else 0, reverse=True)
    return [str(folder) for folder in versions] + ["/usr/local/pgsql/bin"]


def wanted() -> bool:
    return os.environ.get("INBURGERBOT_TEST_DB", "sqlite").lower().startswith("postgres")


def binaries() -> Path | None:
    for folder in (os.environ.get("INBURGERBOT_PG_BIN"), *_bin_folders()):
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def require_binaries() -> Path:
    folder = binaries()
    if folder is None:
        message = ("PostgreSQL's initdb/pg_ctl are not installed (Debian or Ubuntu:"
                   " apt-get install postgresql)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a temporary folder, stopped when the test process ends."""

    def __init__(self, bin_folder: Path):
        self.bin = bin_folder
        self.folder = Path(tempfile.mkdtemp(prefix="inburgerbot-pg-"))
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        self._names = itertools.count(1)
        self.template_ready = False

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.folder / "data"
        if self.user:
            shutil.chown(self.folder, self.user)
        os.chmod(self.folder, 0o700)
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--no-locale",
                  "-E", "UTF8")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                   " -c max_connections=200")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")
        atexit.register(self.stop)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    async def fresh_database(self) -> str:
        """A new, migrated database; its URL."""
        import asyncpg

        from storage.database import Database
        conn = await asyncpg.connect(self.url())
        try:
            if not self.template_ready:
                await conn.execute(f"CREATE DATABASE {TEMPLATE}")
                db = await Database.open(self.url(TEMPLATE))
                await db.close()
                self.template_ready = True
            name = f"t{os.getpid()}_{next(self._names)}_{int(time.time())}"
            await conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        finally:
            await conn.close()
        return self.url(name)


_cluster: Cluster | None = None


def cluster() -> Cluster:
    """The test process's cluster, started on first use."""
    global _cluster
    if _cluster is None:
        started = Cluster(require_binaries())
        started.start()
        _cluster = started
    return _cluster


_given: dict[str, str] = {}
_key_files: dict[str, Path] = {}


async def database_url(path: Path) -> str:
    """The PostgreSQL database standing in for the SQLite file ``path``: the same one each time
    a test restarts its bot on the same file."""
    if str(path) not in _given:
        _given[str(path)] = await cluster().fresh_database()
        _key_files[_given[str(path)]] = path.with_name(path.name + ".key")
    return _given[str(path)]


def key_file(url: str) -> Path | None:
    """The secret key file kept beside the test's would-be SQLite file."""
    return _key_files.get(url)
