"""Extract: an ``Article`` in, ``ArticleFacts`` out, by rules over reference data.

Deterministic and offline. Mentions first (states, leaders, titles, places, facilities, dates,
sources, sector words), found with gazetteers on the text's tokens; then events read from
sentences: meetings, visits and proposals, with their participants, place, date and status.
Every fact keeps the span of the text it was read from. Nothing here names an article: the rules
are keyed to the language lexicons in ``data/lang`` and to the reference data.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from unidecode import unidecode

from relgraph.loaders import refdata as rd
from relgraph.loaders.dates import DateMention, find_dates
from relgraph.loaders.gazetteer import Match, Token, TokenIndex, fold, tokenize
from relgraph.loaders.records import (Article, ArticleFacts, Evidence, FacilityRef, LeaderRef,
                                      MeetingFact, ProjectRef, ProposalFact, SectorRef, SourceRef,
                                      StatementFact, StateRef, VisitFact)

MAX_EVIDENCE = 8
HEADS_OF_STATE = {"president", "king", "queen", "emir", "supreme leader"}
_SENT_END = re.compile(r"[.!?…]+[\"»”’)]*\s+|\n+")
_CREDIT_LINE = re.compile(r"^\s*(?:(?P<photo>[\w ]{2,20}?)\s*:\s*)?(?P<names>[\w .&'-]{2,40}(?:\s*/\s*[\w .&'-]{2,40})+)\s*$")
_PHOTO_LINE = re.compile(r"(?:^|[.\s])(?P<word>Photo|Photos|Foto|Fotos|Фото|Bild|Image|Crédit photo)\s*:\s*(?P<names>[^\n]{2,80})$", re.I)
_DATELINE = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w .,'-]{1,40}\((?P<name>[\w .-]{2,30})\)\s*[-—–:]?\s")
_META_LINE = re.compile(r"^[ \t]*(?:url|date|source)\s*:.*$", re.I | re.M)
_UPPER = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ]")


def _is_cap(t: Token) -> bool:
    return bool(_UPPER.match(t.text)) and not t.text.isdigit()


@dataclass
class Sentence:
    start: int
    end: int
    i: int            # first token index (into the body tokens)
    j: int            # one past the last token index
    para: int


@dataclass
class LeaderHit:
    lid: str
    start: int
    end: int
    tok: int
    explicit: bool = True      # named, not an anaphor ("le président russe")


@dataclass
class Ctx:
    article: Article
    lang: str
    text: str
    toks: list[Token]
    sents: list[Sentence]
    lex: dict
    pub: str | None
    state_hits: list[tuple[str, str, Match]] = field(default_factory=list)
    leader_hits: list[LeaderHit] = field(default_factory=list)
    leader_info: dict[str, dict] = field(default_factory=dict)     # id -> name, state, role, aliases
    place_hits: list[tuple[str, Match]] = field(default_factory=list)
    places: dict[str, dict] = field(default_factory=dict)          # id -> name, kind, state, aliases
    dates: list[DateMention] = field(default_factory=list)
    triggers: dict[str, list[Match]] = field(default_factory=dict)
    index: TokenIndex | None = None

    def sent_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sents[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sents) - 1))

    def ev(self, start: int, end: int) -> Evidence:
        return Evidence.at(self.text, start, end)

    def sent_ev(self, k: int) -> Evidence:
        s = self.sents[k]
        return self.ev(s.start, s.end)

    def has(self, key: str, k: int) -> bool:
        s = self.sents[k]
        return any(s.start <= m.start < s.end for m in self.triggers.get(key, ()))


# -- sentences -------------------------------------------------------------------------------
def sentences(text: str, toks: list[Token], body_start: int, honorifics: set[str]) -> list[Sentence]:
    spans: list[tuple[int, int, int]] = []
    para = 0
    pos = body_start
    for m in _SENT_END.finditer(text, body_start):
        cut = m.end()
        before = text[max(pos, m.start() - 4):m.start()]
        word = re.findall(r"\w+$", before)
        if "\n" not in m.group() and word and (word[0] in honorifics or (len(word[0]) == 1 and word[0].isupper())):
            continue  # "M. Poutine", "U.S. officials"
        if text[pos:m.start()].strip():
            spans.append((pos, m.start() + len(m.group().rstrip()), para))
        if "\n\n" in m.group() or m.group().count("\n") >= 1:
            para += 1
        pos = cut
    if text[pos:].strip():
        spans.append((pos, len(text.rstrip()), para))
    out = []
    ti = 0
    for s, e, p in spans:
        while ti < len(toks) and toks[ti].start < s:
            ti += 1
        tj = ti
        while tj < len(toks) and toks[tj].start < e:
            tj += 1
        out.append(Sentence(s, e, ti, tj, p))
        ti = tj
    return out


# -- the entry point -------------------------------------------------------------------------
def extract(article: Article) -> ArticleFacts:
    """All facts of one article, each with evidence into ``article.text``."""
    lang = article.lang or "en"
    text = article.text
    lex = rd.lexicon(lang)
    toks = tokenize(text)
    # title and body are read; the header lines (Source:, Date:, URL:) only for sources
    header_spans = [(s, e) for _, s, e in article.header]
    title_end = text.find("\n") if "\n" in text else len(text)
    for m in _META_LINE.finditer(text):  # "URL: ...", "Date: ..." lines hold no facts
        header_spans.append((m.start(), m.end()))
    body_toks = [t for t in toks if not any(s <= t.start < e for s, e in header_spans)] if header_spans else toks
    sents = sentences(text, body_toks, article.body_start, set(lex.get("honorifics", [])))
    if article.title and title_end > 0 and article.body_start > 0:
        ttoks = [i for i, t in enumerate(body_toks) if t.start < title_end]
        sents.insert(0, Sentence(0, title_end, 0, (ttoks[-1] + 1) if ttoks else 0, -1))
    ctx = Ctx(article, lang, text, body_toks, sents, lex, article.published)
    ctx.index = TokenIndex(body_toks)
    # sentences hold indexes into ``toks``; the finders below work on body tokens, by offsets

    for key in ("meeting", "visit", "proposal", "invitation", "say", "discuss", "future", "past", "remote", "backref", "invitation_noun",
                "locative", "credit_intro", "photo", "broadcast", "continuation", "plural_leaders",
                "honorifics", "duration_intro", "hours"):
        ctx.triggers[key] = rd.word_gazetteer(lang, key).find(text, ctx.index)

    _find_states(ctx)
    _find_places(ctx)
    _find_leaders(ctx)
    names = [(h.start, h.end) for h in ctx.leader_hits if h.explicit]
    ctx.place_hits = [(pid, m) for pid, m in ctx.place_hits
                      if not any(s <= m.start and m.end <= e for s, e in names) and not _glued(ctx, pid, m)]
    ctx.dates = find_dates(text, ctx.index, lang, article.published)
    _unknown_places(ctx)
    _locate_unknown(ctx)
    sources = _find_sources(ctx)
    sector_hits = [h for h in rd.sector_gazetteer(lang).find(text, ctx.index) if h.value != "-"]

    meetings = _meetings(ctx, sector_hits)
    visits = _visits(ctx, meetings)
    proposals = _proposals(ctx, sector_hits)
    sectors = _sectors(ctx, sector_hits, meetings, proposals)
    pair, actors = _pair(ctx, meetings, visits, proposals)

    states = []
    by_state: dict[str, list[Evidence]] = defaultdict(list)
    for iso3, _, m in ctx.state_hits:
        by_state[iso3].append(ctx.ev(m.start, m.end))
    info = rd.states()
    for iso3 in actors:
        if iso3 not in by_state and iso3 in info:
            # a state the text names only through its leader: the leader's mentions are the evidence
            evs = [ctx.ev(h.start, h.end) for h in ctx.leader_hits
                   if h.explicit and ctx.leader_info[h.lid]["state"] == iso3]
            if evs:
                by_state[iso3] = evs
    for iso3, evs in by_state.items():
        s = info[iso3]
        states.append(StateRef(iso3, s.name, s.wikidata, "actor" if iso3 in actors else "mentioned",
                               tuple(evs[:MAX_EVIDENCE])))
    states.sort(key=lambda s: (s.role != "actor", -len(by_state[s.iso3]), s.iso3))

    leaders = []
    lev: dict[str, list[Evidence]] = defaultdict(list)
    for h in ctx.leader_hits:
        if h.explicit:
            lev[h.lid].append(ctx.ev(h.start, h.end))
    for lid, evs in lev.items():
        li = ctx.leader_info[lid]
        aliases = tuple(sorted({e.quote for e in evs} - {li["name"]}))
        leaders.append(LeaderRef(lid, li["name"], aliases, li["state"], li["role"], tuple(evs[:MAX_EVIDENCE])))

    facilities, cities = [], []
    event_places = {m.place_id for m in meetings} | {v.place_id for v in visits}
    fev: dict[str, list[Evidence]] = defaultdict(list)
    for pid, m in ctx.place_hits:
        fev[pid].append(ctx.ev(m.start, m.end))
    for pid, evs in fev.items():
        p = ctx.places[pid]
        aliases = tuple(sorted({e.quote for e in evs} - {p["name"]}))
        ref = FacilityRef(pid, p["name"], p["kind"], p["state"], aliases, tuple(evs[:MAX_EVIDENCE]))
        # facilities are venues and sites; cities are places (both become Facility nodes)
        if p["kind"] == "city":
            cities.append(ref)
        elif pid in event_places or not all(ctx.has("photo", ctx.sent_of(e.start)) or _metonym(ctx, e.start)
                                            for e in evs):
            # not when only named in picture credits ("Courtesy of the White House") or for the
            # government it houses ("a indiqué l'Élysée")
            facilities.append(ref)

    projects = []
    seen_proj = set()
    for p in proposals:
        if p.project not in seen_proj:
            seen_proj.add(p.project)
            projects.append(ProjectRef(p.project, p.what, p.sector, p.evidence))

    statements = _statements(ctx, sources)
    warnings = () if by_state else ("names no state: loaded as an article with no facts",)
    return ArticleFacts(article=article, pair=pair, states=tuple(states), leaders=tuple(leaders),
                        facilities=tuple(facilities), places=tuple(cities), projects=tuple(projects),
                        meetings=tuple(meetings),
                        visits=tuple(visits), proposals=tuple(proposals), sectors=tuple(sectors),
                        sources=tuple(sources), statements=tuple(statements), warnings=warnings)


# -- mentions --------------------------------------------------------------------------------
def _find_states(ctx: Ctx) -> None:
    for m in rd.state_gazetteer(ctx.lang).find(ctx.text, ctx.index):
        iso3, kind = m.value
        if kind == "prefix":
            # "russo-nord-coréen": a combining form counts only when a hyphen follows it
            if not ctx.text[m.end:m.end + 1] in "-‐‑":
                continue
        ctx.state_hits.append((iso3, kind, m))


def _find_places(ctx: Ctx) -> None:
    known = rd.places()
    taken: list[tuple[int, int]] = []
    for m in rd.place_gazetteer().find(ctx.text, ctx.index):
        if not any(_is_cap(t) for t in ctx.toks[m.i:m.j]):
            continue  # "la paz" is peace, "La Paz" a city: places are proper names
        p = known[m.value]
        ctx.places.setdefault(p.id, {"name": p.name, "kind": p.kind, "state": p.state})
        ctx.place_hits.append((p.id, m))
        taken.append((m.start, m.end))
    # "cosmodrome X", "X estate": a facility word next to a proper name
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("connectors", [])} | {"de", "of", "du", "d", "des", "del"}
    stop = _stopwords(ctx)
    for m in rd.facility_words(ctx.lang).find(ctx.text, ctx.index):
        kind, order, label = m.value
        if any(s <= m.start < e for s, e in taken):
            continue
        name_toks: list[Token] = []
        if order in ("after", "either"):
            k = m.j
            while k < len(toks) and toks[k].fold in connectors and k - m.j < 2 and toks[k].sep != "|":
                k += 1
            while k < len(toks) and _is_cap(toks[k]) and toks[k].sep in (" ", "'") and len(name_toks) < 4 \
                    and toks[k].fold not in stop:
                name_toks.append(toks[k])
                k += 1
        if not name_toks and order in ("before", "either"):
            k = m.i - 1
            while k >= 0 and len(name_toks) < 5:
                tk = toks[k]
                if tk.text == "s" and tk.sep == "'" and k > 0 and _is_cap(toks[k - 1]):
                    name_toks.insert(0, tk)  # "Prime Minister's Office"
                    k -= 1
                    continue
                if not (_is_cap(tk) and toks[k + 1].sep in (" ", "'") and tk.fold not in stop
                        and not _sentence_initial(ctx, tk)):
                    break
                name_toks.insert(0, tk)
                k -= 1
        if not name_toks:
            continue
        s = min(name_toks[0].start, m.start)
        e = max(name_toks[-1].end, m.end)
        if any(s < te and ts < e for ts, te in taken):
            # a known place named with its kind word ("cosmodrome Vostotchny"): widen that hit
            for idx, (pid, pm) in enumerate(ctx.place_hits):
                if s <= pm.start and pm.end <= e and known[pid].kind == kind:
                    ctx.place_hits[idx] = (pid, Match(pm.i, pm.j, s, e, pid, ctx.text[s:e]))
            continue
        proper = ctx.text[name_toks[0].start:name_toks[-1].end]
        if any(sm.value[1] not in ("metonym", "capital") for sm in rd.state_gazetteer(ctx.lang).find(proper)):
            continue  # "palais de France" names no palace
        if order == "after" or not label:
            name = f"{_latin(proper)} {label}".strip() if label else _latin(proper)
        else:  # English: the name as written, "Filoli estate"
            name = ctx.text[s:e]
        pid = _slug(name) + "@"
        ctx.places.setdefault(pid, {"name": name, "kind": kind, "state": None})
        ctx.place_hits.append((pid, Match(0, 0, s, e, pid, ctx.text[s:e])))
        taken.append((s, e))


def _metonym(ctx: Ctx, pos: int) -> bool:
    """Is the place mention at ``pos`` also a seat of power standing for its state (the Kremlin)?"""
    return any(kind == "metonym" and sm.start <= pos < sm.end for _, kind, sm in ctx.state_hits)


def _glued(ctx: Ctx, pid: str, m: Match) -> bool:
    """A city name right after another capitalised word is part of a longer name
    ("Vuong Dinh Hue", a person): unless that word is itself known (a title, a state)."""
    if ctx.places[pid]["kind"] != "city" or m.i == 0 or not m.j:
        return False
    prev = ctx.toks[m.i - 1]
    if not _is_cap(prev) or ctx.toks[m.i].sep != " " or _sentence_initial(ctx, prev):
        return False
    known = {k for _, _, sm in ctx.state_hits for k in range(sm.i, sm.j)}
    known |= {k for _, pm in ctx.place_hits if pm.j for k in range(pm.i, pm.j)}
    return (m.i - 1) not in known and prev.fold not in _stopwords(ctx)


def _locate_unknown(ctx: Ctx) -> None:
    """A facility the reference data does not know lies where the nearest known place named
    before it lies ("BRASILIA ... Palacio de Planalto"; "in Tokyo ... the Prime Minister's Office")."""
    known = sorted(((m.start, ctx.places[pid]["state"]) for pid, m in ctx.place_hits
                    if ctx.places[pid]["state"]), key=lambda x: x[0])
    if not known:
        return
    for pid, m in ctx.place_hits:
        p = ctx.places[pid]
        if p["state"] is None:
            before = [st for pos, st in known if pos < m.start]
            p["state"] = before[-1] if before else known[0][1]


def _unknown_places(ctx: Ctx) -> None:
    """A proper name after a locative in a meeting or visit sentence is a place ("puis à Münster")."""
    toks = ctx.toks
    index = {t.start: i for i, t in enumerate(toks)}
    busy = set()
    for _, _, m in ctx.state_hits:
        busy.update(range(m.i, m.j))
    for _, m in ctx.place_hits:
        busy.update(k for k in range(len(toks)) if m.start <= toks[k].start < m.end)
    for h in ctx.leader_hits:
        busy.update(k for k in range(h.tok, min(h.tok + 6, len(toks))) if toks[k].start < h.end)
    for d in ctx.dates:
        busy.update(k for k in (index.get(d.start),) if k is not None)
    for key in ("meeting", "visit", "titles"):
        for m in ctx.triggers.get(key, ()):
            busy.update(range(m.i, m.j))
    stop = _stopwords(ctx)
    from relgraph.loaders.dates import calendar_words

    stop |= calendar_words(ctx.lang)
    if ctx.lex.get("capitalised_nouns"):
        return  # German capitalises every noun: "im Herbst" is no place
    for m in ctx.triggers.get("locative", ()):
        k = ctx.sent_of(m.start)
        if not (ctx.has("visit", k) or ctx.has("meeting", k) or ctx.has("continuation", k)) \
                or ctx.has("remote", k) or _headline(ctx, m.start):
            continue  # "la situation au Proche-Orient" names a region, not where anyone went
        j = m.j
        run = []
        while j < len(toks) and _is_cap(toks[j]) and j not in busy and toks[j].fold not in stop and len(run) < 3 \
                and (not run or toks[j].sep == " ") and not (run == [] and toks[j].sep == "|"):
            run.append(toks[j])
            j += 1
        if not run or any(len(t.text) < 3 for t in run) or _sentence_initial(ctx, run[0]):
            continue
        s, e = run[0].start, run[-1].end
        name = _latin(ctx.text[s:e])
        pid = _slug(name) + "@"
        ctx.places.setdefault(pid, {"name": name, "kind": "city", "state": None})
        ctx.place_hits.append((pid, Match(run[0] and index[s], j, s, e, pid, ctx.text[s:e])))
        busy.update(range(index[s], j))


def _headline(ctx: Ctx, pos: int) -> bool:
    """Is ``pos`` on a line written in Title Case (a headline, where capitals say nothing)?"""
    ls = ctx.text.rfind("\n", 0, pos) + 1
    le = ctx.text.find("\n", pos)
    line = ctx.text[ls:le if le >= 0 else len(ctx.text)].strip()
    if line.endswith((".", "!", "?", "»", '"')):
        return False  # a sentence, however many names it holds
    words = [w for w in re.findall(r"\w+", line) if len(w) > 3]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


def _sentence_initial(ctx: Ctx, t: Token) -> bool:
    k = ctx.sent_of(t.start)
    return ctx.sents[k].start == t.start


@dataclass(frozen=True)
class _TitleHit:
    role: str
    m: Match
    state: str | None    # the state named in the title phrase ("président russe", "of Vietnam")
    end: int             # end of the title phrase (after the state)
    j: int               # token after the title phrase


def _titles(ctx: Ctx) -> list[_TitleHit]:
    out = []
    toks = ctx.toks
    by_tok = {m.i: (iso3, m) for iso3, _, m in ctx.state_hits}
    connectors = {"de", "of", "la", "du", "the", "des", "del", "d", "l", "von", "der", "des"}
    for m in rd.word_gazetteer(ctx.lang, "titles").find(ctx.text, ctx.index):
        j, state, end = m.j, None, m.end
        k = j
        while k < len(toks) and toks[k].fold in connectors and k - j < 3:
            k += 1
        if k in by_tok and all(toks[x].sep in (" ", "'") for x in range(m.j, k + 1)):
            state, sm = by_tok[k]
            j, end = sm.j, sm.end
        elif m.i - 1 in {mm.j - 1 for _, mm in by_tok.values()} and toks[m.i].sep in (" ", "'"):
            # "russische Präsident", "Russian President", "российский президент"
            for iso3, mm in by_tok.values():
                if mm.j == m.i:
                    state = iso3
        out.append(_TitleHit(m.value, m, state, end, j))
    return out


def _stopwords(ctx: Ctx) -> set[str]:
    words = set()
    for key in ("connectors", "locative", "honorifics"):
        words |= {fold(w) for w in ctx.lex.get(key, [])}
    return words | {"le", "la", "les", "l", "the", "el", "los", "las", "der", "die", "das", "un", "une", "a"}


def _leader_from_ref(ctx: Ctx, lid: str) -> None:
    if lid in ctx.leader_info:
        return
    info = rd.leaders()[lid]
    ctx.leader_info[lid] = {"name": info.name, "state": info.state, "role": info.role_on(ctx.pub)}


def _find_leaders(ctx: Ctx) -> None:
    toks = ctx.toks
    text = ctx.text
    hits: list[LeaderHit] = []
    taken: set[int] = set()
    tok_index = {t.start: i for i, t in enumerate(toks)}
    in_places = [(m.start, m.end) for _, m in ctx.place_hits]
    for m in rd.leader_gazetteer().find(text, ctx.index):
        if any(s <= m.start and m.end <= e for s, e in in_places):
            continue  # "place Kim Il Sung" is a square, not the man
        hits.append(LeaderHit(m.value, m.start, m.end, m.i))
        taken.update(range(m.i, m.j))
        _leader_from_ref(ctx, m.value)
    mentioned_states = {iso3 for iso3, _, _ in ctx.state_hits}
    for m in rd.leader_short_gazetteer().find(text, ctx.index):
        if any(k in taken for k in range(m.i, m.j)) or not _is_cap(toks[m.i]):
            continue
        info = rd.leaders()[m.value]
        if m.value in ctx.leader_info or info.state in mentioned_states:
            hits.append(LeaderHit(m.value, m.start, m.end, m.i))
            taken.update(range(m.i, m.j))
            _leader_from_ref(ctx, m.value)

    titles = _titles(ctx)
    stop = _stopwords(ctx)
    state_toks = {k for _, _, m in ctx.state_hits for k in range(m.i, m.j)}
    place_toks = set()
    for pid, m in ctx.place_hits:
        if m.j and not _glued(ctx, pid, m):  # "Vuong Dinh Hue": Hue ends a name here
            place_toks.update(range(m.i, m.j))
    title_toks = {k for t in titles for k in range(t.m.i, t.m.j)}
    month_like = set()
    for d in ctx.dates if ctx.dates else ():
        month_like.add(d.start)
    # Named people after a title: "le président russe Vladimir Poutine", "Prime Minister Pham Minh Chinh"
    events = {k for key in ("meeting", "visit", "proposal", "say") for m in ctx.triggers.get(key, ())
              for k in range(m.i, m.j)}
    inst_toks = {k for m in rd.word_gazetteer(ctx.lang, "institutions").find(text, ctx.index) for k in range(m.i, m.j)}
    state_of_tok = {k: iso3 for iso3, _, m in ctx.state_hits for k in range(m.i, m.j)}
    connectors_fold = {"of", "the", "de", "la", "l", "du", "des", "del", "der", "des", "el"}
    for t in titles:
        k = t.j
        if _headline(ctx, t.m.start):
            continue  # in a Title Case Headline every word looks like a name
        # a name follows the title directly, or after a comma (apposition: "de Brasil, Luiz Inácio Lula")
        if k < len(toks) and toks[k].sep == "|" and ctx.text[toks[k - 1].end:toks[k].start].strip() != ",":
            continue
        hit = next((h for h in hits if h.tok == k), None)
        if hit is not None:
            li = ctx.leader_info[hit.lid]
            if t.role not in ("counterpart", "leader", "minister", "head of state") and li.get("generic_role"):
                li["role"] = t.role
            continue
        # "Chairman of the National Assembly Vuong Dinh Hue": past the institution, the name
        inst_state = None
        if k < len(toks) and (toks[k].fold in connectors_fold or k in inst_toks):
            last_inst = None
            for kk in range(k, min(k + 8, len(toks))):
                if kk > k and toks[kk].sep == "|":
                    break
                if kk in inst_toks or (last_inst is not None and kk in state_toks):
                    last_inst = kk  # "Совета безопасности России": the state closes the phrase
                    if kk in state_of_tok:
                        inst_state = state_of_tok[kk]
                elif last_inst is not None and _is_cap(toks[kk]):
                    break  # the name begins
            if last_inst is not None:
                k = last_inst + 1
                while k < len(toks) and k - last_inst <= 2 and toks[k].text.islower() and toks[k].sep == " " \
                        and k + 1 < len(toks) and _is_cap(toks[k + 1]):
                    k += 1  # "l'Assemblée nationale Anatole Dubreuil"
        run: list[Token] = []
        while k < len(toks) and _is_cap(toks[k]) and len(run) < 5 and k not in state_toks \
                and k not in place_toks and k not in title_toks and toks[k].fold not in stop and k not in events \
                and (not run or toks[k].sep in (" ", "'") or (toks[k].sep == "." and len(run[-1].text) == 1)):
            run.append(toks[k])
            k += 1
        if len(run) >= 2 and (t.role != "counterpart" or t.state):
            name_text = text[run[0].start:run[-1].end]
            if "\n" in name_text:
                continue
            # "Antony J. Blinken": without its initials the name may be a known one
            plain = " ".join(tk.text for tk in run if len(tk.text) > 1)
            known = rd.leader_gazetteer().find(plain)
            if known and known[0].form == plain:
                _leader_from_ref(ctx, known[0].value)
                if not any(h.start == run[0].start for h in hits):
                    hits.append(LeaderHit(known[0].value, run[0].start, run[-1].end, tok_index.get(run[0].start, 0)))
                continue
            if any(kk in taken for kk in range(tok_index.get(run[0].start, 0), k)):
                continue
            name = _latin(" ".join(tk.text + ("." if len(tk.text) == 1 else "") for tk in run))
            lid = "rg:" + _slug(name)
            ctx.leader_info.setdefault(lid, {"name": name, "state": t.state or inst_state,
                                             "role": None if t.role == "counterpart" else t.role})
            hits.append(LeaderHit(lid, run[0].start, run[-1].end, tok_index.get(run[0].start, 0)))
            taken.update(range(tok_index.get(run[0].start, 0), k))
    # "Petro" after "Gustavo Petro": the surname of a person introduced by a title, later on
    surnames: dict[str, str] = {}
    for lid, li in ctx.leader_info.items():
        parts = li["name"].split()
        if lid not in rd.leaders() and len(parts) >= 2 and len(parts[-1]) >= 4:
            surnames.setdefault(fold(parts[-1]), lid)
    if surnames:  # the headline may use the surname before the body gives the full name
        for i, tk in enumerate(toks):
            lid = surnames.get(tk.fold)
            if lid and _is_cap(tk) and i not in taken \
                    and not any(h.start <= tk.start < h.end for h in hits):
                hits.append(LeaderHit(lid, tk.start, tk.end, i))
                taken.add(i)
    # Anaphors: "le président russe", "le dirigeant de la RPDC", "son homologue nord-coréen"
    by_state: dict[str, list[str]] = defaultdict(list)
    for h in hits:
        st = ctx.leader_info[h.lid]["state"]
        if st and h.lid not in by_state[st]:
            by_state[st].append(h.lid)
    for t in titles:
        if any(s <= t.m.start < e for s, e in [(m.start, m.end) for _, m in ctx.place_hits]):
            continue
        if t.state and by_state.get(t.state) and not any(h.start >= t.m.start and h.start <= t.end + 2 for h in hits):
            nxt = t.j
            if nxt < len(toks) and any(h.tok == nxt for h in hits):
                continue
            hits.append(LeaderHit(by_state[t.state][0], t.m.start, t.end, t.m.i, explicit=False))
    # "The Secretary", "le chef de l'État": a bare title names the one leader of the article with that role
    in_place = [(m.start, m.end) for _, m in ctx.place_hits]
    for t in titles:
        if t.state or any(h.start >= t.m.start and h.start <= t.end + 2 for h in hits):
            continue
        if any(s <= t.m.start < e for s, e in in_place):
            continue  # "the Prime Minister's Office" is a building
        roles = HEADS_OF_STATE if t.role == "head of state" else {t.role}
        same_role = {lid for lid, li in ctx.leader_info.items() if li["role"] in roles}
        if len(same_role) == 1 and t.role not in ("leader", "counterpart", "minister"):
            hits.append(LeaderHit(same_role.pop(), t.m.start, t.end, t.m.i, explicit=False))
    # "M. Kim", "Mr Xi": an honorific and one token of a leader's name already seen
    honor = rd.word_gazetteer(ctx.lang, "honorifics").find(text, ctx.index)
    for m in honor:
        if m.j < len(toks):
            nt = toks[m.j]
            cands = [lid for lid, li in ctx.leader_info.items()
                     if nt.fold in {fold(w) for w in re.findall(r"\w+", li["name"])}
                     or any(fold(w) == nt.fold for h in hits if h.lid == lid for w in re.findall(r"\w+", text[h.start:h.end]))]
            if len(set(cands)) == 1 and not any(h.start <= nt.start < h.end for h in hits):
                hits.append(LeaderHit(cands[0], m.start, nt.end, m.i))
    # a name inside a place's name is the place ("place Kim Il Sung"), whatever rule found it
    hits = [h for h in hits if not any(s <= h.start and h.end <= e and (s, e) != (h.start, h.end)
                                       for s, e in in_places)]
    hits.sort(key=lambda h: h.start)
    ctx.leader_hits = hits
    # A title right before an unknown person's name gives the role; known people keep the
    # office the reference data gives for the publication date
    for t in titles:
        for h in hits:
            if h.explicit and h.lid.startswith("rg:") and h.lid not in rd.leaders() and 0 <= h.start - t.end <= 3 \
                    and t.role not in ("counterpart", "minister", "leader", "head of state"):
                ctx.leader_info[h.lid]["role"] = t.role


# -- sources ---------------------------------------------------------------------------------
def _source_name(part: str) -> tuple[str, str | None]:
    ms = rd.source_gazetteer().find(part)
    if ms and ms[0].end - ms[0].start >= len(part.strip()) - 1:
        name = ms[0].value
        return name, rd.sources()[name].kind
    return part.strip(), None


def _find_sources(ctx: Ctx) -> list[SourceRef]:
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


# -- events ----------------------------------------------------------------------------------
_CLAUSE_CUT = re.compile(r"[,;:()—–]|\s-\s")


def _clause(ctx: Ctx, k: int, positions: list[int]) -> tuple[int, int]:
    """The stretch of sentence ``k`` between punctuation that holds all ``positions``."""
    s = ctx.sents[k]
    lo, hi = min(positions), max(positions)
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(ctx.text, s.start, s.end)]
    start = max([c for c in cuts if c < lo], default=s.start)
    end = min([c for c in cuts if c >= hi], default=s.end)
    return start, end


def _status(ctx: Ctx, k: int, date: DateMention | None, around: list[int] | None = None) -> str:
    """held, planned or past: from the date, else from tense markers in the event's clause."""
    if date and ctx.pub and date.value[:1] != "-":
        if date.value[:10] > ctx.pub:
            return "planned"
        if date.year_explicit and date.value[:4] < ctx.pub[:4]:
            return "past"
    s = ctx.sents[k]
    lo, hi = _clause(ctx, k, around) if around else (s.start, s.end)

    # a leading adverbial ("À l'époque, ...", "Next week, ...") sets the time of the whole sentence
    lead_end = _clause(ctx, k, [s.start])[1]

    def marked(key):
        return any(lo <= m.start < hi or s.start <= m.start < lead_end for m in ctx.triggers.get(key, ()))
    if marked("invitation"):
        return "planned"  # "invité à se rendre à Pyongyang": a visit still to come
    if marked("past"):
        return "past"
    if date and date.precision in ("month", "year") and ctx.pub and date.value[:7] < ctx.pub[:7]:
        return "past"
    if marked("future"):
        return "planned"
    return "held"


