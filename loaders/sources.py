"""Sources: credit lines ("TASS/VNA/CVN"), photo credits, datelines ("MOSCOW (Reuters) -"), the
header's Source line and agencies credited in the body ("selon Interfax", "TASS reported"), each
with its kind. An agency the body only talks about ("an AFP journalist") is no source.
"""

from __future__ import annotations

import re

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import MAX_EVIDENCE, Ctx
from relgraph.loaders.gazetteer import Match, fold
from relgraph.records import Evidence, SourceRef

# "Photo : AFP", "Foto: dpa", "Фото: ТАСС", "Crédit photo : …", "© Reuters": what follows credits a picture
_PICTURE_WORDS = r"photos?|fotos?|фото\w*|bild|image[ns]?|imagen|crédits?(?:\s+\w+)?|credits?(?:\s+\w+)?"
_PHOTO_MARK = re.compile(rf"(?:(?<![\w])(?:{_PICTURE_WORDS})\s*:|©)\s*", re.I)
# a caption ending in its credit: "… on Tuesday. / Agency/Name/Pool"
_TRAILING_CREDIT = re.compile(r"(?:[.)]\s+|\s)/\s+(?P<names>[^/\n]{2,40}(?:\s*/\s*[^/\n]{2,40})*)\s*$")
# a picture agency named in a caption credit besides the words of the lexicons ("picture_credit_parts")
_PICTURE_AGENCIES = {"getty"}
_PERSON = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+){1,3}$")
_CLAUSE_STOP = re.compile(r"[,;:.!?()\n]")


def on_caption_line(text: str, pos: int) -> bool:
    """``pos`` is on a line that opens with a picture mark ("Foto: X begrüßt Y", "Photo : ...",
    "Фото: ..."): a caption, which shows what the body tells rather than telling it."""
    start = text.rfind("\n", 0, pos) + 1
    m = _PHOTO_MARK.match(text, start)
    return m is not None and m.start() == start


def _known(part: str) -> tuple[str, str] | None:
    """The canonical name and type of a source that ``part`` names entirely, else None."""
    ms = rd.source_gazetteer().find(part)
    if ms and ms[0].end - ms[0].start >= len(part.strip()) - 1:
        return ms[0].value, rd.sources()[ms[0].value].kind
    return None


def _person(part: str) -> bool:
    """ "Firstname Lastname": capitalised words, not all capitals, naming no known source."""
    return bool(_PERSON.match(part.strip())) and not part.isupper() and _known(part) is None


def _parts(names: str, offset: int, sep: str = r"[/,;]|\s+via\s+"):
    """The pieces of a credit between separators, each with its offset in the text."""
    last = 0
    for m in [*re.finditer(sep, names), None]:
        end = m.start() if m else len(names)
        piece = names[last:end]
        p = piece.strip().rstrip(".")
        if p:
            yield p, offset + last + (len(piece) - len(piece.lstrip()))
        if m:
            last = m.end()


def _proper(m: Match, text: str) -> bool:
    """A source is a proper name: "el país" (the country) is not El País."""
    quote = text[m.start : m.end]
    return quote != quote.lower() or m.value == m.value.lower()


# after a bare dateline's dash: a name of one to four words closed by a full stop ("— УзА. ")
_AFTER_DASH = re.compile(r"[ \t]*(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’&-]*(?: [\w'’&-]+){0,3})\.[ \t]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])")


def _agency_like(raw: str) -> bool:
    """A short name an agency could bear: one to four capitalised words, no digits ("AAP",
    "Kabar", "Ghana News Agency", "РИА Новости"; not "Путин прилетел")."""
    words = raw.split()
    if not 1 <= len(words) <= 4 or len(raw) > 40 or any(ch.isdigit() for ch in raw):
        return False
    return raw[:1].isupper() and not any(w[:1].islower() for w in words)


