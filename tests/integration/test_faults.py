"""Faults during a load, on throwaway servers of their own (the project's local server machinery,
each with its own home and ports, its jars shared with the session's server):

- the server runs out of transaction memory on a huge article (``db.memory.transaction.max`` set
  low): that article fails with one line naming its file, is not half-written, and the rest of the
  batch loads (exit 1);
- the disk of the database fills: the transaction logs live on a tmpfs of 640 KiB mounted in a
  user and mount namespace of the server's own (``unshare -Urm``; no root, no Docker), or, where
  the machine allows no namespaces, the server may not grow a file past 512 KiB
  (``prlimit --fsize``: "File too large" instead of "No space left on device", the same failed
  append to the transaction log for Neo4j; ``RELGRAPH_TEST_FULL_DISK=fsize`` picks it anyway). The load stops with one line naming the file, exit 5;
  nothing of the failed batch is in the graph, and once the server has room and is restarted,
  loading the same files again completes the graph of one clean load.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from relgraph.graph.connect import connect
from relgraph.graph.server import LocalServer
from relgraph.pipeline import load
from relgraph.settings import Settings
from tests.conftest import DATA, ROOT, run_cli
from tests.integration.test_load import graph_dump

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (the benchmark's seeded corpus generator)

SMALL = [DATA / "fr_summit.txt", DATA / "en_visit.txt", DATA / "de_treffen.txt"]
TMPFS = "640k"  # the transaction logs' filesystem: the system database's and checkpoints take ~40 KiB
FSIZE = 512 * 1024  # or the largest file the server may write
# no log file is preallocated (a full disk at preallocation turns a database read-only at start),
# and none is rotated before the disk or the file size limit is reached
TIGHT_LOGS = ("db.tx_log.preallocate=false", "db.tx_log.rotation.size=4m")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def throwaway(home: Path, extra_conf=(), launcher=()) -> LocalServer:
    """A server of its own under ``home``; the jars are the session server's when it has them."""
    lib = LocalServer.default().lib
    (home / "neo4j").mkdir(parents=True, exist_ok=True)
    if lib.exists() and not (home / "neo4j" / "lib").exists():
        (home / "neo4j" / "lib").symlink_to(lib)
    return LocalServer(
        home=home, bolt_port=free_port(), http_port=free_port(), extra_conf=tuple(extra_conf), launcher=tuple(launcher)
    )


def settings_of(server: LocalServer) -> Settings:
    return Settings(uri=server.bolt_uri, user="neo4j", password=server.password())


def env_of(server: LocalServer) -> dict:
    s = settings_of(server)
    return dict(os.environ, NEO4J_URI=s.uri, NEO4J_USER=s.user, NEO4J_PASSWORD=s.password, NEO4J_DATABASE="neo4j")


def texts(lang: str, n: int, seed: int) -> list[str]:
    """``n`` generated article texts in ``lang``."""
    langs = sorted(generate.TEMPLATES)
    out = [
        a["text"] for i, a in enumerate(generate.articles(n * len(langs), seed=seed)) if langs[i % len(langs)] == lang
    ]
    return out[:n]


def dangling(driver) -> int:
    """Edges that name an article the graph does not hold: what a half-written article leaves."""
    return driver.execute_query(
        "MATCH ()-[r]->() WHERE r.article IS NOT NULL AND NOT EXISTS { MATCH (:Article {id: r.article}) } "
        "RETURN count(r) AS n"
    ).records[0]["n"]


def articles(driver) -> set[str]:
    return {r["d"] for r in driver.execute_query("MATCH (a:Article) RETURN a.doc AS d").records}


# -- out of transaction memory -------------------------------------------------------------------
def test_an_article_too_big_for_the_servers_memory_fails_alone(tmp_path_factory, neo4j_settings):
    folder = tmp_path_factory.mktemp("huge")
    # sixty generated articles as one: its transaction needs more than 4 MiB, the others far less
    huge = folder / "b_huge.txt"
    huge.write_text("\n\n".join(texts("en", 60, seed=5)), encoding="utf-8")
    files = [folder / f"{c}_{p.name}" for c, p in zip("acd", SMALL)]
    for f, p in zip(files, SMALL):
        shutil.copy(p, f)
    server = throwaway(tmp_path_factory.mktemp("memory-home"), ["db.memory.transaction.max=4m"])
    server.start()
    try:
        r = run_cli("load", "-q", "--batch-size", "4", str(folder), env=env_of(server))
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr
        (error,) = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
        assert error.startswith(f"Error: {huge}: not written: the server ran out of transaction memory for it (")
        assert "MemoryPoolOutOfMemoryError" in error and "db.memory.transaction.max" in error
        assert r.stdout.startswith("3 loaded, 0 replaced, 0 unchanged, 1 failed;"), r.stdout

        with connect(settings_of(server)) as d:
            assert articles(d) == {f.as_uri() for f in files} and dangling(d) == 0
            after = graph_dump(d)
            # the graph is the one the three small articles make alone: nothing of the huge one
            d.execute_query("MATCH (n) DETACH DELETE n")
            assert load(d, [str(f) for f in files]).loaded == 3
            assert graph_dump(d) == after
    finally:
        server.stop()


