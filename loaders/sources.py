"""Sources: credit lines ("TASS/VNA/CVN"), photo credits, datelines ("MOSCOW (Reuters)"), the
header's Source line and agencies named in the body, each with its kind.
"""
from __future__ import annotations

import re

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import MAX_EVIDENCE, Ctx
from relgraph.loaders.gazetteer import fold
from relgraph.loaders.records import Evidence, SourceRef

_CREDIT_LINE = re.compile(r"^\s*(?:(?P<photo>[\w ]{2,20}?)\s*:\s*)?(?P<names>[\w .&'-]{2,40}(?:\s*/\s*[\w .&'-]{2,40})+)\s*$")
_PHOTO_LINE = re.compile(r"(?:^|[.\s])(?P<word>Photo|Photos|Foto|Fotos|Фото|Bild|Image|Crédit photo)\s*:\s*(?P<names>[^\n]{2,80})$", re.I)
_DATELINE = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w .,'-]{1,40}\((?P<name>[\w .-]{2,30})\)\s*[-—–:]?\s")


def _source_name(part: str) -> tuple[str, str | None]:
    ms = rd.source_gazetteer().find(part)
    if ms and ms[0].end - ms[0].start >= len(part.strip()) - 1:
        name = ms[0].value
        return name, rd.sources()[name].kind
    return part.strip(), None


def find_sources(ctx: Ctx) -> list[SourceRef]:
    text = ctx.text
    found: dict[tuple[str, str], list[Evidence]] = {}
    types: dict[str, str | None] = {}

    def add(name: str, kind: str, s: int, e: int, typ: str | None) -> None:
        found.setdefault((name, kind), []).append(Evidence.at(text, s, e))
        types.setdefault(name, typ)

    # credit lines: "TASS/VNA/CVN", "Photo : AFP/VNA/CVN"
    pos = 0
    for line in text.splitlines(keepends=True):
        raw = line.rstrip("\r\n")
        m = _CREDIT_LINE.match(raw)
        photo_m = _PHOTO_LINE.search(raw)
        if m and len(raw) < 90:
            is_photo = bool(m.group("photo")) and any(fold(m.group("photo").strip()).startswith(fold(w))
                                                       for w in ctx.lex.get("photo", []) + ["photo", "foto"])
            if m.group("photo") and not is_photo:
                pass
            else:
                off = pos + m.start("names")
                for part in re.finditer(r"[^/]+", m.group("names")):
                    p = part.group().strip()
                    if not p:
                        continue
                    s = off + part.start() + (len(part.group()) - len(part.group().lstrip()))
                    name, typ = _source_name(p)
                    add(name, "photo" if is_photo else "credit", s, s + len(p), typ)
        elif photo_m:
            off = pos + photo_m.start("names")
            for part in re.finditer(r"[^/,;]+", photo_m.group("names")):
                p = part.group().strip().rstrip(".")
                if not p:
                    continue
                s = off + part.start() + (len(part.group()) - len(part.group().lstrip()))
                name, typ = _source_name(p)
                if typ:
                    add(name, "photo", s, s + len(p), typ)
        words = re.findall(r"\w+", raw)
        if 0 < len(words) <= 5 and not m and not photo_m and \
                {fold(w) for w in words} & {"pool", "via", "photo", "foto", "getty", "images", "фото"}:
            # a picture credit on its own line: "Pool via REUTERS", "Getty Images"
            for sm in rd.source_gazetteer().find(raw):
                add(sm.value, "photo", pos + sm.start, pos + sm.end, rd.sources()[sm.value].kind)
        dm = _DATELINE.match(raw)
        if dm:
            name, typ = _source_name(dm.group("name"))
            if typ:
                add(name, "credit", pos + dm.start("name"), pos + dm.end("name"), typ)
        pos += len(line)
    # the header's Source: line: an agency is credited, an outlet published the page
    for key, s, e in ctx.article.header:
        if key == "source":
            for m in rd.source_gazetteer().find(text[s:e]):
                info = rd.sources()[m.value]
                add(m.value, "credit" if info.kind == "agency" else "publisher", s + m.start, s + m.end, info.kind)
    # body mentions: "selon Interfax", "(Reuters)", "à la chaîne Rossiya 1", "avec AP"
    intro = ctx.triggers.get("credit_intro", [])
    broadcast = ctx.triggers.get("broadcast", [])
    photo_words = ctx.triggers.get("photo", [])
    header_spans = [(s, e) for _, s, e in ctx.article.header]
    for m in rd.source_gazetteer().find(text, ctx.index):
        if any(s <= m.start < e for s, e in header_spans):
            continue
        if any(ev.start <= m.start < ev.end for evs in found.values() for ev in evs):
            continue
        info = rd.sources()[m.value]
        line_start = text.rfind("\n", 0, m.start) + 1
        before = text[max(line_start, m.start - 40):m.start]
        near = lambda ms: any(0 <= m.start - x.end <= 25 and x.start >= line_start for x in ms)
        if near(photo_words) and ":" in before:
            add(m.value, "photo", m.start, m.end, info.kind)
        elif info.kind == "broadcaster" or near(broadcast):
            add(m.value, "broadcaster", m.start, m.end, info.kind)
        elif near(intro) or before.rstrip().endswith("(") or info.kind == "agency":
            add(m.value, "credit", m.start, m.end, info.kind)
    out = []
    credited = {n for (n, k) in found if k == "credit"}
    for (name, kind), evs in found.items():
        if kind == "publisher" and name in credited:
            continue
        out.append(SourceRef(name, kind, tuple(evs[:MAX_EVIDENCE]), types.get(name)))
    return out


