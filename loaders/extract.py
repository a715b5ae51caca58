"""Extract: an ``Article`` in, ``ArticleFacts`` out, by rules over reference data.

Deterministic and offline. Mentions first (states, leaders, titles, places, facilities, dates,
sources, sector words), found with gazetteers on the text's tokens; then events read from
sentences: meetings, visits, calls and proposals, with their participants, place, date and status.
Every fact keeps the span of the text it was read from. Nothing here names an article: the rules
are keyed to the language lexicons in ``data/lang`` and to the reference data.
"""

from __future__ import annotations

import datetime as dt

import re
from collections import defaultdict

from relgraph.loaders import refdata as rd
from relgraph.loaders.clauses import (
    calls as clause_calls,
    lemmatize,
    lex,
    meetings as clause_meetings,
    meetings_on_trips,
    on_the_report_day,
    namesake_abroad,
    read_events,
    read_proposals,
    read_sectors,
    visits as clause_visits,
    without_former,
)
from relgraph.loaders.context import MAX_EVIDENCE, Ctx, Sentence, sentences
from relgraph.loaders.nlp import Tok
from relgraph.loaders.dates import find_dates, mark_dateline
from relgraph.loaders.events import main_pair, read_statements
from relgraph.loaders.gazetteer import TokenIndex, tokenize
from relgraph.loaders.mentions import (
    find_leaders,
    find_places,
    namesake_towns,
    find_states,
    glued_to_name,
    on_a_street,
    is_metonym,
    locate_unknown,
    unknown_places,
)
from relgraph.records import Article, ArticleFacts, Evidence, FacilityRef, LeaderRef, ProjectRef, StateRef
from relgraph.loaders.sources import find_sources
from relgraph.loaders.resolve import place_id


def _report_day(ctx) -> str | None:
    """The day the story's "today", "yesterday" and weekdays count from: the day of its dateline
    ("ISLAMABAD, June 10 (Reuters) - ... held talks today"), when it names one a few days before
    the publication (a story filed in the evening and put online the next morning); else the
    publication date."""
    pub = ctx.pub
    dl = ctx.dateline_date
    if not pub or len(pub) < 10 or dl is None or dl.precision != "day" or dl.value[:1] == "-":
        return pub
    try:
        gap = (dt.date.fromisoformat(pub[:10]) - dt.date.fromisoformat(dl.value[:10])).days
    except ValueError:
        return pub
    return dl.value[:10] if 0 < gap <= 3 else pub


