"""Bulk import: resolved articles (``ResolvedArticle``, what the writer takes) turned into
``neo4j-admin database import full`` input.

The rows come from ``graph.write.rows`` (the very function the transactional writer UNWINDs), and
the kinds are replayed in the writer's order, a batch of articles at a time, so that what the
writer's ``MERGE ... ON CREATE SET`` / ``MATCH`` would leave (first values win, an edge only to a
node that exists) is what the files hold. ``tests/integration/test_bulk.py`` compares the whole
graph after an import with the graph after ``relgraph load`` of the same articles.

Files: one CSV per (label, set of properties) and per (type, start label, end label, set of
properties), header on the first line, so that a property missing from a node is absent (as a
Cypher null is), never an empty string. Ids are the natural keys, one id space per label.
"""

from __future__ import annotations

import csv
import gzip
import pickle
import re
import shlex
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.errors import RelgraphError
from relgraph.graph import events, write

# The natural key of each label: the same properties the writer MERGEs on.
KEYS = {
    "Article": "id",
    "State": "iso3",
    "Leader": "id",
    "Facility": "id",
    "Sector": "id",
    "Source": "name",
    "Meeting": "id",
    "Visit": "id",
    "Call": "id",
    "Project": "id",
}
# Kinds of rows, in the order the writer runs their queries; a kind the writer gains must get
# a method here (tests/unit/test_bulk.py checks the two lists against each other).
KINDS = ("articles", *write.ROW_KINDS)
ARRAY_DELIMITER = "\x1f"  # the ASCII unit separator: no name or quote holds it
ARRAY_DELIMITER_OPTION = "U+001F"


class BulkError(RelgraphError):
    """Extraction output that cannot be imported, or an import that failed."""


def _csv_type(v) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, (list, tuple)):
        inner = {_csv_type(x) for x in v} or {"string"}
        if len(inner) != 1 or "[]" in next(iter(inner)):
            raise BulkError(f"a list property of mixed or nested types cannot be imported: {v!r}")
        return next(iter(inner)) + "[]"
    return "string"


