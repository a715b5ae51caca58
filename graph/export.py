"""Export the graph (or one pair's part of it) for Gephi and NetworkX users: GraphML, JSON
(NetworkX node-link) or CSV (nodes.csv and edges.csv); and its events for event-data tools:
PLOVER JSON Lines (``plover``), one event per meeting, visit or proposal an article reports.

The subgraph of a pair is every fact edge asserted by an article whose main pair it is, with
the nodes those edges touch. Lists become JSON strings, since GraphML has no list type.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import neo4j

from relgraph.graph.models import META_LABEL, REL_TYPES

# Nodes are named by their natural key ("State:RUS", "Leader:Q7747"): stable across exports.
_KEY = "labels(n)[0] + ':' + coalesce(n.iso3, n.id, n.name)"
# the graph's own bookkeeping (its schema version) is no fact: it is not exported
_ALL = f"MATCH (n) WHERE NOT n:{META_LABEL} RETURN {_KEY} AS id, labels(n)[0] AS label, properties(n) AS props"
_EDGE = (
    "labels(a)[0] + ':' + coalesce(a.iso3, a.id, a.name) AS source, "
    "labels(b)[0] + ':' + coalesce(b.iso3, b.id, b.name) AS target, type(r) AS type, properties(r) AS props"
)
_ALL_EDGES = f"MATCH (a)-[r]->(b) RETURN {_EDGE}"
# one typed pattern per relationship type, so that each uses its `article` index
_PAIR_EDGES = "\nUNION ALL\n".join(
    f"MATCH (art:Article {{pair_key: $key}}) MATCH (a)-[r:{t} {{article: art.id}}]->(b) "
    f"RETURN {_EDGE}, elementId(a) AS ea, elementId(b) AS eb"
    for t in REL_TYPES
)
_NODES = f"UNWIND $ids AS i MATCH (n) WHERE elementId(n) = i RETURN {_KEY} AS id, labels(n)[0] AS label, properties(n) AS props"


def _flat(props: dict) -> dict:
    """Properties as scalars; ``id`` is dropped because the node's own id carries it."""
    return {
        k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
        for k, v in props.items()
        if v is not None and k != "id"
    }


def fetch(driver: neo4j.Driver, pair: tuple[str, str] | None = None, database: str = "neo4j"):
    """(nodes, edges) as plain dicts; with ``pair`` (ISO3 codes), only that pair's subgraph."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
        if pair:
            key = "-".join(sorted(pair))
            edges = [r.data() for r in s.run(_PAIR_EDGES, key=key)]
            ids = sorted({e.pop("ea") for e in edges} | {e.pop("eb") for e in edges})
            nodes = [r.data() for r in s.run(_NODES, ids=ids)]
        else:
            nodes = [r.data() for r in s.run(_ALL)]
            edges = [r.data() for r in s.run(_ALL_EDGES)]
    return nodes, edges


def to_networkx(nodes, edges):
    import networkx as nx

    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], label=n["label"], **_flat(n["props"]))
    for e in edges:
        g.add_edge(e["source"], e["target"], type=e["type"], **_flat(e["props"]))
    return g


def export(driver: neo4j.Driver, fmt: str, out: str | None, pair=None, database: str = "neo4j", warn=None) -> str:
    """Write the export; returns what was written (a path, or the text for stdout). ``warn`` is
    told (one line) about facts a format cannot hold, such as undated events in PLOVER."""
    import networkx as nx

    if fmt == "plover":
        from relgraph.graph.plover import events

        skipped: list[str] = []
        text = "\n".join(json.dumps(e, ensure_ascii=False) for e in events(driver, pair, database, skipped))
        if skipped and warn:
            warn(
                f"{len(skipped)} events left out (PLOVER needs a date and codes; `relgraph load --force` "
                f"adds the codes to articles loaded before them), e.g. {skipped[0]}"
            )
        if out:
            Path(out).write_text(text + ("\n" if text else ""), encoding="utf-8")
            return out
        return text
    nodes, edges = fetch(driver, pair, database)
    if fmt == "csv":
        folder = Path(out or "relgraph-export")
        folder.mkdir(parents=True, exist_ok=True)
        keys = sorted({k for n in nodes for k in n["props"]} - {"id"})
        with open(folder / "nodes.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "label", *keys])
            for n in nodes:
                p = _flat(n["props"])
                w.writerow([n["id"], n["label"], *[p.get(k, "") for k in keys]])
        ekeys = sorted({k for e in edges for k in e["props"]})
        with open(folder / "edges.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["source", "target", "type", *ekeys])
            for e in edges:
                p = _flat(e["props"])
                w.writerow([e["source"], e["target"], e["type"], *[p.get(k, "") for k in ekeys]])
        return str(folder)
    g = to_networkx(nodes, edges)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(g))
    else:
        text = json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        return out
    return text