def find_sources(ctx: Ctx) -> list[SourceRef]:
    text = ctx.text
    found: dict[tuple[str, str], list[Evidence]] = {}
    types: dict[str, str | None] = {}
    claimed: list[tuple[int, int]] = []  # spans already read as credit or photo lines

    def add(name: str, kind: str, s: int, e: int, typ: str | None) -> None:
        found.setdefault((name, kind), []).append(Evidence.at(text, s, e))
        types.setdefault(name, typ)

    header_spans = [(s, e) for _, s, e in ctx.article.header]
    pos = 0
    for line in text.splitlines(keepends=True):
        raw = line.rstrip("\r\n")
        ls, le = pos, pos + len(raw)
        pos += len(line)
        if not raw.strip() or any(s <= ls < e or ls <= s < le for s, e in header_spans):
            continue
        photo = _PHOTO_MARK.search(raw)
        if photo:  # everything after the mark credits the picture
            for p, s in _parts(raw[photo.end() :], ls + photo.end()):
                k = _known(p)
                if k:
                    add(k[0], "photo", s, s + len(p), k[1])
            claimed.append((ls, le))
            continue
        tail = _TRAILING_CREDIT.search(raw)
        if tail and len(raw) > 60:  # "… July 8. / Agency/Name/Pool" closing a caption
            for p, s in _parts(tail.group("names"), ls + tail.start("names")):
                k = _known(p)
                if k:
                    add(k[0], "photo", s, s + len(p), k[1])
            claimed.append((ls + tail.start(), le))
            continue
        words = re.findall(r"\w+", raw)
        if not words or len(raw) >= 90 or len(words) > 8:
            continue
        parts = list(_parts(raw, ls, r"/|\s+via\s+"))
        knowns = [(p, s, _known(p)) for p, s in parts]
        if not any(k for _, _, k in knowns):
            continue
        picture = bool(
            {fold(w) for w in words} & (rd.every_language("picture_credit_parts") | _PICTURE_AGENCIES)
        ) or any(k is None and _person(p) for p, _, k in knowns)
        if not picture and any(k is None and not p.isupper() for p, _, k in knowns):
            continue  # a short line of prose that names an agency: read below, with the body
        # "Name / Agency", "Pool via Agency": a picture credit; "TASS/VNA/CVN", "AFP": the report's
        for p, s, k in knowns:
            if k:
                add(k[0], "photo" if picture else "credit", s, s + len(p), k[1])
            elif not picture and p.isupper():
                add(p, "credit", s, s + len(p), None)  # an acronym the reference data lacks
        claimed.append((ls, le))
    # the dateline: "MOSCOU, 13 septembre (AFP) -", "Berlin (dpa) -"
    if ctx.dateline_agency:
        s0, e0 = ctx.dateline_agency
        known = rd.source_gazetteer().find(text[s0:e0])
        for m in known:
            add(m.value, "credit", s0 + m.start, s0 + m.end, rd.sources()[m.value].kind)
        raw = text[s0:e0].strip()
        if not known and _agency_like(raw):
            # "CANBERRA (AAP) -", "BAKU, 21 avril /Kabar/ -": what a dateline brackets is the
            # agency filing the story, known to the reference data or not
            start = s0 + text[s0:e0].index(raw)
            add(raw, "credit", start, start + len(raw), "agency")
        claimed.append(ctx.dateline)
    elif ctx.dateline:
        # "ТАШКЕНТ, 18 июня — УзА. Президент ...": a bare dateline's dash, then the agency and a stop
        after = _AFTER_DASH.match(text, ctx.dateline[1])
        name = after.group("name") if after else ""
        if (
            after
            and _agency_like(name)
            # one unknown word is an agency only as an acronym ("УзА"), not a verb ("Hablaron.")
            and (_known(name) or len(name.split()) > 1 or sum(c.isupper() for c in name) >= 2)
            and not any(after.start("name") <= h.start < after.end("name") for h in ctx.leader_hits)
            and not any(after.start("name") <= m.start < after.end("name") for _, _, m in ctx.state_hits)
        ):
            k = _known(after.group("name"))
            add(
                k[0] if k else after.group("name"),
                "credit",
                after.start("name"),
                after.end("name"),
                k[1] if k else "agency",
            )
            claimed.append((after.start("name"), after.end("name")))
    # the header's Source: line: an agency is credited, an outlet published the page
    for key, s, e in ctx.article.header:
        if key == "source":
            for m in rd.source_gazetteer().find(text[s:e]):
                info = rd.sources()[m.value]
                add(m.value, "credit" if info.kind == "agency" else "publisher", s + m.start, s + m.end, info.kind)
    # the body: "selon Interfax", "a indiqué RIA Novosti", "TASS reported", "told CNN", "avec AP"
    intro = ctx.triggers.get("credit_intro", [])
    broadcast = ctx.triggers.get("broadcast", [])
    verbs = rd.word_gazetteer(ctx.lang, "credit_verbs").find(text, ctx.index) + ctx.triggers.get("say", [])
    for m in rd.source_gazetteer().find(text, ctx.index):
        if any(s <= m.start < e for s, e in header_spans + claimed) or not _proper(m, text):
            continue
        info = rd.sources()[m.value]
        line_start = text.rfind("\n", 0, m.start) + 1
        near = lambda ms: any(0 <= m.start - x.end <= 25 and x.start >= line_start for x in ms)  # noqa: B023 (called at once, in this iteration)
        if info.kind == "broadcaster" or near(broadcast):
            add(m.value, "broadcaster", m.start, m.end, info.kind)
        elif _credited(text, m, intro, verbs, line_start):
            add(m.value, "credit", m.start, m.end, info.kind)
    for name, s, e in _unnamed_agencies(ctx, header_spans + claimed, intro, verbs):
        k = _known(name)
        add(k[0] if k else name, "credit", s, e, k[1] if k else "agency")
    out = []
    credited = {n for (n, k) in found if k == "credit"}
    for (name, kind), evs in found.items():
        if kind == "publisher" and name in credited:
            continue
        out.append(SourceRef(name, kind, tuple(evs[:MAX_EVIDENCE]), types.get(name)))
    return out


