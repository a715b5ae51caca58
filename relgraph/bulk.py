"""``relgraph import --bulk``: a large first load through ``neo4j-admin database import full``.

Extraction output (JSON Lines or Parquet, from ``relgraph extract`` or the Spark job) becomes
node and relationship CSV files (``graph.bulk``), which the local server imports while stopped
(then it starts again and gets its constraints and indexes). For another server the files are
written and the command to run on its machine is returned. A database holding data is refused
unless ``overwrite``: the import replaces the whole database.
"""

from __future__ import annotations

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


def write_files(
    paths: Iterable[str], folder: str | Path, batch_size: int = 100, echo: Callable[[str], None] | None = None
) -> tuple[BulkReport, ImportFiles]:
    """Read the extraction output twice (which versions to keep, then the rows) into import files."""
    from relgraph import extracted
    from relgraph.graph import bulk

    paths = list(paths)
    report = BulkReport()
    keys = []
    for item in extracted.read(paths):
        if item.doc is None:
            report.failed += 1
            report.errors.append(f"{item.where}: {item.error}")
            if echo:
                echo(f"Error: {item.where}: {item.error}")
            continue
        keys.append((item.doc["article"]["id"], item.doc["article"].get("doc") or item.where))
    keep = bulk.select(keys)
    report.skipped = len(keys) - len(keep)
    if echo:
        echo(
            f"{len(keep)} articles to import ({report.failed} failed, {report.skipped} skipped); writing CSV files ..."
        )

    def docs():
        from relgraph.loaders.resolve import resolve_article

        i = 0
        for item in extracted.read(paths):
            if item.doc is None:
                continue
            if i in keep:  # the record the writer takes, made as `relgraph load` makes it
                yield resolve_article(extracted.facts(item.doc))
            i += 1

    step = max(batch_size, (len(keep) // 20) // batch_size * batch_size)

    def progress(done):
        if echo and (done % step == 0 or done == len(keep)):
            echo(f"  {done}/{len(keep)} articles written to CSV")

    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    files = bulk.build(docs(), folder, batch_size, progress)
    report.articles, report.nodes, report.edges, report.folder = files.articles, files.nodes, files.edges, str(folder)
    return report, files


def bulk_import(
    paths: Iterable[str],
    settings: Settings,
    *,
    overwrite: bool = False,
    out: str | None = None,
    batch_size: int = 100,
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
        report, files = write_files(paths, out or "relgraph-import", batch_size, echo)
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
    report, files = write_files(paths, folder, batch_size, echo)
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
    if not out:
        shutil.rmtree(folder, ignore_errors=True)
    report.imported = True
    report.seconds = time.monotonic() - started
    return report


__all__ = ["BulkReport", "bulk_import", "write_files", "RelgraphError"]
