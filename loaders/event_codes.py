"""PLOVER event types and modes, and the nearest CAMEO codes, for the meetings, visits and
proposals of an article (``resolve_article`` puts them in the writer's record), so that the graph
joins with POLECAT (PLOVER) and GDELT (CAMEO).

The codes come from ``data/event_codes.tsv`` (one row per case, each with the line of the PLOVER
manual or of its CAMEO2PLOVER table it rests on); this module only decides the case:

- a meeting held (or past) in one participant's state is a visit: CONSULT/visit, CAMEO 042 for
  the visitors and 043 for the host; in a third state, CONSULT/third-party (044); with three
  states or more, CONSULT/multilateral (040); elsewhere or nowhere said, CONSULT (040);
- a planned meeting or visit is AGREE (036), as the manual codes future meetings and visits;
- a visit held is CONSULT/visit (042);
- a proposal (invitations included) is AGREE, with the CAMEO 03x code of its sector (030 if none).

- a phone or video call held (or past) is CONSULT/phone (041), a planned one AGREE (036).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from relgraph.loaders.refdata import read_tsv
from relgraph.records import ArticleFacts, CallFact, EventCode, MeetingFact, ProposalFact, VisitFact


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], dict[str, str]]:
    return {(r["fact"], r["case"]): r for r in read_tsv("event_codes.tsv")}


def codes(fact: str, case: str) -> EventCode:
    """The PLOVER event type and mode and the CAMEO code of a fact and its case (see the table)."""
    r = table()[(fact, case)]
    return EventCode(r["plover_event"], r["plover_mode"] or None, r["cameo"])


def _leader_state(pid: str, leaders: Mapping[str, str | None]) -> str | None:
    if leaders.get(pid):
        return leaders[pid]
    # an unnamed counterpart is written ISO3:role ("VNM:president")
    return pid[:3] if pid[3:4] == ":" and pid[:3].isupper() else None


def meeting_codes(
    m: MeetingFact, leaders: Mapping[str, str | None], place_state: Mapping[str, str | None]
) -> dict[str, EventCode]:
    """The codes of each participant (by id) of one meeting."""
    ids = list(m.participant_ids)
    states = {pid: _leader_state(pid, leaders) for pid in ids}
    involved = {s for s in states.values() if s}
    if m.status == "planned":
        return {pid: codes("meeting", "planned") for pid in ids}
    where = place_state.get(m.place_id or "") or place_state.get(m.city_id or "")
    if len(involved) >= 3:
        case = "multilateral"
    elif where and where in involved and len(involved) == 2:
        return {pid: codes("meeting", "visit-host" if states[pid] == where else "visit-visitor") for pid in ids}
    elif where and involved and where not in involved:
        case = "third-party"
    else:
        case = "held"
    return {pid: codes("meeting", case) for pid in ids}


def visit_codes(v: VisitFact) -> EventCode:
    return codes("visit", "planned" if v.status == "planned" else "held")


def call_codes(c: CallFact) -> EventCode:
    return codes("call", "planned" if c.status == "planned" else "held")


def proposal_codes(p: ProposalFact) -> EventCode:
    sector = p.sector or "default"
    return codes("proposal", sector if ("proposal", sector) in table() else "default")


def codes_for(
    facts: ArticleFacts,
) -> tuple[tuple[dict[str, EventCode], ...], tuple[EventCode, ...], tuple[EventCode, ...]]:
    """(per meeting: codes by participant id, per visit, per proposal), in the order of ``facts``."""
    leaders = {x.id: x.state for x in facts.leaders}
    place_state = {f.id: f.state for f in (*facts.facilities, *facts.places)}
    return (
        tuple(meeting_codes(m, leaders, place_state) for m in facts.meetings),
        tuple(visit_codes(v) for v in facts.visits),
        tuple(proposal_codes(p) for p in facts.proposals),
    )
