"""Read: files, folders, globs, HTML pages and JSON Lines batches into ``Article`` records.

The text is kept exactly as decoded (header lines included for plain text), because every
evidence offset points into it. Each input that cannot be read yields a ``BadArticle`` naming
the file (and line) instead of stopping the batch.
"""

from __future__ import annotations

import glob
import json
import datetime as dt
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from relgraph.errors import BadArticle
from relgraph.records import Article

MAX_BYTES = 10 * 1024 * 1024  # one article; a JSON Lines batch is streamed, each line capped alike
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

HEADER_RE = re.compile(r"^(Source|Date|URL|Url|Outlet|Published|Author)\s*:\s*(.*?)\s*$")
MIN_HTML_WORDS = 15
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def expand(paths: Iterable[str]) -> Iterator[tuple[str, BadArticle | None]]:
    """Files named, files under folders (sorted), and glob matches; a missing path is an error."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # no .git, .venv ...
                for name in sorted(files):
                    f = Path(root) / name
                    if f.suffix.lower() in KNOWN_SUFFIXES - {""} and not name.startswith("."):
                        found = True
                        yield str(f), None
            if not found:
                yield raw, BadArticle(raw, "folder holds no .txt, .html or .jsonl files")
        elif p.exists():
            yield raw, None
        elif any(c in raw for c in "*?["):
            hits = sorted(glob.glob(raw, recursive=True))
            if not hits:
                yield raw, BadArticle(raw, "no file matches this pattern")
            for h in hits:
                if Path(h).is_file():
                    yield h, None
        else:
            yield raw, BadArticle(raw, "no such file or folder")


def read_paths(paths: Iterable[str]) -> Iterator[Article | BadArticle]:
    """Every article under ``paths``, in order; failures are yielded, not raised."""
    for path, err in expand(paths):
        if err:
            yield err
            continue
        try:
            if Path(path).suffix.lower() in JSONL_SUFFIXES:
                yield from read_jsonl(path)
            else:
                yield read_file(path)
        except BadArticle as e:
            yield e


def read_bytes(path: str) -> bytes:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise BadArticle(path, "not a regular file (a pipe, a device or a socket)")
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise BadArticle(
                path,
                f"file is {size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit "
                "for one article (split it, or use JSON Lines)",
            )
        with open(path, "rb") as f:
            return f.read()
    except PermissionError:
        raise BadArticle(path, "permission denied") from None
    except IsADirectoryError:
        raise BadArticle(path, "is a folder") from None
    except OSError as e:
        raise BadArticle(path, f"cannot be read ({e.strerror or e})") from None


def decode(data: bytes, path: str) -> str:
    """UTF-8 when it is; otherwise the most likely legacy encoding (cp1252, latin-1 ...)."""
    if not data.strip():
        raise BadArticle(path, "empty file" if not data else "file holds only blanks")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadArticle(path, "broken UTF-16 text") from None
        if not text.strip("\ufeff \t\r\n"):
            raise BadArticle(path, "file holds only blanks")
        return text
    if b"\x00" in data[:8192]:
        raise BadArticle(path, "binary file (holds NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(
            data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "utf_16", "mac_roman"]
        ).best()
        if best is None:
            raise BadArticle(path, "binary file or unknown encoding") from None
        text = str(best)
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise BadArticle(path, "binary file, not text")
    if not text.strip():
        raise BadArticle(path, "file holds only blanks")
    return text


def read_file(path: str) -> Article:
    data = read_bytes(path)
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or (
        suffix not in TEXT_SUFFIXES and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
    ):
        return parse_html(decode(data, path), path)
    return parse_text(decode(data, path), path)


def parse_text(text: str, path: str, doc: str | None = None) -> Article:
    """A plain-text article: title on the first line, then optional ``Key: value`` header lines."""
    lines = text.splitlines(keepends=True)
    pos = 0
    title = None
    meta: dict[str, str] = {}
    header: list[tuple[str, int, int]] = []
    i = 0
    while i < len(lines) and not lines[i].strip():  # leading blank lines
        pos += len(lines[i])
        i += 1
    if i < len(lines):
        title = lines[i].strip().lstrip("\ufeff").strip() or None
        pos += len(lines[i])
        i += 1
    while i < len(lines):
        m = HEADER_RE.match(lines[i].rstrip("\r\n"))
        if not m:
            break
        key = m.group(1).lower()
        meta[key] = m.group(2)
        header.append((key, pos + m.start(2), pos + m.end(2)))
        pos += len(lines[i])
        i += 1
    published = None
    for key in ("date", "published"):
        if key in meta:
            published = header_date(meta[key]) or published
    url = meta.get("url") or None
    if published is None:
        from relgraph.loaders.dates import published_from_dateline

        published = published_from_dateline(text, pos, url)
    return Article(
        text=text,
        doc=url or _doc(path),
        title=title,
        published=published,
        url=url,
        outlet=meta.get("source") or None,
        path=path,
        body_start=pos,
        header=tuple(header),
    )


def parse_html(html: str, path: str) -> Article:
    """An HTML page: the article text, title, date and site name, by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        # trafilatura returns a menu or a cookie banner when there is no article: not news
        raise BadArticle(path, f"HTML page holds no article text (under {MIN_HTML_WORDS} words)")
    title = (getattr(doc, "title", None) or "").strip() or None
    date = iso_date(getattr(doc, "date", None))
    url = getattr(doc, "url", None) or None
    # Offsets point into exactly this string: the title line, then the extracted body.
    full = f"{title}\n\n{text}" if title else text
    return Article(
        text=full,
        doc=url or _doc(path),
        title=title,
        published=date,
        url=url,
        outlet=getattr(doc, "sitename", None) or None,
        path=path,
        body_start=len(title) + 2 if title else 0,
    )


