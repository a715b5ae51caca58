"""The stages strung together: ``read → extract → write``, and ``load()`` that returns a report.

``extract_paths`` is pure (no database): what ``relgraph extract`` prints is exactly what
``load`` writes. Bad inputs are reported one line each and never stop the batch.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from relgraph.errors import BadArticle
from relgraph.loaders.extract import extract
from relgraph.loaders.lang import detect
from relgraph.loaders.read import read_paths
from relgraph.loaders.records import Article, ArticleFacts


def extract_article(article: Article) -> ArticleFacts:
    """Detect the language (unless given) and extract; raises ``BadArticle`` for an unreadable one."""
    if not article.lang:
        article = replace(article, lang=detect(article.text, article.path or article.doc))
    return extract(article)


def extract_paths(paths: Iterable[str]) -> Iterator[ArticleFacts | BadArticle]:
    for item in read_paths(paths):
        if isinstance(item, BadArticle):
            yield item
            continue
        try:
            yield extract_article(item)
        except BadArticle as e:
            yield e
        except Exception as e:  # a rule that breaks on one article must not stop the batch
            yield BadArticle(item.path or item.doc, f"extraction failed ({type(e).__name__}: {e}); "
                                                    "please report this article")


@dataclass
class LoadReport:
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    nodes_created: int = 0
    edges_created: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        return (f"{self.loaded} loaded, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.failed} failed; {self.nodes_created} nodes and {self.edges_created} edges created")


def load(driver, paths: Iterable[str], database: str = "neo4j",
         on_item: Callable[[str, str], None] | None = None) -> LoadReport:
    """Read, extract and write every article under ``paths``; one transaction per article."""
    from relgraph.graph import schema
    from relgraph.graph.write import write_article

    schema.install(driver, database)
    report = LoadReport()
    for item in extract_paths(paths):
        if isinstance(item, BadArticle):
            report.failed += 1
            report.errors.append(str(item))
            if on_item:
                on_item("failed", str(item))
            continue
        name = item.article.path or item.article.doc
        for w in item.warnings:
            report.warnings.append(f"{name}: {w}")
        res = write_article(driver, item.to_json(), database)
        setattr(report, res.status, getattr(report, res.status) + 1)
        report.nodes_created += res.nodes_created
        report.edges_created += res.edges_created
        if on_item:
            on_item(res.status, name)
    return report
