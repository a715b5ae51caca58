"""Mentions: states, places and facilities, titles and leaders (known, new, or named by a title
alone), each resolved to its canonical id as it is found.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import (HEADS_OF_STATE, Ctx, LeaderHit, is_headline, is_cap, latin,
                                      sentence_initial, slug, stopwords)
from relgraph.loaders.gazetteer import Match, Token, fold

def find_states(ctx: Ctx) -> None:
    for m in rd.state_gazetteer(ctx.lang).find(ctx.text, ctx.index):
        iso3, kind = m.value
        if kind == "prefix":
            # "russo-nord-coréen": a combining form counts only when a hyphen follows it
            if not ctx.text[m.end:m.end + 1] in "-‐‑":
                continue
        ctx.state_hits.append((iso3, kind, m))


def find_places(ctx: Ctx) -> None:
    known = rd.places()
    taken: list[tuple[int, int]] = []
    for m in rd.place_gazetteer().find(ctx.text, ctx.index):
        if not any(is_cap(t) for t in ctx.toks[m.i:m.j]):
            continue  # "la paz" is peace, "La Paz" a city: places are proper names
        p = known[m.value]
        ctx.places.setdefault(p.id, {"name": p.name, "kind": p.kind, "state": p.state})
        ctx.place_hits.append((p.id, m))
        taken.append((m.start, m.end))
    # "cosmodrome X", "X estate": a facility word next to a proper name
    toks = ctx.toks
    connectors = {fold(w) for w in ctx.lex.get("connectors", [])} | {"de", "of", "du", "d", "des", "del"}
    stop = stopwords(ctx)
    for m in rd.facility_words(ctx.lang).find(ctx.text, ctx.index):
        kind, order, label = m.value
        if any(s <= m.start < e for s, e in taken):
            continue
        name_toks: list[Token] = []
        if order in ("after", "either"):
            k = m.j
            while k < len(toks) and toks[k].fold in connectors and k - m.j < 2 and toks[k].sep != "|":
                k += 1
            while k < len(toks) and is_cap(toks[k]) and toks[k].sep in (" ", "'") and len(name_toks) < 4 \
                    and toks[k].fold not in stop:
                name_toks.append(toks[k])
                k += 1
        if not name_toks and order in ("before", "either"):
            k = m.i - 1
            while k >= 0 and len(name_toks) < 5:
                tk = toks[k]
                if tk.text == "s" and tk.sep == "'" and k > 0 and is_cap(toks[k - 1]):
                    name_toks.insert(0, tk)  # "Prime Minister's Office"
                    k -= 1
                    continue
                if not (is_cap(tk) and toks[k + 1].sep in (" ", "'") and tk.fold not in stop
                        and not sentence_initial(ctx, tk)):
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
                if s <= pm.start and pm.end <= e and ctx.places[pid]["kind"] == kind:
                    ctx.place_hits[idx] = (pid, Match(pm.i, pm.j, s, e, pid, ctx.text[s:e]))
            continue
        proper = ctx.text[name_toks[0].start:name_toks[-1].end]
        if any(sm.value[1] not in ("metonym", "capital") for sm in rd.state_gazetteer(ctx.lang).find(proper)):
            continue  # "palais de France" names no palace
        if order == "after" or not label:
            name = f"{latin(proper)} {label}".strip() if label else latin(proper)
        else:  # English: the name as written, "Filoli estate"
            name = ctx.text[s:e]
        pid = slug(name) + "@"
        ctx.places.setdefault(pid, {"name": name, "kind": kind, "state": None})
        ctx.place_hits.append((pid, Match(0, 0, s, e, pid, ctx.text[s:e])))
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


def locate_unknown(ctx: Ctx) -> None:
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


def unknown_places(ctx: Ctx) -> None:
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
    for m in rd.source_gazetteer().find(ctx.text, ctx.index):
        busy.update(range(m.i, m.j))  # "according to Xinhua" names an agency, not a place
    stop = stopwords(ctx)
    from relgraph.loaders.dates import calendar_words

    stop |= calendar_words(ctx.lang)
    if ctx.lex.get("capitalised_nouns"):
        return  # German capitalises every noun: "im Herbst" is no place
    heads = rd.facility_words(ctx.lang).find(ctx.text, ctx.index)
    for m in ctx.triggers.get("locative", ()):
        k = ctx.sent_of(m.start)
        if not (ctx.has("visit", k) or ctx.has("meeting", k) or ctx.has("continuation", k)) \
                or ctx.has("remote", k) or is_headline(ctx, m.start):
            continue  # "la situation au Proche-Orient" names a region, not where anyone went
        j = m.j
        run = []
        while j < len(toks) and is_cap(toks[j]) and j not in busy and toks[j].fold not in stop and len(run) < 3 \
                and (not run or toks[j].sep == " ") and not (run == [] and toks[j].sep == "|"):
            run.append(toks[j])
            j += 1
        if not run or any(len(t.text) < 3 for t in run) or sentence_initial(ctx, run[0]):
            continue
        if any(fm.i == index[run[0].start] for fm in heads):
            continue  # "au Musée", "в Музее", "en Museo": a capitalised venue noun, not a city
        s, e = run[0].start, run[-1].end
        name = latin(ctx.text[s:e])
        pid = slug(name) + "@"
        ctx.places.setdefault(pid, {"name": name, "kind": "city", "state": None})
        ctx.place_hits.append((pid, Match(run[0] and index[s], j, s, e, pid, ctx.text[s:e])))
        busy.update(range(index[s], j))


@dataclass(frozen=True)
class _TitleHit:
    role: str
    m: Match
    state: str | None    # the state named in the title phrase ("président russe", "of Vietnam")
    end: int             # end of the title phrase (after the state)
    j: int               # token after the title phrase


def titles(ctx: Ctx) -> list[_TitleHit]:
    """Titles in the text (\"the Russian president\", \"Premier ministre japonais\") with the state they name."""
    return _titles(ctx)


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


def _leader_from_ref(ctx: Ctx, lid: str) -> None:
    if lid in ctx.leader_info:
        return
    info = rd.leaders()[lid]
    ctx.leader_info[lid] = {"name": info.name, "state": info.state, "role": info.role_on(ctx.pub)}


def find_leaders(ctx: Ctx) -> None:
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
        if any(k in taken for k in range(m.i, m.j)) or not is_cap(toks[m.i]):
            continue
        info = rd.leaders()[m.value]
        if m.value in ctx.leader_info or info.state in mentioned_states:
            hits.append(LeaderHit(m.value, m.start, m.end, m.i))
            taken.update(range(m.i, m.j))
            _leader_from_ref(ctx, m.value)

    titles = _titles(ctx)
    stop = stopwords(ctx)
    state_toks = {k for _, _, m in ctx.state_hits for k in range(m.i, m.j)}
    place_toks = set()
    for pid, m in ctx.place_hits:
        if m.j and not glued_to_name(ctx, pid, m):  # "Vuong Dinh Hue": Hue ends a name here
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
        if is_headline(ctx, t.m.start):
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
                elif last_inst is not None and is_cap(toks[kk]):
                    break  # the name begins
            if last_inst is not None:
                k = last_inst + 1
                while k < len(toks) and k - last_inst <= 2 and toks[k].text.islower() and toks[k].sep == " " \
                        and k + 1 < len(toks) and is_cap(toks[k + 1]):
                    k += 1  # "l'Assemblée nationale Anatole Dubreuil"
        run: list[Token] = []
        while k < len(toks) and is_cap(toks[k]) and len(run) < 5 and k not in state_toks \
                and k not in place_toks and k not in title_toks and toks[k].fold not in stop and k not in events \
                and (not run or toks[k].sep in (" ", "'") or (toks[k].sep == "." and len(run[-1].text) == 1)) \
                and (not run or "\n" not in text[run[-1].end:toks[k].start]):
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
            name = latin(" ".join(tk.text + ("." if len(tk.text) == 1 else "") for tk in run))
            lid = "rg:" + slug(name)
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
            if lid and is_cap(tk) and i not in taken \
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


