// Meetings between leaders of two states: when, where, who, and the quotes that report them.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// returns: date, status, place, participants, articles (how many report it), quotes
MATCH (:State {iso3: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:State {iso3: $b})
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
MATCH (l:Leader)-[at:ATTENDED]->(m)
RETURN m.date AS date, m.status AS status, f.name AS place,
       collect(DISTINCT l.name) AS participants, count(DISTINCT at.article) AS articles,
       collect(DISTINCT at.quote)[..3] AS quotes
ORDER BY coalesce(date, "") DESC
