"""Mentions: states, places and facilities, titles and leaders (known, new, or named by a title
alone), each resolved to its canonical id as it is found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import defaultdict
from dataclasses import dataclass, field, replace

from relgraph.loaders import cities
from relgraph.loaders import refdata as rd
from relgraph.loaders.context import (
    HEADS_OF_STATE,
    Ctx,
    LeaderHit,
    is_headline,
    is_cap,
    latin,
    sentence_initial,
    slug,
    stopwords,
)
from relgraph.loaders.gazetteer import Match, Token, fold, lemmatize
from relgraph.loaders.resolve import place_id


def find_states(ctx: Ctx) -> None:
    for m in rd.state_gazetteer(ctx.lang).find(ctx.text, ctx.index):
        iso3, kind = m.value
        if kind == "prefix":
            # "russo-nord-coréen": a combining form counts only when a hyphen follows it
            if not ctx.text[m.end : m.end + 1] in "-‐‑":
                continue
        ctx.state_hits.append((iso3, kind, m))
    # "главой МИД Кореи" in a story that names Seoul or South Korea: a short name the state shares
    # with another is that state where the article names it otherwise (refdata.shared_state_names)
    named = {iso3 for iso3, kind, _ in ctx.state_hits if kind != "prefix"}
    for m in rd.shared_state_names(ctx.lang).find(ctx.text, ctx.index):
        if m.value in named and not any(h.start < m.end and m.start < h.end for _, _, h in ctx.state_hits):
            ctx.state_hits.append((m.value, "name", Match(m.i, m.j, m.start, m.end, (m.value, "name"), m.form)))
    ctx.state_hits.sort(key=lambda h: h[2].start)


def _capitals(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """ "la capitale vietnamienne", "the Vietnamese capital", "la capital de China", "die russische
    Hauptstadt", "столица Вьетнама": that state's capital city."""
    toks = ctx.toks
    words = {fold(w) for w in ctx.lex.get("capital_words", [])}
    by_first = {m.i: (iso3, m) for iso3, _, m in ctx.state_hits}
    by_last = {m.j - 1: (iso3, m) for iso3, _, m in ctx.state_hits}
    connectors = rd.every_language("capital_connectors")
    for k, t in enumerate(toks):
        if t.fold not in words:
            continue
        if ctx.lang in ("en", "es") and not any(toks[x].fold in ("the", "la") for x in range(max(0, k - 3), k)):
            continue  # "Chinese capital" (money), "capital chino": the city takes "the" / "la"
        hit = None
        j = k + 1
        while j < len(toks) and toks[j].fold in connectors and j - k <= 2:
            j += 1
        if j in by_first:
            hit = by_first[j]
        elif k - 1 in by_last:
            hit = by_last[k - 1]
        if hit is None:
            continue
        iso3, sm = hit
        cid = rd.capitals().get(iso3)
        if cid is None or cid not in rd.places():
            continue
        c = rd.places()[cid]
        s, e = min(t.start, sm.start), max(t.end, sm.end)
        if any(a <= s < b for a, b in taken):
            continue
        ctx.places.setdefault(c.id, {"name": c.name, "kind": c.kind, "state": c.state})
        ctx.place_hits.append((c.id, Match(min(k, sm.i), max(k + 1, sm.j), s, e, c.id, ctx.text[s:e])))
        taken.append((s, e))


def _ru_oblique_places(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """A Russian place name in a case the reference data does not list ("в Ханое", "в Анкаре"):
    its nominative, looked up again."""
    known = rd.places()
    toks = ctx.toks
    for k, tk in enumerate(toks):
        if not is_cap(tk) or any(a <= tk.start < b for a, b in taken):
            continue
        # a hyphenated name declines its last part ("в Ла-Пасе", "в Порт-о-Пренсе")
        j = k
        while j + 1 < len(toks) and toks[j + 1].start == toks[j].end + 1 and ctx.text[toks[j].end] == "-":
            j += 1
        if j > k and len(toks[j].text) >= 3 and not any(a <= toks[j].start < b for a, b in taken):
            last = ru_nominative(toks[j].text)
            nom = ctx.text[tk.start : toks[j].start] + last
            hits = [m for m in rd.place_gazetteer().find(nom) if m.start == 0 and m.end == len(nom)]
            if last != toks[j].text and len(hits) == 1:
                p = known[hits[0].value]
                ctx.places.setdefault(p.id, {"name": p.name, "kind": p.kind, "state": p.state})
                ctx.place_hits.append(
                    (p.id, Match(k, j + 1, tk.start, toks[j].end, p.id, ctx.text[tk.start : toks[j].end]))
                )
                taken.append((tk.start, toks[j].end))
                continue
        if len(tk.text) < 4:
            continue
        nom = ru_nominative(tk.text)
        if nom == tk.text:
            continue
        hits = [m for m in rd.place_gazetteer().find(nom) if m.start == 0 and m.end == len(nom)]
        if len(hits) != 1:
            continue
        p = known[hits[0].value]
        ctx.places.setdefault(p.id, {"name": p.name, "kind": p.kind, "state": p.state})
        ctx.place_hits.append((p.id, Match(k, k + 1, tk.start, tk.end, p.id, tk.text)))
        taken.append((tk.start, tk.end))


def _longer_city(ctx: Ctx, m: Match, connectors: set[str]) -> tuple[str, Match] | None:
    """A known place name followed by a connector and a capitalised word that together name a
    town of the gazetteer ("Colonia del Sacramento", "San José de Costa Rica"): that town."""
    toks = ctx.toks
    j = m.j
    if j + 1 >= len(toks) or toks[j].fold not in connectors or toks[j].sep != " " or not is_cap(toks[j + 1]):
        return None
    if toks[j + 1].sep != " ":
        return None
    s, e = m.start, toks[j + 1].end
    city = cities.lookup(ctx.text[s:e], set(), 0)
    if city is None:
        return None
    pid = f"{slug(city.name)}@{city.state}"
    ctx.places.setdefault(pid, {"name": city.name, "kind": "city", "state": city.state})
    return pid, Match(m.i, j + 2, s, e, pid, ctx.text[s:e])


def find_places(ctx: Ctx) -> None:
    known = rd.places()
    taken: list[tuple[int, int]] = []
    connectors = {fold(w) for w in ctx.lex.get("connectors", [])} | rd.every_language("place_connectors")
    tails = rd.every_language("company_tails")
    for m in rd.place_gazetteer().find(ctx.text, ctx.index):
        if not any(is_cap(t) for t in ctx.toks[m.i : m.j]):
            continue  # "la paz" is peace, "La Paz" a city: places are proper names
        if m.j < len(ctx.toks) and ctx.toks[m.j].fold in tails and ctx.toks[m.j].sep == " ":
            continue  # "Brussels Airlines", "Qatar Airways": a company (key ``company_tails``)
        longer = _longer_city(ctx, m, connectors)
        if longer is not None:
            # "Colonia del Sacramento" is no "Colonia" (Cologne): the longer name of a town
            pid, lm = longer
            ctx.place_hits.append((pid, lm))
            taken.append((lm.start, lm.end))
            continue
        p = known[m.value]
        ctx.places.setdefault(p.id, {"name": p.name, "kind": p.kind, "state": p.state})
        ctx.place_hits.append((p.id, m))
        taken.append((m.start, m.end))
    if ctx.lang == "ru":
        _ru_oblique_places(ctx, taken)
    generic_seats(ctx, taken)
    # "cosmodrome X", "X estate": a facility word next to a proper name
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("connectors", [])} | rd.every_language("place_connectors")
    stop = stopwords(ctx)
    for m in rd.facility_words(ctx.lang).find(ctx.text, ctx.index):
        kind, order, label = m.value
        if order == "town" or any(s <= m.start < e for s, e in taken):
            continue  # "los puertos de ...": only a town names them (city_sites)
        if ctx.lex.get("capitalised_nouns") and not is_cap(ctx.toks[m.i]):
            continue  # German: "schloss ... aus" is a verb, "Schloss Bellevue" a palace
        name_toks: list[Token] = []
        if order in ("after", "either"):
            k = _after_adjectives(ctx, m.j, stop)
            start_k = k
            while k < len(toks) and toks[k].fold in connectors and k - start_k < 2 and toks[k].sep != "|":
                k += 1

            def gap(k: int) -> str:
                return ctx.text[toks[k - 1].end : toks[k].start] if k else ""

            quoted = k == start_k and k < len(toks) and gap(k).strip() in _OPEN_QUOTES
            while (
                k < len(toks)
                and (is_cap(toks[k]) or (quoted and bool(name_toks)))
                and (toks[k].sep in (" ", "'") or (quoted and (not name_toks or gap(k) in (" ", "-"))))
                and len(name_toks) < 4
                and toks[k].fold not in stop
            ):
                name_toks.append(toks[k])  # "cosmodrome Vostotchny", "АЭС «Куданкулам»"
                k += 1
                if quoted and k < len(toks) and any(q in gap(k) for q in _CLOSE_QUOTES):
                    break
        if not name_toks and order in ("before", "either"):
            k = m.i - 1
            while k >= 0 and len(name_toks) < 5:
                tk = toks[k]
                if tk.text == "s" and tk.sep == "'" and k > 0 and is_cap(toks[k - 1]):
                    name_toks.insert(0, tk)  # "President's Residence"
                    k -= 1
                    continue
                if not (
                    is_cap(tk)
                    and toks[k + 1].sep in (" ", "'")
                    and tk.fold not in stop
                    and not sentence_initial(ctx, tk)
                ):
                    break
                name_toks.insert(0, tk)
                k -= 1
            if not name_toks and not ctx.lex.get("adjectives_follow_nouns") and kind != "office":
                name_toks = _modified_name(ctx, m.i, stop)  # "the Tapa military base"
        if not name_toks:
            continue
        name_toks = _after_epithet(ctx, kind, name_toks)  # "Aeropuerto Internacional de Tocumen"
        s = min(name_toks[0].start, m.start)
        e = max(name_toks[-1].end, m.end)
        if cities.lookup(ctx.text[s:e]) is not None:
            continue  # "Puerto Barrios", "Port-Gentil": a town named with the word, no facility
        if "\n" in ctx.text[s:e] and not any(x.start <= s and e <= x.end for x in ctx.sents):
            continue  # "Palacio Nacional" ending a headline, "Source: ..." the next line: two lines
        if any(s < te and ts < e for ts, te in taken):
            # a known place named with its kind word ("cosmodrome Vostotchny"): widen that hit
            for idx, (pid, pm) in enumerate(ctx.place_hits):
                if s <= pm.start and pm.end <= e and ctx.places[pid]["kind"] == kind:
                    ctx.place_hits[idx] = (pid, Match(pm.i, pm.j, s, e, pid, ctx.text[s:e]))
            continue
        proper = ctx.text[name_toks[0].start : name_toks[-1].end]
        if any(sm.value[1] not in ("metonym", "capital") for sm in rd.state_gazetteer(ctx.lang).find(proper)):
            continue  # "palais de France" names no palace
        if any(
            lm.start == 0 and lm.end == len(proper)
            for g in (rd.leader_gazetteer(), rd.leader_short_gazetteer())
            for lm in g.find(proper)
        ):
            continue  # "la residencia oficial de Pedro Sánchez": a leader's house, no name of its own
        if kind == "airport":
            # "Aeropuerto Internacional Juan Santamaría": the epithet is no part of the name
            kept = [w for w in proper.split() if fold(w) not in _INTERNATIONAL]
            if kept and len(kept) < len(proper.split()):
                proper, label = " ".join(kept), f"International {label}"
        if order == "after" or not label:
            name = f"{latin(proper)} {label}".strip() if label else latin(proper)
        else:  # English: the name as written, "Filoli estate"
            name = ctx.text[s:e]
        pid = place_id(name)
        if kind == "airport" and _airport(ctx, proper, s, e):
            taken.append((s, e))
            continue
        ctx.places.setdefault(pid, {"name": name, "kind": kind, "state": None})
        ctx.place_hits.append((pid, Match(0, 0, s, e, pid, ctx.text[s:e])))
        taken.append((s, e))
    _compound_venues(ctx, taken)
    _ministry_venues(ctx, taken)
    _capitals(ctx, taken)
    city_sites(ctx)


def namesake_towns(ctx: Ctx) -> None:
    """ "село Париж Нагайбакского района", "Philadelphia, einen Ortsteil von Storkow", "Delhi, petite
    ville du comté de Norfolk": a town the text calls a village, a district or a small town is a
    namesake of the city or state the reference data know by that name, which nobody visited;
    such a mention places nothing (lexicon ``locality_nouns``, right before the name or in the
    apposition after it)."""
    words = [tuple(fold(x) for x in w.split()) for w in ctx.lex.get("locality_nouns", ())]
    if not words:
        return
    toks = ctx.toks
    articles = {fold(w) for w in ctx.lex.get("definite_articles", [])} | {
        fold(w) for w in ctx.lex.get("place_connectors", [])
    }

    def said_at(k: int) -> bool:
        return any(tuple(t.fold for t in toks[k : k + len(w)]) == w for w in words)

    regions = rd.regions()
    locative = {fold(w) for w in ctx.lex.get("locative", [])}
    first = {t.start: i for i, t in enumerate(toks)}
    last = {t.end: i for i, t in enumerate(toks)}

    def namesake(m: Match) -> bool:
        if m.start not in first or m.end not in last:
            return False
        i, j = first[m.start], last[m.end] + 1
        m = Match(i, j, m.start, m.end, m.value, m.form)
        k = m.i - 1
        while k >= 0 and toks[k].fold in articles and m.i - k <= 2:
            k -= 1
        if k >= 0 and said_at(k):
            return True  # "село Париж", "the village of Paris"

        # (the tokens hold no punctuation: a comma is in the gap before a token)
        def gap(j: int) -> str:
            return ctx.text[toks[j - 1].end : toks[j].start] if 0 < j < len(toks) else ""

        own = ctx.places.get(m.value, {}).get("state") if isinstance(m.value, str) else None
        own = own or (m.value[0] if isinstance(m.value, tuple) else None)
        for n in (1, 2, 3):
            # "Lebanon, Ohio, on Thursday", "London, Ontario.": a region of another state right after
            # a comma, and ending there (not a list: "Mexico, Texas and New Mexico")
            end = m.j + n
            if end <= len(toks) and "," in gap(m.j) and all(is_cap(t) for t in toks[m.j : end]):
                region = regions.get(" ".join(t.fold for t in toks[m.j : end]))
                closed = end == len(toks) or any(x in gap(end) for x in ",.;:")
                if region and own and region != own and closed:
                    return True
        if fold(m.form) in regions and regions[fold(m.form)] != own and m.i > 0 and toks[m.i - 1].fold in locative:
            return True  # "en Ontario": the province, not a town of that name elsewhere
        j = m.j
        if j < len(toks) and "," not in gap(j) and not is_cap(toks[j]):
            j += 1  # "hat ... Philadelphia besucht, einen Ortsteil von Storkow": the verb before the comma
        if j >= len(toks) or "," not in gap(j):
            return False
        for q in range(j, min(j + 3, len(toks))):
            if q > j and (any(x in gap(q) for x in ",.;") or is_cap(toks[q - 1]) and q - 1 > j):
                break
            if said_at(q):
                return True  # "Philadelphia, einen Ortsteil von Storkow", "Delhi, petite ville du comté"
        return False

    drop = [m for pid, m in ctx.place_hits if ctx.places[pid]["kind"] == "city" and namesake(m)] + [
        m for _, kind, m in ctx.state_hits if kind in ("name", "capital") and namesake(m)
    ]
    if not drop:
        return
    # every mention of that name in the article is the same village ("Steinmeier besucht Philadelphia"
    # in the headline of a story on the Brandenburg one)
    spans = {(m.start, m.end) for m in drop}
    # (a town's mention may be a capital's state hit too: "Berlín" for Germany)
    spans |= {(m.start, m.end) for _, _, m in ctx.state_hits if any(m.start < e and s < m.end for s, e in set(spans))}
    ctx.namesakes.extend(sorted(spans))
    pids = {pid for pid, m in ctx.place_hits if (m.start, m.end) in spans}
    forms = {fold(m.form) for _, _, m in ctx.state_hits if (m.start, m.end) in spans}
    ctx.place_hits[:] = [(pid, m) for pid, m in ctx.place_hits if (m.start, m.end) not in spans and pid not in pids]
    ctx.state_hits[:] = [
        h
        for h in ctx.state_hits
        if (h[2].start, h[2].end) not in spans and not (h[1] in ("name", "capital") and fold(h[2].form) in forms)
    ]