def _cell(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        parts = [_cell(x) for x in v]
        if any(ARRAY_DELIMITER in str(p) for p in parts):
            raise BulkError("a list value holds the array delimiter U+001F")
        return ARRAY_DELIMITER.join(str(p) for p in parts)
    return v


def _clean(props: dict) -> dict:
    """Cypher stores no null property; neither do the files."""
    return {k: v for k, v in props.items() if v is not None}


EMPTY = "_relgraph_empty_"  # marks a property that is an empty list (restored after the import)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _mark_empty(props: dict, found: set, what: tuple[str, str]) -> dict:
    """neo4j-admin reads an empty array field as no value, while Cypher stores ``[]``: such a
    property travels as a boolean marker that ``finish_statements`` turns back into ``[]``."""
    out = {}
    for k, v in props.items():
        if isinstance(v, (list, tuple)) and not v:
            if not _NAME.match(k):
                raise BulkError(f"property name {k!r} cannot be imported")
            out[EMPTY + k] = True
            found.add((*what, k))
        else:
            out[k] = v
    return out


class _Files:
    """CSV writers opened on demand, one per header."""

    def __init__(self, folder: Path, compress: bool = False):
        self.folder = folder
        self.compress = compress  # gzipped files (neo4j-admin reads them as they are)
        self.open: dict[tuple, tuple] = {}  # key -> (file, writer, path)
        self.counts: dict[str, int] = {}
        self.longest = 0  # characters of the longest string field (``ImportFiles.read_buffer``)

    def write(self, kind: str, name: str, header_key: tuple, header: list[str], values: list) -> None:
        key = (kind, name, header_key)
        if key not in self.open:
            n = sum(1 for k in self.open if k[0] == kind and k[1] == name)
            path = self.folder / kind / f"{name}-{n}.csv{'.gz' if self.compress else ''}"
            path.parent.mkdir(parents=True, exist_ok=True)
            if self.compress:  # level 1: most of the saving for a fraction of the time
                f = gzip.open(path, "wt", compresslevel=1, newline="", encoding="utf-8")
            else:
                f = open(path, "w", newline="", encoding="utf-8")
            w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
            w.writerow(header)
            self.open[key] = (f, w, path)
        for v in values:
            if isinstance(v, str) and len(v) > self.longest:
                self.longest = len(v)
        self.open[key][1].writerow(values)
        self.counts[name] = self.counts.get(name, 0) + 1

    def close(self) -> list[tuple[str, str, str]]:
        """(nodes|relationships, label or type, path) of every file written."""
        out = []
        for (kind, name, _), (f, _, path) in self.open.items():
            f.close()
            out.append((kind, name.split("-")[0] if kind == "relationships" else name, str(path)))
        return out


def _codes(row: dict) -> dict:
    """The PLOVER event and mode and the CAMEO code the writer puts on an event edge."""
    return {k: row.get(k) for k in ("plover_event", "plover_mode", "cameo")}


@dataclass
class ImportFiles:
    folder: Path
    files: list[tuple[str, str, str]]  # (nodes|relationships, label or type, path)
    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    empty: list[tuple[str, str, str]] = field(default_factory=list)  # see _mark_empty
    longest: int = 0  # characters of the longest string field written

    def read_buffer(self) -> int:
        """neo4j-admin's ``--read-buffer-size``: it must hold the largest single field (4 MiB by
        default). A Meeting or Visit node carries every report of it (``reports``), so an event
        reported by thousands of articles makes a field of megabytes, which failed the import
        ("Error in input data", exit code 70). A field is at most 4 bytes a character, doubled
        quotes included twice that: room for the worst case."""
        return max(4 * 2**20, 8 * self.longest + 2**20)

    def finish_statements(self) -> list[str]:
        """Cypher to run once after the import (also written to finish.cypher): the empty lists,
        and the graph's schema version (what `relgraph load` records in a new graph)."""
        from relgraph.graph.models import META_LABEL
        from relgraph.graph.schema import MEETING_DATES_STEP, SCHEMA_VERSION

        from relgraph.graph.write import RECOUNT

        out = [f"MERGE (m:{META_LABEL} {{key: 'schema'}}) SET m.version = {SCHEMA_VERSION}"]
        for kind, name, prop in self.empty:
            marker = EMPTY + prop
            pattern = f"MATCH (x:{name})" if kind == "nodes" else f"MATCH ()-[x:{name}]->()"
            out.append(
                f"{pattern} WHERE x.{marker} IS NOT NULL "
                f"CALL (x) {{ SET x.{prop} = [] REMOVE x.{marker} }} IN TRANSACTIONS OF 10000 ROWS"
            )
        # the counts the writer keeps article by article (partners_of, leaders_of), summed once,
        # after the empty lists are lists again (an article's meeting spans are counted)
        out.extend(q.strip() for q in RECOUNT)
        # each ATTENDED edge's leader and meeting's date (meetings_of's index), as the writer sets them
        out.append(MEETING_DATES_STEP.replace("$batch", "10000"))
        return out

    def arguments(self, relative: bool = False) -> list[str]:
        """The ``neo4j-admin database import full DATABASE`` options (after the database name: an
        option taking several files would swallow a name that follows it)."""

        def p(path: str) -> str:
            return str(Path(path).relative_to(self.folder)) if relative else path

        args = [
            "--overwrite-destination=true",
            "--multiline-fields=true",
            f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
            "--bad-tolerance=0",
            f"--read-buffer-size={self.read_buffer()}",
            "--skip-bad-relationships=false",
        ]
        args += [f"--nodes={label}={p(path)}" for kind, label, path in self.files if kind == "nodes"]
        args += [f"--relationships={t}={p(path)}" for kind, t, path in self.files if kind == "relationships"]
        return args

    def command(self, database: str = "neo4j") -> str:
        """What to run on the server's machine, from the folder the files are copied to."""
        return " ".join(
            [
                "neo4j-admin",
                "database",
                "import",
                "full",
                shlex.quote(database),
                *[shlex.quote(a) for a in self.arguments(relative=True)],
            ]
        )


_EVENT_KINDS = ("Meeting", "Visit", "Project")  # resolved from reports, in this order


class _Reports:
    """The meeting, visit and proposal reports of an import, spilled to an SQLite file as they come
    (a million articles' reports do not fit in memory), each under the parts it is resolved in
    (``events.partitions``; a proposal's part is its group, ``events.project_group``).
    ``partition=False``: one part of each kind (every report resolved at once, the reference)."""

    def __init__(self, path: Path, partition: bool = True):
        self.path, self.partition = path, partition
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", "cache_size=-131072"):
            self.db.execute("PRAGMA " + pragma)
        self.db.execute("CREATE TABLE reports (kind INTEGER, part TEXT, own INTEGER, key TEXT, row BLOB)")
        self.db.execute("CREATE TABLE members (kind INTEGER, id TEXT, key TEXT, row BLOB)")
        self.buffer: list[tuple] = []
        self.count = 0

    def add(self, kind: int, row: dict) -> None:
        blob = pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)
        if not self.partition:
            parts = [("", True)]
        elif _EVENT_KINDS[kind] == "Project":
            parts = [(events.project_group(row), True)]
        else:
            parts = events.partitions(row)
        self.buffer += [(kind, part, own, row["key"], blob) for part, own in parts]
        self.count += 1
        if len(self.buffer) >= 20_000:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT INTO reports VALUES (?, ?, ?, ?, ?)", self.buffer)
        self.db.commit()
        self.buffer = []

    def take(self, other: Path) -> None:
        """Every report of another (a shard's) file, which is then deleted."""
        self.flush()
        self.db.execute("ATTACH DATABASE ? AS shard", (str(other),))
        self.db.execute("INSERT INTO reports SELECT * FROM shard.reports")
        self.db.commit()
        self.db.execute("DETACH DATABASE shard")
        other.unlink()

    def parts(self):
        """(kind, [(own, row)]) of each part in turn: one part in memory at a time."""
        self.flush()
        kind = part = None
        rows: list[tuple[bool, dict]] = []
        for k, p, own, blob in self.db.execute("SELECT kind, part, own, row FROM reports ORDER BY kind, part"):
            if (k, p) != (kind, part):
                if rows:
                    yield kind, rows
                kind, part, rows = k, p, []
            rows.append((bool(own), pickle.loads(blob)))
        if rows:
            yield kind, rows

    def add_members(self, kind: int, ids: dict[str, str], rows: list[dict]) -> None:
        self.db.executemany(
            "INSERT INTO members VALUES (?, ?, ?, ?)",
            [(kind, ids[r["key"]], r["key"], pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for r in rows],
        )

    def events(self):
        """(kind, event id, its reports by key) of each resolved event, in the order of kind and id."""
        self.db.commit()
        kind = eid = None
        rows: list[dict] = []
        for k, i, blob in self.db.execute("SELECT kind, id, row FROM members ORDER BY kind, id, key"):
            if (k, i) != (kind, eid):
                if rows:
                    yield kind, eid, rows
                kind, eid, rows = k, i, []
            rows.append(pickle.loads(blob))
        if rows:
            yield kind, eid, rows

    def rows(self) -> int:
        self.flush()
        return self.db.execute("SELECT count(*) FROM reports").fetchone()[0]

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)


