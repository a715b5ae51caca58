// Meetings between leaders of two states, one row per real-world meeting (reports resolved
// across articles and languages): when, where, who, how many articles in which languages and from
// which sources report it, why its reports were joined, and some of their quotes. The newest
// `limit` meetings (100 unless given); `total` says how many there are in all.
// param a: the first state, an ISO3 code or any name or alias (example: RUS)
// param b: the second state (example: PRK)
// param limit?: at most this many meetings, the newest first (undated ones last), or null for 100 (example: 100)
// returns: date, status, place, participants, articles (how many report it), languages, sources, joined_by, quotes, total (meetings in all)
MATCH (:State {iso3: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:State {iso3: $b})
WITH DISTINCT m
WHERE EXISTS { (m)<-[:ATTENDED]-() }
// the page is cut before each meeting's reports are read: the cost is that of the page
WITH m ORDER BY coalesce(m.date, "") DESC, m.id
WITH collect(m) AS ms
UNWIND ms[..coalesce($limit, 100)] AS m
WITH m, size(ms) AS total
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
