"""Run a question's Cypher (a stored question of cypher/, or an analyst's file) read-only, with
parameters already checked and resolved, and return plain values (JSON-friendly)."""

from __future__ import annotations

from typing import Any

import neo4j


def run(
    driver: neo4j.Driver, text: str, params: dict[str, Any], name: str, database: str = "neo4j"
) -> tuple[list[str], list[list[Any]]]:
    """(columns, rows) of ``text`` run in a read transaction; ``name`` tags it in the server's query log."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
        result = s.run(neo4j.Query(text, metadata={"relgraph_query": name}), params)
        cols = list(result.keys())
        rows = [[plain(r[c]) for c in cols] for r in result]
    return cols, rows


def plain(v: Any) -> Any:
    """Neo4j values as JSON-friendly Python values (nodes and relationships as property dicts)."""
    if hasattr(v, "items") and hasattr(v, "element_id"):
        return dict(v.items())
    if isinstance(v, list):
        return [plain(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
