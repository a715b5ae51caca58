// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits, meetings, visitors (up to ten)
MATCH (f:Facility {state: $state})
WITH f, COUNT { (f)<-[:VISITS]-() } AS visits, COUNT { (f)<-[:HELD_AT]-() } AS meetings
WHERE visits + meetings > 0
CALL (f) {
  MATCH (f)<-[:VISITS]-(l:Leader)
  WITH DISTINCT l LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings, visitors
ORDER BY visits + meetings DESC, facility