def extract(article: Article) -> ArticleFacts:
    """All facts of one article, each with evidence into ``article.text``."""
    lang = article.lang or "en"
    text = article.text
    lex = rd.lexicon(lang)
    toks = tokenize(text)
    # title and body are read; the header lines (Source:, Date:, URL:) only for sources
    header_spans = [(s, e) for _, s, e in article.header]
    title_end = text.find("\n") if "\n" in text else len(text)
    body_toks = [t for t in toks if not any(s <= t.start < e for s, e in header_spans)] if header_spans else toks
    sents = sentences(
        text,
        body_toks,
        article.body_start,
        set(lex.get("honorifics", [])),
        lang == "de",
        lex,
    )
    if article.title and title_end > 0 and article.body_start > 0:
        ttoks = [i for i, t in enumerate(body_toks) if t.start < title_end]
        sents.insert(0, Sentence(0, title_end, 0, (ttoks[-1] + 1) if ttoks else 0, -1))
    if not sents:  # a title and nothing else: the whole text is one sentence
        sents = [Sentence(0, len(text), 0, len(body_toks), 0)]
    ctx = Ctx(article, lang, text, body_toks, sents, lex, article.published)
    ctx.index = TokenIndex(body_toks)
    mark_dateline(ctx)
    # sentences hold indexes into ``toks``; the finders below work on body tokens, by offsets

    for key in (
        "meeting",
        "visit",
        "proposal",
        "say",
        "past",
        "remote",
        "locative",
        "credit_intro",
        "photo",
        "broadcast",
        "continuation",
        "plural_leaders",
        "honorifics",
        "duration_intro",
        "hours",
    ):
        ctx.triggers[key] = rd.word_gazetteer(lang, key).find(text, ctx.index)

    find_states(ctx)
    find_places(ctx)
    find_leaders(ctx)
    names = [(h.start, h.end) for h in ctx.leader_hits if h.explicit]
    ctx.place_hits = [
        (pid, m)
        for pid, m in ctx.place_hits
        if not any(s <= m.start and m.end <= e for s, e in names)
        and not glued_to_name(ctx, pid, m)
        and not on_a_street(ctx, pid, m)
    ]
    ctx.dates = find_dates(text, ctx.index, lang, _report_day(ctx))
    namesake_towns(ctx)
    unknown_places(ctx)
    locate_unknown(ctx)
    sources = find_sources(ctx)
    sector_hits = [h for h in rd.sector_gazetteer(lang).find(text, ctx.index) if h.value != "-"]

    ctx.sector_hits = sector_hits
    events = read_events(ctx)
    meetings = clause_meetings(ctx, events, sector_hits)
    meetings = meetings_on_trips(ctx, events, meetings)
    meetings = on_the_report_day(ctx, meetings)
    visits = clause_visits(ctx, events, meetings)
    meetings, visits = without_former(ctx, meetings, visits)
    calls = clause_calls(ctx, events)
    proposals = read_proposals(ctx, sector_hits)
    sectors = read_sectors(ctx, sector_hits, proposals)
    pair, actors = main_pair(ctx, meetings, visits, proposals)

    states = []
    by_state: dict[str, list[Evidence]] = defaultdict(list)
    for iso3, _, m in ctx.state_hits:
        by_state[iso3].append(ctx.ev(m.start, m.end))
    info = rd.states()
    for iso3 in actors:
        if iso3 not in by_state and iso3 in info:
            # a state the text names only through its leader: the leader's mentions are the evidence
            evs = [
                ctx.ev(h.start, h.end)
                for h in ctx.leader_hits
                if h.explicit and ctx.leader_info[h.lid]["state"] == iso3
            ]
            if evs:
                by_state[iso3] = evs
    for iso3, evs in by_state.items():
        s = info[iso3]
        states.append(
            StateRef(iso3, s.name, s.wikidata, "actor" if iso3 in actors else "mentioned", tuple(evs[:MAX_EVIDENCE]))
        )
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
    for pid, m in (*ctx.place_hits, *ctx.site_hits):
        fev[pid].append(ctx.ev(m.start, m.end))
    for pid, evs in fev.items():
        p = ctx.places[pid]
        forms = {e.quote for e in evs}
        if ctx.lang == "ru":
            # the text declines a name ("в Анкару", "из Алматы"): its nominative, as the reference
            # writes it, is the form a reader looks for
            ref_place = rd.places().get(pid)
            cyr = [a.rstrip("*") for a in (ref_place.aliases if ref_place else ()) if re.search("[а-яё]", a.lower())]
            if cyr and _nominative_of(cyr[0], forms):
                forms.add(cyr[0])  # the reference lists the nominative first ("Анкара|Анкаре|...", "Ташкент*")
        aliases = tuple(sorted(forms - {p["name"]}))
        ref = FacilityRef(pid, p["name"], p["kind"], p["state"], aliases, tuple(evs[:MAX_EVIDENCE]))
        if p["kind"] != "city" and p["state"] and pid not in event_places and namesake_abroad(ctx, pid):
            # "во Дворце Независимости" in a report from Astana: a venue of that name, not the
            # one the reference data know in a state the text never brings in
            ref = FacilityRef(place_id(p["name"]), p["name"], p["kind"], None, aliases, tuple(evs[:MAX_EVIDENCE]))
        # facilities are venues and sites; cities are places (both become Facility nodes)
        if p["kind"] == "city":
            cities.append(ref)
        elif pid in event_places or not all(
            ctx.has("photo", ctx.sent_of(e.start))
            or ((is_metonym(ctx, e.start) or is_metonym(ctx, e.end - 1)) and not _located_at(ctx, e.start))
            or (p["kind"] == "office" and _speaking(ctx, e.start))
            for e in evs
        ):
            # not when only named in picture credits ("Photo courtesy of the Kremlin") or for the
            # government it houses ("a indiqué l'Élysée")
            facilities.append(ref)

    # a town the text reaches only through a venue the reference data place in it ("im Kreml": a
    # trip to Moscow) is a place of the article too, quoted by the clause that names the venue
    for v in visits:
        if v.place_id and v.place_id not in fev and ctx.places.get(v.place_id, {}).get("kind") == "city":
            p = ctx.places[v.place_id]
            cities.append(FacilityRef(v.place_id, p["name"], "city", p["state"], (), tuple(v.evidence[:1])))
            fev[v.place_id] = list(v.evidence[:1])

    projects = []
    seen_proj = set()
    for p in proposals:
        if p.project not in seen_proj:
            seen_proj.add(p.project)
            projects.append(ProjectRef(p.project, p.what, p.sector, p.evidence))

    statements = read_statements(ctx, sources)
    warnings = () if by_state else ("names no state: loaded as an article with no facts",)
    return ArticleFacts(
        article=article,
        pair=pair,
        states=tuple(states),
        leaders=tuple(leaders),
        facilities=tuple(facilities),
        places=tuple(cities),
        projects=tuple(projects),
        meetings=tuple(meetings),
        visits=tuple(visits),
        proposals=tuple(proposals),
        sectors=tuple(sectors),
        sources=tuple(sources),
        statements=tuple(statements),
        calls=tuple(calls),
        warnings=warnings,
    )