def _seat_matches(ctx: Ctx) -> list[tuple[Match, tuple[int, int] | None]]:
    """The seats of ``seats.tsv`` in the text, each with the tokens of a state adjective written
    inside it ("ministère turc des Affaires étrangères", "Ministerio chileno de Defensa"), if any."""
    g = rd.seat_gazetteer(ctx.lang)
    out: list[tuple[Match, tuple[int, int] | None]] = [(m, None) for m in g.find(ctx.text, ctx.index)]
    toks = ctx.toks
    for _, _, sm in ctx.state_hits:
        a, b = sm.i, sm.j
        if a == 0 or b >= len(toks) or any(m.i < b and a < m.j for m, _ in out):
            continue
        # the seat's words without the adjective: "ministère" + "des Affaires étrangères"
        rest = [toks[a - 1], *toks[b : b + 6]]
        for m in g.find(ctx.text, rest):
            if m.i == 0 and m.j > 1:
                last = toks[b + m.j - 2]
                out.append(
                    (
                        Match(
                            a - 1,
                            b + m.j - 1,
                            toks[a - 1].start,
                            last.end,
                            m.value,
                            ctx.text[toks[a - 1].start : last.end],
                        ),
                        (a, b),
                    )
                )
                break
    return out


def generic_seats(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """ "reçu au palais présidentiel", "im Außenministerium", "в Доме правительства", "at the
    foreign ministry": a seat of government named by what it is, where a meeting or a visit takes
    place, is a facility of the state the text places it in (a state's adjective or genitive on
    it, a city of that state right after it, else the place named last before it); one that no
    state can be given is left out (every state has its own)."""
    toks = ctx.toks
    loc_end = {m.j for m in ctx.triggers.get("locative", ())}
    state_toks = {k: iso3 for iso3, kind, sm in ctx.state_hits if kind != "metonym" for k in range(sm.i, sm.j)}
    connectors = {fold(w) for w in ctx.lex.get("place_connectors", [])} | {fold(w) for w in ctx.lex.get("locative", [])}
    cities = {m.i: pid for pid, m in ctx.place_hits if m.j and ctx.places[pid]["kind"] == "city"}
    articles = {fold(w) for w in ctx.lex.get("definite_articles", [])}
    for m, inner in _seat_matches(ctx):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        k = ctx.sent_of(m.start)
        if not (ctx.has("meeting", k) or ctx.has("visit", k)) or is_headline(ctx, m.start):
            continue
        # where something happens: after a locative, its article and at most a few words of its
        # own ("au siège du ministère", "in der slowakischen Botschaft", "at the Polish ...")
        if not any(
            0 <= m.i - j <= 3 and all(not is_cap(x) or q in state_toks for q, x in enumerate(toks[j : m.i], j))
            for j in loc_end
        ):
            continue
        nxt = toks[m.j] if m.j < len(toks) else None
        # "palais présidentiel de (la) Koulouba", "Präsidentenpalast Akorda", "дворец «Кохи Миллат»":
        # a name of its own follows, which the facility words read (not a city or a state)
        after = m.j + 1 if nxt is not None and nxt.fold in connectors and nxt.sep == " " else m.j
        if after > m.j and after < len(toks) and toks[after].fold in articles and toks[after].sep in (" ", "'"):
            after += 1
        named = after < len(toks) and any(
            pm.start == toks[after].start and ctx.places[pid]["kind"] != "city" for pid, pm in ctx.place_hits
        )
        if named or (
            after < len(toks)
            and is_cap(toks[after])
            and toks[after].sep in (" ", "'")
            and after not in cities
            and after not in state_toks
            and (after > m.j or not ctx.lex.get("capitalised_nouns"))
        ):
            continue
        if nxt is not None and ctx.text[m.end : nxt.start].strip() in _OPEN_QUOTES:
            continue
        state, guessed, city = None, False, None
        if inner is not None:
            state = state_toks.get(inner[0])
        for q in (m.i - 1, after):  # "the Polish foreign ministry", "МИД Египта", "de Chile"
            if state is None and q in state_toks and (q < m.i or after == m.j or nxt.fold in connectors):
                state = state_toks[q]
        if after in cities and after > m.j and state in (None, ctx.places[cities[after]]["state"]):
            city = cities[after]  # "im Verteidigungsministerium in Oslo"
            state = ctx.places[city]["state"]
        # the place named last before it (the trip's), or the first after it in its sentence
        before = sorted(
            (pm.start, pid) for pid, pm in ctx.place_hits if pm.start < m.start and ctx.places[pid]["state"]
        )
        after_it = sorted(
            (pm.start, pid)
            for pid, pm in ctx.place_hits
            if pm.start > m.end and ctx.places[pid]["state"] and ctx.sent_of(pm.start) == k
        )
        if state is None:
            # else a place of its own clause told just before it ("reçu mardi à Accra au palais
            # présidentiel"), not one of another clause ("X, who travelled to Kyiv last week, met
            # Y at the foreign ministry") or of a sentence before
            same = [
                (pos, pid)
                for pos, pid in before
                if ctx.sent_of(pos) == k and not re.search(r"[,;:()\u2013\u2014]", ctx.text[pos : m.start])
            ]
            if not same:
                # a town named in the two sentences before, of the state of someone this sentence
                # names ("X arrived in Hanoi on Monday. On Tuesday he met his Vietnamese
                # counterpart at the foreign ministry": Vietnam's, on two counts)
                named = {t.state for t in titles(ctx) if t.state and ctx.sent_of(t.m.start) == k}
                named |= {
                    ctx.leader_info[h.lid]["state"]
                    for h in ctx.leader_hits
                    if ctx.sent_of(h.start) == k and h.lid in ctx.leader_info
                }
                same = [
                    (pos, pid)
                    for pos, pid in before
                    if k - 2 <= ctx.sent_of(pos) < k
                    # (an arrival told as today's: not "X visited Kyiv last week. On Tuesday he
                    # received his Ukrainian counterpart at the foreign ministry")
                    and ctx.has("visit", ctx.sent_of(pos))
                    and not ctx.has("past", ctx.sent_of(pos))
                    and not _future_words(ctx, ctx.sent_of(pos))  # ("will travel to Hanoi on Friday")
                    and ctx.places[pid]["kind"] == "city"
                    and ctx.places[pid]["state"] in named
                    and ctx.sents[ctx.sent_of(pos)].para != -1
                ][-1:]
            if not same:
                # every state has one: no state, no facility of this kind; one written with
                # capitals ("at the Prime Minister's Office") is left to the facility words, as a name
                first = toks[m.i]
                if not (is_cap(first) and not ctx.lex.get("capitalised_nouns") and not sentence_initial(ctx, first)):
                    taken.append((m.start, m.end))
                continue
            state, guessed = ctx.places[same[-1][1]]["state"], True
        if city is None:
            # a city of its state just named: where the seat is ("à Accra au palais présidentiel")
            def here(pid: str, state: str = state) -> bool:
                return ctx.places[pid]["kind"] == "city" and ctx.places[pid]["state"] == state

            close = [pid for pos, pid in before if here(pid) and k - 2 <= ctx.sent_of(pos)][-1:]
            close += [pid for _, pid in after_it if here(pid)][:1]
            city = close[0] if close else None
        kind, name, only = m.value
        if only and state not in only:
            continue  # "la cancillería" of Warsaw is the head of government's, not a foreign ministry
        pid = f"{place_id(name).rstrip('@')}@{state}"
        ctx.places.setdefault(pid, {"name": name, "kind": kind, "state": state})
        if city is not None:
            ctx.places[pid].setdefault("city", city)
        if guessed:
            ctx.places[pid].setdefault("guessed", True)
        else:
            ctx.places[pid].pop("guessed", None)
        ctx.place_hits.append((pid, Match(0, 0, m.start, m.end, pid, ctx.text[m.start : m.end])))
        taken.append((m.start, m.end))


_INTERNATIONAL = frozenset(
    fold(w)
    for w in (
        "International",
        "Internacional",
        "Internationale",
        "Internationaler",
        "Международный",
        "Международного",
        "Международном",
        "Международному",
        "Международным",
    )
)


def _airport(ctx: Ctx, proper: str, s: int, e: int) -> bool:
    """An airport named by a name of its own that fits one airport of a state the article names
    (``airports.lookup``): a facility of that state, in the city it serves. False if none fits."""
    from relgraph.loaders import airports

    named = {iso3 for iso3, _, _ in ctx.state_hits} | {q["state"] for q in ctx.places.values() if q.get("state")}
    a = airports.lookup(proper, named)
    if a is None:
        return False
    city = None
    known = (
        [m for m in rd.place_gazetteer().find(a.served) if m.start == 0 and m.end == len(a.served)] if a.served else []
    )
    if known and rd.places()[known[0].value].kind == "city" and rd.places()[known[0].value].state == a.state:
        c = rd.places()[known[0].value]
        city = c.id
        ctx.places.setdefault(c.id, {"name": c.name, "kind": c.kind, "state": c.state})
    elif a.city is not None:
        city = f"{slug(a.city.name)}@{a.city.state}"
        ctx.places.setdefault(city, {"name": a.city.name, "kind": "city", "state": a.city.state})
    # its canonical name, in every language the same ("Chinggis Khaan International Airport")
    sid = f"{place_id(a.name).rstrip('@')}@{a.state}"
    ctx.places.setdefault(sid, {"name": a.name, "kind": "airport", "state": a.state})
    if city is not None:
        ctx.places[sid].setdefault("city", city)
    ctx.place_hits.append((sid, Match(0, 0, s, e, sid, ctx.text[s:e])))
    return True


def _after_adjectives(ctx: Ctx, k: int, stop: set[str]) -> int:
    """Where a facility word's name may start: in a language whose adjectives follow the noun,
    past one or two lowercase adjectives when "of" follows them ("base navale de Rumonge", "port
    autonome de Dakar", "aeropuerto internacional de Comalapa"), else right after the word."""
    if not ctx.lex.get("adjectives_follow_nouns"):
        return k
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("place_connectors", [])}
    j = k
    while (
        j < len(toks)
        and j - k < 2
        and toks[j].sep == " "
        and toks[j].text.isalpha()
        and not is_cap(toks[j])
        and toks[j].fold not in connectors
        and toks[j].fold not in stop
    ):
        j += 1
    if j == k + 1 and j < len(toks) and toks[k].fold in _INTERNATIONAL and is_cap(toks[j]) and toks[j].sep == " ":
        return j  # "l'aéroport international Hassan Djamous": the epithet, then the name
    return j if j > k and j < len(toks) and toks[j].fold in connectors and toks[j].sep == " " else k


def _modified_name(ctx: Ctx, i: int, stop: set[str]) -> list[Token]:
    """A proper name one or two lowercase words before the facility word at token ``i`` ("the
    Tapa military base", "Canberra's war memorial"): the name and those words (the venue as
    written), or nothing."""
    from relgraph.loaders.dates import calendar_words

    toks = ctx.toks
    k = i - 1
    while (
        k >= 0
        and i - k <= 2
        and toks[k].text.isalpha()
        and not is_cap(toks[k])
        and toks[k].fold not in stop
        and toks[k + 1].sep == " "
    ):
        k -= 1
    if k == i - 1 or k < 0:
        return []
    mods = toks[k + 1 : i]
    run: list[Token] = []
    if toks[k].text == "s" and toks[k].sep == "'" and k > 0:
        run.insert(0, toks[k])  # "Canberra's war memorial"
        k -= 1
    elif toks[k + 1].sep != " ":
        return []
    days = calendar_words(ctx.lang)
    while k >= 0 and len(run) < 4:
        tk = toks[k]
        if not is_cap(tk) or tk.fold in stop or tk.fold in days or sentence_initial(ctx, tk):
            break
        if run and toks[k + 1].sep not in (" ", "'"):
            break
        run.insert(0, tk)
        k -= 1
    if not any(is_cap(t) for t in run) or k < 0:
        return []
    # a noun phrase of its own: after an article or a locative ("at the Tapa military base"), not
    # a clause's words ("Lee took office", "PM tours geothermal plant")
    opening = {fold(w) for w in (*ctx.lex.get("definite_articles", ()), *ctx.lex.get("locative", ()))}
    if toks[k].fold not in opening:
        return []
    return run + mods


_SITE_KINDS = (
    "port",
    "airport",
    "border post",
    "dam",
    "refinery",
    "mine",
    "oil field",
    "pipeline",
    "terminal",
    "economic zone",
    "stadium",
)


def _after_epithet(ctx: Ctx, kind: str, name_toks: list[Token]) -> list[Token]:
    """ "Aeropuerto Internacional de Tocumen", "Port Autonome de Lomé": a capitalised epithet
    before "of" and a name; the name is what follows "of" (not "and": "порты Поти и Батуми")."""
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("place_connectors", [])}
    if kind not in _SITE_KINDS or len(name_toks) != 1:
        return name_toks
    k = toks.index(name_toks[-1]) + 1
    if k + 1 < len(toks) and toks[k].fold in connectors and toks[k].sep == " " and is_cap(toks[k + 1]):
        if toks[k + 1].sep in (" ", "'"):
            return [toks[k + 1]]
    return name_toks


# a town read only for the port or airport it names: in a state the article names, or a large one
# ("los puertos del Pacífico" names an ocean, not the village of that name)
_SITE_TOWN_POPULATION = 200_000


def _name_town(ctx: Ctx, k: int, towns: dict[int, tuple[str, Match]], looked_up: dict[str, dict]) -> None:
    """The town the capitalised words at token ``k`` name (up to three, the longest known name
    first; Russian in its nominative), added to ``towns`` and ``looked_up`` (not to the article's
    places: only the site named by it is a fact)."""
    toks = ctx.toks
    run: list[Token] = []
    while k + len(run) < len(toks) and len(run) < 3:
        t = toks[k + len(run)]
        if not is_cap(t) or (run and t.sep not in (" ", "-")) or sentence_initial(ctx, t):
            break
        run.append(t)
    named = {iso3 for iso3, _, _ in ctx.state_hits}
    for n in range(len(run), 0, -1):
        written = ctx.text[run[0].start : run[n - 1].end]
        city = cities.lookup(ru_nominative(written) if ctx.lang == "ru" else written, named)
        if rd.state_gazetteer(ctx.lang).find(written):
            return  # "los puertos de México y Panamá": states, not their capitals
        if (
            city is not None
            and city.own_name  # (not a town of which this is another name)
            and (city.state in named or city.population >= _SITE_TOWN_POPULATION)
        ):
            pid = f"{slug(city.name)}@{city.state}"
            looked_up[pid] = {"name": city.name, "kind": "city", "state": city.state}
            towns[k] = (pid, Match(k, k + n, run[0].start, run[n - 1].end, pid, written))
            return


