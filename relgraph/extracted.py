"""Extraction output on disk, as ``relgraph extract --format jsonl`` and ``relgraph spark extract``
write it: JSON Lines (one ``relgraph.article/1`` object a line) or Parquet (one row an article).

The Parquet form has four string columns: ``doc`` (where the article came from), ``id`` (the
text's sha256 id, null for an error row), ``json`` (the ``relgraph.article/1`` object, exactly
the line ``relgraph extract`` prints) and ``error`` (why the document could not be extracted,
null otherwise). The Spark job's JSON Lines output writes an error row as
``{"error": "...", "doc": "..."}``. A folder (a Spark output) stands for its part files.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import RelgraphError
from relgraph.records import (
    SCHEMA,
    Article,
    ArticleFacts,
    CallFact,
    Evidence,
    FacilityRef,
    LeaderRef,
    MeetingFact,
    ProjectRef,
    ProposalFact,
    SectorRef,
    SourceRef,
    StatementFact,
    StateRef,
    VisitFact,
)

PARQUET_COLUMNS = ("doc", "id", "json", "error")


@dataclass
class Item:
    where: str  # file:line (JSON Lines) or file#row (Parquet)
    doc: dict | None  # the extraction object, or None for an error row
    error: str | None = None
    n: int = 0  # its place in the output: 0 for the first line or row (blank lines do not count)


class ExtractedError(RelgraphError):
    """A file that is not extraction output."""


def files(paths: Iterable[str]) -> list[Path]:
    """The files under ``paths``: a folder gives its ``part-*`` files (Spark) or its .jsonl/.parquet."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            parts = sorted(
                f
                for f in p.iterdir()
                if f.is_file()
                and not f.name.startswith((".", "_"))
                and (
                    f.name.startswith("part-")
                    or f.suffix in (".jsonl", ".json", ".parquet")
                    or f.name.endswith((".jsonl.gz", ".json.gz"))
                )
            )
            if not parts:
                raise ExtractedError(f"{p}: no extraction output in this folder (part-* or .jsonl/.parquet files)")
            out += parts
        elif p.exists():
            out.append(p)
        else:
            raise ExtractedError(f"{p}: no such file or folder")
    return out


