"""Bulk import files without a server: the writer's kinds, the files and the command for a remote
server, which versions are kept, empty lists. (tests/integration/test_bulk.py imports for real.)"""

from __future__ import annotations

import csv
import gzip
import json

from relgraph.graph import bulk, write
from dataclasses import replace

from relgraph import extracted
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_paths
from relgraph.bulk import write_files
from relgraph.settings import Settings
from tests.conftest import DATA, run_cli


def test_every_kind_the_writer_writes_is_replayed_in_its_order():
    # a kind added to graph/write.py must get a method in graph/bulk.py (and the same order)
    assert list(bulk.KINDS) == [k for k, _ in write._QUERIES]
    assert all(callable(getattr(bulk.BulkBuilder, "_" + k, None)) for k in bulk.KINDS)


def test_select_keeps_the_last_version_of_a_document_and_the_first_copy_of_a_text():
    docs = [("t1", "a"), ("t2", "b"), ("t3", "a"), ("t2", "c"), ("t4", "d")]
    assert bulk.select(docs) == {1, 2, 4}


def _facts():
    return list(extract_paths([str(DATA / "fr_summit.txt"), str(DATA / "en_visit.txt")]))


def _docs():
    return [f.to_json() for f in _facts()]


def test_extraction_objects_read_back_as_the_records_they_came_from():
    for f in _facts():
        back = extracted.facts(json.loads(json.dumps(f.to_json())))
        assert back.to_json() == f.to_json() and back.article.id == f.article.id