def _town_named_with(ctx: Ctx, i: int) -> bool:
    """The capitalised word at token ``i`` and the one or two capitalised words after it name a town."""
    toks = ctx.toks
    end = i + 1
    while end < len(toks) and end - i < 3 and is_cap(toks[end]) and toks[end].sep in (" ", "-"):
        end += 1
        if cities.lookup(ctx.text[toks[i].start : toks[end - 1].end]) is not None:
            return True
    return False


def city_sites(ctx: Ctx) -> None:
    """ "le port de Dakar", "the port of Gdynia", "порт Актау", "Tashkent airport", "los puertos de
    Arica y Antofagasta": a port or airport named by the town it serves is a facility of its own
    (``ctx.site_hits``); the town stays the place of whatever happens there."""
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("place_connectors", [])}  # "of", "de", "von": not "and"
    ands = {fold(w) for w in ctx.lex.get("and_words", [])}
    stop = stopwords(ctx)
    towns = {m.i: (pid, m) for pid, m in ctx.place_hits if m.j and ctx.places[pid]["kind"] == "city"}
    town_ends = {m.j: (pid, m) for pid, m in towns.values()}
    looked_up: dict[str, dict] = {}
    for w in rd.facility_words(ctx.lang).find(ctx.text, ctx.index):
        kind, order, label = w.value
        if kind not in _SITE_KINDS or not label:
            continue
        if any(m.start <= w.start < m.end for _, m in ctx.place_hits):
            continue  # "Port Moresby", "Port of Spain": the word begins a town's name
        if ctx.lex.get("capitalised_nouns") and not is_cap(toks[w.i]):
            continue
        if is_cap(toks[w.i]) and _town_named_with(ctx, w.i):
            continue  # "Puerto Barrios", "Puerto Quijarro y Corumbá": a town whose name has the word
        found: list[tuple[str, Match, int, int]] = []
        k = _after_adjectives(ctx, w.j, stop)
        start_k = k
        while k < len(toks) and toks[k].fold in connectors and k - start_k < 2 and toks[k].sep == " ":
            k += 1
        if k not in towns and (k > w.j or order != "before"):
            _name_town(ctx, k, towns, looked_up)  # "the port of Lamu": a town no other rule had a reason to read
        if k in towns and (k > w.j or order != "before" or ctx.lang == "ru"):
            pid, tm = towns[k]
            found.append((pid, tm, w.start, tm.end))
            # "los puertos de Arica y Antofagasta": a second town joined by "and"
            j = tm.j
            if j + 1 < len(toks) and toks[j].fold in ands and j + 1 not in towns:
                _name_town(ctx, j + 1, towns, looked_up)
            if j + 1 < len(toks) and toks[j].fold in ands and j + 1 in towns:
                pid2, tm2 = towns[j + 1]
                found.append((pid2, tm2, w.start, tm2.end))
        elif order in ("before", "either") and w.i in town_ends and toks[w.i].sep == " ":
            pid, tm = town_ends[w.i]
            found.append((pid, tm, tm.start, w.end))  # "Tashkent airport", "Dar es Salaam port"
        for pid, _tm, s, e in found:
            if any(ctx.places[q]["kind"] != "city" and m.start < e and s < m.end for q, m in ctx.place_hits):
                continue  # "le port de Lamu" already read as a facility by its word
            town = ctx.places.get(pid) or looked_up[pid]
            name = f"{town['name']} {label}"
            sid = f"{place_id(name).rstrip('@')}@{town['state'] or ''}"
            if sid in {q for q, _ in ctx.place_hits}:
                continue
            ctx.places.setdefault(sid, {"name": name, "kind": kind, "state": town["state"]})
            ctx.site_hits.append((sid, Match(0, 0, s, e, sid, ctx.text[s:e])))


_OPEN_QUOTES = {"«", "« ", '"', "“", "„"}
_CLOSE_QUOTES = ("»", '"', "”", "“")


def _compound_venues(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """ "im Präsidentenpalast in Vilnius", "im Verteidigungsministerium", "in der slowakischen
    Botschaft": a German compound venue noun right after a locative (and an article or adjective),
    in a sentence about a meeting or a visit, is a venue named as written; where it is comes from
    the places near it (``locate_unknown``)."""
    ends = rd.facility_compounds(ctx.lang)
    if not ends:
        return
    toks = ctx.toks
    loc_end = {m.j for m in ctx.triggers.get("locative", ())}
    for i, t in enumerate(toks):
        if not is_cap(t) or len(t.text) < 6 or any(s <= t.start < e for s, e in taken):
            continue
        kind = next((k for e, k in ends if t.fold.endswith(e)), None)
        if kind is None:
            continue
        if i + 1 < len(toks) and is_cap(toks[i + 1]) and toks[i + 1].sep == " ":
            continue  # "im Präsidentenpalast Akorda": the name that follows is the venue's
        # right after the locative, or after its article and an adjective ("in der slowakischen Botschaft")
        if not any(i - j in (0, 1, 2) and all(not is_cap(x) for x in toks[j:i]) for j in loc_end if j <= i):
            continue
        k = ctx.sent_of(t.start)
        if not (ctx.has("meeting", k) or ctx.has("visit", k)):
            continue
        start = toks[i - 1].start if i and toks[i - 1].fold.endswith(("ischen", "ische")) else t.start
        name = ctx.text[start : t.end]
        pid = place_id(latin(name))
        ctx.places.setdefault(pid, {"name": name, "kind": kind, "state": None})
        ctx.place_hits.append((pid, Match(i, i + 1, start, t.end, pid, name)))
        taken.append((start, t.end))


def _future_words(ctx: Ctx, k: int) -> bool:
    """Sentence ``k`` has a word of the future or of a plan ("will", "wird", "va", "будет",
    "plans", "prévoit"): what it tells is still to come."""
    ev = rd.lexicon(ctx.lang).get("events", {})
    words = {fold(w) for key in ("future_aux", "future_aux_forms", "irregular_futures") for w in ev.get(key, ())}
    stems = {fold(w)[:5] for w in ev.get("plan_verbs", ()) if len(w) >= 5}
    s = ctx.sents[k]
    return any(fold(w) in words or fold(w)[:5] in stems for w in re.findall(r"\w[\w'-]*", ctx.text[s.start : s.end]))


def _ministry_venues(ctx: Ctx, taken: list[tuple[int, int]]) -> None:
    """ "au ministère des Affaires étrangères", "en la sede de la Cancillería", "at the Foreign
    Ministry", "в здании МИД": a ministry right after a locative (past an article, a word for its
    building, the words of its name), in a sentence about a meeting or a visit, is a venue named
    as written (lexicon ``ministry_heads``); where it is comes from the places near it."""
    heads = {fold(w) for w in ctx.lex.get("ministry_heads", ())}
    if not heads:
        return
    toks = ctx.toks
    conn = {fold(w) for w in ctx.lex.get("portfolio_connectors", ())}
    building = {fold(w) for w in ctx.lex.get("ministry_building_nouns", ())}
    stop = stopwords(ctx)
    states = {k for _, _, sm in ctx.state_hits for k in range(sm.i, sm.j)}
    loc_end = {m.j for m in ctx.triggers.get("locative", ())}
    # (a ministry every state has, "the Ministry of Foreign Affairs", is a seat of government:
    # ``generic_seats`` gives it the state the text does, or leaves it out)
    seats = [(m.start, m.end) for m, _ in _seat_matches(ctx)]
    for i, t in enumerate(toks):
        if t.fold not in heads or any(s <= t.start < e for s, e in taken + seats) or not is_cap(t):
            continue
        if sentence_initial(ctx, t):
            continue
        k = ctx.sent_of(t.start)
        if not (ctx.has("meeting", k) or ctx.has("visit", k) or ctx.has_verb(("talk_with_verbs", "meet_verbs"), k)):
            continue
        # back to the locative: articles, connectors, a building's word, the name's capitalised words
        start, j = i, i
        while j > 0 and i - j < 5 and j not in loc_end and toks[j].sep in (" ", "'"):
            prev = toks[j - 1]
            if prev.fold in building or prev.fold in conn or (len(prev.text) <= 3 and prev.text.islower()):
                j -= 1
            elif is_cap(prev) and (j - 1) not in states and not sentence_initial(ctx, prev):
                j -= 1
                start = j  # "the Foreign Ministry"
            else:
                break
        if j not in loc_end:
            continue
        # on to the end of its name: "des Affaires étrangères", "de Relaciones Exteriores", "of
        # Foreign Affairs", "иностранных дел", "Японии"
        end = i + 1
        while end < len(toks) and end - i < 8 and toks[end].sep in (" ", "'"):
            x = toks[end]
            if x.fold in conn and end + 1 < len(toks) and is_cap(toks[end + 1]):
                end += 1
            elif is_cap(x) and end not in states:
                end += 1
            elif (
                x.text.islower()
                and len(x.text) > 4  # (an adjective of the name's last word, not "con", "with")
                and x.fold not in stop | conn
                and is_cap(toks[end - 1])
                and end - 1 > i
            ):
                end += 1  # "Affaires étrangères"
            else:
                break
        while end - 1 > i and toks[end - 1].fold in conn:
            end -= 1
        s, e = toks[start].start, toks[end - 1].end
        name = ctx.text[s:e]
        pid = place_id(latin(name))
        ctx.places.setdefault(pid, {"name": name, "kind": "office", "state": None})
        ctx.place_hits.append((pid, Match(start, end, s, e, pid, name)))
        taken.append((s, e))


def is_metonym(ctx: Ctx, pos: int) -> bool:
    """Is the place mention at ``pos`` also a seat of power standing for its state (the Kremlin)?"""
    return any(kind == "metonym" and sm.start <= pos < sm.end for _, kind, sm in ctx.state_hits)


def glued_to_name(ctx: Ctx, pid: str, m: Match) -> bool:
    """A city name right after another capitalised word is part of a longer name
    ("Vuong Dinh Hue", a person): unless that word is itself known (a title, a state)."""
    if ctx.places[pid]["kind"] != "city" or m.i == 0 or not m.j:
        return False
    prev = ctx.toks[m.i - 1]
    if not is_cap(prev) or ctx.toks[m.i].sep != " " or sentence_initial(ctx, prev):
        return False
    known = {k for _, _, sm in ctx.state_hits for k in range(sm.i, sm.j)}
    known |= {k for _, pm in ctx.place_hits if pm.j for k in range(pm.i, pm.j)}
    return (m.i - 1) not in known and prev.fold not in stopwords(ctx)


def on_a_street(ctx: Ctx, pid: str, m: Match) -> bool:
    """A city's name that names a street or a square ("на Смоленской площади", "Moscow Street",
    "rue de Moscou", "calle Madrid", "Moskauer Platz"): the address of a building, not the city
    (lexicon ``street_nouns``, after the name or before it with a connector)."""
    if ctx.places[pid]["kind"] != "city" or not m.j:
        return False
    toks = ctx.toks
    streets = {fold(w) for w in ctx.lex.get("street_nouns", ())}
    if m.j < len(toks) and toks[m.j].fold in streets and toks[m.j].sep == " ":
        return True
    conn = {fold(w) for w in ctx.lex.get("place_connectors", ())} | _OF
    k = m.i - 1
    while k >= 0 and k >= m.i - 2 and toks[k].fold in conn:
        k -= 1
    return k >= 0 and toks[k].fold in streets


_OF = frozenset(("de", "du", "des", "d", "of", "del", "la"))


def _apposed_state(ctx: Ctx, m: Match) -> str | None:
    """The state an apposition right after a place names ("X, the Australian territory ...",
    "X, territoire australien", "X, ein australisches Gebiet"): up to its next comma or stop."""
    start = m.end
    comma = ctx.text.find(", ", start, start + 30)
    if comma > start:
        # only a day between the place and its apposition ("X on Wednesday, the ...")
        rest = ctx.text[start:comma]
        for d in ctx.dates:
            if start <= d.start and d.end <= comma:
                rest = rest.replace(ctx.text[d.start : d.end], " ")
        if len(rest.split()) > 1:
            return None
        start = comma
    tail = ctx.text[start : start + 60]
    if not tail.startswith(", "):
        return None
    if any(x.start == start + 2 for x in ctx.triggers.get("locative", ())):
        return None  # ", en la primera visita ... a Ecuador": a phrase of the clause, not the place's apposition
    stop = min([i for i in (tail.find(c, 2) for c in ",;.()") if i >= 0] or [len(tail)])
    lo, hi = start, start + stop
    # the first state named there, before any place ("..., the Australian territory closer to Jakarta")
    first = min((sm.start for _, sm in ctx.place_hits if lo <= sm.start < hi), default=hi)
    if any(lo <= h.start < first for h in ctx.leader_hits) or any(
        lo <= t.m.start < first for t in (ctx.title_hits or ())
    ):
        return None  # "au palais de l'Unité, le ministre français X": the clause's object, a person
    states = {iso3 for iso3, kind, sm in ctx.state_hits if lo <= sm.start < first and kind != "metonym"}
    return next(iter(states)) if len(states) == 1 else None


def _locative_before(ctx: Ctx, pos: int) -> bool:
    """The word before ``pos`` is a locative preposition ("in", "à", "en", "im", "в")."""
    before = re.findall(r"\w+", ctx.text[max(0, pos - 20) : pos])
    return bool(before) and fold(before[-1]) in {fold(w) for w in ctx.lex.get("locative", ())}


def locate_unknown(ctx: Ctx) -> None:
    """A facility the reference data does not know lies where the nearest known place named
    before it lies ("ANKARA ... the Presidential Complex"; "in Rome ... Palazzo Chigi")."""
    origin = {fold(w) for w in rd.lexicon(ctx.lang).get("events", {}).get("origin_words", ())}

    def came_from(m: Match) -> bool:
        # "arrived ... from Kuala Lumpur": where someone came from says nothing of where a venue is
        before = re.findall(r"\w+", ctx.text[max(0, m.start - 20) : m.start])
        return bool(before) and fold(before[-1]) in origin

    locative = {fold(w) for w in ctx.lex.get("locative", ())}

    def for_its_state(m: Match) -> bool:
        # "L'Élysée n'a pas répondu", "the Kremlin said": the government, not a place anything is at
        # (unlike "à l'Élysée", "in the Kremlin")
        if not is_metonym(ctx, m.start):
            return False
        before = [fold(w) for w in re.findall(r"\w+", ctx.text[max(0, m.start - 15) : m.start])]
        return not any(w in locative for w in before[-2:])

    known = sorted(
        (
            (m.start, ctx.places[pid]["state"])
            for pid, m in ctx.place_hits
            if ctx.places[pid]["state"] and not came_from(m) and not for_its_state(m)
        ),
        key=lambda x: x[0],
    )
    if not known:
        return
    towns = [q["name"] for q in ctx.places.values() if q["kind"] == "city" and q["state"] is None]
    # sentences naming a town the data lack: a venue there may be in it ("el Palacio de Cerro
    # Castillo, en Viña del Mar"), not in a country named sentences before
    town_ks = {
        ctx.sent_of(m.start)
        for pid, m in ctx.place_hits
        if ctx.places[pid]["kind"] == "city" and ctx.places[pid]["state"] is None
    }
    unplaced = {
        pid for pid, m in ctx.place_hits if ctx.places[pid]["kind"] != "city" and ctx.sent_of(m.start) in town_ks
    }
    for pid, m in ctx.place_hits:
        p = ctx.places[pid]
        if p["kind"] != "city" and any(t in p["name"] for t in towns):
            continue  # "château de Villers-Cotterêts": in that town, whose state the data do not know
        if pid in unplaced:
            continue
        if p["state"] is None:
            # only a place named close by: before it in this sentence or the two before, else after
            # it in this sentence (an Istanbul paragraphs up says nothing of where "Alaska" is)
            k = ctx.sent_of(m.start)
            # a venue lies in a city just named; a town the data lacks is only placed by its own sentence
            reach = 0 if p["kind"] == "city" else 2
            near = [(pos, st) for pos, st in known if pos < m.start and k - reach <= ctx.sent_of(pos)]
            # a place of the same paragraph first (a new paragraph often moves elsewhere)
            para = ctx.sents[k].para
            before = [st for pos, st in near if ctx.sents[ctx.sent_of(pos)].para == para] or [st for _, st in near]
            # after it, only as its own locative close by ("Palazzo Chigi in Rome"), not a place of
            # a clause beyond ("..., where the Taoiseach raised flights between Dublin and ...")
            after = [
                st
                for pos, st in known
                if pos > m.start and ctx.sent_of(pos) == k and pos - m.end <= 60 and _locative_before(ctx, pos)
            ]
            told = _apposed_state(ctx, m)
            if told:
                p["state"] = told  # "Christmas Island, the Australian territory closer to Jakarta"
            elif before or after:
                p["state"] = before[-1] if before else after[0]
                p["guessed"] = True  # from a place named near it, not from data or the text's own words


# a German capitalised word after "in" or "nach" is a town only when it is a sizeable one
_KNOWN_ONLY_POPULATION = 50_000


def unknown_places(ctx: Ctx) -> None:
    """A proper name after a locative in a meeting, visit or invitation sentence is a place ("puis à
    Münster", "accepted an invitation to Parakou")."""
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
    for m in rd.source_gazetteer().find(ctx.text, ctx.index):
        busy.update(range(m.i, m.j))  # "according to Xinhua" names an agency, not a place
    busy.update(k for k, t in enumerate(toks) if any(s <= t.start < e for s, e in ctx.namesakes))
    stop = stopwords(ctx)
    from relgraph.loaders.dates import calendar_words

    stop |= calendar_words(ctx.lang)
    # German capitalises every noun ("im Herbst" is no place): there, only a known town counts
    known_only = bool(ctx.lex.get("capitalised_nouns"))
    named_states = {iso3 for iso3, _, _ in ctx.state_hits} | {q["state"] for q in ctx.places.values() if q.get("state")}
    heads = rd.facility_words(ctx.lang).find(ctx.text, ctx.index)
    # sentences with a word of inviting (the stems of the lexicon's lemmas: "invita", "einlad", "пригла")
    stems = {fold(w)[:6] for w in rd.lexicon(ctx.lang).get("events", {}).get("invite_words", ())}
    invited = {ctx.sent_of(t.start) for t in toks if t.fold[:6] in stems}
    # a verb of travel in any form, with a preposition of going to ("se desplaza a Bata", "tiene
    # previsto viajar a Valparaíso"; not "una escala en Los Ángeles", "in Whitehall")
    going_to = {fold(w) for w in ctx.lex.get("travel_to_preps", ())}
    # after a locative, or right after a verb of visiting (past the names of who visits): "посетит
    # Гянджу", "besucht Cassis Hiroshima", "will visit Sendai" - there only a town the data know
    starts = [(m, m.j, False) for m in ctx.triggers.get("locative", ())]
    for m in ctx.triggers.get("visit", ()) if ctx.lang == "ru" else ():
        # (Russian only: its case marks the object a place; "will visit Toyota" may be the company)
        j = m.j
        while j < len(toks) and j in busy and j - m.j < 4:
            j += 1
        if j < len(toks) and is_cap(toks[j]) and j not in busy and "\n" not in ctx.text[m.end : toks[j].start]:
            starts.append((m, j, True))
    # "to the mining town of Kitwe", "dans la ville minière de", "in die Bergbaustadt", "в город":
    # the name after a noun of towns (German: a compound ending in one), past lower-case words
    towns = {fold(w) for w in ctx.lex.get("town_nouns", ())}
    connectors = {fold(w) for w in ctx.lex.get("place_connectors", ())}

    def past_town_noun(j: int) -> int:
        for n in range(j, min(j + 5, len(toks))):
            t = toks[n]
            if t.fold in towns or (known_only and is_cap(t) and any(t.fold.endswith(w) for w in towns)):
                n += 1
                # (an adjective after it: "la ville minière de", "la ciudad minera de")
                for _ in range(2):
                    if (
                        n < len(toks)
                        and toks[n].text.isalpha()
                        and not is_cap(toks[n])
                        and toks[n].fold not in connectors
                    ):
                        n += 1
                if n < len(toks) and toks[n].fold in connectors:
                    n += 1
                return n if n < len(toks) and is_cap(toks[n]) else j
            if n in busy or (is_cap(t) and not known_only) or not t.text.isalpha():
                return j
        return j

    starts = [(m, past_town_noun(j), objective) for m, j, objective in starts]
    for m, j, objective in starts:
        k = ctx.sent_of(m.start)
        if (
            # (an invitation's sentence too: "accepted an invitation to Parakou")
            not (
                ctx.has("visit", k)
                or ctx.has("meeting", k)
                or ctx.has("continuation", k)
                or k in invited
                or (toks[m.j - 1].fold in going_to and ctx.has_verb(("visit_verbs",), k))
                or ctx.has_verb(("awaited_verbs",), k)  # "is expected in Kumasi on Thursday"
            )
            or ctx.has("remote", k)
            or is_headline(ctx, m.start)
        ):
            continue  # "la situation au Proche-Orient" names a region, not where anyone went
        run = []
        while (
            j < len(toks)
            and is_cap(toks[j])
            and j not in busy
            and toks[j].fold not in stop
            and len(run) < 3
            and (not run or toks[j].sep == " ")
            and not (run == [] and toks[j].sep == "|")
        ):
            run.append(toks[j])
            j += 1
        if not run or any(len(t.text) < 3 for t in run) or sentence_initial(ctx, run[0]):
            continue
        if any(fm.i == index[run[0].start] for fm in heads):
            continue  # "au Musée", "в Музее", "en Museo": a capitalised venue noun, not a city
        if fold(ctx.text[run[0].start : run[-1].end]) in rd.regions():
            continue  # "en Ontario", "in Ohio": a region of a federal state, no town of that name
        if ctx.lang == "ru" and all("ADJF" in q.tag for q in _ru_parses(run[-1].text)[:1]):
            continue  # "в Президентском дворце": an adjective of a building, no town
        s, e = run[0].start, run[-1].end
        if "\n" in ctx.text[s:e]:
            continue  # a headline's last word and the header line under it: no one name
        written = ru_nominative(ctx.text[s:e]) if ctx.lang == "ru" else ctx.text[s:e]
        city = cities.lookup(written, named_states, _KNOWN_ONLY_POPULATION if known_only or objective else 0)
        if city is None and ctx.lang == "ru" and written != ctx.text[s:e]:
            city = cities.lookup(ctx.text[s:e], named_states)  # "Алма-Ату" is no case of a noun it knows
        if city is None and ctx.lang == "ru" and re.search(r"[уюе]$", ctx.text[s:e]):
            # "в Бату", "в Дуале": a town in -а (-я) in the accusative or the prepositional
            stem = ctx.text[s : e - 1]
            city = cities.lookup(stem + ("я" if ctx.text[e - 1] == "ю" else "а"), named_states)
        if city is None and objective:
            continue
        if city is not None:
            pid = f"{slug(city.name)}@{city.state}"
            ctx.places.setdefault(pid, {"name": city.name, "kind": "city", "state": city.state})
        elif known_only:
            continue
        elif ctx.lang == "ru" and _ru_common_noun(run[0].text):
            continue  # "в Доме правительства", "в Министерстве": an institution's first word, no town
        elif len(run) == 1 and run[0].text.isupper() and len(run[0].text) <= 5:
            continue  # "в МИД", "at the MFA": an institution's initials, no town
        else:
            name = latin(written)
            pid = place_id(name)
            ctx.places.setdefault(pid, {"name": name, "kind": "city", "state": None})
        ctx.place_hits.append((pid, Match(run[0] and index[s], j, s, e, pid, ctx.text[s:e])))
        busy.update(range(index[s], j))


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=100_000)
def _ru_parses(word: str) -> list:
    """pymorphy3's readings of a word; none for a character Unicode has no name for (pymorphy3
    asks unicodedata for every letter's name and fails on an unnamed one). Remembered: the same
    capitalised words come back in every article; callers only read the list."""
    try:
        return _morph().parse(word)
    except ValueError:
        return []


