"""A load's extraction runs at a lower CPU priority (``relgraph load --nice``, 10 unless told), in
worker processes, so questions asked during the load go first; the caller's priority is untouched."""

from __future__ import annotations

import contextlib
import os
import pickle

import pytest
from click.testing import CliRunner

from relgraph import pipeline
from relgraph.cli import cli
from relgraph.errors import BadArticle
from relgraph.pipeline import LoadReport


def _where(item):
    """Stands in for the extraction of one article: the process and CPU priority it runs at."""
    return os.getpid(), os.getpriority(os.PRIO_PROCESS, 0)


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_extract_item", _where)
    for i in range(3):
        (tmp_path / f"note{i}.txt").write_text(f"A short made-up note number {i}.\n", encoding="utf-8")
    return [str(tmp_path)]


def test_a_niced_extraction_runs_in_workers_at_lower_priority(articles):
    base = os.getpriority(os.PRIO_PROCESS, 0)
    for workers in (1, 2):
        got = list(pipeline.extract_paths(articles, workers=workers, nice=3))
        assert len(got) == 3
        assert {prio for _, prio in got} == {min(19, base + 3)}, workers
        assert os.getpid() not in {pid for pid, _ in got}
    assert os.getpriority(os.PRIO_PROCESS, 0) == base  # the caller's own priority never changes


def test_without_nice_one_worker_extracts_in_the_callers_process(articles):
    base = os.getpriority(os.PRIO_PROCESS, 0)
    assert list(pipeline.extract_paths(articles, workers=1)) == [(os.getpid(), base)] * 3
    assert {prio for _, prio in pipeline.extract_paths(articles, workers=2, nice=0)} == {base}


@pytest.mark.parametrize(("args", "nice"), [([], 10), (["--nice", "0"], 0), (["--nice", "4"], 4)])
def test_relgraph_load_passes_its_nice_on(monkeypatch, tmp_path, args, nice):
    import relgraph.api

    seen = {}

    def fake_load(driver, paths, **kw):
        seen.update(kw)
        return LoadReport()

    monkeypatch.setattr(relgraph.api, "connect", lambda settings: contextlib.nullcontext(None))
    monkeypatch.setattr(relgraph.api, "load", fake_load)
    r = CliRunner().invoke(cli, ["load", "-q", *args, str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert seen["nice"] == nice


def test_relgraph_load_refuses_a_nice_out_of_range(tmp_path):
    r = CliRunner().invoke(cli, ["load", "--nice", "25", str(tmp_path)])
    assert r.exit_code == 2 and "--nice" in r.output


def test_a_bad_input_comes_back_from_a_worker_as_one_line(tmp_path):
    """An unreadable article extracted in a worker process comes back whole (it once could not be
    unpickled, and the load waited forever)."""
    err = BadArticle("a.txt", "empty file", 3)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.path, back.reason, back.line) == (
        BadArticle,
        "a.txt:3: empty file",
        "a.txt",
        "empty file",
        3,
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    got = list(pipeline.extract_paths([str(tmp_path / "empty.txt")], workers=1, nice=1))
    assert len(got) == 1 and isinstance(got[0], BadArticle) and "empty.txt" in str(got[0])