def test_files_hold_every_row_with_typed_headers(tmp_path):
    docs = _docs()
    files = bulk.build([resolve_article(f) for f in _facts()], tmp_path / "out")
    assert files.articles == 2 and files.nodes["Article"] == 2
    paths = {(k, n): p for k, n, p in files.files}
    with open(paths[("nodes", "Article")], encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[0] == "id:ID(Article)" and "published:string" in header
    rel = [p for k, n, p in files.files if n == "MENTIONS" and "Article-State" in p][0]
    with open(rel, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == [":START_ID(Article)", ":END_ID(State)"] and "start:long" in rows[0]
    assert len(rows) - 1 == sum(len(d["states"]) for d in docs)
    assert sum(files.edges.values()) > 50


def test_empty_lists_travel_as_markers_and_come_back_in_finish_cypher(tmp_path):
    f = replace(_facts()[0], proposals=())  # the article then has no project: Article.projects == []
    files = bulk.build([resolve_article(f)], tmp_path / "out")
    assert ("nodes", "Article", "projects") in files.empty
    finish = (tmp_path / "out" / "finish.cypher").read_text(encoding="utf-8")
    assert "SET x.projects = [] REMOVE x._relgraph_empty_projects" in finish


def test_remote_server_gets_the_files_and_the_command(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in _docs()), encoding="utf-8")
    from relgraph.bulk import bulk_import

    report = bulk_import(
        [str(src)], Settings(uri="bolt://db.example.org:7687", password="x"), out=str(tmp_path / "files")
    )
    assert not report.imported and report.articles == 2
    assert report.command.startswith("neo4j-admin database import full neo4j --overwrite-destination=true")
    assert "--nodes=Article=nodes/Article-0.csv" in report.command
    assert (tmp_path / "files" / "nodes" / "Article-0.csv").exists()


def test_cli_prints_the_command_and_names_bad_lines(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps(_docs()[0], ensure_ascii=False) + "\n[1]\n", encoding="utf-8")
    res = run_cli(
        "import",
        str(src),
        "--bulk",
        "--uri",
        "bolt://db.example.org:7687",
        "--password",
        "x",
        "--out",
        str(tmp_path / "files"),
    )
    assert res.returncode == 1 and f"{src}:2: not a JSON object" in res.stderr
    assert "neo4j-admin database import full neo4j" in res.stdout and "finish.cypher" in res.stdout
    no_bulk = run_cli("import", str(src))
    assert no_bulk.returncode == 2 and "--bulk" in no_bulk.stderr


def _content(files) -> tuple:
    """What an import holds, whatever the files' layout: its node rows and edge rows, as counts."""
    from collections import Counter

    nodes, edges = Counter(), Counter()
    csv.field_size_limit(2**31 - 1)
    for kind, name, path in files.files:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            header = next(rows)
            ends = 1 if kind == "nodes" else 2
            for row in rows:
                props = tuple(sorted(zip(header[ends:], row[ends:])))
                if kind == "nodes":
                    nodes[(header[0], row[0], props)] += 1
                else:
                    edges[(name, *header[:2], *row[:2], props)] += 1
    return nodes, edges, files.nodes, files.edges, files.empty


def test_several_processes_write_what_one_writes(tmp_path):
    # B repeats A's facts under another text but names no leader itself: its meeting, call and
    # statement edges reach A's leaders only if A came first (the writer MATCHes them). With one
    # article a batch and two processes, A and B fall in different shards: B's edges wait in
    # its shard and the merge decides them as one process would.
    a = _docs()[0]
    b = json.loads(json.dumps(a))
    b["article"].update(id="sha256:" + "b" * 64, doc="other://b", path=None)
    b["leaders"] = []
    got = {}
    for order in ("ab", "ba"):
        src = tmp_path / f"{order}.jsonl"
        docs = [a, b] if order == "ab" else [b, a]
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        for jobs in (1, 2):
            report, files = write_files([str(src)], tmp_path / f"{order}-{jobs}", batch_size=1, jobs=jobs)
            assert report.articles == 2
            got[order, jobs] = _content(files)
        assert got[order, 2] == got[order, 1]
    assert (tmp_path / "ab-2" / "part-1").is_dir()  # two shards were written
    assert sum(got["ab", 1][3].values()) > sum(got["ba", 1][3].values())  # the waiting edges mattered


def test_processes_show_how_far_they_are(tmp_path):
    src = tmp_path / "x.jsonl"
    docs = _docs()
    lines = []
    for i in range(6):
        d = json.loads(json.dumps(docs[i % 2]))
        d["article"].update(id=f"sha256:{i:064x}", doc=f"copy://{i}")
        lines.append(json.dumps(d, ensure_ascii=False) + "\n")
    src.write_text("".join(lines), encoding="utf-8")
    said: list[str] = []
    report, _ = write_files([str(src)], tmp_path / "out", batch_size=1, jobs=2, echo=said.append)
    assert report.articles == 6
    assert any("with 2 processes" in m for m in said)
    assert [m.strip() for m in said if "written to CSV" in m][-1] == "6/6 articles written to CSV"
    assert any("report rows resolved" in m for m in said) and any("resolved events" in m for m in said)


def test_gzipped_input_and_gzipped_files_hold_the_same(tmp_path):
    docs = _docs()
    plain, packed = tmp_path / "x.jsonl", tmp_path / "x.jsonl.gz"
    text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    plain.write_text(text, encoding="utf-8")
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write(text)
    _, want = write_files([str(plain)], tmp_path / "plain", jobs=1)
    _, got = write_files([str(packed)], tmp_path / "packed", jobs=2, batch_size=1, compress=True)
    assert all(path.endswith(".csv.gz") for _, _, path in got.files)
    assert "--nodes=Article=" in " ".join(got.arguments()) and ".csv.gz" in got.command()
    assert _content(got) == _content(want)


def test_resolution_part_by_part_gives_what_resolving_everything_at_once_gives(tmp_path):
    # Copies of two articles around the first day of a time bucket of the resolution (B): a
    # meeting and a visit dated on B and after it, undated held reports published on B + 1 (their
    # window starts before B) and an undated planned visit published ten days before B: they join
    # events whose day lies in the next part, so a part that did not see its neighbour would split them.
    import datetime as dt

    from relgraph.graph import events

    b_day = dt.date.fromordinal(dt.date(2023, 9, 1).toordinal() // events.PART_DAYS * events.PART_DAYS)
    day = lambda n: (b_day + dt.timedelta(days=n)).isoformat()  # noqa: E731
    docs, raw = [], []
    for i, (base, published, dated) in enumerate(
        [(0, 1, True), (0, 1, False), (0, -10, False), (0, 30, False), (1, 1, True), (1, 2, False), (1, -1, True)]
    ):
        d = json.loads(json.dumps(_docs()[base]))
        d["article"].update(id=f"sha256:{i:064x}", doc=f"copy://{i}", path=None, published=day(published))
        for m in d["meetings"]:
            m["date"] = day(published - 1) if dated else None
        for v in d.get("visits", []):
            v["date"], v["status"] = (day(published + 4), "held") if dated else (None, v["status"])
        raw.append(d)
        docs.append(resolve_article(extracted.facts(d)))
    whole = bulk.build(docs, tmp_path / "whole", batch_size=2, partition=False)
    parts = bulk.build(docs, tmp_path / "parts", batch_size=2)
    assert _content(parts) == _content(whole)
    assert not list((tmp_path / "parts").rglob("*.sqlite"))  # the spilled reports are gone
    # the check had something to find: some event's reports are own in different parts
    csv.field_size_limit(2**31 - 1)
    crossing = 0
    for kind, name, path in whole.files:
        if kind == "nodes" and name in ("Meeting", "Visit"):
            with open(path, encoding="utf-8", newline="") as f:
                rows = csv.reader(f)
                col = [h.split(":")[0] for h in next(rows)].index("reports")
                for row in rows:
                    reps = [json.loads(x) for x in row[col].split(bulk.ARRAY_DELIMITER)]
                    own = {p for r in reps for p, is_own in events.partitions(r) if is_own}
                    crossing += len(own) > 1
    assert crossing >= 2
    # and two processes (``merge``, part by part) give the same again
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in raw), encoding="utf-8")
    _, merged = write_files([str(src)], tmp_path / "two", batch_size=2, jobs=2)
    assert (tmp_path / "two" / "part-1").is_dir()
    assert not list((tmp_path / "two").rglob("*.sqlite"))
    assert _content(merged) == _content(whole)