def _nominative_title(ctx: Ctx, t: "_TitleHit") -> bool:
    """The title's first word can only be a nominative ("Министр обороны Сирии Мурхаф Абу Касра"):
    a name in apposition to it is in the nominative too, whatever its ending looks like."""
    word = ctx.toks[t.m.i].text
    parses = [q for q in _ru_parses(word) if "NOUN" in q.tag]
    return bool(parses) and all(q.tag.case == "nomn" for q in parses)


def _ru_common_noun(word: str) -> bool:
    """A word of the Russian dictionary with no reading as a place or a name ("Доме", "Совете";
    not "Минске", nor "Бохтаре", which the dictionary does not know)."""
    parses = _ru_parses(word)
    return (
        bool(parses)
        and _morph().word_is_known(word.lower())
        and not any(g in q.tag for q in parses for g in ("Geox", "Name", "Surn", "Orgn", "Abbr"))
    )


def ru_genitive_noun(word: str) -> bool:
    """``word`` reads as a noun or an adjective in the genitive and not in the nominative
    ("визита", "российского"), as after a preposition such as "накануне"."""
    parses = [q for q in _ru_parses(word.lower()) if q.tag.POS in ("NOUN", "ADJF")]
    # "главы" is also a nominative plural ("накануне главы МИД провели ..."): only a word that can
    # be nothing but a genitive here is taken for one
    return any(q.tag.case == "gent" for q in parses) and not any(q.tag.case == "nomn" for q in parses)


def ru_nominative(name: str) -> str:
    """A Russian proper name as its nominative ("в Акорде" -> "Акорда", "на Аляске" -> "Аляска"),
    word by word, keeping the capitals; a word the analyser cannot place stays as written."""
    out = []
    for word in name.split(" "):
        parses = [q for q in _ru_parses(word) if "NOUN" in q.tag and q.tag.case != "nomn"]
        if not parses or not re.match(r"[А-ЯЁ]", word):
            out.append(word)
            continue
        best = max(parses, key=lambda q: ("Geox" in q.tag, q.tag.case == "loct", q.score))
        out.append("-".join(x[:1].upper() + x[1:] for x in best.normal_form.split("-")))
    return " ".join(out)


def ru_name_nominative(word: str) -> str:
    """A Russian first name or surname in the nominative ("Ламом" -> "Лам", "Джайшанкаром" ->
    "Джайшанкар", "Уиткоффом" -> "Уиткофф"); a word already in the nominative ("Дмитрий",
    "Дмитриев") or one the analyser cannot place stays as written. A person is one: plural
    readings ("Дмитриев" as "of the Dmitrys") are not taken."""
    if not re.match(r"[А-ЯЁ]", word) or re.search(r"-[а-яё]", word):
        return word  # (a given name's lower-case syllable, "Мин-чже", is not declined)
    parses = [q for q in _ru_parses(word) if "NOUN" in q.tag and q.tag.number != "plur"]
    named = [q for q in parses if {"Name", "Surn", "Patr"} & set(str(q.tag).replace(" ", ",").split(","))]
    if named:
        best = max(named, key=lambda q: q.score)
    elif parses and not any(q.tag.case == "nomn" for q in parses):
        # a foreign surname the dictionary lacks, with a case ending on it ("Уиткоффом")
        stems = [q for q in parses if word.lower().startswith(q.normal_form) and len(word) - len(q.normal_form) <= 2]
        if not stems:
            return word
        best = max(stems, key=lambda q: q.score)
    else:
        return word
    if best.tag.case == "nomn":
        return word
    return "-".join(x[:1].upper() + x[1:] for x in best.normal_form.split("-"))


@dataclass(frozen=True)
class _TitleHit:
    role: str
    m: Match
    state: str | None  # the state named in the title phrase ("président russe", "of Vietnam")
    end: int  # end of the title phrase (after the state)
    j: int  # token after the title phrase
    # a minister's title whose ministry the words name but the lexicon maps to no office ("le
    # ministre tunisien de l'Artisanat"): some minister, not whichever minister the text names
    portfolio: bool = False


def titles(ctx: Ctx) -> list[_TitleHit]:
    """Titles in the text (\"the Russian president\", \"Premier ministre japonais\") with the state they name."""
    if ctx.title_hits is None:
        ctx.title_hits = _titles(ctx)
    return ctx.title_hits


def _titles(ctx: Ctx) -> list[_TitleHit]:
    out = []
    toks = ctx.toks
    by_tok = {m.i: (iso3, m) for iso3, _, m in ctx.state_hits}
    connectors = rd.every_language("title_connectors")
    deputy = rd.every_language("deputy_words")
    words = {
        k for w in rd.word_gazetteer(ctx.lang, "portfolio_words").find(ctx.text, ctx.index) for k in range(w.i, w.j)
    }
    for m in rd.word_gazetteer(ctx.lang, "titles").find(ctx.text, ctx.index):
        role = m.value
        before, first = m.i - 1, m.i
        if before > 0 and before in by_tok and by_tok[before][1].j == m.i:
            before -= 1  # "the deputy Russian prime minister", "der stellvertretende russische Ministerpräsident"
        if before >= 0 and toks[before].fold in deputy and toks[before + 1].sep in (" ", "-"):
            # "Deputy Prime Minister", "вице-премьер", "заместитель председателя правительства":
            # another office, no holder of the title's own (its state still names a person's)
            role = "deputy " + role
            if not (before + 1 < m.i):
                first = before  # "Poland's Deputy Prime Minister": the state before the whole title
        fronted = False  # the ministry's words before the title ("Ireland's enterprise minister")
        if _ministerial(role):
            while first >= 1 and (first - 1) in words and toks[first].sep == " " and first - 1 not in by_tok:
                first -= 1
                fronted = True
        if first >= 2 and toks[first - 1].fold == "s" and toks[first - 1].sep in ("'", "’"):
            first -= 1  # "Poland's President": the possessive's s between the state and the title
        j, state, end = m.j, None, m.end
        if _ministerial(role):  # "ministre de l'Intérieur", "ministro de Gobernación guatemalteco"
            j, end = _portfolio(ctx, j, end, by_tok, words)
        k = j
        while k < len(toks) and toks[k].fold in connectors and k - j < 3:
            k += 1
        kk = k
        while kk < len(toks) and kk - k < 4 and kk not in by_tok and _official_name_word(ctx, kk):
            kk += 1  # "Министром ... Королевства Камбоджа", "of the Republic of Fiji": the state's official name
            while kk < len(toks) and toks[kk].fold in connectors and kk not in by_tok:
                kk += 1
        if kk > k and kk in by_tok:
            k = kk
        if k in by_tok and all(toks[x].sep in (" ", "'") for x in range(j, k + 1)):
            state, sm = by_tok[k]
            j, end = sm.j, sm.end
            role, j, end = _title_tail(ctx, m, role, j, end)
            if _ministerial(role):
                # "ministro ecuatoriano del Interior", "ministre sénégalais des Finances et du
                # Budget, X": the ministry's words go on after the office the title names
                j, end = _portfolio(ctx, j, end, by_tok, words)
        elif (
            role == "minister"
            and j == m.j
            and j + 1 < len(toks)
            and toks[j].text.isalpha()
            and toks[j].text.islower()
            and toks[j].sep == " "
            and toks[j].fold not in connectors
            and _portfolio(ctx, j + 1, end, by_tok, words)[0] > j + 1
        ):
            # an adjective the lexicon does not tie to one state ("le ministre congolais de la
            # Défense": two Congos) before the ministry: the title goes on, its state unknown
            j, end = _portfolio(ctx, j + 1, end, by_tok, words)
        elif first - 1 in {mm.j - 1 for _, mm in by_tok.values()} and toks[first].sep in (" ", "'"):
            # "russische Präsident", "Russian President", "российский президент"
            for iso3, mm in by_tok.values():
                if mm.j == first and not (
                    ctx.lang == "ru" and ctx.text[mm.start].isupper() and not sentence_initial(ctx, toks[mm.i])
                ):
                    # not a country's name before it ("Из Турции министр направится": from
                    # Turkey, the minister): a Russian adjective of a state is lower case
                    state = iso3
        elsewhere = rd.lexicon(ctx.lang).get("titles_elsewhere", {}).get(role)
        if elsewhere and state and state not in elsewhere["states"]:
            # "la canciller mexicana": outside the states whose heads of government bear the
            # title, the same word names the foreign minister
            role = elsewhere["role"]
        portfolio = role == "minister" and (
            fronted
            or any(k in words for k in range(m.j, j))
            or _ministry_after(ctx, j, by_tok)
            or _compound_title(ctx, m)
        )
        out.append(_TitleHit(role, m, state, end, j, portfolio))
    return _coordinated(ctx, out)


