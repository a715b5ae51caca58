"""The stages strung together, above both wings: ``read → extract`` (loaders) with worker
processes, then ``resolve → write`` (graph) in batches, and ``load()`` that returns a report.

``extract_paths`` is pure (no database): what ``relgraph extract`` prints is exactly the facts
``load`` resolves and writes. Bad inputs are reported one line each and never stop the batch.
This module is the only one that uses both ``relgraph.loaders`` and ``relgraph.graph``
(tests/unit/test_architecture.py).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field, replace

from relgraph.errors import BadArticle, BusyGraph, ServerCannotWrite, TooBigForServer
from relgraph.loaders.extract import extract
from relgraph.loaders.lang import detect
from relgraph.loaders.read import read_paths
from relgraph.loaders.resolve import resolve_article
from relgraph.records import Article, ArticleFacts


def extract_article(article: Article) -> ArticleFacts:
    """Detect the language (unless given) and extract; raises ``BadArticle`` for an unreadable one."""
    if not article.lang:
        article = replace(article, lang=detect(article.text, article.path or article.doc))
    return extract(article)


def _extract_item(item: Article | BadArticle) -> ArticleFacts | BadArticle:
    if isinstance(item, BadArticle):
        return item
    try:
        return extract_article(item)
    except BadArticle as e:
        return e
    except Exception as e:  # a rule that breaks on one article must not stop the batch
        return BadArticle(
            item.path or item.doc, f"extraction failed ({type(e).__name__}: {e}); please report this article"
        )


def count_articles(paths: Iterable[str]) -> int | None:
    """How many articles ``paths`` hold, for a progress bar: one a file, or None (unknown) when a
    JSON Lines batch is among them."""
    from relgraph.loaders.read import expand

    files = [p for p, _ in expand(paths)]
    return None if any(p.lower().endswith((".jsonl", ".ndjson")) for p in files) else len(files)


def _lower_priority(nice: int) -> None:
    """A worker process's initializer: run ``nice`` steps lower (``os.nice``), so the graph's
    queries, the writer and the user's other work are scheduled before the extraction."""
    if nice > 0:
        os.nice(nice)


def extract_paths(
    paths: Iterable[str], workers: int = 1, nice: int = 0
) -> Generator[ArticleFacts | BadArticle, None, None]:
    """Every article under ``paths`` extracted, in input order; ``workers`` > 1 uses processes.

    With ``nice`` > 0 the extraction runs in worker processes (one at least) ``nice`` steps lower
    in CPU priority than the caller, whose own priority is never changed. Input is streamed in
    windows, so memory stays flat however large the corpus.
    """
    items = read_paths(paths)
    if workers <= 1 and nice <= 0:
        for item in items:
            yield _extract_item(item)
        return
    import multiprocessing as mp

    workers = max(1, workers)
    window = workers * 64
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(workers, initializer=_lower_priority, initargs=(nice,)) as pool:
        # two windows in flight: the workers extract the next one while the caller writes this one
        chunk = list(itertools.islice(items, window))
        pending = pool.imap(_extract_item, chunk, chunksize=8) if chunk else None
        while pending is not None:
            chunk = list(itertools.islice(items, window))
            upcoming = pool.imap(_extract_item, chunk, chunksize=8) if chunk else None
            yield from pending
            pending = upcoming


@dataclass
class LoadReport:
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    nodes_created: int = 0
    edges_created: int = 0
    nodes_deleted: int = 0  # by replacements: the old versions' facts
    edges_deleted: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # why the load stopped before the end (the database cannot write: a full disk, say), one line
    stopped: str | None = None

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.stopped is None

    def summary(self) -> str:
        text = (
            f"{self.loaded} loaded, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{self.failed} failed; {self.nodes_created} nodes and {self.edges_created} edges created"
        )
        if self.nodes_deleted or self.edges_deleted:
            text += f", {self.nodes_deleted} nodes and {self.edges_deleted} edges of old versions deleted"
        if self.stopped:
            text += "; the load stopped there, the articles after those were not read"
        return text


