"""Resolve: names as written, in any language, to the graph's canonical keys.

States resolve to ISO 3166-1 alpha-3 codes, leaders to Wikidata QIDs (or ``rg:`` slugs), places
to their ids, all from the reference data, so that "Russie", "Россия" and "Russia" are one node.
Extraction resolves each mention as it finds it; the stored questions resolve their parameters
here, before the query runs (never by building Cypher).

The ids of the nodes relgraph makes itself are made here: meetings (``meeting_id``), projects
(``project_id``) and places the reference data lack (``place_id``). ``resolve_article`` turns an
article's facts into the record the writer takes (``ResolvedArticle``): the facts, the meetings'
ids, and the reference data the graph stores beside them (state names, sector codes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from relgraph.errors import UnknownName
from relgraph.loaders.context import slug
from relgraph.loaders.gazetteer import fold
from relgraph.records import ArticleFacts, CallFact, MeetingFact, ResolvedArticle, SectorCodes, StateName
from relgraph.loaders.refdata import resolve_state

__all__ = ["resolve_state", "resolve_entity", "resolve_article", "meeting_id", "call_id", "project_id", "place_id"]


def meeting_id(m: MeetingFact, article: str, index: int) -> str:
    """Dated meetings with the same people on the same day are one node across articles; an
    undated one (or one dated by day and month only) is the ``index``-th meeting of its article."""
    people = sorted(m.participant_ids or m.participants)
    if m.date and not m.date.startswith("--"):
        key = "|".join(people) + "|" + m.date
    else:
        key = f"{article}|{index}"
    return "meeting:" + hashlib.sha1(key.encode()).hexdigest()[:20]


def call_id(c: CallFact, article: str, index: int) -> str:
    """As ``meeting_id``: dated calls between the same people on the same day are one node."""
    people = sorted(c.participant_ids or c.participants)
    key = "|".join(people) + "|" + c.date if c.date and not c.date.startswith("--") else f"{article}|{index}"
    return "call:" + hashlib.sha1(key.encode()).hexdigest()[:20]


def project_id(by: str, sector: str, what: str) -> str:
    """One project per proposer, sector and (folded) object, across articles and languages."""
    return "project:" + hashlib.sha1(f"{by}|{sector}|{fold(what)[:200]}".encode()).hexdigest()[:16]


def place_id(name: str) -> str:
    """A place the reference data lack: its Latin spelling as a slug, with ``@`` and no state."""
    return slug(name) + "@"


def resolve_article(facts: ArticleFacts) -> ResolvedArticle:
    """The writer's record of one article: its facts, its meetings' ids, the names of the states
    its leaders and places belong to, the CAMEO and PLOVER codes of its sectors, and those of its
    meetings, visits and proposals (``loaders/event_codes.py``)."""
    from relgraph.loaders import refdata as rd

    info = rd.states()
    codes = rd.sector_codes()
    wanted: Sequence[str | None] = [x.state for x in facts.leaders] + [
        x.state for x in (*facts.facilities, *facts.places)
    ]
    state_names = {iso3: StateName(info[iso3].name, info[iso3].wikidata) for iso3 in wanted if iso3 and iso3 in info}
    sector_codes = {
        s.id: SectorCodes(codes.get(s.id, {}).get("cameo"), codes.get(s.id, {}).get("plover")) for s in facts.sectors
    }
    art = facts.article.id
    meeting_ids = tuple(meeting_id(m, art, i) for i, m in enumerate(facts.meetings))
    from relgraph.loaders.event_codes import call_codes, codes_for

    meeting_codes, visit_codes, proposal_codes = codes_for(facts)
    return ResolvedArticle(
        facts,
        meeting_ids,
        state_names,
        sector_codes,
        meeting_codes,
        visit_codes,
        proposal_codes,
        call_ids=tuple(call_id(c, art, i) for i, c in enumerate(facts.calls)),
        call_codes=tuple(call_codes(c) for c in facts.calls),
    )


def resolve_entity(value: str, param: str = "x") -> str:
    """The graph key of a state (ISO3), a leader (QID or rg: id) or a place, from any of its names.

    >>> resolve_entity("Ким Чен Ын"), resolve_entity("Vostotchny"), resolve_entity("Corée du Nord")
    ('Q56226', 'vostochny-cosmodrome@RUS', 'PRK')
    """
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    if value in rd.leaders() or value in rd.places() or value.startswith("rg:"):
        return value
    if param in ("x", "y"):
        # between two entities, "Moscow" is the city (its state is "Russia" or "RUS")
        hits = rd.place_gazetteer().find(value)
        if hits and fold(hits[0].form) == fold(value.strip()):
            return hits[0].value
    iso3 = rd.resolve_state(value)
    if iso3:
        return iso3
    for gaz in (rd.leader_gazetteer(), rd.leader_short_gazetteer(), rd.place_gazetteer()):
        hits = gaz.find(value)
        if hits and fold(hits[0].form) == fold(value.strip()):
            return hits[0].value
    raise UnknownName(f"-p {param} {value!r}: no state, leader or place of that name")
