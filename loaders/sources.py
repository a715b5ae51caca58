"""Sources: credit lines ("TASS/VNA/CVN"), photo credits, datelines ("MOSCOW (Reuters) -"), the
header's Source line and agencies credited in the body ("selon Interfax", "TASS reported"), each
with its kind. An agency the body only talks about ("an AFP journalist") is no source.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    "Фото: ...") or a caption's label ("Légende : X accueille Y", "Caption: ..."): a caption, which
    shows what the body tells rather than telling it."""
    start = text.rfind("\n", 0, pos) + 1
    m = _PHOTO_MARK.match(text, start) or _caption_label().match(text, start)
    return m is not None and m.start() == start


@lru_cache(maxsize=1)
def _caption_label() -> re.Pattern[str]:
    """A caption's label opening a line, in any language (lexicon ``caption_labels``)."""
    labels = sorted(rd.every_language("caption_labels", folded=False), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in labels)})\s*:", re.I)


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
_AFTER_DASH = re.compile(
    r"[ \t]*[«\"“]?(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’&-]*(?: [\w'’&-]+){0,3})[»\"”]?\.[ \t]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ])"
)  # (its name maybe in quotes: "ТАШКЕНТ, 15 октября — «Дунё». ...")


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
    plain_verbs = rd.word_gazetteer(ctx.lang, "credit_verbs").find(text, ctx.index)
    verbs = plain_verbs + ctx.triggers.get("say", [])
    # the intros that credit a report, not those that name a medium ("with", "told", "avec")
    medium = {fold(w) for w in ctx.lex.get("medium_intro", ())}
    strong = [x for x in intro if fold(x.form) not in medium]
    unnamed = _unnamed_outlets(ctx, header_spans + claimed, strong, verbs)
    for m in rd.source_gazetteer().find(text, ctx.index):
        if any(s <= m.start < e for s, e in header_spans + claimed) or not _proper(m, text):
            continue
        if any(s <= m.start and m.end <= e and (m.start, m.end) != (s, e) for _, s, e, _ in unnamed):
            continue  # "NBC" in "the broadcaster NBC Pacific": part of a longer name
        info = rd.sources()[m.value]
        line_start = text.rfind("\n", 0, m.start) + 1
        near = lambda ms: any(0 <= m.start - x.end <= 25 and x.start >= line_start for x in ms)  # noqa: B023 (called at once, in this iteration)
        if info.kind == "broadcaster" or near(broadcast):
            # "according to NHK", "RÚV reported", "rapporte RTL": a channel credited for the
            # report; "told CNN", "said on Rossiya 1", "in an interview with RTL": where it was said
            np_start = min(
                [x.start for x in broadcast if 0 <= m.start - x.end <= 25 and x.start >= line_start] or [m.start]
            )
            credited = not (
                _medium_before(text, line_start, np_start, medium)
                or {fold(w) for w in re.findall(r"\w+", text[np_start : m.start])} & medium
            ) and _credited(text, m, strong, plain_verbs, line_start, verb_gap=_NO_WORD_GAP)
            add(m.value, "credit" if credited else "broadcaster", m.start, m.end, info.kind)
        elif _credited(text, m, intro, verbs, line_start):
            add(m.value, "credit", m.start, m.end, info.kind)
    for name, s, e, typ in unnamed:
        k = _known(name)
        add(k[0] if k else name, "credit", s, e, k[1] if k else typ)
    # "NOUAKCHOTT (AMI)" and "l'Agence mauritanienne d'information": one agency, by its initials
    for name, kind in list(found):
        acronym = _initials(name)
        if kind == "credit" and acronym and acronym != name and (acronym, "credit") in found:
            found[(acronym, "credit")].extend(found.pop((name, kind)))
    out = []
    credited = {n for (n, k) in found if k == "credit"}
    for (name, kind), evs in found.items():
        if kind == "publisher" and name in credited:
            continue
        out.append(SourceRef(name, kind, tuple(evs[:MAX_EVIDENCE]), types.get(name)))
    return out


def _medium_before(text: str, line_start: int, start: int, medium: set[str]) -> bool:
    """One of the two words before ``start``, in its clause, names where something was said
    ("told the weekly X", "said on state television X", "в эфире ливанского телеканала X")."""
    clause = max([line_start] + [line_start + m.end() for m in re.finditer(r"[,;:.!?]", text[line_start:start])])
    return bool({fold(w) for w in re.findall(r"\w+", text[clause:start])[-2:]} & medium)


# between a reporting verb and the source it credits: nothing, or an elided article ("a rapporté l'AMI")
_NO_WORD_GAP = re.compile(r"\s*(?:[lL]['’])?\s*")