def _sentence_dates(ctx: Ctx, k: int) -> list[DateMention]:
    """Dates of sentence ``k``; a bare weekday looks ahead when the sentence speaks of the future."""
    s = ctx.sents[k]
    ds = [d for d in ctx.dates if s.start <= d.start < s.end]
    if ctx.has("future", k):
        ds = [replace(d, value=d.ahead, ahead=None) if d.ahead else d for d in ds]
    return ds


def _loc_places(ctx: Ctx, k: int) -> list[tuple[str, Match]]:
    """Places of sentence ``k``, those after a locative preposition first."""
    s = ctx.sents[k]
    negations = {fold(w) for w in ctx.lex.get("negation", [])}

    def negated(m: Match) -> bool:  # "y no en el Gran Palacio del Pueblo"
        before = re.findall(r"\w+", ctx.text[max(s.start, m.start - 24):m.start])[-4:]
        return any(fold(w) in negations for w in before)
    hits = [(pid, m) for pid, m in ctx.place_hits if s.start <= m.start < s.end and not negated(m)]
    loc = ctx.triggers.get("locative", [])

    def after_loc(m: Match) -> bool:
        return any(0 <= m.start - x.end <= 4 for x in loc)
    return sorted(hits, key=lambda h: (not after_loc(h[1]), h[1].start))


