"""The local Stanford CoreNLP 4.5.10 server that parses en, fr, de and es for relgraph.

Managed like the local Neo4j: jars from Maven Central through Maven (``pom.xml`` beside this file,
1.2 GB, fetched once), one JVM run as a separate process (CoreNLP is GPL-3.0: never bundled or
linked), its pid, log and lock under one home (``relgraph_home()/parser`` or ``RELGRAPH_PARSER_HOME``).
``start()`` returns once the server answers and all four languages are loaded (warmed up).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from relgraph import procs
from relgraph.errors import ParserError
from relgraph.settings import relgraph_home

CORENLP_VERSION = "4.5.10"
MAIN_CLASS = "edu.stanford.nlp.pipeline.StanfordCoreNLPServer"
DEFAULT_PORT = 9057
LANGS = ("en", "fr", "de", "es")
ANNOTATORS = "tokenize,ssplit,pos,depparse"
# French, German and Spanish split their contractions ("au" -> "à le", "im" -> "in dem") in the
# mwt annotator: without it "au cosmodrome" is tagged AUX VERB and the whole tree goes wrong
MWT_LANGS = {"fr", "de", "es"}


def annotators(lang: str) -> str:
    return "tokenize,ssplit,mwt,pos,depparse" if lang in MWT_LANGS else ANNOTATORS


# Measured here (2 cores, Java 17, G1): with all four languages loaded (tokenize, ssplit, pos,
# depparse) the live heap is 1.6 GB after a full GC. -Xmx2500m lets the JVM grow to ~2.65 GiB
# resident, over the 2.5 GiB budget, and a tighter old generation (SerialGC) thrashes in full
# GCs (a 90 s request); 2200m keeps 600 MB of headroom: 2.29 GiB resident after warm-up,
# 2.33 GiB after batches in every language, no full GC.
JVM_FLAGS = [
    "-Xms1g",
    "-Xmx2200m",
    "-XX:+UseG1GC",
    "-Dfile.encoding=UTF-8",
    # IPv4 only, so that the block list (below) covers every remote address
    "-Djava.net.preferIPv4Stack=true",
]

# One short sentence per language: the first request of a language loads its tagger and parser
# (7-11 s each); afterwards CoreNLP keeps the annotators in its pool, whatever language came last.
WARM_UP = {
    "en": "The president met his counterpart in the capital on Monday.",
    "fr": "Le président a rencontré son homologue dans la capitale lundi.",
    "de": "Der Präsident traf seinen Amtskollegen am Montag in der Hauptstadt.",
    "es": "El presidente se reunió con su homólogo en la capital el lunes.",
}

# StanfordCoreNLPServer has no bind-address option: it listens on the wildcard address
# (``new InetSocketAddress(port)`` in 4.5.10, no -host flag). The nearest to "loopback only" it
# offers is ``-blockList``, a file of IPv4 subnets whose clients get 401 from every annotation
# handler (/, tokensregex, semgrex, tregex, scenegraph). 4.5.10 consults it only with
# ``-stanford true`` (that flag does nothing else off corenlp.stanford.edu) and for IPv4 clients
# only, hence -Djava.net.preferIPv4Stack=true. These subnets are all of IPv4 but 127.0.0.0/8: the
# port stays reachable from other hosts, but parses nothing for them (tested in tests/integration).
_NOT_LOOPBACK = [
    "0.0.0.0/2",
    "64.0.0.0/3",
    "96.0.0.0/4",
    "112.0.0.0/5",
    "120.0.0.0/6",
    "124.0.0.0/7",
    "126.0.0.0/8",
    "128.0.0.0/1",
]


@dataclass(frozen=True)
class ParserStatus:
    running: bool
    url: str
    pid: int | None = None
    rss: int | None = None  # bytes resident
    warmed: tuple[str, ...] = ()  # languages loaded since this pid started


@dataclass(frozen=True)
class ParserServer:
    """Paths and port of one parser server; all state is on disk, so any process can manage it."""

    home: Path
    port: int = DEFAULT_PORT

    @classmethod
    def default(cls) -> "ParserServer":
        env = os.environ.get("RELGRAPH_PARSER_HOME")
        home = Path(env).expanduser().resolve() if env else relgraph_home() / "parser"
        return cls(home=home, port=procs.env_port("RELGRAPH_PARSER_PORT", DEFAULT_PORT, ParserError))

    # -- paths -------------------------------------------------------------------------------
    @property
    def lib(self) -> Path:
        return self.home / "lib"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "corenlp.pid"

    @property
    def warmed_file(self) -> Path:
        return self.run_dir / "warmed"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "server.log"

    @property
    def tmp_dir(self) -> Path:
        # CoreNLP writes its shutdown key to java.io.tmpdir: one per home, so two servers never share it
        return self.home / "tmp"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- install -----------------------------------------------------------------------------
    def installed(self) -> bool:
        return all(
            (self.lib / f"stanford-corenlp-{CORENLP_VERSION}{c}.jar").exists()
            for c in ("", "-models", "-models-french", "-models-german", "-models-spanish")
        )

    def install(self, *, force: bool = False, echo=None) -> bool:
        """Fetch the CoreNLP jars with Maven into ``lib/``; False when they were already there."""
        if self.installed() and not force:
            return False
        java_binary()  # fail early and clearly, before a long download
        self._secure_home()
        if echo:
            echo("fetching CoreNLP jars with Maven (1.2 GB, first time only)...")
        with resources.as_file(resources.files(__package__) / "pom.xml") as pom:
            procs.maven_fetch(
                pom,
                self.lib,
                f"stanford-corenlp-{CORENLP_VERSION}.jar",
                "CoreNLP",
                1230,
                Path.home() / ".m2" / "repository" / "edu" / "stanford",
                ParserError,
                echo,
            )
        return True

    def _secure_home(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        os.chmod(self.home, 0o700)

    # -- process -----------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The server's pid when it is alive and is this home's CoreNLP JVM; a stale pid file goes."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if procs.alive(pid) and self._is_ours(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def _is_ours(self, pid: int) -> bool:
        """Guards against a recycled pid: the process must be the CoreNLP JVM of this home."""
        args = procs.cmdline(pid)
        return MAIN_CLASS in args and f"-Djava.io.tmpdir={self.tmp_dir}" in args

    @staticmethod
    def running_port(pid: int) -> int | None:
        """The port the server ``pid`` was started on (its ``-port`` argument)."""
        args = procs.cmdline(pid)
        try:
            return int(args[args.index("-port") + 1])
        except (ValueError, IndexError):
            return None

    def _locked(self):
        """One start or stop at a time per home (two starts would race for the port)."""
        self._secure_home()
        return procs.locked(self.home / ".lock")

    def start(self, *, timeout: float = 300.0, echo=None) -> str:
        """Start the server, wait until it answers, warm up every language; idempotent."""
        with self._locked():
            return self._start(timeout, echo)

    def _start(self, timeout: float, echo) -> str:
        pid = self.pid()
        if pid:
            running = self.running_port(pid)
            if running not in (None, self.port):  # one server a home: never say another port is up
                raise ParserError(
                    f"this home's parser ({self.home}) already runs on port {running}, not {self.port}: "
                    f"use that port, or give a second server its own RELGRAPH_PARSER_HOME"
                )
            self._warm_up(pid, timeout, echo)  # a start interrupted during warm-up left some cold
            return "already running"
        if not _port_frees(self.port, 5.0):  # a server stopped a moment ago may still hold it
            raise ParserError(
                f"port {self.port} on 127.0.0.1 is taken by another program: stop it, "
                "or set RELGRAPH_PARSER_PORT to a free port"
            )
        java = java_binary()
        self.install(echo=echo)
        if echo:
            echo("starting parser...")
        for d in (self.run_dir, self.tmp_dir, self.log_file.parent):
            d.mkdir(parents=True, exist_ok=True)
        blocklist = self.run_dir / "blocklist.txt"
        blocklist.write_text("\n".join(_NOT_LOOPBACK) + "\n", encoding="utf-8")
        self.warmed_file.unlink(missing_ok=True)
        cmd = [
            java,
            *JVM_FLAGS,
            f"-Djava.io.tmpdir={self.tmp_dir}",
            "-cp",
            f"{self.lib}/*",
            MAIN_CLASS,
            "-port",
            str(self.port),
            "-status_port",
            str(self.port),
            "-timeout",
            "120000",
            "-threads",
            "2",
            "-quiet",
            "true",
            "-server_id",
            "relgraph-parser",
            "-maxCharLength",
            "1000000",
            "-stanford",
            "true",
            "-blockList",
            str(blocklist),
        ]
        with open(self.log_file, "ab") as log:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self.home,
            )
        self.pid_file.write_text(f"{proc.pid}\n")
        deadline = time.monotonic() + timeout
        while not self._answers():
            if proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise ParserError(
                    f"the parser server exited at start (code {proc.returncode}); last log line: {self.last_log_line()}"
                )
            if time.monotonic() > deadline:
                raise ParserError(f"the parser server did not answer within {timeout:.0f}s; see {self.log_file}")
            time.sleep(0.3)
        self._warm_up(proc.pid, max(deadline - time.monotonic(), 60.0), echo)
        return "started"

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/ready", timeout=2) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def _warm_up(self, pid: int, timeout: float, echo) -> None:
        done = list(self.warmed(pid))
        todo = [lang for lang in LANGS if lang not in done]
        for n, lang in enumerate(todo, len(done) + 1):
            if echo:
                echo(f"warming up {lang} ({n}/{len(LANGS)})...")
            try:
                annotate(self.url, lang, WARM_UP[lang], timeout=timeout)
            except ParserError as e:
                raise ParserError(f"warming up {lang} failed: {e}; last log line: {self.last_log_line()}") from None
            done.append(lang)
            self.warmed_file.write_text(f"{pid} {' '.join(done)}\n")

    def warmed(self, pid: int | None = None) -> tuple[str, ...]:
        """Languages warmed up since the server ``pid`` started."""
        try:
            first, *langs = self.warmed_file.read_text().split()
        except (OSError, ValueError):
            return ()
        return tuple(langs) if pid is not None and first == str(pid) else ()

    def stop(self, *, timeout: float = 30.0) -> str:
        with self._locked():
            pid = self.pid()
            if not pid:
                return "not running"
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and procs.alive(pid):
                time.sleep(0.1)
            state = "stopped"
            if procs.alive(pid):
                os.kill(pid, signal.SIGKILL)
                while procs.alive(pid):
                    time.sleep(0.1)
                state = "killed after the graceful stop timed out"
            self.pid_file.unlink(missing_ok=True)
            self.warmed_file.unlink(missing_ok=True)
            return state

    def status(self) -> ParserStatus:
        pid = self.pid()
        if not pid:
            return ParserStatus(False, self.url)
        url = f"http://127.0.0.1:{self.running_port(pid) or self.port}"  # where it runs, whatever was asked
        return ParserStatus(True, url, pid, procs.rss_bytes(pid), self.warmed(pid))

    def last_log_line(self) -> str:
        try:
            lines = [ln for ln in self.log_file.read_text(errors="replace").splitlines() if ln.strip()]
        except OSError:
            return "(no log)"
        errors = [ln for ln in lines if "Exception" in ln or "Error" in ln]
        return (errors or lines or ["(empty log)"])[-1].strip()[:300]


def _port_frees(port: int, wait: float) -> bool:
    deadline = time.monotonic() + wait
    while not procs.port_free(port):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def annotate(url: str, lang: str, body: str, *, timeout: float = 300.0) -> dict:
    """One CoreNLP request: ``body`` is one sentence a line; returns the JSON document."""
    props = {"annotators": annotators(lang), "outputFormat": "json", "pipelineLanguage": lang, "ssplit.eolonly": "true"}
    req = urllib.request.Request(
        url + "/?" + urllib.parse.urlencode({"properties": json.dumps(props)}), data=body.encode("utf-8"), method="POST"
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()[:1] or [e.reason]
        raise ParserError(f"the parser server at {url} answered {e.code}: {detail[0][:200]}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise ParserError(f"the parser server at {url} cannot be reached ({reason})") from None


def java_binary() -> str:
    """A Java 8+ binary for CoreNLP: RELGRAPH_JAVA, then JAVA_HOME, then PATH."""
    java, seen = procs.find_java(8)
    if java:
        return java
    if seen:
        raise ParserError(f"the parser needs Java 8 or newer; {seen[0]} is older (set RELGRAPH_JAVA or JAVA_HOME)")
    raise ParserError(
        "Java is not installed: the parser (CoreNLP) needs Java 8 or newer (apt-get install openjdk-17-jre-headless)"
    )
