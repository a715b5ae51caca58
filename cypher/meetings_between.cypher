// Meetings between leaders of two states, one row per real-world meeting (reports resolved
// across articles and languages): when, where, who, how many articles in which languages and from
// which sources report it, why its reports were joined, and some of their quotes. The newest
// `limit` meetings (100 unless given); `total` says how many there are in all.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param limit?: at most this many meetings, the newest first (undated ones last), or null for 100 (example: 100)
// returns: date, status, place, participants, articles (how many report it), languages, sources, joined_by, quotes, total (meetings in all)
WITH CASE WHEN $a < $b THEN $a + '|' + $b ELSE $b + '|' + $a END AS k, coalesce($limit, 100) AS lim
WHERE $a <> $b  // a pair is two states
// A meeting of the two states alone has their codes, in order, as its block ("PRK|RUS"); one of
// three or more states names them in `multilateral` (graph/events.py). Both are indexed: the
// page is read newest first from the (block, date) index, no report edge is expanded.
CALL (k, lim) {
  // the date of the `lim`-th newest dated meeting: every meeting of the page is as new, or undated
  MATCH (m:Meeting)
  WHERE m.block = k AND m.date IS NOT NULL AND EXISTS { (m)<-[:ATTENDED]-() }
  // (ordered by block too: the index gives that order, read no further than the page)
  WITH m ORDER BY m.block DESC, m.date DESC LIMIT coalesce($limit, 100)
  RETURN min(m.date) AS cut, count(m) AS dated
}
CALL (k, lim, cut, dated) {
  MATCH (m:Meeting)
  WHERE m.block = k AND m.date >= cut AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN m
  UNION
  // fewer dated meetings than the page holds: the undated ones too
  MATCH (m:Meeting)
  WHERE m.block = CASE WHEN dated < lim THEN k END AND m.lo IS NOT NULL AND m.date IS NULL
    AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN m
  UNION
  MATCH (m:Meeting)
  WHERE m.multilateral CONTAINS $a AND m.multilateral CONTAINS $b
    AND $a IN split(m.multilateral, '|') AND $b IN split(m.multilateral, '|') AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN m
}
// the page is cut before each meeting's reports are read: the cost is that of the page
WITH k, lim, m ORDER BY coalesce(m.date, "") DESC, m.id
WITH k, lim, collect(m) AS cands
WITH k, cands[..lim] AS ms
// how many in all: a count the writers keep per pair (graph/events.py ``tally_keys``), not the
// pair's every meeting counted (16k index entries and their ATTENDED edges for the busiest pair)
CALL (k) {
  MATCH (t:Tally {kind: 'meetings', of: k})
  WHERE t.other = 'all'
  RETURN sum(t.articles) AS total
}
UNWIND ms AS m
WITH m, total
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
WITH m, total, min(f.name) AS place
MATCH (l:Leader)-[at:ATTENDED]->(m)
WITH m, total, place, collect(DISTINCT l.name) AS participants, collect(DISTINCT at.article) AS arts,
     collect(DISTINCT at.quote) AS quotes
CALL (arts) {
  UNWIND arts AS aid
  MATCH (art:Article {id: aid})
  OPTIONAL MATCH (art)-[:REPORTED_BY]->(s:Source)
  WITH collect(DISTINCT art.lang) AS languages, collect(DISTINCT s.name) + collect(DISTINCT art.outlet) AS names
  // the sources an article credits, and its outlet
  RETURN languages, reduce(o = [], x IN names | CASE WHEN x IN o THEN o ELSE o + x END) AS sources
}
RETURN m.date AS date, m.status AS status, place, participants, size(arts) AS articles, languages, sources,
       m.joined_by AS joined_by, quotes[..3] AS quotes, total
ORDER BY coalesce(date, "") DESC, place
