"""Statements (who said what, on which channel) and the article's main pair of states.

Meetings, visits, proposals and sectors are read from clause structure in ``clauses.py``.
"""

from __future__ import annotations

import re
from collections import Counter

from relgraph.loaders import refdata as rd
from relgraph.loaders.context import Ctx
from relgraph.loaders.gazetteer import fold
from relgraph.records import SourceRef, StatementFact


def read_statements(ctx: Ctx, sources: list[SourceRef]) -> list[StatementFact]:
    """Sentences with a saying verb and its speaker: a leader named in the sentence, a title
    standing for one ("le président turc a estimé ..."), or the paragraph's last speaker."""
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
        first_word = fold((re.findall(r"\w+", ctx.text[s.start : s.end]) or [""])[0])
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


def main_pair(ctx: Ctx, meetings, visits, proposals) -> tuple[tuple[str, str] | None, set[str]]:
    score: Counter[str] = Counter()
    for iso3, _kind, _ in ctx.state_hits:
        score[iso3] += 1
    for h in ctx.leader_hits:
        st = ctx.leader_info[h.lid]["state"]
        if st:
            score[st] += 2
    actors: set[str] = set()
    # the article's own events make its pair; one recalled as background counts little
    weight = {"held": 5, "planned": 4, "past": 1}
    for m in meetings:
        for lid in m.participant_ids:
            st = ctx.leader_info[lid]["state"]
            if st:
                score[st] += weight.get(m.status, 5)
                actors.add(st)
    for v in visits:
        vst = ctx.leader_info[v.visitor_id]["state"]
        if vst:
            score[vst] += weight.get(v.status, 5)
            actors.add(vst)
        if v.host_state:
            # a host is an actor through its leaders, not by being the venue
            score[v.host_state] += min(3, weight.get(v.status, 5))
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