# -- the disk fills ------------------------------------------------------------------------------
def _namespaces_allowed(probe: Path) -> bool:
    """Whether this machine lets us mount a tmpfs in a user and mount namespace of our own."""
    probe.mkdir(parents=True, exist_ok=True)
    if not shutil.which("unshare"):
        return False
    run = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", f'mount -t tmpfs -o size={TMPFS} relgraph-probe "$0"', str(probe)],
        capture_output=True,
        text=True,
    )
    return run.returncode == 0


@pytest.fixture
def full_disk(tmp_path_factory, neo4j_settings):
    """A server whose transaction logs cannot grow past ~512 KiB, and a way to give it room back
    (a restart without the limit, its transaction logs kept)."""
    home = tmp_path_factory.mktemp("disk-home")
    logs = home / "neo4j" / "data" / "transactions"
    logs.mkdir(parents=True)
    # RELGRAPH_TEST_FULL_DISK=fsize tries the file size limit where namespaces are allowed too
    if os.environ.get("RELGRAPH_TEST_FULL_DISK") != "fsize" and _namespaces_allowed(home / "probe"):
        mount = f'mount -t tmpfs -o size={TMPFS} relgraph-full "$0" && exec "$@"'
        server = throwaway(home, TIGHT_LOGS, ["unshare", "-Urm", "sh", "-c", mount, str(logs)])
        how = f"tmpfs of {TMPFS}"
    else:
        assert shutil.which("prlimit"), "neither unshare nor prlimit (util-linux) is installed"
        server = throwaway(home, TIGHT_LOGS, ["prlimit", f"--fsize={FSIZE}", "--"])
        how = f"file size limit of {FSIZE} bytes"
    server.start()
    print(f"the disk that fills: {how}")

    def room() -> LocalServer:
        """Stop the server and start it again with room: the tmpfs's logs are copied onto a
        bigger one (a tmpfs lives as long as the server's namespace)."""
        launcher: tuple = ()
        if server.launcher[:1] == ("unshare",):
            kept = home / "kept-logs"
            shutil.copytree(Path(f"/proc/{server.pid()}/root") / logs.relative_to("/"), kept)
            copy = 'mount -t tmpfs -o size=256m relgraph-room "$0" && cp -a "$1"/. "$0"/ && shift && exec "$@"'
            launcher = ("unshare", "-Urm", "sh", "-c", copy, str(logs), str(kept))
        server.stop()
        roomy = LocalServer(
            home=home, bolt_port=server.bolt_port, http_port=server.http_port, extra_conf=TIGHT_LOGS, launcher=launcher
        )
        roomy.start()
        holder.append(roomy)
        return roomy

    holder = [server]
    yield server, room
    holder[-1].stop()


def test_a_full_disk_stops_the_load_cleanly_and_a_restart_with_room_completes_it(full_disk, tmp_path):
    server, room = full_disk
    folder = tmp_path / "corpus"
    folder.mkdir()
    # thirty articles of five generated ones each (~40 KiB of transaction log apiece): the disk
    # fills about halfway through
    body = texts("en", 150, seed=8)
    files = []
    for i in range(30):
        f = folder / f"part{i:02d}.txt"
        f.write_text("\n\n".join(body[i * 5 : i * 5 + 5]), encoding="utf-8")
        files.append(f)

    r = run_cli("load", "-q", "--batch-size", "3", str(folder), env=env_of(server))
    assert r.returncode == 5, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    (error,) = r.stderr.strip().splitlines()
    assert error.startswith("Error: ") and " and the 2 other articles of its batch: not written; " in error
    stopped_at = Path(error.removeprefix("Error: ").split(" and the ")[0])
    assert stopped_at in files
    assert "the server cannot write to database 'neo4j' (Neo4j said Neo.DatabaseError.Transaction." in error
    assert "its disk may be full" in error and "load the same files again" in error
    assert "the load stopped there" in r.stdout
    loaded = int(r.stdout.split(" loaded")[0])
    assert 0 < loaded < 27, r.stdout  # some batches fit, and the disk filled before the end

    roomy = room()
    with connect(settings_of(roomy)) as d:
        # every batch committed before the fault is whole; nothing of the failed batch is there
        held = articles(d)
        assert len(held) == loaded and stopped_at.as_uri() not in held and dangling(d) == 0
        again = run_cli("load", "-q", "--batch-size", "3", str(folder), env=env_of(roomy))
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith(f"{30 - loaded} loaded, 0 replaced, {loaded} unchanged, 0 failed;")
        after = graph_dump(d)
        d.execute_query("MATCH (n) DETACH DELETE n")
        assert load(d, [str(folder)]).loaded == 30
        assert graph_dump(d) == after