def _is_parquet(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"PAR1"


def _check(obj, where: str, n: int = 0) -> Item:
    if not isinstance(obj, dict):
        return Item(where, None, "not a JSON object", n)
    if obj.get("error") is not None and "article" not in obj:
        return Item(where, None, str(obj["error"]), n)
    if obj.get("schema") != SCHEMA or not isinstance(obj.get("article"), dict):
        return Item(where, None, f"not a {SCHEMA} object (relgraph extract --format jsonl writes those)", n)
    return Item(where, obj, None, n)


def read(paths: Iterable[str], only: Callable[[int], bool] | None = None) -> Iterator[Item]:
    """Every article of the extraction output under ``paths``, in order; bad lines are error items.

    ``only``: which places (``Item.n``) to read; the others are not even parsed."""
    count = 0
    for path in files(paths):
        if _is_parquet(path):
            count = yield from _read_parquet(path, count, only)
            continue
        opener = gzip.open if path.name.endswith(".gz") else open  # JSON Lines may be gzipped
        with opener(path, "rt", encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                count += 1
                if only is not None and not only(count - 1):
                    continue
                where = f"{path}:{n}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Item(where, None, f"not JSON ({e.msg})", count - 1)
                    continue
                yield _check(obj, where, count - 1)


def _read_parquet(path: Path, first: int = 0, only: Callable[[int], bool] | None = None) -> Generator[Item, None, int]:
    """The rows of one Parquet file, the first at place ``first``; returns the place after its last."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ExtractedError(f"{path}: reading Parquet needs pyarrow: pip install 'relgraph[spark]'") from None
    pf = pq.ParquetFile(path)
    missing = {"json", "error"} - set(pf.schema_arrow.names)
    if missing:
        raise ExtractedError(f"{path}: not relgraph extraction output (no column {', '.join(sorted(missing))})")
    row = 0
    for batch in pf.iter_batches(columns=["json", "error"], batch_size=2048):
        for text, error in zip(batch.column("json").to_pylist(), batch.column("error").to_pylist()):
            row += 1
            n = first + row - 1
            if only is not None and not only(n):
                continue
            where = f"{path}#{row}"
            if error is not None or text is None:
                yield Item(where, None, error or "no extraction", n)
                continue
            try:
                yield _check(json.loads(text), where, n)
            except json.JSONDecodeError as e:
                yield Item(where, None, f"not JSON ({e.msg})", n)
    return first + row


def facts(obj: dict) -> ArticleFacts:
    """A ``relgraph.article/1`` object back as the record ``relgraph extract`` printed it from.

    The contract holds no article text, so the text is empty and the article's id (the hash of
    the text) is the one the object gives."""

    def ev(items) -> tuple[Evidence, ...]:
        return tuple(Evidence(e["start"], e["end"], e["quote"]) for e in items or ())

    a = obj["article"]
    art = Article(
        text="",
        doc=a.get("doc") or a["id"],
        title=a.get("title"),
        lang=a.get("lang"),
        published=a.get("published"),
        url=a.get("url"),
        outlet=a.get("outlet"),
        path=a.get("path"),
    )
    art.__dict__["id"] = a["id"]  # ``id`` is a cached property of the text: the given id stands in
    fac = lambda f: FacilityRef(
        f["id"], f["name"], f["kind"], f.get("state"), tuple(f.get("aliases") or ()), ev(f["evidence"])
    )
    return ArticleFacts(
        article=art,
        pair=tuple(obj["pair"]) if obj.get("pair") else None,
        states=tuple(
            StateRef(s["iso3"], s["name"], s.get("wikidata"), s["role"], ev(s["evidence"]))
            for s in obj.get("states", ())
        ),
        leaders=tuple(
            LeaderRef(
                x["id"], x["name"], tuple(x.get("aliases") or ()), x.get("state"), x.get("role"), ev(x["evidence"])
            )
            for x in obj.get("leaders", ())
        ),
        facilities=tuple(fac(f) for f in obj.get("facilities", ())),
        places=tuple(fac(f) for f in obj.get("places", ())),
        projects=tuple(
            ProjectRef(p["id"], p["name"], p.get("sector"), ev(p["evidence"])) for p in obj.get("projects", ())
        ),
        meetings=tuple(
            MeetingFact(
                tuple(m["participants"]),
                m.get("place"),
                m.get("place_id"),
                m.get("date"),
                m.get("precision"),
                m.get("duration"),
                m["status"],
                tuple(m.get("sectors") or ()),
                ev(m["evidence"]),
                tuple(m.get("participant_ids") or ()),
                m.get("city_id"),
            )
            for m in obj.get("meetings", ())
        ),
        visits=tuple(
            VisitFact(
                v["visitor"],
                v["visitor_id"],
                v.get("place"),
                v.get("place_id"),
                v.get("host_state"),
                v.get("date"),
                v["status"],
                ev(v["evidence"]),
            )
            for v in obj.get("visits", ())
        ),
        proposals=tuple(
            ProposalFact(p.get("by"), p.get("by_id"), p["what"], p["project"], p.get("sector"), ev(p["evidence"]))
            for p in obj.get("proposals", ())
        ),
        sectors=tuple(SectorRef(s["id"], ev(s["evidence"])) for s in obj.get("sectors", ())),
        sources=tuple(
            SourceRef(s["name"], s["kind"], ev(s["evidence"]), s.get("type")) for s in obj.get("sources", ())
        ),
        statements=tuple(
            StatementFact(st["speaker"], st["speaker_id"], st.get("via"), ev(st["evidence"]))
            for st in obj.get("statements", ())
        ),
        calls=tuple(
            CallFact(
                tuple(c["participants"]),
                tuple(c.get("participant_ids") or ()),
                c.get("date"),
                c.get("precision"),
                c["status"],
                ev(c["evidence"]),
            )
            for c in obj.get("calls", ())
        ),
        warnings=tuple(obj.get("warnings") or ()),
    )
