// Whom did a leader, or the leaders of a state, call (or take a call from)? Phone and video calls
// with the other participants, date and the quotes that report them, newest first.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Vladimir Putin)
// param since?: only calls dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only calls dated on or before this ISO date, or null (example: 2024-12-31)
// returns: date, status, leader, called (the other participants), articles, quotes (up to three)
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[oc:ON_CALL]->(c:Call)
WHERE ($since IS NULL OR c.date >= $since) AND ($until IS NULL OR c.date <= $until)
// one row per leader and call: the call's reports are counted, the others named, never crossed
WITH l, c, count(DISTINCT oc.article) AS articles, collect(DISTINCT oc.quote)[..3] AS quotes
CALL (l, c) {
  OPTIONAL MATCH (o:Leader)-[:ON_CALL]->(c) WHERE o <> l
  RETURN collect(DISTINCT o.name) AS called
}
RETURN c.date AS date, c.status AS status, l.name AS leader, called, articles, quotes
ORDER BY coalesce(date, '') DESC, leader, c.id