@lru_cache(maxsize=None)
def _plain_minister_forms(lang: str) -> frozenset[str]:
    titles = rd.lexicon(lang).get("titles", {})
    # ("*minister" is the lexicon's ending of a compound; "министр*" a stem with its case endings)
    return frozenset(fold(w.rstrip("*")) for w, role in titles.items() if role == "minister" and not w.startswith("*"))


def _compound_title(ctx: Ctx, m: Match) -> bool:
    """A minister's title whose word holds a ministry the lexicon maps to no office, matched by
    the title's ending ("Einwanderungsminister", "Europaministerin"): some minister, not whichever
    minister of that state the text names."""
    w = fold(ctx.text[m.start : m.end])
    # (a declined form starts with the plain one: "министром")
    return m.j - m.i == 1 and not any(w.startswith(f) for f in _plain_minister_forms(ctx.lang))


def _ministry_words(ctx: Ctx, t: _TitleHit) -> frozenset[str]:
    """The capitalised words of a minister's title after its head word: its ministry ("Comercio"
    of "ministro de Comercio de la República Popular China"), states' names left out."""
    states = {k for _, _, sm in ctx.state_hits for k in range(sm.i, sm.j)}
    out = set()
    for k in range(t.m.j, min(t.j, len(ctx.toks))):
        if k in states or _state_form(ctx, [ctx.toks[k]]):
            break  # the state's name ends the ministry's
        if ctx.toks[k].text[:1].isupper():
            out.add(ctx.toks[k].fold)
    return frozenset(out)


def _ministerial(role: str) -> bool:
    """A minister's office, whose ministry may be written after the title ("minister" or "finance
    minister", not the prime minister)."""
    return role == "minister" or (role.endswith(" minister") and "prime" not in role)


def _ministry_after(ctx: Ctx, j: int, by_tok: dict) -> bool:
    """A ministry the lexicon does not list, written after a minister's title: a portfolio
    connector, then a capitalised word that is no state ("le ministre tunisien de l'Artisanat",
    "Minister of Handicrafts")."""
    toks = ctx.toks
    conn = {fold(w) for w in ctx.lex.get("portfolio_connectors", ())}
    k = j
    while k < len(toks) and k - j < 3 and toks[k].fold in conn and toks[k].sep in (" ", "'"):
        k += 1
    return (
        k > j
        and k < len(toks)
        and toks[k].sep in (" ", "'")
        and toks[k].text[:1].isupper()
        and toks[k].text.isalpha()
        and k not in by_tok
    )


def _portfolio(ctx: Ctx, j: int, end: int, by_tok: dict, words: set[int]) -> tuple[int, int]:
    """The ministry written after a minister's title: the language's ``portfolio_words`` joined
    by its ``portfolio_connectors`` ("ministre du Pétrole, des Mines et de l'Énergie", "ministro
    de Economía y Finanzas", "Minister for Foreign Trade"). Returns the token after it and where
    it ends, or ``j`` and ``end`` unchanged when no ministry follows; a name after the ministry
    is not part of it ("ministre de l'Intérieur Bruno Dupont"), nor is a state ("ministro de
    Brasil" is Brazil's minister)."""
    toks, text = ctx.toks, ctx.text
    conn = {fold(w) for w in ctx.lex.get("portfolio_connectors", ())}
    k, comma = j, False
    while conn and k < len(toks):
        kk = k
        while (
            kk < len(toks)
            and toks[kk].fold in conn
            and (toks[kk].sep in (" ", "'") or (comma and kk == k))
            and kk - k < 3
        ):
            kk += 1
        if kk == k or kk not in words or kk in by_tok or toks[kk].sep not in (" ", "'"):
            break
        while kk < len(toks) and kk in words and kk not in by_tok and toks[kk].sep in (" ", "'"):
            kk += 1
        j, end, k = kk, toks[kk - 1].end, kk
        # ", des Mines": after a comma, the ministry's name goes on when a connector follows
        comma = k < len(toks) and text[toks[k - 1].end : toks[k].start] == ", " and toks[k].fold in conn
    return j, end


def _title_tail(ctx: Ctx, m: Match, role: str, j: int, end: int) -> tuple[str, int, int]:
    """The rest of a title written after the state ("ministre suédoise de la Défense": the
    defence minister, "ministre italien des Affaires étrangères"): the title the words make
    without the state, and the phrase extended over them."""
    toks = ctx.toks
    if j >= len(toks) or toks[j].sep != " ":
        return role, j, end
    head = ctx.text[m.start : m.end]
    last = min(j + 4, len(toks)) - 1
    tail = ctx.text[toks[j].start : toks[last].end]
    for m2 in rd.word_gazetteer(ctx.lang, "titles").find(f"{head} {tail}"):
        if m2.start == 0 and m2.end > len(head) + 1:
            stop = toks[j].start + m2.end - len(head) - 1
            jj = j
            while jj < len(toks) and toks[jj].end <= stop:
                jj += 1
            return m2.value, jj, stop
    return role, j, end


def _coordinated(ctx: Ctx, hits: list[_TitleHit]) -> list[_TitleHit]:
    """A title joined by "and" to the one before it holds that one's state ("Poland's deputy
    prime minister and defence minister X", "vice-premier ministre et ministre polonais de ..."):
    one person with two offices, of the state the phrase names once."""
    ands = {fold(w) for w in rd.lexicon(ctx.lang).get("and_words", ())}
    out = list(hits)

    def joined(a: _TitleHit, b: _TitleHit) -> bool:
        between = ctx.toks[a.j : b.m.i]
        return len(between) == 1 and between[0].fold in ands and ctx.text[a.end : b.m.start].strip() == between[0].text

    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if b.state is None and a.state is not None and joined(a, b):
            out[n] = _TitleHit(b.role, b.m, a.state, b.end, b.j, b.portfolio)
    for n in range(len(out) - 1, 0, -1):
        a, b = out[n - 1], out[n]
        if a.state is None and b.state is not None and joined(a, b):
            # "the Prime Minister and Foreign Minister of Qatar", "el primer ministro y ministro de
            # Exteriores de Catar": the state named after the second office is the first one's too
            out[n - 1] = _TitleHit(a.role, a.m, b.state, a.end, a.j, a.portfolio)
    return out


# -- leaders ---------------------------------------------------------------------------------
# find_leaders runs named passes in a fixed order. Each pass reads what the passes before it
# found and returns that with its own finds added; ctx is written once, at the end. The order
# matters: a later pass skips the tokens an earlier one claimed, and mentions that start at the
# same offset keep the order they were found in.

_GENERIC_TITLES = ("counterpart", "leader", "minister", "head of state")


@dataclass(frozen=True)
class Person:
    """A leader the article names: from the reference data, or a new person named after a title."""

    name: str
    state: str | None
    role: str | None
    # a new person's name as the text writes it (in the nominative), when that is the one to show:
    # not Latin letters, and of a state whose names do not come into Latin from this script
    written: str | None = None

    def info(self) -> dict:
        return {"name": self.written or self.name, "state": self.state, "role": self.role}


@dataclass(frozen=True)
class LeaderMention:
    """One place in the text that refers to a leader, and how it was found."""

    lid: str
    start: int
    end: int
    tok: int  # its first token
    how: str  # name, short name, title+name, surname, anaphor, title, honorific
    claims: tuple[int, int] = (0, 0)  # tokens later passes may not read as another name

    @property
    def explicit(self) -> bool:
        """Named, not referred to by a title alone ("le président russe")."""
        return self.how not in ("anaphor", "title")

    def hit(self) -> LeaderHit:
        return LeaderHit(self.lid, self.start, self.end, self.tok, explicit=self.explicit)


@dataclass(frozen=True)
class _Found:
    """What the passes have found so far: mentions in the order found, and the people they name."""

    mentions: tuple[LeaderMention, ...] = ()
    people: dict[str, Person] = field(default_factory=dict)

    def taken(self) -> set[int]:
        return {k for h in self.mentions for k in range(*h.claims)}


def _from_ref(ctx: Ctx, people: dict[str, Person], lid: str) -> None:
    if lid not in people:
        info = rd.leaders()[lid]
        people[lid] = Person(info.name, info.state_on(ctx.pub), info.role_on(ctx.pub))


def _place_spans(ctx: Ctx) -> list[tuple[int, int]]:
    return [(m.start, m.end) for _, m in ctx.place_hits]


def _named(ctx: Ctx, found: _Found) -> _Found:
    """Full names the reference data knows ("Talia Morgenstern-Ruiz said")."""
    mentions, people = list(found.mentions), dict(found.people)
    in_places = _place_spans(ctx)
    suffixes = _name_suffixes()
    sons: set[int] = set()
    for m in rd.leader_gazetteer().find(ctx.text, ctx.index):
        if any(s <= m.start and m.end <= e for s, e in in_places):
            continue  # "place Kim Il Sung" is a square, not the man
        nxt = ctx.toks[m.j] if m.j < len(ctx.toks) else None
        if (
            nxt is not None
            and nxt.sep == " "
            and fold(nxt.text.rstrip(".")) in suffixes | {fold(x.rstrip(".")) for x in suffixes}
            and not (_own_words(m.value) & {x.rstrip(".") for x in suffixes})  # (his own "Jr.", "мл.")
        ):
            sons.update(range(m.i, m.j))
            continue  # "Donald Trump Jr.": the son, another man (not "Ferdinand Marcos Jr.", his own name)
        mentions.append(LeaderMention(m.value, m.start, m.end, m.i, "name", (m.i, m.j)))
        _from_ref(ctx, people, m.value)
    if ctx.lang == "ru":
        # a full name in a case the reference data does not list ("с То Ламом"): its nominative
        toks = ctx.toks
        seen = {k for h in mentions for k in range(*h.claims)} | sons
        for k in range(len(toks) - 2):
            # three words, the last a particle name ("с Абдель Фаттахом ас-Сиси")
            a, b = toks[k], toks[k + 1]
            if {k, k + 1} & seen or not (is_cap(a) and is_cap(b)) or b.sep != " ":
                continue
            last = re.match(r" ([\w-]*[А-ЯЁ][\w-]*)", ctx.text[b.end : b.end + 40])
            if not last or any(s <= a.start < e for s, e in in_places):
                continue
            end = b.end + last.end()
            nom = f"{ru_name_nominative(a.text)} {ru_name_nominative(b.text)} {last.group(1)}"
            hits = [m for m in rd.leader_gazetteer().find(nom) if m.start == 0 and m.end == len(nom)]
            if len(hits) == 1:
                j = k + 2
                while j < len(toks) and toks[j].end <= end:
                    j += 1
                if set(range(k, j)) & seen:
                    continue
                mentions.append(LeaderMention(hits[0].value, a.start, end, k, "name", (k, j)))
                _from_ref(ctx, people, hits[0].value)
                seen.update(range(k, j))
        for k in range(len(toks) - 1):
            a, b = toks[k], toks[k + 1]
            if k in seen or k + 1 in seen or not (is_cap(a) and is_cap(b)) or b.sep != " ":
                continue
            if any(s <= a.start < e for s, e in in_places):
                continue
            nom = f"{ru_name_nominative(a.text)} {ru_name_nominative(b.text)}"
            hits = [m for m in rd.leader_gazetteer().find(nom) if m.start == 0 and m.end == len(nom)]
            if len(hits) == 1:
                mentions.append(LeaderMention(hits[0].value, a.start, b.end, k, "name", (k, k + 2)))
                _from_ref(ctx, people, hits[0].value)
                seen.update((k, k + 1))
    return _Found(tuple(mentions), people)


def _short_names(ctx: Ctx, found: _Found) -> _Found:
    """A known leader's short name, once the leader or their state is in the text ("Ruiz arrived")."""
    mentions, people = list(found.mentions), dict(found.people)
    taken = found.taken()
    mentioned_states = {iso3 for iso3, _, _ in ctx.state_hits}
    for m in rd.leader_short_gazetteer().find(ctx.text, ctx.index):
        if any(k in taken for k in range(m.i, m.j)) or not is_cap(ctx.toks[m.i]):
            continue
        if m.j - m.i == 1 and _other_first_name(ctx, m.i, m.value, taken, mentions, people):
            continue  # "Brigitte Macron", "Eric Trump": another of the family
        info = rd.leaders()[m.value]
        if m.value in people or info.state_on(ctx.pub) in mentioned_states:
            mentions.append(LeaderMention(m.value, m.start, m.end, m.i, "short name", (m.i, m.j)))
            taken.update(range(m.i, m.j))
            _from_ref(ctx, people, m.value)
    if ctx.lang == "ru":
        # a short name in a case the reference data does not list ("принят Лулой"): its stem
        for k, t in enumerate(ctx.toks):
            if k in taken or not is_cap(t):
                continue
            lid = rd.ru_declined_short(t.text)
            if lid is None or not (lid in people or rd.leaders()[lid].state_on(ctx.pub) in mentioned_states):
                continue
            if _other_first_name(ctx, k, lid, taken, mentions, people):
                continue
            mentions.append(LeaderMention(lid, t.start, t.end, k, "short name", (k, k + 1)))
            taken.add(k)
            _from_ref(ctx, people, lid)
        mentions.sort(key=lambda h: h.start)
    return _Found(tuple(mentions), people)


@dataclass(frozen=True)
class _NameBarriers:
    """Tokens a name after a title cannot run into, and the institutions a title may name."""

    states: set[int]
    places: set[int]
    titles: set[int]
    events: set[int]
    institutions: set[int]
    state_of: dict[int, str]
    stop: set[str]
    shared: set[int] = field(default_factory=set)  # short names two states share ("Кореи")


