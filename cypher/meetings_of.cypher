// Whom did a leader, or the leaders of a state, meet? Meetings with the other participants,
// date, place and the quotes that report them, newest first: the newest `limit` (100 unless
// given); `total` says how many there are in all.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Xi Jinping)
// param since?: only meetings dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only meetings dated on or before this ISO date, or null (example: 2024-12-31)
// param limit?: at most this many meetings (of each leader), the newest first, or null for 100 (example: 100)
// returns: date, status, place, leader, met (the other participants), articles, quotes (up to three), total (meetings in all)
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[:ATTENDED]->(m:Meeting)
WHERE ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
WITH DISTINCT l, m
// the page is cut before each meeting's reports are read: the cost is that of the page
WITH l, m ORDER BY coalesce(m.date, '') DESC, l.name, m.id
WITH collect({l: l, m: m}) AS lms
UNWIND lms[..coalesce($limit, 100)] AS lm
WITH lm.l AS l, lm.m AS m, size(lms) AS total
MATCH (l)-[at:ATTENDED]->(m)
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
OPTIONAL MATCH (o:Leader)-[:ATTENDED]->(m) WHERE o <> l
RETURN m.date AS date, m.status AS status, f.name AS place, l.name AS leader,
       collect(DISTINCT o.name) AS met, count(DISTINCT at.article) AS articles,
       collect(DISTINCT at.quote)[..3] AS quotes, total
ORDER BY coalesce(date, '') DESC, leader