def load(
    driver,
    paths: Iterable[str],
    database: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
    batch_size: int = 100,
    force: bool = False,
    nice: int = 0,
) -> LoadReport:
    """Read, extract and write every article under ``paths``.

    Articles are written ``batch_size`` to a transaction (each article whole or not at all);
    extraction runs in ``workers`` processes, ``nice`` steps lower in CPU priority (0: as the
    caller; ``relgraph load`` uses 10) so that questions asked meanwhile go first. Bad inputs are counted and reported, never raised; so
    is an article too big for the server's transaction memory. When the database cannot write at
    all (a full disk), the load stops there and ``report.stopped`` says so in one line.
    """
    from relgraph.graph import schema
    from relgraph.graph.connect import database_of

    database = database or database_of(driver)
    schema.install(driver, database)
    report = LoadReport()
    # a graph of another schema version is refused with what to run (--force migrates it first)
    found = schema.require_current(driver, database, migrate_older=force)
    if found != schema.SCHEMA_VERSION:
        report.warnings.append(f"the graph was migrated from schema version {found} to {schema.SCHEMA_VERSION}")
    others = {v: n for v, n in schema.extractor_versions(driver, database).items() if v != _extractor()}
    if others and not force:
        report.warnings.append(
            "the graph also holds articles extracted by another relgraph ("
            + ", ".join(f"{n} by {v}" for v, n in others.items())
            + f"; this is {_extractor()}): `relgraph load --force` on their files re-extracts them"
        )
    batch: list[ArticleFacts] = []
    items = extract_paths(paths, workers, nice)
    for item in items:
        if report.stopped:  # the database cannot write: every further batch would fail the same way
            items.close()
            break
        if isinstance(item, BadArticle):
            report.failed += 1
            report.errors.append(str(item))
            if on_item:
                on_item("failed", str(item))
            continue
        name = item.article.path or item.article.doc
        for w in item.warnings:
            report.warnings.append(f"{name}: {w}")
        batch.append(item)
        if len(batch) >= batch_size:
            _flush(driver, batch, database, report, on_item, force)
            batch = []
    if batch and not report.stopped:
        _flush(driver, batch, database, report, on_item, force)
    return report


def _extractor() -> str:
    from relgraph.graph.write import extractor_version

    return extractor_version()


def _failed(report: LoadReport, on_item, msg: str) -> None:
    """One article not written: counted, its line kept, the progress told."""
    report.failed += 1
    report.errors.append(msg)
    if on_item:
        on_item("failed", msg)


def _flush(driver, batch: list[ArticleFacts], database: str, report: LoadReport, on_item, force: bool = False) -> None:
    from neo4j.exceptions import DriverError, Neo4jError

    from relgraph.graph.connect import describe
    from relgraph.graph.write import write_articles

    docs = [resolve_article(f) for f in batch]
    try:
        results = [(batch, write_articles(driver, docs, database, force))]
    except BusyGraph as e:  # retries exhausted: each article of the batch says so, the load goes on
        for f in batch:
            report.failed += 1
            msg = f"{f.article.path or f.article.doc}: {e}"
            report.errors.append(msg)
            if on_item:
                on_item("failed", msg)
        return
    except ServerCannotWrite as e:  # nothing of the batch was written; the load stops here
        report.failed += len(batch)
        first = batch[0].article.path or batch[0].article.doc
        more = f" and the {len(batch) - 1} other articles of its batch" if len(batch) > 1 else ""
        report.stopped = f"{first}{more}: not written; {e}"
        report.errors.append(report.stopped)
        return
    except TooBigForServer as e:
        if len(batch) == 1:
            _failed(report, on_item, f"{batch[0].article.path or batch[0].article.doc}: {e}")
            return
        # the batch did not fit the server's transaction memory: article by article, so only an
        # article too big alone fails
        for one in batch:
            if not report.stopped:
                _flush(driver, [one], database, report, on_item, force)
        return
    except (Neo4jError, DriverError) as e:
        if len(batch) == 1 or _unavailable(e):
            if _unavailable(e):
                raise
            _failed(report, on_item, f"{batch[0].article.path or batch[0].article.doc}: not written ({describe(e)})")
            return
        # one article the server refuses must not sink the others: write them one by one
        for one in batch:
            if not report.stopped:
                _flush(driver, [one], database, report, on_item, force)
        return
    for items, res in results:
        report.nodes_created += res.nodes_created
        report.edges_created += res.edges_created
        report.nodes_deleted += res.nodes_deleted
        report.edges_deleted += res.edges_deleted
        for f in items:
            status = res.statuses.get(f.article.id, "unchanged")
            setattr(report, status, getattr(report, status) + 1)
            if on_item:
                on_item(status, f.article.path or f.article.doc)


def _unavailable(e: BaseException) -> bool:
    from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

    return isinstance(e, (ServiceUnavailable, SessionExpired, AuthError))
