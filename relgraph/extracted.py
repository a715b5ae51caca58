"""Extraction output on disk, as ``relgraph extract --format jsonl`` and ``relgraph spark extract``
write it: JSON Lines (one ``relgraph.article/1`` object a line) or Parquet (one row an article).

The Parquet form has four string columns: ``doc`` (where the article came from), ``id`` (the
text's sha256 id, null for an error row), ``json`` (the ``relgraph.article/1`` object, exactly
the line ``relgraph extract`` prints) and ``error`` (why the document could not be extracted,
null otherwise). The Spark job's JSON Lines output writes an error row as
``{"error": "...", "doc": "..."}``. A folder (a Spark output) stands for its part files.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import RelgraphError
from relgraph.loaders.records import SCHEMA

PARQUET_COLUMNS = ("doc", "id", "json", "error")


@dataclass
class Item:
    where: str                  # file:line (JSON Lines) or file#row (Parquet)
    doc: dict | None            # the extraction object, or None for an error row
    error: str | None = None


class ExtractedError(RelgraphError):
    """A file that is not extraction output."""


def files(paths: Iterable[str]) -> list[Path]:
    """The files under ``paths``: a folder gives its ``part-*`` files (Spark) or its .jsonl/.parquet."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            parts = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith((".", "_"))
                           and (f.name.startswith("part-") or f.suffix in (".jsonl", ".json", ".parquet")))
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


def _check(obj, where: str) -> Item:
    if not isinstance(obj, dict):
        return Item(where, None, "not a JSON object")
    if obj.get("error") is not None and "article" not in obj:
        return Item(where, None, str(obj["error"]))
    if obj.get("schema") != SCHEMA or not isinstance(obj.get("article"), dict):
        return Item(where, None, f"not a {SCHEMA} object (relgraph extract --format jsonl writes those)")
    return Item(where, obj)


def read(paths: Iterable[str]) -> Iterator[Item]:
    """Every article of the extraction output under ``paths``, in order; bad lines are error items."""
    for path in files(paths):
        if _is_parquet(path):
            yield from _read_parquet(path)
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Item(where, None, f"not JSON ({e.msg})")
                    continue
                yield _check(obj, where)


def _read_parquet(path: Path) -> Iterator[Item]:
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
            where = f"{path}#{row}"
            if error is not None or text is None:
                yield Item(where, None, error or "no extraction")
                continue
            try:
                yield _check(json.loads(text), where)
            except json.JSONDecodeError as e:
                yield Item(where, None, f"not JSON ({e.msg})")
