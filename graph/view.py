"""Subgraphs to look at: the fact edges around a pair of states, one state or one leader, each
edge with its quote, its article and a date, as plain dicts for the notebook view
(``relgraph.view``).

Nodes are named by their natural key ("State:RUS", "Leader:Q7747") as in ``graph.export``. By
default the provenance edges (``MENTIONS``, ``REPORTED_BY``) are left out: every fact edge
already names its article, and the article nodes would crowd the picture.
"""

from __future__ import annotations

import neo4j

from relgraph.graph.models import REL_TYPES

PROVENANCE = ("MENTIONS", "REPORTED_BY")
FACTS = tuple(t for t in REL_TYPES if t not in PROVENANCE)

_KEY = "labels({v})[0] + ':' + coalesce({v}.iso3, {v}.id, {v}.name)"
_NODE = "{{id: " + _KEY + ", label: labels({v})[0], props: properties({v})}}"
_RETURN = (
    f"RETURN {_NODE.format(v='x')} AS source, {_NODE.format(v='y')} AS target, type(r) AS type, "
    "properties(r) AS props, art.published AS published, art.title AS title, art.url AS url"
)
# one typed pattern per relationship type, so that each uses its `article` index
_BY_ARTICLES = "\nUNION ALL\n".join(
    f"UNWIND $ids AS id MATCH (x)-[r:{t} {{article: id}}]->(y) OPTIONAL MATCH (art:Article {{id: id}}) {_RETURN}"
    for t in REL_TYPES
)

_PAIR_ARTICLES = "MATCH (art:Article {pair_key: $key}) RETURN art.id AS id"
_STATE_ARTICLES = """
MATCH (art:Article) WHERE $state IN art.pair
RETURN art.id AS id ORDER BY art.published DESC LIMIT $limit
"""
# a leader's own edges, and those of the meetings it attended, the calls it took part in, the
# visits it made and the projects it proposed
_LEADER = f"""
MATCH (l:Leader {{id: $id}})
CALL (l) {{
  MATCH (l)-[r]-() RETURN r
  UNION
  MATCH (l)-[:ATTENDED]->(:Meeting)-[r]-() RETURN r
  UNION
  MATCH (l)-[:ON_CALL]->(:Call)-[r]-() RETURN r
  UNION
  MATCH (l)-[:ON_VISIT]->(:Visit)-[r]-() RETURN r
  UNION
  MATCH (l)-[:PROPOSES]->(:Project)-[r]-() RETURN r
}}
WITH r, startNode(r) AS x, endNode(r) AS y
WHERE type(r) IN $types
OPTIONAL MATCH (art:Article {{id: r.article}})
{_RETURN}
"""


def _session(driver, database):
    return driver.session(database=database, default_access_mode=neo4j.READ_ACCESS)


def _split(rows: list[dict], types) -> tuple[list[dict], list[dict]]:
    nodes: dict[str, dict] = {}
    edges = []
    for r in rows:
        if r["type"] not in types:
            continue
        for end in (r["source"], r["target"]):
            nodes.setdefault(end["id"], end)
        props = dict(r["props"])
        props.setdefault("published", r["published"])
        if r.get("title"):
            props["article_title"] = r["title"]
        if r.get("url"):
            props["url"] = r["url"]
        edges.append({"source": r["source"]["id"], "target": r["target"]["id"], "type": r["type"], "props": props})
    return list(nodes.values()), edges


def _types(provenance: bool):
    return REL_TYPES if provenance else FACTS


def of_articles(driver, ids: list[str], database: str = "neo4j", provenance: bool = False):
    """(nodes, edges) asserted by these articles."""
    with _session(driver, database) as s:
        rows = [r.data() for r in s.run(_BY_ARTICLES, ids=ids)]
    return _split(rows, _types(provenance))


def of_pair(driver, pair: tuple[str, str], database: str = "neo4j", provenance: bool = False):
    """(nodes, edges) of the articles whose main pair is these two states (ISO3)."""
    with _session(driver, database) as s:
        ids = [r["id"] for r in s.run(_PAIR_ARTICLES, key="-".join(sorted(pair)))]
    return of_articles(driver, ids, database, provenance)


def of_state(driver, iso3: str, database: str = "neo4j", provenance: bool = False, limit: int = 200):
    """(nodes, edges) of the latest ``limit`` articles whose main pair includes this state."""
    with _session(driver, database) as s:
        ids = [r["id"] for r in s.run(_STATE_ARTICLES, state=iso3, limit=limit)]
    return of_articles(driver, ids, database, provenance)


def of_leader(driver, leader_id: str, database: str = "neo4j", provenance: bool = False):
    """(nodes, edges) around one leader: its edges, its meetings' and its projects' edges."""
    with _session(driver, database) as s:
        rows = [r.data() for r in s.run(_LEADER, id=leader_id, types=list(_types(provenance)))]
    return _split(rows, _types(provenance))


def of_result(result) -> tuple[list[dict], list[dict]]:
    """(nodes, edges) of the nodes, relationships and paths in a query result (an ``EagerResult``,
    a list of records, or a ``neo4j.graph.Graph``), keyed like the other views."""
    from neo4j.graph import Graph, Node, Path, Relationship

    found_nodes: dict[str, Node] = {}
    found_rels: dict[str, Relationship] = {}

    def walk(v):
        if isinstance(v, Node):
            found_nodes[v.element_id] = v
        elif isinstance(v, Relationship):
            found_rels[v.element_id] = v
            walk(v.start_node)
            walk(v.end_node)
        elif isinstance(v, Path):
            for n in v.nodes:
                walk(n)
            for r in v.relationships:
                walk(r)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)

    if isinstance(result, Graph):
        walk(list(result.nodes))
        walk(list(result.relationships))
    else:
        records = getattr(result, "records", result)
        for rec in records:
            walk(list(rec.values()))

    def key(n: Node) -> str:
        label = sorted(n.labels)[0] if n.labels else "Node"
        return f"{label}:{n.get('iso3') or n.get('id') or n.get('name') or n.element_id}"

    nodes = [
        {"id": key(n), "label": sorted(n.labels)[0] if n.labels else "Node", "props": dict(n)}
        for n in found_nodes.values()
    ]
    edges = [
        {"source": key(r.start_node), "target": key(r.end_node), "type": r.type, "props": dict(r)}
        for r in found_rels.values()
        if r.start_node is not None and r.end_node is not None
    ]
    return nodes, edges