def _participants(ctx: Ctx, k: int) -> list[LeaderHit]:
    s = ctx.sents[k]
    hits = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
    seen, out = set(), []
    for h in hits:
        if h.lid not in seen:
            seen.add(h.lid)
            out.append(h)
    return out


def _main_leaders(ctx: Ctx) -> dict[str, str]:
    """The most mentioned leader of each state in the article."""
    c = Counter(h.lid for h in ctx.leader_hits)
    best: dict[str, str] = {}
    for lid, _ in c.most_common():
        st = ctx.leader_info[lid]["state"]
        if st and st not in best:
            best[st] = lid
    return best


def _meetings(ctx: Ctx, sector_hits: list[Match]) -> list[MeetingFact]:
    main = _main_leaders(ctx)
    top_states = [st for st, _ in Counter(ctx.leader_info[h.lid]["state"] for h in ctx.leader_hits
                                          if ctx.leader_info[h.lid]["state"]).most_common(2)]
    out: list[dict] = []
    for k, s in enumerate(ctx.sents):
        if not ctx.has("meeting", k) or ctx.has("remote", k):
            continue  # a phone or video call is not a meeting
        parts = _participants(ctx, k)
        ids = [h.lid for h in parts]
        if len({ctx.leader_info[i]["state"] for i in ids}) < 2 and (ctx.has("plural_leaders", k) or len(ids) == 1):
            present = {ctx.leader_info[i]["state"] for i in ids}
            for st in top_states:
                lid = main.get(st)
                if lid and lid not in ids and st not in present:
                    ids.append(lid)
        states = {ctx.leader_info[i]["state"] for i in ids}
        if len(ids) < 2 or len(states) < 2:
            continue
        dates = _sentence_dates(ctx, k)
        date = dates[0] if dates else None
        places = _loc_places(ctx, k)
        place = places[0] if places else None
        trig = [m.start for m in ctx.triggers.get("meeting", ()) if s.start <= m.start < s.end]
        status = _status(ctx, k, date, trig[:1] + ([place[1].start] if place else []) + [h.start for h in parts[:2]])
        city = next((pl for pl in places if ctx.places[pl[0]]["kind"] == "city"), None)
        out.append({"ids": ids, "k": k, "date": date, "status": status, "place": place, "city": city})
    # one meeting per (participants, status): later sentences fill in place and date
    merged: list[dict] = []
    for m in out:
        same = next((x for x in merged if set(x["ids"]) == set(m["ids"]) and x["status"] == m["status"]
                     and (not x["date"] or not m["date"] or x["date"].value == m["date"].value)), None)
        if same is None:
            merged.append(dict(m, ks=[m["k"]], venues={m["place"][0]} if m["place"] and _specific(ctx, m["place"][0]) else set()))
        else:
            same["ks"].append(m["k"])
            if m["place"] and _specific(ctx, m["place"][0]):
                same["venues"].add(m["place"][0])
            same["date"] = same["date"] or m["date"]
            same["city"] = same["city"] or m["city"]
            if same["place"] is None or (m["place"] is not None and _specific(ctx, m["place"][0])
                                         and not _specific(ctx, same["place"][0])):
                same["place"] = m["place"] or same["place"]
    # the article's own date, when its text states it (a dateline): the day of a held, undated meeting
    today = next((d for d in ctx.dates if ctx.pub and d.value == ctx.pub and d.year_explicit), None)
    facts = []
    for m in merged:
        if len(m["venues"]) > 1 and m["city"]:
            m["place"] = m["city"]  # a ceremony here, talks there: the city is what is sure
        if m["date"] is None and m["status"] == "held" and today is not None:
            m["date"] = today
        if m["date"] is None and m["place"] is not None:
            # the date may be given where the place is named again ("le 13 septembre au cosmodrome")
            for k, s in enumerate(ctx.sents):
                if any(pid == m["place"][0] and s.start <= pm.start < s.end for pid, pm in ctx.place_hits):
                    ds = _sentence_dates(ctx, k)
                    if ds and _status(ctx, k, ds[0]) == m["status"]:
                        m["date"] = ds[0]
                        break
        k = m["ks"][0]
        secs = sorted({h.value for h in sector_hits for kk in m["ks"]
                       if ctx.sents[kk].start <= h.start < ctx.sents[kk].end})
        pid = m["place"][0] if m["place"] else None
        evs = [ctx.sent_ev(kk) for kk in m["ks"]]
        facts.append(MeetingFact(
            participants=tuple(ctx.leader_info[i]["name"] for i in m["ids"]),
            place=ctx.places[pid]["name"] if pid else None, place_id=pid,
            date=m["date"].value if m["date"] else None,
            precision=m["date"].precision if m["date"] else None,
            duration=_duration(ctx, m["ks"], m["status"]), status=m["status"], sectors=tuple(secs),
            evidence=tuple(evs[:MAX_EVIDENCE]), participant_ids=tuple(m["ids"]),
            city_id=m["city"][0] if m["city"] else None))
    return facts


