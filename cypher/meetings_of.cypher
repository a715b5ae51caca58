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
// Each ATTENDED edge carries its leader and its meeting's date ('' for none), indexed (schema
// version 7, kept by the writers as a meeting's date changes): a leader's meetings of the period
// are read newest first from the index, as far as the page needs, and counted from it; no
// meeting outside the page is read.
WITH l, coalesce($since, '') AS lo, coalesce($until, '\uffff') AS hi, coalesce($limit, 100) AS lim
CALL (l, lo, hi) {
  // how many in all (a meeting without a date is in no period: counted only when none is given)
  MATCH ()-[a:ATTENDED]->(m)
  WHERE a.leader = l.id AND a.mdate >= lo AND a.mdate <= hi AND ($until IS NULL OR a.mdate <> '')
  RETURN count(DISTINCT m) AS n
}
CALL (l, lo, hi, lim) {
  // the date of the leader's `lim`-th newest meeting: every meeting of the page is as new
  MATCH ()-[a:ATTENDED]->(m)
  WHERE a.leader = l.id AND a.mdate >= lo AND a.mdate <= hi AND ($until IS NULL OR a.mdate <> '')
  WITH a.mdate AS d, m ORDER BY a.leader DESC, a.mdate DESC
  WITH DISTINCT d, m
  LIMIT coalesce($limit, 100)
  RETURN min(d) AS cut
}
CALL (l, cut, hi) {
  MATCH ()-[a:ATTENDED]->(m)
  WHERE a.leader = l.id AND a.mdate >= cut AND a.mdate <= hi AND ($until IS NULL OR a.mdate <> '')
  RETURN collect(DISTINCT m) AS ms
}
WITH collect({l: l, ms: ms}) AS per, sum(n) AS total
UNWIND per AS x
UNWIND x.ms AS m
// the page is cut before each meeting's reports are read: the cost is that of the page
WITH x.l AS l, m, total ORDER BY coalesce(m.date, '') DESC, l.name, m.id
WITH collect({l: l, m: m}) AS lms, total
UNWIND lms[..coalesce($limit, 100)] AS lm
WITH lm.l AS l, lm.m AS m, total
MATCH (l)-[at:ATTENDED]->(m)
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
OPTIONAL MATCH (o:Leader)-[:ATTENDED]->(m) WHERE o <> l
RETURN m.date AS date, m.status AS status, f.name AS place, l.name AS leader,
       collect(DISTINCT o.name) AS met, count(DISTINCT at.article) AS articles,
       collect(DISTINCT at.quote)[..3] AS quotes, total
ORDER BY coalesce(date, '') DESC, leader
