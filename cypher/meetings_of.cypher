// Whom did a leader, or the leaders of a state, meet? Meetings with the other participants,
// date, place and the quotes that report them, newest first.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Xi Jinping)
// param since?: only meetings dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only meetings dated on or before this ISO date, or null (example: 2024-12-31)
// returns: date, status, place, leader, met (the other participants), articles, quotes (up to three)
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[at:ATTENDED]->(m:Meeting)
WHERE ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
OPTIONAL MATCH (o:Leader)-[:ATTENDED]->(m) WHERE o <> l
RETURN m.date AS date, m.status AS status, f.name AS place, l.name AS leader,
       collect(DISTINCT o.name) AS met, count(DISTINCT at.article) AS articles,
       collect(DISTINCT at.quote)[..3] AS quotes
ORDER BY coalesce(date, '') DESC, leader
