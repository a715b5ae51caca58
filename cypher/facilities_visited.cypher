// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits, meetings, visitors
MATCH (f:Facility {state: $state})
OPTIONAL MATCH (l:Leader)-[v:VISITS]->(f)
OPTIONAL MATCH (m:Meeting)-[:HELD_AT]->(f)
WITH f, count(DISTINCT v) AS visits, count(DISTINCT m) AS meetings, collect(DISTINCT l.name) AS visitors
WHERE visits + meetings > 0
RETURN f.name AS facility, f.kind AS kind, visits, meetings, visitors
ORDER BY visits + meetings DESC, facility