def _barriers(ctx: Ctx, titles: list[_TitleHit]) -> _NameBarriers:
    shared = {k for m in rd.shared_state_names(ctx.lang).find(ctx.text, ctx.index) for k in range(m.i, m.j)}
    place_toks = set()
    for pid, m in ctx.place_hits:
        if m.j and not glued_to_name(ctx, pid, m):  # "Vuong Dinh Hue": Hue ends a name here
            place_toks.update(range(m.i, m.j))
    return _NameBarriers(
        # a short name two states share is no word of a person's name even when it names neither
        # ("главой МИД Кореи Чо Хёном" in a story on both Koreas)
        states={k for _, _, m in ctx.state_hits for k in range(m.i, m.j)} | shared,
        shared=shared,
        places=place_toks,
        titles={k for t in titles for k in range(t.m.i, t.m.j)},
        events={
            k
            for key in ("meeting", "visit", "proposal", "say")
            for m in ctx.triggers.get(key, ())
            for k in range(m.i, m.j)
        },
        institutions={
            k for m in rd.word_gazetteer(ctx.lang, "institutions").find(ctx.text, ctx.index) for k in range(m.i, m.j)
        },
        state_of={k: iso3 for iso3, _, m in ctx.state_hits for k in range(m.i, m.j)},
        stop=stopwords(ctx),
    )


def _past_institution(ctx: Ctx, k: int, b: _NameBarriers) -> tuple[int, str | None]:
    """Where the name starts after a title that names an institution ("Speaker of the Assembly
    Ines Okafor"), and the state that closes the institution's name, if any."""
    toks = ctx.toks
    inst_state = None
    if k < len(toks) and (toks[k].fold in rd.every_language("institution_connectors") or k in b.institutions):
        last_inst = None
        for kk in range(k, min(k + 8, len(toks))):
            if kk > k and toks[kk].sep == "|":
                break
            if kk in b.institutions or (last_inst is not None and kk in b.states):
                last_inst = kk  # "Совета безопасности России": the state closes the phrase
                if kk in b.state_of:
                    inst_state = b.state_of[kk]
            elif last_inst is not None and is_cap(toks[kk]):
                break  # the name begins
        if last_inst is not None:
            k = last_inst + 1
            while (
                k < len(toks)
                and k - last_inst <= 2
                and toks[k].text.islower()
                and toks[k].sep == " "
                and k + 1 < len(toks)
                and is_cap(toks[k + 1])
            ):
                k += 1  # "l'Assemblée nationale Anatole Dubreuil"
    return k, inst_state


def _name_run(ctx: Ctx, k: int, b: _NameBarriers) -> tuple[list[Token], int]:
    """The capitalised words of a name from token ``k`` on, and the token after them."""
    toks, text = ctx.toks, ctx.text
    run: list[Token] = []
    particles = name_particles()
    while True:
        # "Mohammed bin Salman", "Ursula von der Leyen", "Mohammed Shia al-Sudani": one or two
        # lower-case particles inside a name, when a capitalised word follows them
        p = k
        while run and p < len(toks) and p - k < 2 and toks[p].fold in particles:
            p += 1  # "Al Habsi", "El Ghazouani": the article may be capitalised
        if p > k and not (
            p < len(toks)
            and all(toks[x].sep == " " for x in range(k, p))
            and toks[p].sep in (" ", "'")
            and _name_word(ctx, toks, p, b)
        ):
            break
        if p > k and len(run) + (p - k) >= 6:
            break
        if p > k:
            run.extend(toks[k:p])
            k = p
        longest = 6 if any(t.fold in particles for t in run) else 5
        if _hyphen_syllable(ctx, run, k) and len(run) < longest:
            run.append(toks[k])  # "Park Min-jae", "Lee Jae-myung": a given name's lower-case syllable
            k += 1
            continue
        if not (
            _name_word(ctx, toks, k, b)
            and len(run) < longest
            and (not run or toks[k].sep in (" ", "'") or (toks[k].sep == "." and len(run[-1].text) == 1))
            and (not run or "\n" not in text[run[-1].end : toks[k].start])
        ):
            break
        run.append(toks[k])
        k += 1
    return run, k


_HYPHENS = ("-", "\u2010", "\u2011")
# one syllable of a romanised Korean or Chinese given name ("jae", "myung", "in", "wen", "te"), which
# "style", "led", "era" or "backed" after a name are not
_SYLLABLE = re.compile(
    r"[bcdghjklmnprstwy]{0,3}(?:a|ae|e|eo|eu|ee|i|o|oe|oo|u|ui|wa|wae|we|wi|ya|yae|ye|yeo|yo|yu)(?:ng|n|k|l|m|p|t)?"
)


def _hyphen_syllable(ctx: Ctx, run: list[Token], k: int) -> bool:
    """Token ``k`` is the lower-case second syllable of a hyphenated given name ("Min-jae",
    "Jae-myung", "Ing-wen") after a family name and the capitalised first syllable, glued by a
    hyphen ("Hakan Fidan-style" is no name: "style" is no such syllable)."""
    toks = ctx.toks
    if len(run) < 2 or k >= len(toks) or ctx.text[run[-1].end : toks[k].start] not in _HYPHENS:
        return False
    w, first = toks[k].text, run[-1].text
    syllable = re.fullmatch(r"[а-яё]{1,4}", w) if ctx.lang == "ru" else _SYLLABLE.fullmatch(w)  # "Мин-чже"
    if toks[k].fold in {fold(x) for x in ctx.lex.get("hyphen_particles", ())}:
        return False  # "Ли-то", "Пак-де": a particle glued to a name ("-то", "-де"), no syllable of it
    return 2 <= len(first) <= 5 and first[:1].isupper() and syllable is not None


def _script_name(ctx: Ctx, state: str, words: list[str]) -> bool:
    """The text writes the name of a person of ``state`` in a script other than Latin, and that
    state's names come into Latin letters from their own language, not from this one's (lexicon
    ``latin_name_states`` lists the states whose Latin spellings come from this script)."""
    if all(ord(c) < 0x250 for w in words for c in w):
        return False
    return state not in ctx.lex.get("latin_name_states", ())


def name_words(ctx: Ctx, run: list[Token]) -> list[str]:
    """The words of a name as written, a hyphenated given name kept whole ("Jean-Pierre",
    "Min-jae"), an initial with its point."""
    words: list[str] = []
    for i, tk in enumerate(run):
        w = tk.text + ("." if len(tk.text) == 1 else "")
        if words and ctx.text[run[i - 1].end : tk.start] in _HYPHENS:
            words[-1] += "-" + w
        else:
            words.append(w)
    return words


def _name_word(ctx: Ctx, toks: list[Token], k: int, b: _NameBarriers) -> bool:
    """Can token ``k`` be a word of a person's name (capitalised, and no state, place, title,
    event word, stop word or acronym)?"""
    return (
        k < len(toks)
        and is_cap(toks[k])
        and k not in b.states
        and k not in b.places
        and k not in b.titles
        and toks[k].fold not in b.stop
        and k not in b.events
        and not (len(toks[k].text) >= 2 and toks[k].text.isupper())  # "ЦК", "UN", "MFA": an acronym, no name
    )


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case particles inside names, in every language (a name may be foreign)."""
    return frozenset(fold(w) for lang in rd.languages() for w in rd.lexicon(lang).get("name_particles", ()))


_MONARCHS = frozenset(("king", "queen", "emir", "sultan", "emperor", "grand duke", "crown prince"))


def _monarch(word: str, state: str | None, ctx: Ctx) -> str | None:
    """The one monarch in office on the article's date whose name or an alias opens with ``word``
    ("Philippe" is Philippe of Belgium, "Felipe" Felipe VI); of ``state`` when the title says it
    ("the Belgian king"), else of a state the article names, when several monarchs share it."""
    w = fold(word)
    found = {
        lid: info.state
        for lid, info in rd.leaders().items()
        if any(r[0] in _MONARCHS for r in info.roles)
        and any(fold(f.split()[0]) == w for f in {info.name, *info.aliases} if f.split())
        and (state is None or info.state == state)
    }
    if len(found) > 1:
        # a state named, or one whose city or palace is ("at the Royal Palace in Brussels")
        named = {iso3 for iso3, _, _ in ctx.state_hits} | {ctx.places[pid]["state"] for pid, _ in ctx.place_hits}
        found = {lid: st for lid, st in found.items() if st in named}
    return next(iter(found)) if len(found) == 1 else None


def _official_name_word(ctx: Ctx, k: int) -> bool:
    """A word of a state's official name before the state ("Republic", "Федеративной
    Демократической Республики", "Königreichs"): a state-form word, or a capitalised word that one
    follows within three words."""
    toks = ctx.toks
    if _state_form(ctx, [toks[k]]):
        return True
    return is_cap(toks[k]) and any(_state_form(ctx, [toks[x]]) for x in range(k + 1, min(k + 4, len(toks))))


def _state_form(ctx: Ctx, run: list[Token]) -> bool:
    """A run of capitalised words holding a word of a state's official name ("Republic",
    "Королевства", "Bundesrepublik"): the state's name, no person's."""
    words = ctx.lex.get("state_form_words", ())
    return any(t.fold == fold(w) or (w.endswith("*") and t.fold.startswith(fold(w[:-1]))) for t in run for w in words)


def _past_honorifics(ctx: Ctx, k: int) -> int:
    """The token after the honorifics that open a name ("H.E. Mr. Prabowo Subianto", "S.E. M. X"):
    "H.E." is no one's initials."""
    toks, text = ctx.toks, ctx.text
    dotted = ctx.lex.get("dotted_honorifics", ())
    plain = {fold(h) for h in ctx.lex.get("honorifics", ())}
    moved = True
    while moved and k < len(toks):
        moved = False
        for h in dotted:
            if text.startswith(h, toks[k].start):
                end = toks[k].start + len(h)
                while k < len(toks) and toks[k].start < end:
                    k += 1
                moved = True
                break
        if moved and k < len(toks) and fold(toks[k].text) in plain:
            k += 1  # "H.E. Mr." / "S.E. M."
    return k


def _past_ranks(ctx: Ctx, k: int) -> int:
    """The token after a rank of birth or honour before a name, with its article ("шейха Мишаля",
    "Prince Faisal", "el jeque Mishaal": key ``name_honorifics``). Such a word may also be a given
    name ("Cheikh Diba"): the caller tries the name past it only to find a known person."""
    toks = ctx.toks
    rank = {fold(h) for h in ctx.lex.get("name_honorifics", ())}
    while k + 1 < len(toks) and toks[k + 1].sep == " ":
        if fold(toks[k].text) in rank:
            k += 1
        elif toks[k].text.islower() and len(toks[k].text) <= 3 and k + 2 < len(toks) and fold(toks[k + 1].text) in rank:
            k += 2
        else:
            break
    return k


def _ranked_holder(ctx: Ctx, t: _TitleHit, k: int, b: "_NameBarriers") -> tuple[str, list[Token]] | None:
    """A known person named past a rank after the title ("эмира Кувейта шейха Мишаля ...", "the
    Emir of Kuwait, Sheikh Meshaal ...", "el jeque Mishaal ..."): the person and the name's words,
    when the words past the rank name a leader the reference data knows, in any spelling it gives
    or as the title's holder. None otherwise (the rank word may be a given name: "Cheikh Diba")."""
    kr = _past_ranks(ctx, k)
    if kr == k:
        return None
    run, _ = _name_run(ctx, kr, b)
    if len(run) < 2:
        return None
    ref = _known_after_title(ctx, t, run)
    return (ref, run) if ref is not None else None


def _known_after_title(ctx: Ctx, t: _TitleHit, run: list[Token]) -> str | None:
    """The known leader the name ``run`` after title ``t`` names: in any spelling the reference
    data gives ("Antony J. Blinken" without its initials), in a Russian case ("с То Ламом"), by a
    Russian surname with the title's office and state, or spelt otherwise as that office's holder
    ("Mechaal al-Ahmad", ``refdata.leader_by_title_words``)."""
    plain = " ".join(tk.text for tk in run if len(tk.text) > 1)
    if ctx.lang == "ru":
        plain = " ".join(ru_name_nominative(w) for w in plain.split(" "))  # "с То Ламом": То Лам
    known = rd.leader_gazetteer().find(plain)
    ref = known[0].value if known and known[0].form == plain else None
    if ref is None and ctx.lang == "ru":
        ref = rd.ru_declined_leader([tk.text for tk in run if len(tk.text) > 1], t.state)
    if ref is None and ctx.lang == "ru" and len(run) >= 2:
        last = run[-1].text
        ref = rd.ru_leader_by_surname([last, ru_name_nominative(last)], t.state, t.role, ctx.pub)
    if ref is None:
        ref = rd.leader_by_title_words([tk.text for tk in run], t.state, t.role, ctx.pub)
    return ref


def _titled(ctx: Ctx, titles: list[_TitleHit], found: _Found) -> _Found:
    """A name right after a title, known or new ("the Valdorian foreign minister Ines Okafor")."""
    mentions, people = list(found.mentions), dict(found.people)
    taken = found.taken()
    toks, text = ctx.toks, ctx.text
    tok_index = {t.start: i for i, t in enumerate(toks)}
    b = _barriers(ctx, titles)
    for t in titles:
        k = t.j
        if is_headline(ctx, t.m.start):
            continue  # in a Title Case Headline every word looks like a name
        # a name follows the title directly, or after a comma (apposition: "de Brasil, Luiz Inácio Lula")
        if k < len(toks) and toks[k].sep == "|" and text[toks[k - 1].end : toks[k].start].strip() != ",":
            continue
        if any(h.tok == k for h in mentions):
            continue  # already named
        k, inst_state = _past_institution(ctx, k, b)
        k = _past_honorifics(ctx, k)
        if k + 1 < len(toks) and toks[k].text.islower() and len(toks[k].text) <= 3 and _state_form(ctx, [toks[k + 1]]):
            k += 1  # "den Außenminister des Königreichs Thailand X": the article before the state's name
        while k in b.shared:
            k += 1  # "главой МИД Кореи Чо Хёном" naming neither Korea: the name after it
        k_start = k
        run, k = _name_run(ctx, k, b)
        if k < len(toks) and k in b.states and (_state_form(ctx, run) or (not run and _state_form(ctx, [toks[k]]))):
            # "Премьер-министром Федеративной Демократической Республики Эфиопия Абием Ахмедом",
            # "Министром ... Королевства Камбоджа Прак Сокхонном": the state's official name, then
            # the person's
            while k < len(toks) and k in b.states:
                inst_state = inst_state or b.state_of.get(k)
                k += 1
            k = _past_honorifics(ctx, k)
            k_start = k
            run, k = _name_run(ctx, k, b)
        ranked = _ranked_holder(ctx, t, k_start, b)
        if ranked is not None:
            ref, rrun = ranked
            _from_ref(ctx, people, ref)
            if not any(h.start == rrun[0].start for h in mentions):
                mentions.append(
                    LeaderMention(ref, rrun[0].start, rrun[-1].end, tok_index.get(rrun[0].start, 0), "title+name")
                )
            continue
        if len(run) == 1 and t.role in _MONARCHS:
            # "le roi Philippe", "King Charles", "Emir Tamim": a monarch goes by a given name alone
            ref = _monarch(run[0].text, t.state, ctx)
            if ref is not None and not any(h.start == run[0].start for h in mentions):
                _from_ref(ctx, people, ref)
                first = tok_index.get(run[0].start, 0)
                mentions.append(LeaderMention(ref, run[0].start, run[-1].end, first, "title+name"))
            continue
        if len(run) < 2 or (t.role == "counterpart" and not t.state):
            continue
        if "\n" in text[run[0].start : run[-1].end]:
            continue
        first = tok_index.get(run[0].start, 0)
        # "Antony J. Blinken": without its initials the name may be a known one
        ref = _known_after_title(ctx, t, run)
        if ref is not None:
            _from_ref(ctx, people, ref)
            if not any(h.start == run[0].start for h in mentions):
                mentions.append(LeaderMention(ref, run[0].start, run[-1].end, first, "title+name"))
            continue
        if any(kk in taken for kk in range(first, k)):
            continue
        words = name_words(ctx, run)
        if ctx.lang == "ru" and not _nominative_title(ctx, t):
            words = [ru_name_nominative(w) for w in words]
        name = latin(" ".join(words))
        state = t.state or inst_state
        # a person the reference data does not know, of a state whose names are not written in
        # this script ("министр иностранных дел Эфиопии Гедеон Тимотеос"), is shown as the text
        # writes the name, in the nominative, not spelt back into Latin letters that the person's
        # own are not ("Gedeon Timoteos" for Gedion Timothewos); the id stays the Latin one's
        written = " ".join(words) if state and _script_name(ctx, state, words) else None
        lid = "rg:" + slug(name)
        people.setdefault(lid, Person(name, state, None if t.role == "counterpart" else t.role, written))
        mentions.append(LeaderMention(lid, run[0].start, run[-1].end, first, "title+name", (first, k)))
        taken.update(range(first, k))
    return _Found(tuple(mentions), people)


