// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits (resolved visits), meetings (resolved meetings), articles (reporting either), visitors (up to ten)
MATCH (f:Facility {state: $state})
CALL (f) {
  OPTIONAL MATCH (f)<-[t:TO]-(v:Visit)
  RETURN count(DISTINCT v) AS visits, collect(DISTINCT t.article) AS visit_arts
}
CALL (f) {
  OPTIONAL MATCH (f)<-[h:HELD_AT]-(m:Meeting)
  RETURN count(DISTINCT m) AS meetings, collect(DISTINCT h.article) AS meeting_arts
}
WITH f, visits, meetings, visit_arts, meeting_arts WHERE visits + meetings > 0
CALL (f) {
  MATCH (f)<-[:TO]-(:Visit)<-[:ON_VISIT]-(l:Leader)
  WITH DISTINCT l ORDER BY l.name LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings,
       size(reduce(o = [], x IN visit_arts + meeting_arts | CASE WHEN x IN o THEN o ELSE o + x END)) AS articles,
       visitors
ORDER BY visits + meetings DESC, facility
