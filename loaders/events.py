"""Events read from sentences: meetings, visits, proposals and statements, with participants,
place, date and status (held, planned, past); then the sectors discussed and the main pair.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import MAX_EVIDENCE, Ctx, LeaderHit, stopwords
from relgraph.loaders.dates import DateMention
from relgraph.loaders.gazetteer import Match, fold
from relgraph.loaders.records import (Evidence, MeetingFact, ProposalFact, SectorRef, SourceRef,
                                      StatementFact, VisitFact)

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

    articles = stopwords(ctx)

    def after_loc(m: Match) -> bool:  # "in Beijing", "at the Great Hall", "au cosmodrome"
        for x in loc:
            gap = ctx.text[x.end:m.start]
            if 0 <= len(gap) <= 12 and "\n" not in gap and gap[:1] in (" ", "'", "’", "\u00a0") \
                    and all(fold(w) in articles for w in re.findall(r"\w+", gap)):
                return True
        return False
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


def read_meetings(ctx: Ctx, sector_hits: list[Match]) -> list[MeetingFact]:
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


def read_visits(ctx: Ctx, meetings: list[MeetingFact]) -> list[VisitFact]:
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


def read_statements(ctx: Ctx, sources: list[SourceRef]) -> list[StatementFact]:
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


def read_proposals(ctx: Ctx, sector_hits: list[Match]) -> list[ProposalFact]:
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
                dest = [ctx.places[pid]["state"] for pid, pm in ctx.place_hits
                        if t.end <= pm.start < c_end and ctx.places[pid]["state"]]
                dest += [iso3 for iso3, kind, sm in ctx.state_hits
                         if t.end <= sm.start < c_end and kind in ("name", "official", "acronym")]
                if dest:
                    # "invité à Moscou", "invited Xi to visit Brazil": whoever leads the destination invites
                    host = dest[0]
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


def read_sectors(ctx: Ctx, sector_hits: list[Match], meetings, proposals) -> list[SectorRef]:
    by: dict[str, list[Evidence]] = defaultdict(list)
    for h in sector_hits:
        k = ctx.sent_of(h.start)
        if ctx.has("discuss", k) or ctx.has("meeting", k) or ctx.has("proposal", k) or ctx.has("say", k) \
                or ctx.has("plural_leaders", k) or ctx.has("visit", k):
            by[h.value].append(ctx.ev(h.start, h.end))
    for p in proposals:
        if p.sector and p.sector not in by:
            by[p.sector].extend(p.evidence)
    return [SectorRef(sid, tuple(evs[:MAX_EVIDENCE])) for sid, evs in by.items()]


def main_pair(ctx: Ctx, meetings, visits, proposals) -> tuple[tuple[str, str] | None, set[str]]:
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
    if pair and len(ranked) > 2 and score[ranked[1]] == score[ranked[2]] and not (meetings or visits or proposals):
        pair = None  # forty states named alike: no main pair
    if pair:
        actors |= set(pair)
    return pair, actors


