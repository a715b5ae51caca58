"""``relgraph import --bulk``: a large first load through ``neo4j-admin database import full``.

Extraction output (JSON Lines or Parquet, from ``relgraph extract`` or the Spark job) becomes
node and relationship CSV files (``graph.bulk``), which the local server imports while stopped
(then it starts again and gets its constraints and indexes). For another server the files are
written and the command to run on its machine is returned. A database holding data is refused
unless ``overwrite``: the import replaces the whole database.
"""

from __future__ import annotations

import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from relgraph.errors import RelgraphError
from relgraph.settings import Settings

if TYPE_CHECKING:
    from relgraph.graph.bulk import ImportFiles


@dataclass
class BulkReport:
    articles: int = 0
    failed: int = 0
    skipped: int = 0  # older versions of a document, second copies of a text
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    folder: str | None = None
    command: str | None = None  # for a remote server: what to run there
    imported: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        what = (
            f"{self.articles} articles, {sum(self.nodes.values())} nodes and {sum(self.edges.values())} edges; "
            f"{self.failed} failed, {self.skipped} skipped (older versions or copies)"
        )
        if self.imported:
            return f"imported {what} in {self.seconds:.0f}s"
        return f"wrote import files for {what} to {self.folder}"


def _is_local(settings: Settings, server) -> bool:
    from urllib.parse import urlsplit

    u = urlsplit(settings.uri)
    return u.hostname in ("127.0.0.1", "localhost") and (u.port or 7687) == server.bolt_port


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context():
    """Processes forked where the system can (quick, and a script without a ``__main__`` guard
    works; the callers hold no threads or connections then), else spawned."""
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def _scan(paths: list[str], jobs: int, k: int) -> list[tuple]:
    """The places ``k``, ``k + jobs``, ... of the output: (place, where, text id, document, error)."""
    from relgraph import extracted

    out: list[tuple] = []
    for item in extracted.read(paths, only=lambda n: n % jobs == k):
        if item.doc is None:
            out.append((item.n, item.where, None, None, item.error))
        else:
            a = item.doc["article"]
            out.append((item.n, item.where, a["id"], a.get("doc") or item.where, None))
    return out


def _write_shard(
    paths: list[str], keep: frozenset, folder: str, batch_size: int, k: int, queue, compress: bool
) -> None:
    """One process of ``write_files``: the import files of the articles at places ``keep`` (whole
    batches, consecutive), then its ``graph.bulk.Shard`` pickled beside them."""
    try:
        from relgraph import extracted
        from relgraph.graph import bulk
        from relgraph.loaders.resolve import resolve_article

        part = Path(folder) / f"part-{k}"
        b = bulk.BulkBuilder(part, shard=k, compress=compress)
        last = max(keep)
        batch = []
        for item in extracted.read(paths, only=lambda n: n <= last and n in keep):
            if item.doc is None:  # not kept: ``keep`` holds places of articles only
                continue
            batch.append(resolve_article(extracted.facts(item.doc)))
            if len(batch) >= batch_size:
                b.add_batch(batch)
                queue.put((k, len(batch)))
                batch = []
            if item.n == last:
                break
        if batch:
            b.add_batch(batch)
            queue.put((k, len(batch)))
        with open(part / "shard.pickle", "wb") as f:
            pickle.dump(b.shard_result(), f, protocol=pickle.HIGHEST_PROTOCOL)
        queue.put((k, None))
    except Exception as e:  # the parent says it in one line
        queue.put((k, f"{type(e).__name__}: {e}"))


def _run_shards(paths, shards, folder, batch_size, progress, compress) -> list:
    """``_write_shard`` of every shard in a process of its own; their ``Shard`` results, in order."""
    import queue as queues

    from relgraph.graph.bulk import BulkError

    ctx = _context()
    q = ctx.Queue()
    procs = [
        ctx.Process(
            target=_write_shard, args=(paths, frozenset(s), str(folder), batch_size, k, q, compress), daemon=True
        )
        for k, s in enumerate(shards)
    ]
    for p in procs:
        p.start()
    done, finished = 0, set[int]()
    try:
        while len(finished) < len(procs):
            try:
                k, what = q.get(timeout=2)
            except queues.Empty:
                dead = [k for k, p in enumerate(procs) if k not in finished and p.exitcode not in (None, 0)]
                if dead:
                    raise BulkError(
                        f"the process writing CSV part {dead[0]} stopped (exit code {procs[dead[0]].exitcode}; "
                        "out of memory? try fewer --jobs)"
                    ) from None
                continue
            if what is None:
                finished.add(k)
            elif isinstance(what, str):
                raise BulkError(f"writing CSV part {k}: {what}")
            else:
                done += what
                progress(done)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()
    out = []
    for k in range(len(procs)):
        with open(Path(folder) / f"part-{k}" / "shard.pickle", "rb") as f:
            out.append(pickle.load(f))
    return out