# states whose leaders' names put the family name first, as the press writes them
_FAMILY_FIRST = {"CHN", "TWN", "KOR", "PRK", "KHM"}
# where the press calls a person by the first word of the name too ("Anwar" for Anwar Ibrahim,
# "Prabowo" for Prabowo Subianto, "Anutin", "Shehbaz"): Malay, Indonesian, Thai, Burmese and
# Pakistani naming customs
_GIVEN_NAME_USED = {"MYS", "IDN", "THA", "MMR", "PAK", "BRN"}


@lru_cache(maxsize=1)
def _name_suffixes() -> frozenset[str]:
    """Generational suffixes after a family name, in every language (a name may be foreign)."""
    return frozenset(fold(w) for lang in rd.languages() for w in rd.lexicon(lang).get("name_suffixes", ()))


def _surnames(ctx: Ctx, found: _Found) -> _Found:
    """The surname alone of a new person named in full elsewhere ("Okafor" after "Ines Okafor")."""
    cands: dict[str, set[str]] = defaultdict(set)
    named = {h.lid for h in found.mentions if h.how in ("name", "title+name")}
    suffixes = _name_suffixes()
    written: dict[str, set[str]] = defaultdict(set)
    if ctx.lang == "ru":
        # the name as the text spells it ("Фердинанд Маркос мл." -> Маркос), not the reference's
        for h in found.mentions:
            if h.how == "name":
                words = ctx.text[h.start : h.end].split()
                while len(words) > 2 and fold(words[-1]) in suffixes:
                    words.pop()
                if len(words) >= 2 and len(words[-1]) >= 4:
                    written[h.lid].add(words[-1])
                if len(words) >= 2 and len(words[0]) >= 4 and found.people[h.lid].state in _GIVEN_NAME_USED:
                    written[h.lid].add(words[0])  # "Анвар" after "Анвар Ибрагим"
    for lid, p in found.people.items():
        parts = p.name.split()
        while len(parts) > 2 and fold(parts[-1]) in suffixes:
            parts.pop()  # "Ferdinand Marcos Jr.": the family name is "Marcos", not "Jr."
        if len(parts) < 2:
            continue
        if lid in named and p.state not in _FAMILY_FIRST:
            for w in written.get(lid, ()):
                cands[fold(w)].add(lid)
        if lid not in rd.leaders() and len(parts[-1]) >= 4:
            cands[fold(parts[-1])].add(lid)
        elif lid in named:
            # a known person the article names in full, then by the family name alone ("Lee" after
            # "Lee Jae-myung", "Sánchez" after "Pedro Sánchez"), when no one else here bears it
            family = parts[0] if p.state in _FAMILY_FIRST else parts[-1]
            if len(family) >= 3:
                cands[fold(family)].add(lid)
            if p.state in _GIVEN_NAME_USED and len(parts[0]) >= 4:
                cands[fold(parts[0])].add(lid)  # "Anwar accepted ...", after "Anwar Ibrahim"
    surnames = {k: next(iter(v)) for k, v in cands.items() if len(v) == 1}
    if not surnames:
        return found
    # the whole text: a headline may use the surname before the body gives the full name
    mentions = list(found.mentions)
    taken = found.taken()
    for i, tk in enumerate(ctx.toks):
        lid = surnames.get(tk.fold)
        if lid and is_cap(tk) and i not in taken and not any(h.start <= tk.start < h.end for h in mentions):
            if _other_first_name(ctx, i, lid, taken, mentions, found.people):
                continue
            mentions.append(LeaderMention(lid, tk.start, tk.end, i, "surname", (i, i + 1)))
            taken.add(i)
    return _Found(tuple(mentions), found.people)


@lru_cache(maxsize=4096)
def _own_words(lid: str) -> frozenset[str]:
    """The words of a leader's name in every spelling the reference data gives ("Marcos Jr.",
    "Маркос мл."), folded, without their dots."""
    info = rd.leaders().get(lid)
    if info is None:
        return frozenset()
    return frozenset(fold(w).rstrip(".") for n in (info.name, *info.aliases) for w in n.split())


@lru_cache(maxsize=8)
def _common_words(lang: str) -> frozenset[str]:
    """Every single word of the language's lexicon file, folded: words that open sentences
    ("Ранее", "Meanwhile"), never first names."""
    out: set[str] = set()

    def walk(x):
        if isinstance(x, str):
            out.update(fold(w) for w in re.findall(r"\w+", x))
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)

    walk(rd.lexicon(lang))
    return frozenset(out)


def _named_as_a_relative(ctx: Ctx, lid: str, first: str, family: str) -> bool:
    """Somewhere in the text, "<first> <family>" is followed in its sentence by the leader's full
    name ("Eric Trump, a son of US President Donald Trump") or by a relation to someone ("Дмитрия
    Лукашенко, сына президента Беларуси", "Bilal Erdoğan, dem Sohn des Präsidenten"): another
    person of that family (or of that office's staff), there and wherever the text names them so,
    the headline included."""
    proxies = {fold(w) for w in ctx.lex.get("events", {}).get("proxy_nouns", ())}
    full = fold(rd.leaders()[lid].name) if lid in rd.leaders() else None
    for m in re.finditer(r"(?<!\w)" + re.escape(first) + r"\s+" + re.escape(family) + r"(?!\w)", ctx.text):
        s = ctx.sents[ctx.sent_of(m.start())]
        rest = ctx.text[m.end() : s.end]
        if full and full in fold(rest):
            return True
        after = re.match(r"\s*,\s*((?:[\w'’-]+\s+){0,2}[\w'’-]+)", rest)
        if after and any(
            fold(w) in proxies or lemmatize(ctx.lang, w) in proxies for w in re.findall(r"[\w'’-]+", after.group(1))
        ):
            return True
    return False


def _other_first_name(ctx: Ctx, i: int, lid: str, taken: set[int], mentions=(), people=None) -> bool:
    """The family name ``i`` comes right after a capitalised word that is no part of the person's
    name, no title and no honorific: another member of the family ("Macron's wife Brigitte Macron",
    "Eric Trump, the son of ..."), not the leader. A capitalised word opening the sentence counts
    only when the language does not know it as a common word ("Yesterday Macron said")."""
    import simplemma

    own = _own_words(lid)
    if people and lid in people:
        own = own | {fold(w).rstrip(".") for w in people[lid].name.split()}
    nxt = ctx.toks[i + 1] if i + 1 < len(ctx.toks) else None
    ends = {x.rstrip(".") for x in _name_suffixes()}
    if nxt is not None and nxt.sep == " " and nxt.fold.rstrip(".") in ends and not own & ends:
        return True  # "Donald Trump Jr.": the son (not "Marcos Jr.", "Маркос мл.": his own suffix)
    if i == 0:
        return False
    prev, tk = ctx.toks[i - 1], ctx.toks[i]
    particles = name_particles()
    if prev.fold in particles:
        # "Мухаммед бин Абдулрахман Аль Тани" is not "Тамим бен Хамад Аль Тани": past the particles
        # and the person's own names (or their inflected forms), the first other name says whose it is
        k = i - 1
        while (
            k > 0 and ctx.toks[k + 1].sep == " " and (ctx.toks[k].fold in particles or _own_form(ctx.toks[k].fold, own))
        ):
            k -= 1
        if k == i - 1 or ctx.toks[k + 1].sep != " " or k in taken:
            return False
        prev = ctx.toks[k]
        if not is_cap(prev) or prev.text.isupper() or len(prev.text) < 2:
            return False
        tk = ctx.toks[k + 1]
    if tk.sep != " " or not is_cap(prev) or prev.text.isupper() or len(prev.text) < 2 or (i - 1) in taken:
        return False
    if prev.fold in own or prev.fold in _name_suffixes():
        return False
    if any(len(w) >= 4 and len(prev.fold) >= 4 and (prev.fold.startswith(w) or w.startswith(prev.fold)) for w in own):
        return False  # "Navinchandra Ramgoolam" for "Navin Ramgoolam": the long form of his own first name
    if any(t.m.start <= prev.start < t.end for t in titles(ctx)):
        return False
    from relgraph.loaders.dates import calendar_words

    if prev.fold in {fold(w) for w in calendar_words(ctx.lang)}:
        return False  # "On Tuesday Albanese met ...": a day, not a first name
    if any(m.start <= prev.start < m.end for _, _, m in ctx.state_hits) or any(
        m.start <= prev.start < m.end for _, m in ctx.place_hits
    ):
        return False  # "In Jakarta Albanese ...", "Indonesia's Prabowo"
    plain = {fold(h) for h in ctx.lex.get("honorifics", ())} | {
        fold(h).rstrip(".") for h in ctx.lex.get("dotted_honorifics", ())
    }
    if prev.fold in plain or any(prev.fold == fold(w) for w in ctx.lex.get("titles", {}) if " " not in w):
        return False
    s = ctx.sents[ctx.sent_of(prev.start)]
    # the leader named in full later in the same sentence: "Eric Trump, the son of Donald Trump"
    if any(h.lid == lid and h.how in ("name", "title+name") and tk.end <= h.start < s.end for h in mentions):
        return True
    if prev.fold not in _common_words(ctx.lang) and _named_as_a_relative(ctx, lid, prev.text, tk.text):
        return True

    # else only a word the language does not know ("Brigitte"), not a capitalised common word
    # ("Yesterday Macron", German "Gastgeber Macron")
    return not (simplemma.is_known(prev.text.lower(), ctx.lang) or prev.fold in _common_words(ctx.lang))


def _own_form(word: str, own: frozenset[str]) -> bool:
    """One of a person's own names, or an inflected form of it ("Хамада" of "Хамад")."""
    return word in own or any(len(w) >= 4 and word.startswith(w) and len(word) - len(w) <= 2 for w in own)


def _anaphors(ctx: Ctx, titles: list[_TitleHit], found: _Found) -> _Found:
    """A title with a state and no name ("the Valdorian president"), for the person holding that office."""
    mentions = list(found.mentions)
    people = dict(found.people)
    by_state: dict[str, list[str]] = defaultdict(list)
    for h in mentions:
        st = people[h.lid].state
        if st and h.lid not in by_state[st]:
            by_state[st].append(h.lid)
    in_places = _place_spans(ctx)
    toks = ctx.toks
    houses = _institution_titles(ctx, titles)
    # who holds each ministry the text names with a name after it: (state, ministry words) -> person
    holders: dict[tuple[str | None, frozenset[str]], str] = {}
    for t in titles:
        if not t.portfolio:
            continue
        for h in mentions:
            if (
                h.start >= t.end
                and h.how not in ("anaphor", "title")
                and people.get(h.lid) is not None
                and people[h.lid].state in (t.state, None)
                and re.fullmatch(r"[^.;:()]{0,60},\s*", ctx.text[t.end : h.start])
            ):
                holders.setdefault((t.state, _ministry_words(ctx, t)), h.lid)
    for t in titles:
        if any(s <= t.m.start < e for s, e in in_places) or t.m.start in houses:
            continue
        if not t.state or any(t.m.start <= h.start <= t.end + 2 for h in mentions):
            continue
        if indefinite_title(ctx, t):
            continue  # "last met a Japanese prime minister in 2025": some holder, not the one the text names
        if t.j < len(toks) and any(h.tok == t.j for h in mentions):
            continue
        # the person of that state the article names who holds that office; else nobody: the
        # clause reader makes an unnamed "RUS:vice premier" of it (the text does not say who
        # held the office that day, and the reference data is not the text): "the Russian
        # president" is never the Russian foreign minister
        role = t.role
        if t.portfolio:
            # "le ministre tunisien de l'Artisanat" is not the Tunisian foreign minister the text
            # names; but "el ministro de Comercio de la República Popular China, Wang Wentao" is
            # the person named right after the title's words
            after = next(
                (
                    h
                    for h in sorted(mentions, key=lambda h: h.start)
                    if h.start >= t.end
                    and people.get(h.lid) is not None
                    and people[h.lid].state in (t.state, None)
                    and h.how not in ("anaphor", "title")
                    and re.fullmatch(r"[^.;:()]{0,60},\s*", ctx.text[t.end : h.start])
                ),
                None,
            )
            if after is not None:
                mentions.append(LeaderMention(after.lid, t.m.start, t.end, t.m.i, "anaphor"))
            elif (holder := holders.get((t.state, _ministry_words(ctx, t)))) is not None:
                # the headline's "el ministro de Comercio de China": the one the text names with
                # the same ministry ("el ministro de Comercio de la República Popular China, Wang Wentao")
                mentions.append(LeaderMention(holder, t.m.start, t.end, t.m.i, "anaphor"))
            continue
        if role == "counterpart":
            # "la ministra de Comercio colombiana y su homólogo ecuatoriano": the counterpart holds
            # the office of the one named just before in the sentence, when that one has a title
            role = _counterpart_role(ctx, titles, mentions, people, t) or role
            if role == "counterpart":
                # "Mardi, il s'était entretenu avec son homologue vietnamien": who "il" is, and so
                # which office the counterpart holds, the clause reader tells from the event; not
                # whoever of that state the article names first (the prime minister)
                continue
        fits = [lid for lid in by_state.get(t.state, ()) if any(role_fits(role, r) for r in _offices(ctx, lid, people))]
        if len(fits) > 1:
            # "встречался с японским премьером ..., где провел переговоры с Исибой": of two
            # holders of the office, the one its own sentence names
            k = ctx.sent_of(t.m.start)
            here = {
                h.lid
                for h in mentions
                if h.how not in ("anaphor", "title")
                and ctx.sent_of(h.start) == k
                and not any(s <= h.start < e for s, e in in_places)  # ("la place Kim Il Sung")
            }
            fits = [lid for lid in fits if lid in here] + [lid for lid in fits if lid not in here]
        if fits:
            mentions.append(LeaderMention(fits[0], t.m.start, t.end, t.m.i, "anaphor"))
    return _Found(tuple(mentions), people)


def _generic_title(ctx: Ctx, t: _TitleHit) -> bool:
    """A title used as a kind, not a person: hyphened into a modifier ("a head-of-state visit",
    "prime-minister level") or after a bare preposition with no article (key
    ``generic_title_before``: "visite de chef d'État", "rango de jefe de Estado")."""
    words = ctx.text[t.m.start : t.end]
    if (words.count("-") >= 2 and not re.search(r"\s", words)) or ctx.text[t.end : t.end + 1] == "-":
        return True  # (not "vice-président", one hyphen: a title of its own)
    k = t.m.i - 1
    before = {fold(w).strip("'’") for w in ctx.lex.get("generic_title_before", ())}
    return k >= 0 and ctx.toks[k].fold.strip("'’") in before


