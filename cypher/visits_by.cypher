// Where did a leader, or the leaders of a state, go? One row per resolved visit (a trip reported by
// several articles, in any language, dated or not, is one row: graph/events.py), with the number
// of articles, their languages and sources, why their reports were joined, and a quote. The
// newest `limit` visits (100 unless given), in date order; `total` says how many there are in all.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Kim Jong Un)
// param since?: only visits dated on or after this ISO date, or null (example: 2023-01-01)
// param until?: only visits dated on or before this ISO date, or null (example: 2024-12-31)
// param limit?: at most this many visits, the newest ones (undated ones last), or null for 100 (example: 100)
// returns: visitor, place, host_state, date, status, articles, languages, sources, joined_by, quote, total (visits in all)
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
// a traveller's visits are read newest first from the (visitor, date) index, as far as the page
// needs (no report edge read); undated ones count only without since and until, and come last
WITH l, coalesce($limit, 100) AS lim, coalesce($since, '') AS lo, coalesce($until, '\uffff') AS hi,
     $since IS NULL AND $until IS NULL AS whole
// how many in all: every visit of the traveller (index only), or those of the dates asked
CALL (l, lo, hi, whole) {
  MATCH (v:Visit)
  WHERE v.block STARTS WITH CASE WHEN whole THEN l.id + '>' END AND v.lo IS NOT NULL
  RETURN count(v) AS n
  UNION ALL
  MATCH (v:Visit)
  WHERE v.visitor = CASE WHEN NOT whole THEN l.id END AND v.date >= lo AND v.date <= hi
  RETURN count(v) AS n
}
WITH lim, lo, hi, whole, collect(DISTINCT l) AS ls, sum(n) AS total
UNWIND ls AS l
CALL (l, lim, lo, hi) {
  MATCH (v:Visit)
  WHERE v.visitor = l.id AND v.date >= lo AND v.date <= hi
  WITH v ORDER BY v.visitor DESC, v.date DESC LIMIT coalesce($limit, 100)
  RETURN min(v.date) AS cut, count(v) AS dated
}
CALL (l, lim, hi, whole, cut, dated) {
  MATCH (v:Visit)
  WHERE v.visitor = l.id AND v.date >= cut AND v.date <= hi
  RETURN v
  UNION
  // fewer dated visits than the page holds: the undated ones too
  MATCH (v:Visit)
  WHERE v.block STARTS WITH CASE WHEN whole AND dated < lim THEN l.id + '>' END AND v.lo IS NOT NULL AND v.date IS NULL
  RETURN v
}
// the page is cut before each visit's reports are read: the cost is that of the page
WITH lim, total, l, v ORDER BY coalesce(v.date, '') DESC, l.name, v.id
WITH lim, total, collect({l: l, v: v}) AS lvs
WITH total, lvs[..lim] AS page
UNWIND page AS lv
WITH lv.l AS l, lv.v AS v, total
MATCH (l)-[ov:ON_VISIT]->(v)
WITH l, v, total, collect(ov) AS ovs
OPTIONAL MATCH (v)-[:TO]->(p)
WITH l, v, total, ovs, min(coalesce(p.name, p.iso3)) AS place
CALL (ovs) {
  UNWIND ovs AS ov
  MATCH (art:Article {id: ov.article})
  OPTIONAL MATCH (art)-[:REPORTED_BY]->(s:Source)
  WITH count(DISTINCT art) AS articles, collect(DISTINCT art.lang) AS languages,
       collect(DISTINCT s.name) + collect(DISTINCT art.outlet) AS names
  RETURN articles, languages, reduce(o = [], x IN names | CASE WHEN x IN o THEN o ELSE o + x END) AS sources
}
RETURN l.name AS visitor, place, v.host_state AS host_state, v.date AS date, v.status AS status,
       articles, languages, sources, v.joined_by AS joined_by, [ov IN ovs | ov.quote][0] AS quote, total
ORDER BY date, visitor, place