def _specific(ctx: Ctx, pid: str) -> bool:
    """A venue (palace, cosmodrome ...) says more than a city."""
    return ctx.places[pid]["kind"] not in ("city",)


def _duration(ctx: Ctx, ks: list[int], status: str) -> str | None:
    """"Le sommet a duré plus de cinq heures": in the meeting's sentences, or for the meeting
    being reported (held), in any sentence about a meeting."""
    for k, s in enumerate(ctx.sents):
        if not ctx.has("hours", k) or not ctx.has("duration_intro", k):
            continue
        if k not in ks and not (status == "held" and ctx.has("meeting", k)):
            continue
        m = re.search(r"(\d+|un|une|one|two|three|four|five|six|seven|eight|deux|trois|quatre|cinq|six|sept|huit)\s+(?:heures?|hours?|horas?|Stunden?|час\w*)",
                      ctx.text[s.start:s.end], re.I)
        if m:
            words = {"un": 1, "une": 1, "one": 1, "two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4,
                     "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7, "sept": 7, "eight": 8, "huit": 8}
            n = int(m.group(1)) if m.group(1).isdigit() else words.get(m.group(1).lower())
            if n:
                return f"PT{n}H"
    return None


def _visits(ctx: Ctx, meetings: list[MeetingFact]) -> list[VisitFact]:
    out: list[VisitFact] = []
    last_visitor: str | None = None
    last_status: str | None = None
    for k, s in enumerate(ctx.sents):
        trig = ctx.has("visit", k)
        cont = ctx.has("continuation", k) and last_visitor is not None and s.para == ctx.sents[k - 1].para if k else False
        if not trig and not cont:
            continue
        places = _loc_places(ctx, k)
        parts = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
        dates = _sentence_dates(ctx, k)
        trig_pos = [m.start for m in ctx.triggers.get("visit", ()) if s.start <= m.start < s.end]
        targets: list[tuple[str | None, str | None, str | None, Match]] = []
        for pid, m in places:
            p = ctx.places[pid]
            targets.append((pid, p["name"], p["state"], m))
        if not targets:
            loc = ctx.triggers.get("locative", [])
            for iso3, kind, m in ctx.state_hits:
                if s.start <= m.start < s.end and kind in ("name", "official", "acronym") and \
                        any(0 <= m.start - x.end <= 4 for x in loc):
                    targets.append((None, rd.states()[iso3].name, iso3, m))
        if not targets:
            continue
        status = _status(ctx, k, dates[0] if dates else None, (trig_pos or [targets[0][3].start])[:1] + [targets[0][3].start])
        known_hosts = [t[2] for t in targets if t[2]]
        visitor = None
        for h in parts:
            st = ctx.leader_info[h.lid]["state"]
            if st and (st != (targets[0][2] or (known_hosts[0] if known_hosts else None))):
                visitor = h.lid
                break
        if visitor is None and (cont or trig) and last_visitor and not parts:
            visitor = last_visitor
            if cont and status == "held" and last_status:
                status = last_status
        if visitor is None:
            continue
        last_visitor, last_status = visitor, status
        vstate = ctx.leader_info[visitor]["state"]
        for pid, pname, host, m in targets[:3]:
            if host is None:
                # an unknown place: in the state of the other places named, else the other side
                host = known_hosts[0] if known_hosts else _other_state(ctx, vstate)
            if host == vstate:
                continue
            out.append(VisitFact(ctx.leader_info[visitor]["name"], visitor, pname, pid, host,
                                 dates[0].value if dates else None, status, (ctx.sent_ev(k),)))
    # a meeting abroad is a visit by the foreign participants (PLOVER: the visitor is the actor),
    # to the city where it was held when the text names it, else to the venue
    told = {(v.visitor_id, v.place_id): v.status for v in out}
    for m in meetings:
        pid = m.city_id or m.place_id
        if not pid:
            continue
        host = ctx.places[pid]["state"] or (ctx.places[m.place_id]["state"] if m.place_id else None)
        for lid in m.participant_ids:
            if told.get((lid, pid)) in ("held", m.status):
                continue  # the text tells this visit itself (or the visitor is there already)
            if host and ctx.leader_info[lid]["state"] and ctx.leader_info[lid]["state"] != host:
                out.append(VisitFact(ctx.leader_info[lid]["name"], lid, ctx.places[pid]["name"], pid, host,
                                     m.date, m.status, m.evidence[:1]))
    # one visit per (visitor, place, status); a visit to a state gives way to one to a place in it
    uniq: dict[tuple, VisitFact] = {}
    for v in out:
        uniq.setdefault((v.visitor_id, v.place_id or v.place, v.status), v)
    res = list(uniq.values())
    placed = {(v.visitor_id, v.host_state, v.status) for v in res if v.place_id}
    cities = {(v.visitor_id, v.host_state, v.status) for v in res
              if v.place_id and ctx.places[v.place_id]["kind"] == "city"}
    return [v for v in res
            if (v.place_id or (v.visitor_id, v.host_state, v.status) not in placed)
            and not (v.place_id and ctx.places[v.place_id]["kind"] != "city"
                     and (v.visitor_id, v.host_state, v.status) in cities)]


def _statements(ctx: Ctx, sources: list[SourceRef]) -> list[StatementFact]:
    """Sentences with a saying verb and its speaker: a leader named in the sentence, a title
    standing for one ("le chef de l'État a qualifié ..."), or the paragraph's last speaker."""
    out: list[StatementFact] = []
    broadcasters = [(e.start, s.name) for s in sources if s.kind == "broadcaster" for e in s.evidence]
    last: dict[int, str] = {}
    pronouns = {fold(w) for w in ctx.lex.get("subject_pronouns", [])}
    for k, s in enumerate(ctx.sents):
        hs = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
        if not ctx.has("say", k):
            if hs:
                last[s.para] = hs[0].lid  # the subject comes first, mostly
            continue
        says = [m.start for m in ctx.triggers["say"] if s.start <= m.start < s.end]
        first_word = fold((re.findall(r"\w+", ctx.text[s.start:s.end]) or [""])[0])
        if first_word in pronouns or not hs:
            speaker = last.get(s.para)  # "Il a ajouté que ...": the paragraph's subject
        else:
            # the person nearest the saying verb ("a déclaré M. Poutine", "Biden said")
            speaker = min(hs, key=lambda h: abs(h.start - says[0])).lid
        if speaker:
            via = next((name for pos, name in broadcasters if s.start <= pos < s.end), None)
            out.append(StatementFact(ctx.leader_info[speaker]["name"], speaker, via, (ctx.sent_ev(k),)))
            last[s.para] = speaker
    return out


def _other_state(ctx: Ctx, state: str | None) -> str | None:
    c = Counter(iso3 for iso3, _, _ in ctx.state_hits if iso3 != state)
    return c.most_common(1)[0][0] if c else None


def _proposals(ctx: Ctx, sector_hits: list[Match]) -> list[ProposalFact]:
    """Who proposed (or invited, urged, offered) what, one proposal per speaker and sector.

    A proposal word opens a clause that runs to the next proposal word or the sentence end; the
    sectors named in it (or, for "many projects ...", in the next sentence) say what it is about.
    """
    out: list[ProposalFact] = []
    seen = set()
    speaker_by_para: dict[int, str] = {}
    for k, s in enumerate(ctx.sents):
        if ctx.has("say", k):
            hs = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
            if hs:
                speaker_by_para[s.para] = hs[-1].lid
    invites = ctx.triggers.get("invitation", [])
    last_leader: str | None = None
    for k, s in enumerate(ctx.sents):
        hs = [h for h in ctx.leader_hits if s.start <= h.start < s.end]
        trig = [m for m in ctx.triggers.get("proposal", ()) if s.start <= m.start < s.end]
        if not trig:
            if hs:
                last_leader = hs[-1].lid
            continue
        if ctx.has("say", k) and hs:
            by = hs[-1].lid
        elif hs:
            by = hs[0].lid
        else:
            by = speaker_by_para.get(s.para) or last_leader
        for n, t in enumerate(trig):
            c_end = trig[n + 1].start if n + 1 < len(trig) else s.end
            invitation = any(i.start == t.start for i in invites)
            secs = [h.value for h in sector_hits if t.start <= h.start < c_end and h.value != "diplomacy"]
            if not secs and n == 0 and not invitation:
                # "une aide humanitaire ..., nos perspectives ne sont pas mauvaises": what comes first
                secs = [h.value for h in sector_hits if s.start <= h.start < t.start and h.value != "diplomacy"]
            if not secs and n == len(trig) - 1 and not invitation:
                # "À cet égard, la Russie a quelque chose à offrir": the sentence before says what;
                # "beaucoup de projets intéressants. Cela inclut les transports": the one after does
                other = k - 1 if ctx.has("backref", k) else k + 1
                if 0 <= other < len(ctx.sents) and ctx.sents[other].para == s.para:
                    secs = [h.value for h in sector_hits
                            if ctx.sents[other].start <= h.start < ctx.sents[other].end and h.value != "diplomacy"]
            clause_by = by
            if invitation:
                secs = ["diplomacy"]
                # "sur l'invitation de son homologue russe": after the noun comes the inviter;
                # "X a invité Y": before the verb
                dest = [pid for pid, pm in ctx.place_hits if t.end <= pm.start < c_end and ctx.places[pid]["state"]]
                if dest:
                    # "invité à Moscou", "invited him to Ahmedabad": whoever leads the destination invites
                    host = ctx.places[dest[0]]["state"]
                    clause_by = _main_leaders(ctx).get(host) or host
                elif any(x.start == t.start for x in ctx.triggers.get("invitation_noun", ())):
                    inside = [h for h in hs if t.start <= h.start < c_end]
                    clause_by = inside[0].lid if inside else by
                else:
                    before = [h for h in hs if h.start < t.start]
                    clause_by = before[-1].lid if before else by
            for sector in dict.fromkeys(secs):
                key = (clause_by, sector)
                if key in seen:
                    continue
                seen.add(key)
                what = ctx.text[t.start:c_end].strip(" ,;.\"'«»“”„")
                project = "project:" + hashlib.sha1(f"{sector}|{fold(what)[:200]}".encode()).hexdigest()[:16]
                name = ctx.leader_info[clause_by]["name"] if clause_by in ctx.leader_info else clause_by
                out.append(ProposalFact(name, clause_by, what[:300], project, sector, (ctx.sent_ev(k),)))
        if hs:
            last_leader = hs[-1].lid
    return out


def _sectors(ctx: Ctx, sector_hits: list[Match], meetings, proposals) -> list[SectorRef]:
    by: dict[str, list[Evidence]] = defaultdict(list)
    for h in sector_hits:
        k = ctx.sent_of(h.start)
        if ctx.has("discuss", k) or ctx.has("meeting", k) or ctx.has("proposal", k) or ctx.has("say", k) \
                or ctx.has("plural_leaders", k):
            by[h.value].append(ctx.ev(h.start, h.end))
    for p in proposals:
        if p.sector and p.sector not in by:
            by[p.sector].extend(p.evidence)
    return [SectorRef(sid, tuple(evs[:MAX_EVIDENCE])) for sid, evs in by.items()]


def _pair(ctx: Ctx, meetings, visits, proposals) -> tuple[tuple[str, str] | None, set[str]]:
    score: Counter[str] = Counter()
    for iso3, kind, _ in ctx.state_hits:
        score[iso3] += 1
    for h in ctx.leader_hits:
        st = ctx.leader_info[h.lid]["state"]
        if st:
            score[st] += 2
    actors: set[str] = set()
    for m in meetings:
        for lid in m.participant_ids:
            st = ctx.leader_info[lid]["state"]
            if st:
                score[st] += 5
                actors.add(st)
    for v in visits:
        vst = ctx.leader_info[v.visitor_id]["state"]
        if vst:
            score[vst] += 5
            actors.add(vst)
        if v.host_state:
            score[v.host_state] += 3  # a host is an actor through its leaders, not by being the venue
    for p in proposals:
        st = ctx.leader_info[p.by_id]["state"] if p.by_id in ctx.leader_info else p.by_id
        if st in rd.states():
            actors.add(st)
    ranked = [st for st, _ in score.most_common() if st in rd.states()]
    pair = tuple(sorted(ranked[:2])) if len(ranked) >= 2 else None
    if pair:
        actors |= set(pair)
    return pair, actors


# -- helpers ---------------------------------------------------------------------------------
def _latin(s: str) -> str:
    """A canonical Latin spelling for a name written in another script."""
    if all(ord(c) < 0x250 for c in s):
        return " ".join(s.split())
    return " ".join(unidecode(s).split())


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(s).lower()).strip("-")
