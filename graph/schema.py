"""Installs the schema of ``graph.models``: uniqueness constraints on natural keys, indexes.

neomodel derives the constraints and indexes from the models and skips those that already
exist, so ``install`` is idempotent; it must run before the first write (MERGE on a key
without a constraint behind it scans the whole label).
"""
from __future__ import annotations

import io

import neo4j

from relgraph.graph import models
from relgraph.graph.connect import bind_neomodel


def install(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    """Create every constraint and index the models declare; returns the constraint names."""
    from neomodel import db

    bind_neomodel(driver, database)
    sink = io.StringIO()  # neomodel narrates each step; relgraph reports the result instead
    for model in models.NODE_MODELS:
        db.install_labels(model, quiet=True, stdout=sink)
    return constraint_names(driver, database)


def constraint_names(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name",
                                         database_=database)
    return [r["name"] for r in records]


def index_names(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name",
        database_=database)
    return [r["name"] for r in records]


def clear(driver: neo4j.Driver, database: str = "neo4j") -> int:
    """Delete every node and relationship (the schema stays); returns the nodes deleted."""
    # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not execute_query.
    # Relationships first, then nodes: a DETACH DELETE of a batch of hubs (a Sector node has an
    # edge per article) would hold every edge of the batch in one transaction's memory.
    with driver.session(database=database) as s:
        s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
        summary = s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
    return summary.counters.nodes_deleted
