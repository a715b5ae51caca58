// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits (resolved visits), meetings (resolved meetings), articles (reporting either), visitors (up to ten)
MATCH (f:Facility {state: $state})
CALL (f) {
  OPTIONAL MATCH (f)<-[:TO]-(v:Visit)
  RETURN count(DISTINCT v) AS visits
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:HELD_AT]-(m:Meeting)
  RETURN count(DISTINCT m) AS meetings
}
WITH f, visits, meetings WHERE visits + meetings > 0
CALL (f) {
  // the articles reporting a visit to it or a meeting at it
  OPTIONAL MATCH (f)<-[r:TO|HELD_AT]-()
  RETURN count(DISTINCT r.article) AS articles
}
CALL (f) {
  // a visit's traveller is on the node (every ON_VISIT edge of a visit comes from it): no edge per report read
  MATCH (f)<-[:TO]-(v:Visit)
  WITH DISTINCT v.visitor AS vid
  MATCH (l:Leader {id: vid})
  WITH DISTINCT l ORDER BY l.name LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings, articles, visitors
ORDER BY visits + meetings DESC, facility