def read_jsonl(path: str) -> Iterator[Article | BadArticle]:
    """One article a line: ``{"title", "text", "published", "url", "outlet"}``; streamed."""
    try:
        f = open(path, "rb")
    except OSError as e:
        yield BadArticle(path, f"cannot be read ({e.strerror or e})")
        return
    with f:
        seen = False
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            seen = True
            yield jsonl_line(raw, path, n)
        if not seen:
            yield BadArticle(path, "empty file")


def jsonl_line(raw: bytes, path: str, n: int) -> Article | BadArticle:
    """Line ``n`` of a JSON Lines file as an article (also how the Spark job reads a line)."""
    if len(raw) > MAX_BYTES:
        return BadArticle(path, f"line is over the {MAX_BYTES // 2**20} MiB limit", n)
    try:
        obj = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
    except UnicodeDecodeError:
        return BadArticle(path, "line is not UTF-8", n)
    except json.JSONDecodeError as e:
        return BadArticle(path, f"not JSON ({e.msg} at column {e.colno})", n)
    if not isinstance(obj, dict):
        return BadArticle(path, "line is not a JSON object", n)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return BadArticle(path, 'no "text" field with the article text', n)
    if "\x00" in text:
        return BadArticle(path, '"text" holds NUL characters', n)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    outlet = obj.get("outlet") if isinstance(obj.get("outlet"), str) else None
    # a line's document is its URL, else its "id", else its text: never its line number,
    # which changes when a line is inserted above it
    key = url or (f"id:{obj['id']}" if isinstance(obj.get("id"), (str, int)) else None)
    art = Article(
        text=text,
        doc="",
        title=title,
        published=header_date(obj.get("published") or obj.get("date")),
        url=url,
        outlet=outlet,
        path=f"{path}:{n}",
    )
    return replace(art, doc=key or art.id)


def iso_date(value) -> str | None:
    """The YYYY-MM-DD in ``value`` when it is a real day ("2023-02-30" is not), else None."""
    m = ISO_DATE_RE.search(str(value or ""))
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(0)).isoformat()
    except ValueError:
        return None


def header_date(value) -> str | None:
    """A publication date in any of the forms headers use: ISO ("2023-09-14"), RFC 2822
    ("Thu, 14 Sep 2023 10:00:00 +0000"), or written out in one of relgraph's languages
    ("14 septembre 2023", "14. September 2023", "14 de septiembre de 2023", "14 сентября 2023",
    "September 14, 2023"). A day, month and year are required: "September 2023" is no date."""
    found = iso_date(value)
    if found or not isinstance(value, str) or not re.search(r"\d{4}", value):
        return found  # "hier", "today": relative to nothing a reader can know
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    from relgraph.loaders.refdata import languages

    when = dateparser.parse(
        value.strip(),
        languages=list(languages()),
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return when.date().isoformat() if when else None


def _doc(path: str) -> str:
    """A document key for a file: its resolved path (so reloading the same file replaces it)."""
    return "file://" + str(Path(path).resolve())
