"""The local Neo4j 5.26 Community server that relgraph runs for development and tests.

Jars come from Maven Central through Maven (``pom.xml`` beside this file), the server JVM runs on
Java 17 bound to 127.0.0.1, with authentication on and a generated password kept in a file only
its owner can read. Everything lives under ``relgraph_home()`` (``RELGRAPH_HOME``).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from relgraph.errors import ServerError
from relgraph import procs
from relgraph.settings import relgraph_home

NEO4J_VERSION = "5.26.31"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"

# The flags the 5.26 launcher takes from the shipped neo4j.conf (server.jvm.additional); we start
# the server JVM ourselves, so they are spelled out here. Heap sized for a 2-core, 24 GiB box
# shared with the Python side: 2 GiB heap, 2 GiB page cache (set in the conf).
JVM_FLAGS = [
    "-Xms1g",
    "-Xmx2g",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
]


def new_password() -> str:
    """Letters, digits, "-" and "_", never starting with "-": neo4j-admin reads its @file
    arguments as command-line words, and a leading dash would make the password an option
    (one start in 64 failed with "Missing required parameter: '<password>'")."""
    while True:
        password = secrets.token_urlsafe(24)
        if not password.startswith("-"):
            return password


@dataclass(frozen=True)
class LocalServer:
    """Paths and ports of one local server; all state is on disk, so any process can manage it."""

    home: Path
    bolt_port: int = 7687
    http_port: int = 7474
    # for throwaway servers (the fault tests): settings appended to neo4j.conf, and a command the
    # server JVM's command line is handed to (it must end by exec-ing it, so the pid stays the JVM's)
    extra_conf: tuple[str, ...] = ()
    launcher: tuple[str, ...] = ()

    @classmethod
    def default(cls) -> "LocalServer":
        return cls(
            home=relgraph_home(),
            bolt_port=procs.env_port("RELGRAPH_BOLT_PORT", 7687, ServerError),
            http_port=procs.env_port("RELGRAPH_HTTP_PORT", 7474, ServerError),
        )

    # -- paths -------------------------------------------------------------------------------
    @property
    def neo4j_home(self) -> Path:
        return self.home / "neo4j"

    @property
    def lib(self) -> Path:
        return self.neo4j_home / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.neo4j_home / "conf"

    @property
    def data(self) -> Path:
        return self.neo4j_home / "data"

    @property
    def logs(self) -> Path:
        return self.neo4j_home / "logs"

    @property
    def pid_file(self) -> Path:
        return self.neo4j_home / "run" / "relgraph-neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def console_log(self) -> Path:
        return self.logs / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    # -- install -----------------------------------------------------------------------------
    def installed(self) -> bool:
        return (self.lib / f"neo4j-{NEO4J_VERSION}.jar").exists()

    def install(self, *, force: bool = False, echo=None) -> bool:
        """Fetch the server jars with Maven into ``lib/``; False when they were already there."""
        if self.installed() and not force:
            return False
        java_binary()  # fail early and clearly, before a long download
        self.neo4j_home.mkdir(parents=True, exist_ok=True)
        if echo:
            echo(f"fetching Neo4j {NEO4J_VERSION} jars with Maven into {self.lib} ...")
        with resources.as_file(resources.files(__package__) / "pom.xml") as pom:
            procs.maven_fetch(
                pom,
                self.lib,
                f"neo4j-{NEO4J_VERSION}.jar",
                "Neo4j",
                140,
                Path.home() / ".m2" / "repository",
                ServerError,
                echo,
            )
        return True

    def secure_home(self) -> None:
        """Jars, data, logs and password under one folder only its owner can enter."""
        self.home.mkdir(parents=True, exist_ok=True)
        os.chmod(self.home, 0o700)

    def write_conf(self) -> Path:
        """Write neo4j.conf from the template; rewritten at every start so it follows the ports."""
        template = (resources.files(__package__) / "neo4j.conf").read_text(encoding="utf-8")
        conf = template.format(home=self.neo4j_home, bolt_port=self.bolt_port, http_port=self.http_port)
        if self.extra_conf:
            conf += "\n# for this server only\n" + "".join(f"{line}\n" for line in self.extra_conf)
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        for d in ("data", "logs", "run", "import", "plugins"):
            (self.neo4j_home / d).mkdir(parents=True, exist_ok=True)
        path = self.conf_dir / "neo4j.conf"
        path.write_text(conf, encoding="utf-8")
        return path

    # -- password ----------------------------------------------------------------------------
    def ensure_password(self) -> None:
        """Generate the password and set it before the first start (it only takes then)."""
        system_db = self.data / "databases" / "system"
        if self.password_file.exists():
            return
        if system_db.exists():
            raise ServerError(
                f"the local database exists but its password file {self.password_file} "
                "is gone: run `relgraph db reset --hard --yes` to start afresh"
            )
        password = new_password()
        self.home.mkdir(parents=True, exist_ok=True)
        # the file first (owner-only), then the server: a crash in between leaves a known password
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(password + "\n")
        env = dict(os.environ, NEO4J_HOME=str(self.neo4j_home), NEO4J_CONF=str(self.conf_dir))
        # "@file": picocli reads the argument from the file, so the password is never in argv (ps)
        run = subprocess.run(
            [
                java_binary(),
                "-cp",
                f"{self.lib}/*",
                "org.neo4j.cli.AdminTool",
                "dbms",
                "set-initial-password",
                f"@{self.password_file}",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            self.password_file.unlink(missing_ok=True)
            out = (run.stderr or run.stdout).strip().splitlines() or ["(no output)"]
            raise ServerError(f"could not set the initial password: {out[0][:300]}")

    # -- process -----------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The server's pid when it is alive; a stale pid file is removed."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if procs.alive(pid) and _is_ours(pid, self.neo4j_home):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    @contextmanager
    def _locked(self):
        """One `relgraph db` command at a time per home (two starts would race for the ports)."""
        self.secure_home()
        with procs.locked(self.home / ".lock"):
            yield

    def start(self, *, timeout: float = 180.0, echo=None) -> str:
        """Start the server and wait until Bolt answers; idempotent."""
        with self._locked():
            return self._start(timeout, echo)

    def _start(self, timeout: float, echo) -> str:
        if self.pid():
            return "already running"
        for port in (self.bolt_port, self.http_port):
            if not procs.port_free(port):
                raise ServerError(
                    f"port {port} on 127.0.0.1 is taken by another program: stop it, or set "
                    "RELGRAPH_BOLT_PORT / RELGRAPH_HTTP_PORT to free ports"
                )
        self.install(echo=echo)
        self.write_conf()
        self.ensure_password()
        self.logs.mkdir(parents=True, exist_ok=True)
        cmd = [
            *self.launcher,
            java_binary(),
            *JVM_FLAGS,
            "-cp",
            f"{self.neo4j_home}/plugins/*:{self.conf_dir}/*:{self.lib}/*",
            MAIN_CLASS,
            f"--home-dir={self.neo4j_home}",
            f"--config-dir={self.conf_dir}",
            "--console-mode",
        ]
        log = open(self.console_log, "ab")
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=self.neo4j_home,
        )
        log.close()
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(f"{proc.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise ServerError(
                    f"the server exited at start (code {proc.returncode}); last log line: {self.last_log_line()}"
                )
            if not procs.port_free(self.bolt_port) and self._bolt_ready():
                return "started"
            time.sleep(0.5)
        raise ServerError(f"the server did not answer on Bolt within {timeout:.0f}s; see {self.console_log}")

    def _bolt_ready(self) -> bool:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, DriverError

        try:
            with GraphDatabase.driver(self.bolt_uri, auth=("neo4j", self.password())) as d:
                d.execute_query("RETURN 1")
            return True
        except (Neo4jError, DriverError, OSError):
            return False

    def stop(self, *, timeout: float = 60.0) -> str:
        with self._locked():
            return self._stop(timeout)

    def _stop(self, timeout: float) -> str:
        pid = self.pid()
        if not pid:
            return "not running"
        os.kill(pid, signal.SIGTERM)  # Neo4j's shutdown hook checkpoints and closes the store
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and procs.alive(pid):
            time.sleep(0.2)
        if procs.alive(pid):
            os.kill(pid, signal.SIGKILL)
            while procs.alive(pid):
                time.sleep(0.1)
            self.pid_file.unlink(missing_ok=True)
            return "killed after the graceful stop timed out"
        self.pid_file.unlink(missing_ok=True)
        return "stopped"

    def admin(self, *args: str, echo=None, cwd: Path | None = None) -> str:
        """Run ``neo4j-admin ARGS`` (``org.neo4j.cli.AdminTool`` from this server's jars), its output
        line by line to ``echo``; raises ``ServerError`` with its last error line when it fails."""
        self.install(echo=echo)
        self.write_conf()
        env = dict(os.environ, NEO4J_HOME=str(self.neo4j_home), NEO4J_CONF=str(self.conf_dir))
        proc = subprocess.Popen(
            [java_binary(), "-cp", f"{self.conf_dir}/*:{self.lib}/*", "org.neo4j.cli.AdminTool", *args],
            env=env,
            cwd=cwd or self.neo4j_home,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        lines: list[str] = []
        assert proc.stdout is not None  # stdout=PIPE
        for line in proc.stdout:
            line = line.rstrip()
            if line:
                lines.append(line)
                del lines[:-200]
                if echo:
                    echo(line)
        if proc.wait() != 0:
            errors = [ln for ln in lines if "rror" in ln or "xception" in ln] or lines or ["(no output)"]
            raise ServerError(f"neo4j-admin {' '.join(args[:3])} failed (code {proc.returncode}): {errors[-1][:300]}")
        return "\n".join(lines)

    def password(self) -> str:
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError:
            raise ServerError(f"no password file at {self.password_file}: run `relgraph db start` first") from None

    def last_log_line(self) -> str:
        try:
            lines = [ln for ln in self.console_log.read_text(errors="replace").splitlines() if ln.strip()]
        except OSError:
            return "(no log)"
        errors = [ln for ln in lines if "ERROR" in ln or "Exception" in ln]
        return (errors or lines or ["(empty log)"])[-1].strip()[:300]

    def wipe(self) -> None:
        """Delete the data and the password (the jars stay); the server must be stopped."""
        if self.pid():
            raise ServerError("stop the server first: relgraph db stop")
        shutil.rmtree(self.data, ignore_errors=True)
        self.password_file.unlink(missing_ok=True)


def java_binary() -> str:
    """A Java 17 or 21 binary: RELGRAPH_JAVA, then JAVA_HOME, then PATH (5.26 refuses newer)."""
    cands = [os.environ.get("RELGRAPH_JAVA")]
    if os.environ.get("JAVA_HOME"):
        cands.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    cands.append(shutil.which("java"))
    cands += [str(p / "bin" / "java") for p in sorted(Path("/usr/lib/jvm").glob("*17*"))]
    seen = []
    for c in cands:
        if not c or not Path(c).exists() or c in seen:
            continue
        seen.append(c)
        v = procs.java_major(c)
        if v in (17, 21):
            return c
    if seen:
        raise ServerError(
            "Neo4j 5.26 needs Java 17 or 21; none found (set RELGRAPH_JAVA or JAVA_HOME to "
            "a JDK 17, e.g. apt-get install openjdk-17-jre-headless)"
        )
    raise ServerError("Java is not installed: Neo4j 5.26 needs Java 17 (apt-get install openjdk-17-jre-headless)")


def _is_ours(pid: int, neo4j_home: Path) -> bool:
    """Guards against a recycled pid: the process must be the Neo4j server JVM of this home."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return False
    return MAIN_CLASS.encode() in args and f"--home-dir={neo4j_home}".encode() in args
