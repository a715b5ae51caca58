"""Small process helpers for the servers relgraph runs itself (the CoreNLP parser server).

Pid checks that survive recycled pids, a free-port probe on 127.0.0.1, a per-home lock, Java
lookup and the resident memory of a process. No relgraph imports: loaders and graph may both use it.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import socket
import subprocess
from contextlib import contextmanager
from pathlib import Path


def alive(pid: int) -> bool:
    """True while ``pid`` runs; a zombie (an exited child not yet reaped) counts as dead."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def cmdline(pid: int) -> list[str]:
    """The argv of a live process ([] when it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def rss_bytes(pid: int) -> int | None:
    """Resident memory of ``pid`` (VmRSS), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` (probed by binding 127.0.0.1 and the wildcard)."""
    for host in ("127.0.0.1", ""):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((host, port))
            except OSError:
                return False
    return True


def env_port(name: str, default: int, error: type[Exception]) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise error(f"{name}={raw!r} is not a port number")
    return int(raw)


@contextmanager
def locked(path: Path):
    """An exclusive advisory lock on ``path`` (created), held for the ``with`` block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(?:1\.)?(\d+)', out)
    return int(m.group(1)) if m else None


def find_java(min_major: int) -> tuple[str | None, list[str]]:
    """The first Java binary of at least ``min_major``: RELGRAPH_JAVA, JAVA_HOME, then PATH.

    Returns (binary or None, the candidates that exist), so the caller can word its error.
    """
    cands = [os.environ.get("RELGRAPH_JAVA")]
    if os.environ.get("JAVA_HOME"):
        cands.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    cands.append(shutil.which("java"))
    seen: list[str] = []
    for c in cands:
        if not c or not Path(c).exists() or c in seen:
            continue
        seen.append(c)
        v = java_major(c)
        if v is not None and v >= min_major:
            return c, seen
    return None, seen


def _tree_bytes(paths: list[Path]) -> int:
    total = 0
    for root in paths:
        for dirpath, _, files in os.walk(root):
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(dirpath, f))
                except OSError:
                    pass  # a download's temporary file, renamed under us
    return total


def run_with_progress(
    cmd: list[str], watch: list[Path], expected_mb: int, label: str, echo=None, every: float = 5.0
) -> subprocess.CompletedProcess:
    """Run ``cmd`` (a quiet Maven fetch), telling ``echo`` every few seconds how many megabytes
    have arrived under the ``watch`` folders, so that a first start never sits silent."""
    import tempfile
    import time

    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, text=True)
        start = _tree_bytes(watch)
        due, last = time.monotonic() + every, -1
        while proc.poll() is None:
            time.sleep(0.5)
            if echo and time.monotonic() >= due:
                due += every
                got = (_tree_bytes(watch) - start) // 2**20
                if got != last:
                    echo(f"{label}: {got} MB of about {expected_mb} MB")
                    last = got
        out.seek(0)
        return subprocess.CompletedProcess(cmd, proc.returncode, out.read(), "")


def maven_fetch(
    pom: Path, lib: Path, marker: str, label: str, expected_mb: int, watch: Path, error: type[Exception], echo=None
) -> None:
    """Fetch a pom's runtime jars with Maven into ``lib`` (via ``lib.partial``, swapped in whole so
    two versions' jars never mix), showing the megabytes that arrive; ``marker`` is a jar that must
    be there afterwards. Failures raise ``error`` with one line."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise error(
            f"Maven (mvn) is not on PATH: install it (Debian: apt-get install maven) "
            f"so relgraph can fetch the {label} jars"
        )
    tmp = lib.parent / "lib.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    # Maven is quiet; the megabytes arriving in its repository (then copied here) show progress
    run = run_with_progress(
        [
            mvn,
            "-B",
            "-q",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={tmp}",
        ],
        [watch, tmp],
        2 * expected_mb,
        f"fetching {label} jars (downloaded, then copied)",
        echo,
    )
    if run.returncode != 0 or not (tmp / marker).exists():
        tail = (run.stdout + run.stderr).strip().splitlines()[-3:] or ["(no output)"]
        raise error(f"Maven could not fetch the {label} jars: " + " | ".join(tail))
    shutil.rmtree(lib, ignore_errors=True)
    tmp.rename(lib)