def write_files(
    paths: Iterable[str],
    folder: str | Path,
    batch_size: int = 100,
    echo: Callable[[str], None] | None = None,
    jobs: int | None = None,
    compress: bool = False,
) -> tuple[BulkReport, ImportFiles]:
    """Read the extraction output twice (which versions to keep, then the rows) into import files.

    ``jobs`` processes (default: the cores) read and write consecutive runs of whole batches each;
    ``graph.bulk.merge`` then writes the other nodes, as one process would have (the same graph)."""
    from concurrent.futures import ProcessPoolExecutor

    from relgraph import extracted
    from relgraph.graph import bulk

    paths = [str(p) for p in paths]
    jobs = max(1, jobs or default_jobs())
    report = BulkReport()
    say = echo or (lambda m: None)
    say(f"reading {', '.join(paths) if len(paths) < 4 else f'{len(paths)} inputs'} ...")
    if jobs == 1:
        scanned = _scan(paths, 1, 0)
    else:
        with ProcessPoolExecutor(jobs, mp_context=_context()) as pool:
            scanned = sorted(x for part in pool.map(_scan, [paths] * jobs, [jobs] * jobs, range(jobs)) for x in part)
    places, keys = [], []
    for n, where, art, doc, error in scanned:
        if art is None:
            report.failed += 1
            report.errors.append(f"{where}: {error}")
            say(f"Error: {where}: {error}")
            continue
        places.append(n)
        keys.append((art, doc))
    del scanned
    keep = sorted(places[i] for i in bulk.select(keys))
    report.skipped = len(keys) - len(keep)
    del keys, places
    total = len(keep)
    batches = -(-total // batch_size)
    jobs = max(1, min(jobs, batches))
    say(
        f"{total} articles to import ({report.failed} failed, {report.skipped} skipped); writing CSV files with {jobs} process{'es' if jobs > 1 else ''} ..."
    )
    step = max(batch_size, (total // 20) // batch_size * batch_size)
    shown = [0]

    def progress(done):
        if done - shown[0] >= step or done == total:
            shown[0] = done
            say(f"  {done}/{total} articles written to CSV")

    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    if jobs == 1:
        wanted = set(keep)

        def docs():
            from relgraph.loaders.resolve import resolve_article

            for item in extracted.read(paths, only=wanted.__contains__):
                if item.doc is None:  # not kept: ``keep`` holds places of articles only
                    continue
                yield resolve_article(extracted.facts(item.doc))  # the record the writer takes, as `load` makes it

        files = bulk.build(docs(), folder, batch_size, progress, compress, echo=say)
    else:
        per = -(-batches // jobs) * batch_size
        shards = [keep[i : i + per] for i in range(0, total, per)]
        results = _run_shards(paths, shards, folder, batch_size, progress, compress)
        say("merging the node tables and resolving meetings, visits and proposals ...")
        files = bulk.merge(folder, results, compress, echo=say)
        del results
    report.articles, report.nodes, report.edges, report.folder = files.articles, files.nodes, files.edges, str(folder)
    return report, files


def bulk_import(
    paths: Iterable[str],
    settings: Settings,
    *,
    overwrite: bool = False,
    out: str | None = None,
    batch_size: int = 100,
    jobs: int | None = None,
    compress: bool = False,
    echo: Callable[[str], None] | None = None,
) -> BulkReport:
    """Import extraction output into the local server (or, for another server, write the files
    and return the command); see the module docstring."""
    from relgraph.graph import schema
    from relgraph.graph.bulk import BulkError, finish, node_count
    from relgraph.graph.connect import connect
    from relgraph.graph.server import LocalServer

    server = LocalServer.default()
    say = echo or (lambda m: None)
    if not _is_local(settings, server):
        report, files = write_files(paths, out or "relgraph-import", batch_size, echo, jobs, compress)
        report.command = files.command(settings.database)
        return report

    started = time.monotonic()
    server.start(echo=echo)
    with connect(Settings(uri=server.bolt_uri, password=server.password(), database=settings.database)) as driver:
        held = node_count(driver, settings.database)
    if held and not overwrite:
        raise BulkError(
            f"the database {settings.database} holds {held} nodes: a bulk import replaces it "
            "whole, so give --overwrite to do that (or use `relgraph load` to add articles)"
        )
    folder = Path(out) if out else server.neo4j_home / "import" / "relgraph-bulk"
    report, files = write_files(paths, folder, batch_size, echo, jobs, compress)
    say(f"stopping the local server for the import ({server.stop()})")
    try:
        server.admin("database", "import", "full", settings.database, *files.arguments(), echo=echo)
    finally:
        say("starting the local server again")
        server.start(echo=echo)
    with connect(Settings(uri=server.bolt_uri, password=server.password(), database=settings.database)) as driver:
        say("installing constraints and indexes")
        schema.install(driver, settings.database)
        finish(driver, files, settings.database)
        # the indexes populate in the background over the imported data: the graph is ready for
        # questions once they are online (a question planned before would scan the label)
        say("waiting for the indexes to come online")
        schema.await_indexes(driver, settings.database, echo=say)
    if not out:
        shutil.rmtree(folder, ignore_errors=True)
    report.imported = True
    report.seconds = time.monotonic() - started
    return report


__all__ = ["BulkReport", "bulk_import", "write_files", "RelgraphError"]