def _initials(name: str) -> str | None:
    """The initials of a name of three words or more, its small words left out ("Agence
    mauritanienne d'information" → "AMI", "Agence congolaise de presse" → "ACP"), else None."""
    words = [w for w in re.split(r"[\s'’-]+", name) if len(w) > 2]
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words).upper()


def _credited(
    text: str, m: Match, intro: list[Match], verbs: list[Match], line_start: int, verb_gap: re.Pattern | None = None
) -> bool:
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
            and (verb_gap is None or verb_gap.fullmatch(gap))
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
_BRACKETED = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){0,5}?\((?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁ]{2,6})\)")
_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
# or its name right after it, past one or two lower-case adjectives ("Nachrichtenagentur BNS",
# "agence officielle APS", "quotidien public Cameroon Tribune", "diario ecuatoriano El Universo")
_NAMED = re.compile(
    rf"(?P<adj>(?:[a-zà-ÿа-яё][\w'’-]*\s+){{0,2}}?)(?P<name>{_CAP}[\w'’.-]*[^\W\d_](?:\s+(?:(?:of|de|del|di|du|des|do|da)\s+)?{_CAP}[\w'’-]+){{0,3}})"
)
# or in quotation marks ("газета «Нейтральный Туркменистан»", "das Blatt „Delo“")
_QUOTED = re.compile(r"(?P<adj>(?:[a-zà-ÿа-яё][\w'’-]*\s+){0,2}?)[«„“\"](?P<name>[^«»„“”\"\n]{2,40})[»“”\"]")
# an agency named by its own noun, capitalised, and the words of its name after it ("Agence
# nigérienne de presse", "Agencia de Información Paraguaya"): adjectives, "de", capitalised words
_NAME_ON = re.compile(rf"(?:\s+(?:[a-zà-ÿ][\w'’-]*|{_CAP}[\w-]+|d['’]\w+)){{1,4}}")
# or the capitalised words of its name before it ("the Kenya News Agency", "Fiji Broadcasting Corporation")
_NAME_BEFORE = re.compile(rf"(?:{_CAP}[\w'’-]*\s+){{1,5}}$")


