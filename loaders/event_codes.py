"""PLOVER event types and modes, and the nearest CAMEO codes, for the meetings, visits and
proposals of an extraction, so that the graph joins with POLECAT (PLOVER) and GDELT (CAMEO).

The codes come from ``data/event_codes.tsv`` (one row per case, each with the line of the PLOVER
manual or of its CAMEO2PLOVER table it rests on); this module only decides the case:

- a meeting held (or past) in one participant's state is a visit: CONSULT/visit, CAMEO 042 for
  the visitors and 043 for the host; in a third state, CONSULT/third-party (044); with three
  states or more, CONSULT/multilateral (040); elsewhere or nowhere said, CONSULT (040);
- a planned meeting or visit is AGREE (036), as the manual codes future meetings and visits;
- a visit held is CONSULT/visit (042);
- a proposal (invitations included) is AGREE, with the CAMEO 03x code of its sector (030 if none).

Phone calls have a row (CONSULT/phone, 041) but are not read as events today.
"""
from __future__ import annotations

from functools import lru_cache

from relgraph.loaders.refdata import read_tsv


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], dict[str, str]]:
    return {(r["fact"], r["case"]): r for r in read_tsv("event_codes.tsv")}


def codes(fact: str, case: str) -> dict[str, str | None]:
    """``{"plover_event", "plover_mode", "cameo"}`` for a fact and its case (see the table)."""
    r = table()[(fact, case)]
    return {"plover_event": r["plover_event"], "plover_mode": r["plover_mode"] or None, "cameo": r["cameo"]}


def _leader_state(pid: str, leaders: dict[str, str | None]) -> str | None:
    if leaders.get(pid):
        return leaders[pid]
    # an unnamed counterpart is written ISO3:role ("VNM:president")
    return pid[:3] if pid[3:4] == ":" and pid[:3].isupper() else None


def meeting_codes(m: dict, leaders: dict[str, str | None], place_state: dict[str, str | None]) -> dict[str, dict]:
    """The codes of each participant (by id) of one meeting of the extraction contract."""
    ids = m.get("participant_ids") or []
    states = {pid: _leader_state(pid, leaders) for pid in ids}
    involved = {s for s in states.values() if s}
    if m.get("status") == "planned":
        return {pid: codes("meeting", "planned") for pid in ids}
    where = place_state.get(m.get("place_id") or "") or place_state.get(m.get("city_id") or "")
    if len(involved) >= 3:
        case = "multilateral"
    elif where and where in involved and len(involved) == 2:
        return {pid: codes("meeting", "visit-host" if states[pid] == where else "visit-visitor") for pid in ids}
    elif where and involved and where not in involved:
        case = "third-party"
    else:
        case = "held"
    return {pid: codes("meeting", case) for pid in ids}


def visit_codes(v: dict) -> dict:
    return codes("visit", "planned" if v.get("status") == "planned" else "held")


def proposal_codes(p: dict) -> dict:
    sector = p.get("sector") or "default"
    return codes("proposal", sector if ("proposal", sector) in table() else "default")


def annotate(doc: dict) -> dict:
    """Add the codes to the meetings (per participant), visits and proposals of a contract object."""
    leaders = {x["id"]: x.get("state") for x in doc.get("leaders", [])}
    place_state = {f["id"]: f.get("state") for f in doc.get("facilities", []) + doc.get("places", [])}
    for m in doc.get("meetings", []):
        m["codes"] = meeting_codes(m, leaders, place_state)
    for v in doc.get("visits", []):
        v.update(visit_codes(v))
    for p in doc.get("proposals", []):
        p.update(proposal_codes(p))
    return doc