def _credited(text: str, m: Match, intro: list[Match], verbs: list[Match], line_start: int) -> bool:
    """Is the source at ``m`` credited with what the sentence reports?

    - an intro word opens its clause: "selon Interfax", "according to the state agency TASS",
      "по данным ТАСС" (nothing but words between them, on the same line);
    - a reporting verb right before it: "a indiqué RIA Novosti", "сообщает ТАСС", "informó EFE";
    - a reporting verb right after it: "TASS reported", "ИРНА (…) отмечало", "Reuters quoted".
    """
    for x in intro:
        if x.start >= line_start and 0 <= m.start - x.end <= 60 and not _CLAUSE_STOP.search(text, x.end, m.start):
            return True
    for x in verbs:
        gap = text[x.end : m.start]
        if (
            0 <= m.start - x.end <= 8
            and x.start >= line_start
            and not re.search(r"[.;:!?\n]", gap)
            and len(re.findall(r"\w+", gap)) <= 1
        ):
            return True
        after = text[m.end : x.start]
        if (
            0 <= x.start - m.end <= 30
            and not re.search(r"[.;:!?\n,]", re.sub(r"\([^()]*\)", "", after))
            and len(re.findall(r"\w+", re.sub(r"\([^()]*\)", "", after))) <= 1
        ):
            return True
    return False


# after "agency": its acronym in brackets, a few words on ("l'Agence mauritanienne d'information (AMI)")
_BRACKETED = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){0,5}?\((?P<name>[A-ZА-ЯЁ]{2,6})\)")
# or its name right after it, past a lower-case adjective ("Nachrichtenagentur BNS", "agence officielle APS")
_NAMED = re.compile(
    r"(?:[a-zà-ÿа-яё][\w'’-]*\s+)?(?P<name>[A-ZА-ЯЁ][\w-]*[A-Za-zА-Яа-яЁё](?:\s+(?:(?:of|de|del|di)\s+)?[A-ZА-ЯЁ][\w-]+){0,3})"
)


def _unnamed_agencies(
    ctx: Ctx, skip: list[tuple[int, int]], intro: list[Match], verbs: list[Match]
) -> list[tuple[str, int, int]]:
    """Agencies the reference data lacks, credited in the body: "selon l'Agence mauritanienne
    d'information (AMI)", "berichtete die litauische Nachrichtenagentur BNS", "according to the
    state news agency Bernama", "по данным информагентства ИРНА". The agency noun and a news word
    ("news", "presse", "Nachrichten", "информ") name it as a news agency; it is a credit only when
    a credit word opens its clause or a reporting verb stands right by it."""
    text = ctx.text
    from relgraph.loaders.dates import calendar_words

    calendar = calendar_words(ctx.lang)
    news = [fold(w) for w in ctx.lex.get("news_words", ())]
    out = []
    for a in rd.word_gazetteer(ctx.lang, "agency_nouns").find(text, ctx.index):
        if any(s <= a.start < e for s, e in skip):
            continue
        stop = _CLAUSE_STOP.search(text, a.end)
        window = text[a.end : stop.start() if stop and text[stop.start()] not in "()" else a.end + 80]
        lead = len(window) - len(window.lstrip())
        m = _BRACKETED.match(window, lead) or _NAMED.match(window, lead)
        if m is None:
            continue
        name = m.group("name")
        if (
            any(fold(w) in calendar for w in name.split())
            or any(a.end + m.start("name") <= x.start < a.end + m.end("name") for _, _, x in ctx.state_hits)
            or any(a.end + m.start("name") <= x.start < a.end + m.end("name") for _, x in ctx.place_hits)
        ):
            continue  # "the agency said Monday", "the agency in Moscow"
        s, e = a.end + m.start("name"), a.end + m.end("name")
        if not any(w in fold(text[a.start : e]) for w in news) and _known(name) is None:
            continue  # "the International Atomic Energy Agency (IAEA) said": an agency, not of news
        line_start = text.rfind("\n", 0, a.start) + 1
        before = any(
            x.start >= line_start and 0 <= a.start - x.end <= 40 and not re.search(r"[.;:!?\n]", text[x.end : a.start])
            for x in [*intro, *verbs]
        )
        after = any(
            0 <= x.start - e <= 30 and not re.search(r"[.;:!?\n,]", re.sub(r"\([^()]*\)", "", text[e : x.start]))
            for x in verbs
        )
        if before or after:
            out.append((name, s, e))
    return out