def _unnamed_outlets(
    ctx: Ctx, skip: list[tuple[int, int]], intro: list[Match], verbs: list[Match]
) -> list[tuple[str, int, int, str]]:
    """Agencies and outlets the reference data lacks, credited in the body: "selon l'Agence
    mauritanienne d'information (AMI)", "berichtete die litauische Nachrichtenagentur BNS",
    "according to the state news agency Bernama", "по данным информагентства ИРНА", "según el diario
    La Prensa", "wie der Rundfunk RÚV berichtete", "сообщает газета «…»", "the Kenya News Agency
    reported". An outlet noun ("newspaper", "quotidien", "Sender", "газета") names an outlet; an
    agency noun names a news agency only with a news word ("news", "presse", "информ") or, written
    in lower case, right after an article or a credit word with no other word before the name
    than an adjective of a state ("la agencia paraguaya IP", "агентства AIB"; not "the space
    agency NASA"). It is a credit only when a credit word opens its clause, a reporting verb
    stands right by it, or an "as" opens a clause that a reporting verb closes ("wie die Agentur X
    unter Berufung auf … berichtete")."""
    text = ctx.text
    from relgraph.loaders.dates import calendar_words

    calendar = calendar_words(ctx.lang)
    news = [fold(w) for w in ctx.lex.get("news_words", ())]
    articles = {fold(w) for w in ctx.lex.get("definite_articles", ())}
    medium = {fold(w) for w in ctx.lex.get("medium_intro", ())}
    openers = rd.word_gazetteer(ctx.lang, "credit_as").find(text, ctx.index)
    nouns = [(a, "agency") for a in rd.word_gazetteer(ctx.lang, "agency_nouns").find(text, ctx.index)]
    nouns += [(a, "outlet") for a in rd.word_gazetteer(ctx.lang, "outlet_nouns").find(text, ctx.index)]
    demonyms = [x for _, _, x in ctx.state_hits]
    out = []
    for a, typ in sorted(nouns, key=lambda n: (n[0].start, -n[0].end)):
        if any(s <= a.start < e for s, e in skip) or any(s <= a.start < e for _, s, e, _ in out):
            continue
        stop = _CLAUSE_STOP.search(text, a.end)
        window = text[a.end : stop.start() if stop and text[stop.start()] not in "()" else a.end + 80]
        lead = len(window) - len(window.lstrip())
        capital = text[a.start].isupper() and ctx.lang != "de"  # German capitalises every noun
        m = (
            (_BRACKETED.match(window, lead) if typ == "agency" else None)
            or (None if capital else _NAMED.match(window, lead))
            or _QUOTED.match(window, lead)
        )
        if m is not None:
            s, e = a.end + m.start("name"), a.end + m.end("name")
        elif capital and (on := _NAME_ON.match(window)) and any(w in fold(on.group()) for w in news):
            # "Agence nigérienne de presse": the noun opens the name; it ends on its last news word
            words = list(re.finditer(r"[\w'’-]+", on.group()))
            last = max(
                i for i, w in enumerate(words) if any(n in fold(w.group()) for n in news) or w.group()[:1].isupper()
            )
            s, e = a.start, a.end + words[last].end()
        elif capital and (before := _NAME_BEFORE.search(text, max(0, a.start - 80), a.start)):
            s, e = before.start(), a.end  # "the Kenya News Agency", "Fiji Broadcasting Corporation"
        elif capital and (on := re.match(rf"\s+({_CAP}[\w-]*(?:\s+{_CAP}[\w-]*){{0,2}})", window)):
            s, e = a.start, a.end + on.end(1)  # "Radio Télévision Suisse", "Channel NewsAsia"
        else:
            continue
        lead_article = re.match(r"([\w'’]+)\s+", text[s:e])
        if m is None and lead_article and fold(lead_article.group(1)) in articles:
            s += lead_article.end()  # "the Kenya News Agency": the name without its article
        name = text[s:e].strip()
        inside = lambda x: s <= x.start < e  # noqa: B023 (called at once, in this iteration)
        quoted = m is not None and m.re is _QUOTED
        if (
            not name
            or fold(name.split()[0]) in calendar  # "the agency said Monday" (not "Island Sun")
            or any(inside(h) for h in ctx.leader_hits)
            or (not quoted and len(name.split()) == 1 and any(inside(x) for x in demonyms))
            or (not quoted and any(x.start <= s and e <= x.end for _, x in ctx.place_hits))
        ):
            continue  # "the agency said Monday", "the agency in Moscow", "the newspaper Kommersant's Putin"
        if typ == "agency" and not any(w in fold(text[a.start : e]) for w in news) and _known(name) is None:
            # "the International Atomic Energy Agency (IAEA) said": an agency, not of news, unless a
            # lower-case agency noun stands right after an article or a credit word and only
            # adjectives of a state come between it and the name
            prev = re.search(r"([\w'’]+)['’]?\s*$", text[max(0, a.start - 30) : a.start])
            after_credit = any(0 <= a.start - x.end <= 1 for x in [*intro, *verbs])
            adj = (m.groupdict().get("adj") or "") if m is not None else ""
            adjectives = adj.split()
            state_adj = all(
                any(x.start <= a.end + m.start("adj") + adj.index(w) < x.end for x in demonyms) for w in adjectives
            )
            if capital or not (after_credit or (prev and fold(prev.group(1)) in articles)) or not state_adj:
                continue
        line_start = text.rfind("\n", 0, a.start) + 1
        first = min(s, a.start)
        if _medium_before(text, line_start, first, medium):
            continue  # "told the weekly X", "в эфире ливанского телеканала X": where it was said
        before = any(
            x.start >= line_start
            and 0 <= first - x.end <= 40
            and not re.search(r"[.;:!?\n]", text[x.end : first])
            and fold(x.form) not in medium  # "told the newspaper X"
            and not {fold(w) for w in re.findall(r"\w+", text[x.end : first])} & medium  # "said on television X"
            for x in [*intro, *verbs]
        )
        after = any(
            0 <= x.start - e <= 30 and not re.search(r"[.;:!?\n,]", re.sub(r"\([^()]*\)", "", text[e : x.start]))
            for x in verbs
        )
        # "wie die Nachrichtenagentur X unter Berufung auf Regierungskreise berichtete", "as the
        # newspaper X reported on Monday": an "as" opens the clause and a reporting verb closes it
        framed = any(
            x.start >= line_start and 0 <= first - x.end <= 40 and not re.search(r"[.;:!?\n,]", text[x.end : first])
            for x in openers
        ) and any(0 <= v.start - e <= 120 and not re.search(r"[.;:!?\n,]", text[e : v.start]) for v in verbs)
        if before or after or framed:
            broadcaster = fold(text[a.start : a.end]) in {fold(w) for w in ctx.lex.get("broadcast", ())}
            out.append((name, s, e, "broadcaster" if broadcaster else typ))
    return out
