"""`relgraph import --bulk` against the real local server: the graph it leaves equals the graph
`relgraph load` leaves for the same articles; a database holding data is refused without --overwrite."""

from __future__ import annotations

import pytest

from relgraph.api import load
from relgraph.graph import schema
from tests.conftest import DATA, SHARED, backend, run_cli
from tests.integration.test_load import graph_dump

CORPUS = SHARED / "corpus" / "articles"

pytestmark = pytest.mark.skipif(
    backend() != "local", reason="neo4j-admin import runs beside the local server's store (the default backend)"
)


def _articles() -> list[str]:
    return [str(p) for p in sorted(CORPUS.glob("*.txt"))] + [str(p) for p in sorted(DATA.glob("*.txt"))]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> str:
    """`relgraph extract --format jsonl` of the dev corpus and the test articles."""
    out = tmp_path_factory.mktemp("bulk") / "extracted.jsonl"
    res = run_cli("extract", *_articles(), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    out.write_text(res.stdout, encoding="utf-8")
    return str(out)


def _diff(got: list, want: list) -> tuple[list, list]:
    """What only the import has, what only the load has (short, for a readable failure)."""
    from collections import Counter

    g, w = Counter(got), Counter(want)
    return sorted((g - w).elements())[:5], sorted((w - g).elements())[:5]


def _forget_bookmarks(driver) -> None:
    """The import replaced the database: its transaction ids start again, and a driver that waits
    for a bookmark of the old store would time out (a user reopens drivers after an import)."""
    with driver.session() as s:  # a session of its own starts from no bookmark
        s.execute_read(lambda tx: tx.run("RETURN 1").consume())  # retried past pooled connections the restart broke
        fresh = s.last_bookmarks().raw_values
    mgr = driver.execute_query_bookmark_manager
    mgr.update_bookmarks(mgr.get_bookmarks(), fresh)


def test_bulk_import_gives_the_graph_load_gives(driver, cli_env, extracted, tmp_path):
    assert len(open(extracted, encoding="utf-8").readlines()) == len(_articles())
    report = load(driver, _articles())
    assert report.failed == 0 and report.loaded == len(_articles())
    loaded = graph_dump(driver)
    assert len(loaded[0]) > 100 and len(loaded[1]) > 500
    constraints, indexes = schema.constraint_names(driver), schema.index_names(driver)

    # a line that is no extraction is reported (file and line) and the rest is imported
    mixed = tmp_path / "mixed.jsonl"
    lines = open(extracted, encoding="utf-8").read().splitlines()
    mixed.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    res = run_cli("import", str(mixed), "--bulk", "--overwrite", env=cli_env)
    _forget_bookmarks(driver)
    assert res.returncode == 1, res.stderr
    assert f"{mixed}:2: not JSON" in res.stderr and "Traceback" not in res.stderr
    assert f"imported {len(_articles())} articles" in res.stdout and "1 failed" in res.stdout
    imported = graph_dump(driver)
    assert _diff(imported[0], loaded[0]) == ([], [])  # nodes: labels and every property
    assert _diff(imported[1], loaded[1]) == ([], [])  # edges: type, every property, both ends
    # the schema is in place again (natural keys are unique, questions use their indexes)
    assert constraints and schema.constraint_names(driver) == constraints
    assert schema.index_names(driver) == indexes
    states = driver.execute_query("SHOW INDEXES YIELD state RETURN collect(DISTINCT state) AS s").records[0]["s"]
    assert states == ["ONLINE"]  # the import waited for them: the graph is ready for questions


def test_await_indexes_returns_once_a_new_index_over_existing_nodes_is_online(driver):
    # a new index over nodes already there is populated in the background: SHOW INDEXES says
    # POPULATING until it is done, and questions planned meanwhile scan the label
    driver.execute_query("UNWIND range(1, 200000) AS i CREATE (:RelgraphMeta {key: 'probe' + i})")
    name = "await_probe"
    try:
        driver.execute_query(f"CREATE INDEX {name} FOR (n:RelgraphMeta) ON (n.key, n.version)")
        lines: list[str] = []
        schema.await_indexes(driver, echo=lines.append, poll_s=0.01)
        rec = driver.execute_query("SHOW INDEXES YIELD name, state WHERE name = $n RETURN state", n=name).records
        assert [r["state"] for r in rec] == ["ONLINE"]
        assert all(line.startswith("indexes online: ") for line in lines)
    finally:
        driver.execute_query(f"DROP INDEX {name} IF EXISTS")


def test_bulk_import_refuses_a_database_with_data(driver, cli_env, extracted):
    load(driver, [str(DATA / "fr_summit.txt")])
    before = graph_dump(driver)
    res = run_cli("import", extracted, "--bulk", env=cli_env)
    assert res.returncode != 0
    assert "--overwrite" in res.stderr and "Traceback" not in res.stderr
    assert graph_dump(driver) == before