def test_the_read_buffer_holds_the_longest_field(tmp_path):
    # a meeting reported by thousands of articles carries them all in one field: past neo4j-admin's
    # 4 MiB default read buffer the import failed with "Error in input data" (exit code 70)
    b = bulk.BulkBuilder(tmp_path / "f")
    b._node_row("State", "XXX", {"name": '"' * 3_000_000})
    files = b.finish()
    assert files.longest == 3_000_000
    size = int(next(a for a in files.arguments() if a.startswith("--read-buffer-size=")).split("=")[1])
    with open(next(p for k, n, p in files.files if n == "State"), "rb") as f:
        assert size > max(len(line) for line in f) > 4 * 2**20
    assert bulk.BulkBuilder(tmp_path / "g").finish().read_buffer() == 4 * 2**20


def test_index_progress_says_what_is_still_populating_and_stops_at_a_failed_index():
    import pytest

    from relgraph.errors import IndexFailed
    from relgraph.graph.schema import index_progress

    row = lambda name, state, pct: {"name": name, "state": state, "populationPercent": pct}  # noqa: E731
    done, line = index_progress([row("a", "ONLINE", 100.0), row("b", "POPULATING", 41.6), row("c", "ONLINE", 100.0)])
    assert not done and line == "indexes online: 2/3 (populating b 42 %)"
    many = [row(f"p{i}", "POPULATING", float(i)) for i in range(6)]
    assert index_progress(many)[1].endswith("p3 3 %, 2 more)")
    assert index_progress([row("a", "ONLINE", 100.0)]) == (True, "indexes online: 1/1")
    with pytest.raises(IndexFailed, match="the index b failed"):
        index_progress([row("a", "ONLINE", 100.0), row("b", "FAILED", 12.0)])