def indefinite_title(ctx: Ctx, t: _TitleHit) -> bool:
    """A title after an indefinite article, past the state's adjective ("a Japanese prime
    minister", "un Premier ministre japonais", "einen japanischen Regierungschef"): some holder
    of the office, not a reference to the one the text names."""
    indefinite = {fold(w) for w in ctx.lex.get("indefinite_articles", ())}
    if not indefinite:
        return False
    state_toks = {k for _, _, sm in ctx.state_hits for k in range(sm.i, sm.j)}
    k = t.m.i - 1
    while k >= 0 and k in state_toks:
        k -= 1
    return k >= 0 and ctx.toks[k].fold in indefinite


def _offices(ctx: Ctx, lid: str, people: dict) -> list[str | None]:
    """Every office a person holds on the publication date: the one the reference data ranks first
    and the others ("the Saudi crown prince" is Mohammed bin Salman, prime minister too)."""
    info = rd.leaders().get(lid)
    return [people[lid].role, *(info.roles_on(ctx.pub) if info else ())]


def _counterpart_role(
    ctx: Ctx, titles: list[_TitleHit], mentions: list[LeaderMention], people: dict, t: _TitleHit
) -> str | None:
    """The office of the person a counterpart title pairs with: the nearest title or named leader
    before it in its sentence (None when the sentence names nobody before it)."""
    k = ctx.sent_of(t.m.start)
    lo = ctx.sents[k].start
    cands: list[tuple[int, str | None]] = [
        (x.m.start, x.role) for x in titles if lo <= x.m.start < t.m.start and x.role != "counterpart"
    ]
    cands += [(h.start, people[h.lid].role if h.lid in people else None) for h in mentions if lo <= h.start < t.m.start]
    # not someone named in an aside ("Foreign Minister Penny Wong, travelling with Albanese, had
    # talks with her counterpart": Wong's counterpart, not Albanese's)
    ends = [x.end for x in titles if lo <= x.m.start < t.m.start] + [
        h.end for h in mentions if lo <= h.start < t.m.start
    ]
    cands = [c for c in cands if not _in_aside(ctx.text, lo, c[0], t.m.start, ends)] or cands
    if not cands:
        # "X was received by Y on Thursday. On Tuesday, he had met his Vietnamese counterpart": a
        # pronoun stands for the one the sentences before open with, their subject as a rule (not
        # the last person they name)
        for kk in range(k - 1, max(-1, k - 3), -1):
            s = ctx.sents[kk]
            first = sorted(
                (
                    h
                    for h in mentions
                    if s.start <= h.start < s.end and h.lid in people and people[h.lid].state != t.state
                ),
                key=lambda h: h.start,
            )
            if first:
                cands = [(first[0].start, people[first[0].lid].role)]
                break
    if not cands:
        return None
    role = max(cands, key=lambda c: c[0])[1]
    # heads of state and of government are one another's counterparts ("the king, invited by his
    # Spanish counterpart": the prime minister)
    return "leader" if role in _RULERS else role


def _in_aside(text: str, lo: int, pos: int, hi: int, ends: list[int]) -> bool:
    """``pos`` lies in a clause set off by commas between ``lo`` and ``hi`` that opens with a
    lowercase word and follows a person named or titled right before its comma ("Penny Wong,
    travelling with X,", "X, who came with Y,"; not "que, mercredi, le ministre Barrot, ...")."""
    before = text.rfind(",", lo, pos)
    after = text.find(",", pos, hi)
    if before < 0 or after < 0 or not any(0 <= before - e <= 1 for e in ends):
        return False
    opening = text[before + 1 : pos].lstrip()
    return bool(opening) and opening[0].islower()


_GOVERNMENT = {"prime minister", "chancellor"}
_RULERS = HEADS_OF_STATE | _GOVERNMENT | {"general secretary", "supreme leader"}


def role_fits(title_role: str, role: str | None) -> bool:
    """Can a title of ``title_role`` ("president", "leader", "head of state") name a person
    holding ``role``?"""
    if title_role == "counterpart":
        return True  # "his Indian counterpart": whoever of that state the article names
    if not role:
        return False
    if title_role == role:
        return True
    if title_role == "head of state":
        return role in HEADS_OF_STATE
    if title_role == "leader":
        return role in _RULERS
    if title_role == "minister":
        # "the minister" is not the prime minister; the US secretary of state is a minister
        return ("minister" in role or role == "secretary of state") and role not in _GOVERNMENT
    if title_role in _GOVERNMENT:
        return role in _GOVERNMENT
    if title_role in ("foreign minister", "secretary of state"):
        return role in ("foreign minister", "secretary of state")
    return False


def _institution_titles(ctx: Ctx, titles: list[_TitleHit]) -> set[int]:
    """Starts of the titles an institution's name follows ("la présidente de l'Assemblée", "the
    President of the Senate", "el presidente del Congreso"): an office of that house, not the
    state's president."""
    inst = {k for m in rd.word_gazetteer(ctx.lang, "institutions").find(ctx.text, ctx.index) for k in range(m.i, m.j)}
    connectors = rd.every_language("institution_connectors") | {"the"}
    out = set()
    for t in titles:
        k = t.j
        while k < len(ctx.toks) and k - t.j < 3 and ctx.toks[k].fold in connectors:
            k += 1
        if k > t.j and k in inst:
            out.add(t.m.start)
    return out


def _bare_titles(ctx: Ctx, titles: list[_TitleHit], found: _Found) -> _Found:
    """A bare title for the one person of the article holding it ("the Chancellor said"), not an
    office of a house ("la présidente de l'Assemblée")."""
    mentions = list(found.mentions)
    in_places = _place_spans(ctx)
    houses = _institution_titles(ctx, titles)
    for t in titles:
        if t.state or any(t.m.start <= h.start <= t.end + 2 for h in mentions) or t.m.start in houses:
            continue
        if any(s <= t.m.start < e for s, e in in_places):
            continue  # "the President's Residence" is a building
        if indefinite_title(ctx, t) or _generic_title(ctx, t):
            continue  # "a head-of-state visit", "une visite de chef d'État": a rank, nobody in person
        roles = HEADS_OF_STATE if t.role == "head of state" else {t.role}
        same_role = {lid for lid, p in found.people.items() if p.role in roles}
        if len(same_role) > 1 and t.role == "head of state":
            # "l'entretien du chef de l'État avec le président de la Confédération, Guy Parmelin":
            # "the head of state" is not the one of that rank the same sentence names (not "the
            # presidents of the regional parliaments": a president may be a house's)
            s = ctx.sents[ctx.sent_of(t.m.start)]
            if any(
                h.lid in same_role
                and t.end <= h.start
                and re.fullmatch(r"\s*,?\s*(?:\S+\s+){0,2}", ctx.text[t.end : h.start])
                for h in mentions
            ):
                continue  # "par le chef de l'État, le général Mamadi Doumbouya", "главой государства генералом X": the apposition names him
            here = {h.lid for h in mentions if s.start <= h.start < s.end and h.how in ("name", "title+name")}
            same_role -= here
        if len(same_role) == 1 and t.role not in ("leader", "counterpart", "minister"):
            mentions.append(LeaderMention(same_role.pop(), t.m.start, t.end, t.m.i, "title"))
    return _Found(tuple(mentions), found.people)


def _honorifics(ctx: Ctx, found: _Found) -> _Found:
    """An honorific and one word of a name already seen ("Mme Okafor", "Mr Ruiz")."""
    mentions = list(found.mentions)
    toks, text = ctx.toks, ctx.text
    for m in rd.word_gazetteer(ctx.lang, "honorifics").find(text, ctx.index):
        if m.j >= len(toks):
            continue
        nt = toks[m.j]
        cands = [
            lid
            for lid, p in found.people.items()
            if nt.fold in {fold(w) for w in re.findall(r"\w+", p.name)}
            or any(
                fold(w) == nt.fold for h in mentions if h.lid == lid for w in re.findall(r"\w+", text[h.start : h.end])
            )
        ]
        if len(set(cands)) == 1 and not any(h.start <= nt.start < h.end for h in mentions):
            mentions.append(LeaderMention(cands[0], m.start, nt.end, m.i, "honorific"))
    return _Found(tuple(mentions), found.people)


def _resolve(ctx: Ctx, titles: list[_TitleHit], found: _Found) -> _Found:
    """Drops names inside a place's name ("Ruiz Square") and gives a new person the title before
    their name as role ("Deputy Speaker Ines Okafor"); mentions come out in text order."""
    in_places = _place_spans(ctx)
    # whatever pass found it, a name inside a place's name is the place ("place Kim Il Sung")
    kept = sorted(
        (
            h
            for h in found.mentions
            if not any(s <= h.start and h.end <= e and (s, e) != (h.start, h.end) for s, e in in_places)
        ),
        key=lambda h: h.start,
    )
    # known people keep the office the reference data gives for the publication date
    people = dict(found.people)
    for t in titles:
        for h in kept:
            if (
                h.explicit
                and h.lid.startswith("rg:")
                and h.lid not in rd.leaders()
                and 0 <= h.start - t.end <= 3
                and t.role not in _GENERIC_TITLES
            ):
                people[h.lid] = replace(people[h.lid], role=t.role)
    return _Found(tuple(kept), people)


@lru_cache(maxsize=None)
def _org_res(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    lex = rd.lexicon(lang)
    orgs, heads = lex.get("org_names", ()), lex.get("org_head_words", ())
    if not orgs or not heads:
        return None
    alt = "|".join(re.escape(o) for o in sorted(orgs, key=len, reverse=True))
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    # an organisation's name as written (case kept: "UN", not the "un" of French), a head's title
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w])"), re.compile(rf"(?<![\w])(?:{head})(?![\w])", re.I)


def _org_heads(ctx: Ctx, mentions: tuple[LeaderMention, ...]) -> set[str]:
    """People the text names as the head of an international organisation ("NATO Secretary-General
    Mark Rutte", "le secrétaire général de l'ONU, António Guterres", "генсек ООН", "X, director
    general of the IAEA"): they act for no state here, whatever office the reference data knew."""
    res = _org_res(ctx.lang)
    if res is None:
        return set()
    org, head = res
    out: set[str] = set()
    text = ctx.text
    for m in mentions:
        if m.how not in ("name", "title+name", "short name", "surname"):
            continue
        s = ctx.sents[ctx.sent_of(m.start)]
        # the words just before the name, back to the clause's last comma or stop
        before = text[max(s.start, m.start - 100) : m.start].rstrip()
        before = before[:-1].rstrip() if before.endswith(",") else before
        cut = max(before.rfind(c) for c in ',;:.()«»"')
        seg = before[cut + 1 :]
        seg = " ".join(seg.split()[-10:])
        if seg and org.search(seg) and head.search(seg):
            # the title or the organisation right before the name, nothing else between
            if any(x.end() == len(seg) for r in (org, head) for x in r.finditer(seg)):
                out.add(m.lid)
                continue
        # an apposition after it: ", secretary-general of the OAS," / ", генсек НАТО,"
        after = text[m.end : min(s.end, m.end + 100)]
        if after.startswith(","):
            seg = after[1:]
            stop = min([i for i in (seg.find(c) for c in ",;.()") if i >= 0] or [len(seg)])
            seg = seg[:stop]
            h = head.search(seg)
            if h and org.search(seg) and len(seg[: h.start()].split()) <= 1 and len(seg.split()) <= 10:
                out.add(m.lid)
    return out


def _street_name(ctx: Ctx, start: int, end: int) -> bool:
    """A person's name that names a street or a square ("на улице Налбандяна", "Nalbandyan
    Street", "rue Nelson-Mandela", "calle Simón Bolívar"): an address, not the person (lexicon
    ``street_nouns``, before the name, with a connector or not, or after it)."""
    streets = {fold(w) for w in ctx.lex.get("street_nouns", ())}
    if not streets:
        return False
    conn = {fold(w) for w in ctx.lex.get("place_connectors", ())} | _OF
    words = [fold(w) for w in re.findall(r"\w+", ctx.text[max(0, start - 40) : start])]
    while words and words[-1] in conn:
        words.pop()
    if words and words[-1] in streets and not re.search(r"[.,;:]\s*$", ctx.text[max(0, start - 3) : start]):
        return True
    nxt = re.match(r"[ -](\w+)", ctx.text[end : end + 30])
    return nxt is not None and fold(nxt.group(1)) in streets


def find_leaders(ctx: Ctx) -> None:
    """Leaders in the text, known or new, named or referred to by a title: sets
    ``ctx.leader_hits`` (in text order) and adds the people they name to ``ctx.leader_info``."""
    before = {lid: Person(li["name"], li["state"], li["role"]) for lid, li in ctx.leader_info.items()}
    found = _Found((), before)
    found = _named(ctx, found)
    found = _short_names(ctx, found)
    titles = ctx.title_hits = _titles(ctx)
    found = _titled(ctx, titles, found)
    found = _surnames(ctx, found)
    found = _anaphors(ctx, titles, found)
    found = _bare_titles(ctx, titles, found)
    found = _honorifics(ctx, found)
    found = _resolve(ctx, titles, found)
    heads = _org_heads(ctx, found.mentions)
    ctx.leader_hits = [h.hit() for h in found.mentions if h.lid not in heads and not _street_name(ctx, h.start, h.end)]
    for lid, p in found.people.items():
        if lid not in ctx.leader_info:
            ctx.leader_info[lid] = p.info()
        elif before[lid].role != p.role:
            ctx.leader_info[lid]["role"] = p.role
    _companions_state(ctx)


def _companions_state(ctx: Ctx) -> None:
    """A person the text names with no state who travels with someone ("Enterprise Minister Peter
    Burke, who travelled with the Taoiseach", "der Europa-Staatsminister X, der Wadephul
    begleitet", "qui accompagne le président", "который сопровождает Лаврова") is of the state of
    the one accompanied, named right after (not "X, accompanied by Y": who Y is says nothing of X)."""
    ev = rd.lexicon(ctx.lang).get("events", {})
    accompany = {fold(w) for w in ev.get("accompany_forms", ())}
    travel = {fold(w) for w in ev.get("travel_with_forms", ())}
    marks = {fold(w) for w in ev.get("accompanied_marks", ())}
    with_ = {fold(w) for w in ev.get("companion_case", ())}
    hits = sorted(ctx.leader_hits, key=lambda h: h.start)
    for h in hits:
        li = ctx.leader_info.get(h.lid)
        if li is None or li.get("state") or not h.explicit or not h.lid.startswith("rg:"):
            continue
        s = ctx.sents[ctx.sent_of(h.start)]
        tail = ctx.text[h.end : min(s.end, h.end + 60)]
        words = [fold(w) for w in re.findall(r"\w+", tail)]
        at = next(
            (
                i
                for i, w in enumerate(words)
                if (w in accompany and not (i + 1 < len(words) and words[i + 1] in marks))
                or (w in travel and i + 1 < len(words) and words[i + 1] in with_)
            ),
            None,
        )
        if at is None or at > 4:
            continue  # (the words of a clause of the person's own, not of another further on)
        nxt = next((x for x in hits if x.start > h.end and x.start < min(s.end, h.end + 90) and x.lid != h.lid), None)
        st = ctx.leader_info[nxt.lid].get("state") if nxt is not None else None
        if st:
            li["state"] = st
