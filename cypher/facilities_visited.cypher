// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits (by visitor and day), meetings (resolved meetings), visitors (up to ten)
MATCH (f:Facility {state: $state})
CALL (f) {
  OPTIONAL MATCH (f)<-[v:VISITS]-(l:Leader)
  RETURN count(DISTINCT CASE WHEN v IS NOT NULL THEN [l.id, coalesce(v.date, v.article)] END) AS visits
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:HELD_AT]-(m:Meeting)
  RETURN count(DISTINCT m) AS meetings
}
WITH f, visits, meetings WHERE visits + meetings > 0
CALL (f) {
  MATCH (f)<-[:VISITS]-(l:Leader)
  WITH DISTINCT l LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings, visitors
ORDER BY visits + meetings DESC, facility