def _speaking(ctx: Ctx, pos: int) -> bool:
    """ "Albanese's office said", "hieß es aus dem Kanzleramt": an office that speaks is the
    government or the person it serves, not a place (a verb of saying or crediting close by)."""
    if _after_locative(ctx, pos):
        return False  # "told reporters at the Union Buildings": where he spoke
    if any(-30 <= x.start - pos <= 30 and ctx.sent_of(x.start) == ctx.sent_of(pos) for x in _saying(ctx)):
        return True
    # "Albanese's office would not say whether ...": the verb in another form than the lexicon's
    said = {lemmatize(ctx.lang, w) for w in rd.lexicon(ctx.lang).get("say", ()) if " " not in w and len(w) > 3}
    s = ctx.sents[ctx.sent_of(pos)]
    return any(lemmatize(ctx.lang, w) in said for w in re.findall(r"\w+", ctx.text[pos : min(s.end, pos + 30)]))


def _located_at(ctx: Ctx, pos: int) -> bool:
    """ "talks in the Kremlin", "à l'Élysée", "в Кремле": a seat of power right after a locative
    (and at most an article) is the place itself, not the government it stands for ("the Kremlin
    said")."""
    k = ctx.sent_of(pos)
    # (a meeting or travel verb in any form: "treffe ich Milei in der Casa Rosada")
    if not (ctx.has("meeting", k) or ctx.has("visit", k) or ctx.has_verb(("meet_verbs", "visit_verbs"), k)):
        return False  # a place where something happens, in a sentence that tells of it
    if any(-25 <= x.start - pos <= 25 for x in _saying(ctx)):
        return False  # "сообщили в Кремле", "в Кремле заявили": the government speaking
    L = lex(ctx.lang)
    near = re.findall(r"\w+", ctx.text[max(0, pos - 25) : pos + 40])
    if any(L.has("deny_verbs", Tok(0, w, lemmatize(ctx.lang, w), "VERB", 0, "dep", 0, 0)) for w in near):
        return False  # "в Кремле опровергли": the government denying
    return _after_locative(ctx, pos)


def _saying(ctx: Ctx) -> list:
    """The verbs of saying and crediting in the text ("said", "a indiqué", "сообщили")."""
    return ctx.triggers.get("say", []) + rd.word_gazetteer(ctx.lang, "credit_verbs").find(ctx.text, ctx.index)


def _after_locative(ctx: Ctx, pos: int) -> bool:
    """Does a locative ("in", "à l'", "в"), with at most an article, end right before ``pos``?"""
    for m in ctx.triggers.get("locative", ()):
        gap = ctx.text[m.end : pos]
        if 0 <= pos - m.end <= 5 and (
            not gap.strip() or gap.strip(" '’").lower() in rd.every_language("locative_articles", folded=False)
        ):
            return True
    return False


def _nominative_of(alias: str, forms: set[str]) -> bool:
    """``alias`` is a Cyrillic reference name of which some form the text wrote is a case: the
    same words but for each one's ending ("Анкара" for "Анкару", "Нур-Султан" for "Нур-Султане")."""
    if not re.search("[а-яё]", alias.lower()):
        return False
    words = alias.lower().split()
    for f in forms:
        seen = f.lower().split()
        if len(seen) == len(words) and all(
            a == b or (len(a) >= 4 and len(b) >= 4 and a[:-2] == b[: len(a) - 2] and abs(len(a) - len(b)) <= 2)
            for a, b in zip(words, seen)
        ):
            return True
    return False