class BulkBuilder:
    """Feed batches of extraction objects; ``finish`` writes the node files and returns all files.

    Article nodes and every edge are streamed to disk; the other nodes (states, leaders, places,
    sectors, sources, meetings, projects: far fewer than articles) are kept until the end, because
    a later article may update a meeting (announced, then held).
    """

    def __init__(
        self,
        folder: str | Path,
        shard: int | None = None,
        compress: bool = False,
        partition: bool = True,
        echo: Callable[[str], None] | None = None,
    ):
        self.echo = echo  # progress of the resolution at the end
        self.shard = shard  # in a shard of ``merge``: the edges to nodes it has not made wait (``_edge_if``)
        self.pending: list[tuple] = []  # (nodes it needs, type, start, end, properties)
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = _Files(self.folder, compress)
        self.nodes: dict[str, dict[str, dict]] = {label: {} for label in KEYS if label != "Article"}
        self.articles: set[str] = set()
        self.edge_counts: dict[str, int] = {}
        self.empty: set[tuple[str, str, str]] = set()  # (nodes|relationships, label or type, property)
        # meeting, visit and proposal reports (on disk), resolved into Meeting, Visit and Project
        # nodes at the end; those nodes are written as they are resolved, never all held
        self.reports = _Reports(self.folder / "reports.sqlite", partition)
        self.made: dict[str, int] = {}
        self.longest = 0  # the shards' longest field (``merge``)

    # -- primitives: what MERGE, MATCH and CREATE do ------------------------------------------
    def _exists(self, label: str, key) -> bool:
        if key is None:
            return False
        return key in self.articles if label == "Article" else key in self.nodes[label]

    def _merge(self, label: str, key, on_create: dict | None = None) -> dict:
        node = self.nodes[label].get(key)
        if node is None:
            node = self.nodes[label][key] = _clean(on_create or {})
        return node

    def _edge(self, rel: str, start: tuple[str, str], end: tuple[str, str], props: dict) -> None:
        props = _mark_empty(_clean(props), self.empty, ("relationships", rel))
        names = sorted(props)
        types = [_csv_type(props[k]) for k in names]
        header = [f":START_ID({start[0]})", f":END_ID({end[0]})", *[f"{k}:{t}" for k, t in zip(names, types)]]
        self.files.write(
            "relationships",
            f"{rel}-{start[0]}-{end[0]}",
            tuple(header),
            header,
            [start[1], end[1], *[_cell(props[k]) for k in names]],
        )
        self.edge_counts[rel] = self.edge_counts.get(rel, 0) + 1

    def _edge_if(self, needs: list[tuple[str, str]], rel: str, start: tuple, end: tuple, props: dict) -> None:
        """An edge only between nodes that exist now (the writer MATCHes them). In a shard, a node
        the shard has not made may come from an earlier shard: the edge waits for ``merge``."""
        unsure = []
        for label, key in needs:
            if key is None:
                return
            if self._exists(label, key):
                continue
            # every row names its own article (write.rows), which the batch's articles made
            if self.shard is None or label == "Article":
                return
            unsure.append((label, key))
        if unsure:
            self.pending.append((tuple(unsure), rel, start, end, props))
        else:
            self._edge(rel, start, end, props)

    def _node_row(self, label: str, key, props: dict) -> None:
        props = _mark_empty({k: v for k, v in _clean(props).items() if k != KEYS[label]}, self.empty, ("nodes", label))
        names = sorted(props)
        types = [_csv_type(props[k]) for k in names]
        header = [f"{KEYS[label]}:ID({label})", *[f"{k}:{t}" for k, t in zip(names, types)]]
        self.files.write("nodes", label, tuple(header), header, [key, *[_cell(props[k]) for k in names]])

    @staticmethod
    def _fact(row: dict, **extra) -> dict:
        return {"article": row["article"], **extra, "quote": row["quote"], "start": row["start"], "end": row["end"]}

    # -- one batch, kind by kind in the writer's order ---------------------------------------
    def add_batch(self, docs: list) -> None:
        """``docs``: ``ResolvedArticle`` records (relgraph/records.py), what ``write.rows`` takes."""
        batch: dict[str, list[dict]] = {k: [] for k in KINDS}
        for d in docs:
            for k, v in write.rows(d).items():
                batch[k].extend(v)
        for kind in KINDS:
            for row in batch[kind]:
                getattr(self, "_" + kind)(row)

    def _articles(self, row: dict) -> None:
        art = row["article"]
        if art in self.articles:
            raise BulkError(f"article {art} is given twice")
        self.articles.add(art)
        props = {k: v for k, v in row.items() if k != "article"}
        self._node_row("Article", art, props)

    def _states(self, row: dict) -> None:
        self._merge("State", row["iso3"], {"name": row["name"], "wikidata": row["wikidata"]})
        self._edge("MENTIONS", ("Article", row["article"]), ("State", row["iso3"]), self._fact(row, role=row["role"]))

    def _state_of(self, row: dict) -> None:
        self._merge("State", row["state"], {"name": row["state_name"], "wikidata": row["state_wikidata"]})

    def _leaders(self, row: dict) -> None:
        self._merge("Leader", row["id"], {"name": row["name"], "role": row["role"], "state": row["state"]})
        self._edge("MENTIONS", ("Article", row["article"]), ("Leader", row["id"]), self._fact(row, role=row["role"]))
        if row["state"] is not None:
            self._state_of(row)
            self._edge("LEADS", ("Leader", row["id"]), ("State", row["state"]), self._fact(row, role=row["role"]))

    def _facilities(self, row: dict) -> None:
        self._merge("Facility", row["id"], {"name": row["name"], "kind": row["kind"], "state": row["state"]})
        self._edge("MENTIONS", ("Article", row["article"]), ("Facility", row["id"]), self._fact(row, role=row["kind"]))
        if row["state"] is not None:
            self._state_of(row)
            self._edge("LOCATED_IN", ("Facility", row["id"]), ("State", row["state"]), self._fact(row))

    def _sectors(self, row: dict) -> None:
        self._merge("Sector", row["id"], {"cameo": row["cameo"], "plover": row["plover"]})
        self._edge(
            "MENTIONS",
            ("Article", row["article"]),
            ("Sector", row["id"]),
            self._fact(row, role="sector", pair=row["pair"]),
        )

    def _sources(self, row: dict) -> None:
        self._merge("Source", row["name"], {"kind": row["type"]})
        self._edge(
            "REPORTED_BY",
            ("Article", row["article"]),
            ("Source", row["name"]),
            self._fact(row, kind=row["kind"], pair=row["pair"]),
        )

    def _meetings(self, row: dict) -> None:
        # the MET_AT edges now; the Meeting nodes once every report is in (``_resolve``)
        self.reports.add(0, row)
        for p in row["participants"]:
            self._edge_if(
                [("Facility", row["place_id"]), ("Leader", p["id"])],
                "MET_AT",
                ("Leader", p["id"]),
                ("Facility", row["place_id"]),
                self._fact(row, **{"with": p["with"], "date": row["date"], "status": row["status"]}, **_codes(p)),
            )

    def _resolve(self) -> None:
        """Every meeting, visit and proposal report resolved (graph/events.py), as the writer's
        incremental resolution leaves them: one Meeting, Visit or Project node per resolved event,
        each report's edges to it. One part of the reports at a time (``_Reports``): each part's
        own reports get the node resolving them all at once gives; then the nodes and edges are
        written event by event, in the order of their ids."""
        say = self.echo or (lambda m: None)
        total = self.reports.rows()
        step, done, shown = max(1, total // 10), 0, 0
        say(f"  resolving {total} meeting, visit and proposal report rows (with context copies), part by part ...")
        for kind, rows in self.reports.parts():
            done += len(rows)
            if done - shown >= step:
                shown = done
                say(f"  {done}/{total} report rows resolved")
            reports = [r for _, r in rows]
            if _EVENT_KINDS[kind] == "Project":
                ids = events.resolve_projects(reports)
            else:
                by_block: dict[str, list[dict]] = {}
                for r in reports:
                    by_block.setdefault(r["block"], []).append(r)
                ids = {}
                for rs in by_block.values():
                    ids.update(events.resolve(rs))
            self.reports.add_members(kind, ids, [r for own, r in rows if own])
        say("  writing the resolved events ...")
        for kind, eid, ms in self.reports.events():
            label = _EVENT_KINDS[kind]
            props = (events.node_props, events.visit_props, events.project_props)[kind](ms)
            self._node_row(label, eid, props)
            self.made[label] = self.made.get(label, 0) + 1
            add_edges = (self._meeting_edges, self._visit_edges, self._project_edges)[kind]
            for row in ms:
                add_edges(eid, row)
        self.reports.close()

    def _meeting_edges(self, mid: str, row: dict) -> None:
        for p in row["participants"]:
            if self._exists("Leader", p["id"]):
                self._edge("ATTENDED", ("Leader", p["id"]), ("Meeting", mid), self._fact(row, **_codes(p)))
        for iso3 in row["states"]:
            if self._exists("State", iso3):
                self._edge("INVOLVES", ("Meeting", mid), ("State", iso3), self._fact(row))
        for sid in row["sectors"]:
            self._merge("Sector", sid)
            self._edge("DISCUSSED", ("Meeting", mid), ("Sector", sid), self._fact(row))
        if self._exists("Facility", row["place_id"]):
            self._edge("HELD_AT", ("Meeting", mid), ("Facility", row["place_id"]), self._fact(row))

    def _calls(self, row: dict) -> None:
        cid = row["id"]
        c = self.nodes["Call"].get(cid)
        if c is None:
            self._merge("Call", cid, {"date": row["date"], "status": row["status"], "precision": row["precision"]})
        else:
            _call_update(c, row)
        for p in row["participants"]:
            self._edge_if(
                [("Leader", p["id"])], "ON_CALL", ("Leader", p["id"]), ("Call", cid), self._fact(row, **_codes(row))
            )
        for iso3 in row["states"]:
            self._edge_if([("State", iso3)], "INVOLVES", ("Call", cid), ("State", iso3), self._fact(row))

    def _visits(self, row: dict) -> None:
        # the VISITS edge now; the Visit nodes once every report is in (``_resolve``)
        self.reports.add(1, row)
        props = self._fact(row, date=row["date"], status=row["status"], host_state=row["host_state"], **_codes(row))
        visitor = ("Leader", row["visitor_id"])
        if row["place_id"] is not None:
            place = ("Facility", row["place_id"])
            self._edge_if([visitor, place], "VISITS", visitor, place, props)
        elif row["host_state"] is not None:
            host = ("State", row["host_state"])
            self._edge_if([visitor, host], "VISITS", visitor, host, props)

    def _visit_edges(self, vid: str, row: dict) -> None:
        if self._exists("Leader", row["visitor_id"]):
            props = self._fact(row, date=row["date"], status=row["status"], **_codes(row))
            self._edge("ON_VISIT", ("Leader", row["visitor_id"]), ("Visit", vid), props)
        if row["place_id"] is not None:
            if self._exists("Facility", row["place_id"]):
                self._edge("TO", ("Visit", vid), ("Facility", row["place_id"]), self._fact(row))
        elif row["host_state"] is not None and self._exists("State", row["host_state"]):
            self._edge("TO", ("Visit", vid), ("State", row["host_state"]), self._fact(row))

    def _proposals(self, row: dict) -> None:
        # the Project nodes and their edges once every report is in (``_resolve``)
        self.reports.add(2, row)

    def _project_edges(self, pid: str, row: dict) -> None:
        if row["sector"] is not None:
            self._merge("Sector", row["sector"])
            self._edge("IN_SECTOR", ("Project", pid), ("Sector", row["sector"]), self._fact(row))
        by = (
            "Leader"
            if self._exists("Leader", row["by_id"])
            else "State"
            if self._exists("State", row["by_id"])
            else None
        )
        if by:
            self._edge(
                "PROPOSES",
                (by, row["by_id"]),
                ("Project", pid),
                self._fact(row, what=row["what"], **_codes(row)),
            )

    def _statements(self, row: dict) -> None:
        speaker, art = ("Leader", row["speaker_id"]), ("Article", row["article"])
        self._edge_if([speaker, art], "STATED", speaker, art, self._fact(row, via=row["via"]))

    # -- the end -------------------------------------------------------------------------------
    def shard_result(self) -> Shard:
        """What a shard hands to ``merge``: its files (article nodes, edges) and everything else."""
        self.reports.flush()
        self.reports.db.close()
        return Shard(
            self.files.close(),
            len(self.articles),
            self.nodes,
            self.edge_counts,
            self.empty,
            str(self.reports.path),
            self.pending,
            self.files.longest,
        )

    def finish(self, shard_files: list | None = None, articles: int | None = None) -> ImportFiles:
        """The node files and ``finish.cypher``; ``shard_files`` and ``articles``: the shards' (``merge``)."""
        self._resolve()
        for label, nodes in self.nodes.items():
            for key, props in nodes.items():
                self._node_row(label, key, props)
        articles = len(self.articles) if articles is None else articles
        counts = {label: len(n) for label, n in self.nodes.items()}
        counts.update(self.made)
        counts["Article"] = articles
        files = ImportFiles(
            self.folder,
            [*(shard_files or []), *self.files.close()],
            counts,
            dict(self.edge_counts),
            articles,
            sorted(self.empty),
            max(self.longest, self.files.longest),
        )
        (self.folder / "finish.cypher").write_text(
            "".join(q + ";\n" for q in files.finish_statements()), encoding="utf-8"
        )
        return files


def _call_update(c: dict, row: dict) -> None:
    """A call reported again, as the writer: held once any article says so, else the least value
    given; the least precision. (Both are a least value, so shards may be merged in any grouping.)"""
    if "held" in (c.get("status"), row.get("status")):
        c["status"] = "held"
    elif row.get("status") is not None and (c.get("status") is None or row["status"] < c["status"]):
        c["status"] = row["status"]
    if row.get("precision") is not None and (c.get("precision") is None or row["precision"] < c["precision"]):
        c["precision"] = row["precision"]


@dataclass
class Shard:
    """One shard's part of an import (``BulkBuilder(folder, shard=k)``, ``shard_result``)."""

    files: list[tuple[str, str, str]]
    articles: int
    nodes: dict[str, dict[str, dict]]
    edge_counts: dict[str, int]
    empty: set
    reports: str  # the SQLite file of its meeting, visit and proposal reports (``_Reports``)
    pending: list[tuple]
    longest: int = 0  # see ``ImportFiles.longest``


def merge(
    folder: str | Path,
    shards: Iterable[Shard],
    compress: bool = False,
    partition: bool = True,
    echo: Callable[[str], None] | None = None,
) -> ImportFiles:
    """The import files of consecutive shards (each a run of whole batches, in input order): the
    graph ``build`` gives for all their articles at once.

    A node is made by the first shard that made it, with that shard's values (first values win);
    a call's status and precision are least values, combined. An edge that waited in shard k for
    a node is written if an earlier shard made that node (had shard k made it before the edge, the
    edge would not have waited; made after it, the writer would not have found it either). The
    meeting, visit and proposal reports are resolved here, once, as ``build`` does (a part of
    them at a time, see ``_Reports``; ``partition=False``: all at once)."""
    b = BulkBuilder(folder, compress=compress, partition=partition, echo=echo)
    origin: dict[str, dict] = {label: {} for label in b.nodes}
    files: list = []
    articles = 0
    pending: list[tuple] = []
    for k, r in enumerate(shards):
        for label, nodes in r.nodes.items():
            have, where = b.nodes[label], origin[label]
            for key, props in nodes.items():
                node = have.get(key)
                if node is None:
                    have[key] = props
                    where[key] = k
                elif label == "Call":
                    _call_update(node, props)
        files += r.files
        articles += r.articles
        for rel, n in r.edge_counts.items():
            b.edge_counts[rel] = b.edge_counts.get(rel, 0) + n
        b.empty |= r.empty
        b.reports.take(Path(r.reports))
        b.longest = max(b.longest, r.longest)
        pending += [(k, *p) for p in r.pending]
    for k, needs, rel, start, end, props in pending:
        if all(origin[label].get(key, k) < k for label, key in needs):
            b._edge(rel, start, end, props)
    return b.finish(files, articles)


def select(docs: Iterable[tuple[str, str]]) -> set[int]:
    """Which positions to import, given (text id, document) in input order: as the writer does,
    the last version of a document wins, and of several documents with one text the first."""
    last: dict[str, int] = {}
    ids: list[str] = []
    for i, (art, doc) in enumerate(docs):
        last[doc] = i
        ids.append(art)
    keep, seen = set(), set()
    for i in sorted(last.values()):
        if ids[i] not in seen:
            seen.add(ids[i])
            keep.add(i)
    return keep


def build(
    docs: Iterable,
    folder: str | Path,
    batch_size: int = 100,
    on_batch: Callable[[int], None] | None = None,
    compress: bool = False,
    partition: bool = True,
    echo: Callable[[str], None] | None = None,
) -> ImportFiles:
    """The import files of ``docs`` (``ResolvedArticle`` records, already selected by ``select``),
    a batch of articles at a time (``partition``: see ``_Reports``)."""
    b = BulkBuilder(folder, compress=compress, partition=partition, echo=echo)
    batch, done = [], 0
    for d in docs:
        batch.append(d)
        if len(batch) >= batch_size:
            b.add_batch(batch)
            done += len(batch)
            batch = []
            if on_batch:
                on_batch(done)
    if batch:
        b.add_batch(batch)
        done += len(batch)
        if on_batch:
            on_batch(done)
    return b.finish()


def node_count(driver, database: str = "neo4j") -> int:
    """How many nodes the database holds (an import replaces them all)."""
    return driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database).records[0]["n"]


def finish(driver, files: ImportFiles, database: str = "neo4j") -> None:
    """Run ``finish_statements`` (the schema version, the empty lists) on the imported database."""
    for q in files.finish_statements():
        with driver.session(database=database) as s:  # CALL ... IN TRANSACTIONS: an auto-commit query
            s.run(q).consume()
